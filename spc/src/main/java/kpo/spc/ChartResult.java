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
 *     ({@link AssuranceIcon#NOT_ASSESSABLE} when they are out of date)
 * @param warnings things the analyst should know that do not stop the chart (short phases,
 *     rebase or exclude dates that match no point)
 * @param proposal the rebase the engine proposes because the latest phase's limits are out of
 *     date, or null when they still describe the process
 */
public record ChartResult(ChartSpec spec, List<ChartPoint> points, List<RunsAnalysis> runs,
        VariationIcon variation, AssuranceIcon assurance, List<ChartWarning> warnings, RebaseProposal proposal) {

    public ChartResult {
        points = List.copyOf(points);
        runs = List.copyOf(runs);
        warnings = List.copyOf(warnings);
    }

    /** The latest point, or null for an empty chart. */
    public ChartPoint latest() {
        return points.isEmpty() ? null : points.get(points.size() - 1);
    }

    /** Whether the latest phase's limits are out of date: a sustained shift or trend runs to the latest point. */
    public boolean limitsOutOfDate() {
        return proposal != null;
    }

    /** The short-phase warning of phase {@code phase} (from 1), or null when it has enough points. */
    public ChartWarning.ShortPhase shortPhase(int phase) {
        for (ChartWarning warning : warnings) {
            if (warning instanceof ChartWarning.ShortPhase shortPhase && shortPhase.phase() == phase) {
                return shortPhase;
            }
        }
        return null;
    }

    /** Number of phases. */
    public int phases() {
        return runs.size();
    }
}
