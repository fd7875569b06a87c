package kpo.reports.narrative;

import java.util.List;
import java.util.Locale;
import kpo.reports.MeasureReport;
import kpo.reports.format.ChartNames;
import kpo.reports.period.Frequency;
import kpo.spc.ChartPoint;

/**
 * Where a measure started, for an A3's "baseline → current → target": the centre line of the first
 * phase when the chart has been rebased or its limits frozen on a baseline (the old process), else
 * the mean of the first twelve values (or of all, when fewer).
 *
 * @param value the baseline, NaN without data
 * @param basis what it is, e.g. "mean of phase 1" or "mean of the first 12 months"
 * @param last the last point it covers
 */
public record Baseline(double value, String basis, ChartPoint last) {

    public static Baseline of(MeasureReport measure) {
        List<ChartPoint> points = measure.chart().points();
        if (points.isEmpty()) {
            return new Baseline(Double.NaN, "no data", null);
        }
        boolean frozen = measure.chart().spec().baseline() > 0;
        if ((measure.chart().phases() > 1 || frozen) && Double.isFinite(points.get(0).centre())) {
            ChartPoint last = points.get(0);
            for (ChartPoint p : points) {
                if (p.phase() != 1 || (frozen && !p.baseline())) {
                    break;
                }
                last = p;
            }
            String centre = ChartNames.centre(measure.chart().spec().chart()).toLowerCase(Locale.ROOT);
            return new Baseline(points.get(0).centre(), centre + (frozen ? " of the baseline period" : " of phase 1"),
                    last);
        }
        double sum = 0;
        int n = 0;
        ChartPoint last = null;
        for (ChartPoint p : points) {
            if (n == 12) {
                break;
            }
            if (!p.missing()) {
                sum += p.y();
                n++;
                last = p;
            }
        }
        return n == 0 ? new Baseline(Double.NaN, "no data", null)
                : new Baseline(sum / n, "mean of the first " + n + " " + Frequency.ofPoints(points).nouns(n), last);
    }
}
