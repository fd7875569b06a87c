package kpo.spc;

import java.util.List;

/**
 * A computed chart: its points in period order, the runs analysis of each phase, and the Making
 * Data Count icons. Immutable.
 *
 * @param spec what was asked for
 * @param points one per period, in period order
 * @param runs one per phase
 * @param variation the variation icon, from the latest point
 * @param assurance the assurance icon, from the target against the latest phase's limits
 * @param warnings things the analyst should know that do not stop the chart (short phases,
 *     rebase or exclude dates that match no point)
 */
public record ChartResult(ChartSpec spec, List<ChartPoint> points, List<RunsAnalysis> runs,
        VariationIcon variation, AssuranceIcon assurance, List<String> warnings) {

    public ChartResult {
        points = List.copyOf(points);
        runs = List.copyOf(runs);
        warnings = List.copyOf(warnings);
    }

    /** The latest point, or null for an empty chart. */
    public ChartPoint latest() {
        return points.isEmpty() ? null : points.get(points.size() - 1);
    }

    /** Number of phases. */
    public int phases() {
        return runs.size();
    }
}
