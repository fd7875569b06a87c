package kpo.spc.charts;

import java.time.LocalDate;
import java.util.List;
import kpo.spc.ChartType;
import kpo.spc.Observation;

/**
 * Observations gathered into one subgroup per period, with the value each chart plots before any
 * limit is computed. For every chart but Xbar and S a subgroup is one observation; a period may
 * then appear only once, unless its observations are individual values with distinct sequence
 * numbers (events on the same date, {@link Observation#sequence()}).
 *
 * <p>Where there is a denominator (on any chart, as qicharts2 has it) the plotted value is
 * value/denominator, and a point with either part missing is missing. For Xbar the plotted value is
 * the subgroup mean, for S the sample standard deviation.
 */
public final class Subgroups {

    final LocalDate[] periods;
    /** The sequence of an individual value, 0 for a period's only observation or a subgroup. */
    final int[] sequences;
    /** The observation, or the subgroup mean for Xbar and S. */
    final double[] values;
    final double[] denominators;
    /** The plotted value before scaling. */
    final double[] plotted;
    /** Number of non-missing observations in the subgroup. */
    final int[] sizes;
    /** Sample standard deviation of the subgroup (Xbar and S only). */
    final double[] deviations;
    final boolean hasDenominator;

    /**
     * The largest magnitude accepted. Limits are sums and differences of values, so values near
     * {@link Double#MAX_VALUE} would overflow to infinity; no NHS measure comes within a googol of it.
     */
    static final double LARGEST = 1e100;

    private Subgroups(int n, boolean hasDenominator) {
        periods = new LocalDate[n];
        sequences = new int[n];
        values = new double[n];
        denominators = new double[n];
        plotted = new double[n];
        sizes = new int[n];
        deviations = new double[n];
        this.hasDenominator = hasDenominator;
    }

    public int size() {
        return periods.length;
    }

    public LocalDate period(int i) {
        return periods[i];
    }

    /** The sequence of an individual value (from 1), 0 otherwise. */
    public int sequence(int i) {
        return sequences[i];
    }

    /** The observation, or the subgroup mean for Xbar and S; NaN when missing. */
    public double value(int i) {
        return values[i];
    }

    /** The denominator, NaN when there is none. */
    public double denominator(int i) {
        return denominators[i];
    }

    /**
     * Subgroups of {@code sorted}, which is in period order (then sequence order).
     *
     * @throws IllegalArgumentException for a period (or a date and sequence) given twice on a chart
     *     that takes one observation per period, or a value the chart cannot take
     */
    public static Subgroups of(ChartType chart, List<Observation> sorted) {
        return chart.subgrouped() ? grouped(chart, sorted) : single(chart, sorted);
    }

    private static Subgroups single(ChartType chart, List<Observation> sorted) {
        int n = sorted.size();
        boolean hasDenominator = chart.needsDenominator();
        for (int i = 0; i < n && !hasDenominator; i++) {
            hasDenominator = sorted.get(i).hasDenominator();
        }
        Subgroups s = new Subgroups(n, hasDenominator);
        for (int i = 0; i < n; i++) {
            Observation o = sorted.get(i);
            if (i > 0 && o.period().equals(s.periods[i - 1]) && o.sequence() == s.sequences[i - 1]) {
                throw new IllegalArgumentException(o.individual()
                        ? "date " + o.period() + " has sequence number " + o.sequence() + " more than once; "
                                + "individual values need distinct sequence numbers"
                        : "period " + o.period() + " appears more than once; only xbar and s charts take several "
                                + "observations per period (or number them as individual values)");
            }
            check(chart, o);
            s.periods[i] = o.period();
            s.sequences[i] = o.sequence();
            s.values[i] = o.value();
            s.denominators[i] = o.denominator();
            s.plotted[i] = hasDenominator ? o.value() / o.denominator() : o.value();
            s.sizes[i] = Double.isNaN(s.plotted[i]) ? 0 : 1;
            s.deviations[i] = Double.NaN;
        }
        return s;
    }

    private static void check(ChartType chart, Observation o) {
        double v = o.value();
        double d = o.denominator();
        if (!(Math.abs(v) <= LARGEST) && !Double.isNaN(v) || !(Math.abs(d) <= LARGEST) && !Double.isNaN(d)) {
            throw new IllegalArgumentException("period " + o.period() + ": values must be finite numbers no larger "
                    + "than 1e100 in size");
        }
        if (!Double.isNaN(d) && d <= 0) {
            throw new IllegalArgumentException("period " + o.period() + ": the denominator must be greater than 0");
        }
        if (Double.isNaN(v)) {
            return;
        }
        if (chart.proportion() && !Double.isNaN(d) && (v < 0 || v > d)) {
            throw new IllegalArgumentException("period " + o.period() + ": a " + chart.code()
                    + " chart needs a value between 0 and the denominator");
        }
        if ((chart.rate() || chart == ChartType.C || chart == ChartType.G) && v < 0) {
            throw new IllegalArgumentException("period " + o.period() + ": a " + chart.code()
                    + " chart needs a value of 0 or more");
        }
        if (chart == ChartType.T && v <= 0) {
            throw new IllegalArgumentException("period " + o.period()
                    + ": a t chart needs every time between events to be greater than 0");
        }
    }

    private static Subgroups grouped(ChartType chart, List<Observation> sorted) {
        int groups = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i == 0 || !sorted.get(i).period().equals(sorted.get(i - 1).period())) {
                groups++;
            }
        }
        Subgroups s = new Subgroups(groups, false);
        int g = -1;
        int from = 0;
        for (int i = 0; i <= sorted.size(); i++) {
            boolean boundary = i == sorted.size() || (i > 0 && !sorted.get(i).period().equals(sorted.get(i - 1).period()));
            if (i > 0 && boundary) {
                s.fill(chart, ++g, sorted, from, i);
                from = i;
            }
        }
        return s;
    }

    /**
     * Mean and sample standard deviation of one subgroup, in two passes: the mean as sum/n so that
     * integer data with an integer mean gives it exactly (a point on the centre line must stay on it).
     */
    private void fill(ChartType chart, int g, List<Observation> sorted, int from, int to) {
        periods[g] = sorted.get(from).period();
        int n = 0;
        double sum = 0;
        for (int i = from; i < to; i++) {
            double v = sorted.get(i).value();
            if (!(Math.abs(v) <= LARGEST) && !Double.isNaN(v)) {
                throw new IllegalArgumentException("period " + periods[g] + ": values must be finite numbers no "
                        + "larger than 1e100 in size");
            }
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double squares = 0;
        for (int i = from; i < to; i++) {
            double v = sorted.get(i).value();
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        sizes[g] = n;
        values[g] = mean;
        denominators[g] = Double.NaN;
        deviations[g] = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
        plotted[g] = chart == ChartType.S ? deviations[g] : mean;
    }
}
