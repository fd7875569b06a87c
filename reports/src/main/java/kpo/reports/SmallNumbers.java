package kpo.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;

/**
 * Small-number suppression for published outputs: a count from 1 to {@code threshold} is shown as
 * {@value #SYMBOL}, because a small count of patients in a named unit and month can identify
 * someone (NHS England's convention suppresses 1–7; 0 is shown, since it discloses nobody).
 *
 * <p>What counts as a count: the value of a measure whose unit is {@link Unit#COUNT}, and the
 * numerator and the denominator of any point that has a denominator (a rate or proportion). A rate
 * whose numerator or denominator is small is hidden with them, since the rate and the other part
 * give the small number back. Means, medians and percentiles of durations are not counts and are
 * never suppressed. A measure with any hidden point has no chart in published outputs: a chart
 * shows every value to anyone who reads the axis.
 *
 * @param threshold the largest count suppressed; 0 turns suppression off
 */
public record SmallNumbers(int threshold) {

    /** What a suppressed value is printed as. */
    public static final String SYMBOL = "*";

    /** No suppression. */
    public static final SmallNumbers OFF = new SmallNumbers(0);

    /** The NHS convention's threshold: counts of 1 to 7 are suppressed. */
    public static final int NHS_THRESHOLD = 7;

    public SmallNumbers {
        if (threshold < 0) {
            throw new IllegalArgumentException("the small-number threshold is a count of 0 or more; got " + threshold);
        }
    }

    public boolean on() {
        return threshold > 0;
    }

    /** Whether {@code count} is small enough to hide: 1 ≤ count ≤ threshold. */
    public boolean hides(double count) {
        return on() && count >= 1 && count <= threshold;
    }

    /**
     * Whether the point of a series in {@code unit} is hidden: its count, or for a point with a
     * denominator its numerator or denominator, is small.
     *
     * @param value the point's value (the numerator when there is a denominator)
     * @param denominator NaN when there is none
     */
    public boolean hides(Unit unit, double value, double denominator) {
        if (!Double.isNaN(denominator)) {
            return hides(value) || hides(denominator);
        }
        return unit == Unit.COUNT && hides(value);
    }

    /** The periods of {@code chart} whose values are hidden, in order. */
    public List<LocalDate> hiddenPeriods(Unit unit, ChartResult chart) {
        List<LocalDate> hidden = new ArrayList<>();
        if (!on()) {
            return hidden;
        }
        for (ChartPoint p : chart.points()) {
            if (!p.missing() && hides(unit, p.value(), p.denominator())) {
                hidden.add(p.period());
            }
        }
        return hidden;
    }

    /** "counts of 1–7", for sentences. */
    public String describe() {
        return threshold == 1 ? "counts of 1" : "counts of 1–" + threshold;
    }
}
