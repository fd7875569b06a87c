package kpo.reports.narrative;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kpo.reports.MeasureReport;
import kpo.reports.SmallNumbers;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;
import kpo.reports.period.Frequency;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;

/**
 * An earlier value that is different now from what the board was shown: the source data was
 * corrected, validated or arrived late after the earlier pack. Found by comparing the measure's
 * chart with {@link MeasureReport#previous()}, which is the stored earlier pack's chart when there is
 * one ({@code BoardPack.vintage()}); when {@code previous} was recomputed from this month's data the
 * two agree on every earlier period and nothing is restated.
 *
 * @param period the point's period
 * @param before the point the earlier pack showed, null when it had none (late data)
 * @param now the point now, null when it has gone (withdrawn)
 */
public record Restatement(LocalDate period, ChartPoint before, ChartPoint now) {

    /**
     * Relative tolerance below which two plotted values are the same number: the values come from
     * the same arithmetic, so anything above rounding noise is a real change in the data.
     */
    private static final double TOLERANCE = 1e-9;

    /**
     * The restated points of {@code measure}, in period order: every period up to the earlier chart's
     * last whose value was added, withdrawn or changed.
     */
    public static List<Restatement> of(MeasureReport measure) {
        ChartResult before = measure.previous();
        List<Restatement> restated = new ArrayList<>();
        // Individual values are one list in order (this month's snapshot), not a history to restate.
        if (before == null || before.points().isEmpty()
                || measure.chart().points().stream().anyMatch(p -> p.sequence() > 0)) {
            return restated;
        }
        LocalDate last = before.points().get(before.points().size() - 1).period();
        Map<LocalDate, ChartPoint> now = new HashMap<>();
        for (ChartPoint p : measure.chart().points()) {
            now.put(p.period(), p);
        }
        Map<LocalDate, ChartPoint> then = new HashMap<>();
        for (ChartPoint p : before.points()) {
            then.put(p.period(), p);
            ChartPoint current = now.get(p.period());
            if (differ(p.y(), current == null ? Double.NaN : current.y())) {
                restated.add(new Restatement(p.period(), p.missing() ? null : p,
                        current == null || current.missing() ? null : current));
            }
        }
        for (ChartPoint p : measure.chart().points()) {
            if (!p.period().isAfter(last) && !then.containsKey(p.period()) && !p.missing()) {
                restated.add(new Restatement(p.period(), null, p));
            }
        }
        restated.sort((x, y) -> x.period().compareTo(y.period()));
        return restated;
    }

    private static boolean differ(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) != Double.isNaN(b);
        }
        return Math.abs(a - b) > TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /**
     * "Mar 2025: reported 212, now 230", in the measure's units; "*" for either value when small-number
     * suppression hides either (one small value next to the other would give it away).
     */
    public String describe(MeasureReport measure, SmallNumbers smallNumbers) {
        Frequency frequency = Frequency.of(measure.chart().points().stream().map(ChartPoint::period).toList());
        ValueFormat values = ValueFormat.of(measure.unit(), measure.chart());
        boolean hidden = measure.hidden(period) || hides(smallNumbers, measure, before) || hides(smallNumbers,
                measure, now);
        String was = before == null ? "not reported" : "reported " + (hidden ? SmallNumbers.SYMBOL
                : values.observed(before.y()));
        String is = now == null ? "now withdrawn" : "now " + (hidden ? SmallNumbers.SYMBOL : values.observed(now.y()));
        return Dates.period(period, frequency) + ": " + was + ", " + is;
    }

    private static boolean hides(SmallNumbers smallNumbers, MeasureReport measure, ChartPoint p) {
        return p != null && smallNumbers.hides(measure.unit(), p.value(), p.denominator());
    }
}
