package kpo.reports.narrative;

import java.util.List;
import kpo.spc.ChartPoint;

/**
 * Where a phase's longest run lies, so the chart can mark it. A run is a maximal sequence of useful
 * points on one side of the centre line: points that are excluded, missing or exactly on the centre
 * are not useful and neither break nor extend a run (Anhøj & Olesen 2014, as the engine counts them;
 * the engine reports only the length, {@code RunsAnalysis.longestRun()}).
 *
 * @param first index of the run's first point in the chart's points
 * @param last index of its last point
 * @param length number of useful points in it
 */
public record LongestRun(int first, int last, int length) {

    /** The first longest run among points {@code from} (inclusive) to {@code to} (exclusive), or null. */
    public static LongestRun in(List<ChartPoint> points, int from, int to) {
        LongestRun best = null;
        int side = 0;
        int start = -1;
        int end = -1;
        int length = 0;
        for (int i = from; i < to; i++) {
            ChartPoint p = points.get(i);
            if (p.excluded() || p.missing() || Double.isNaN(p.centre()) || p.y() == p.centre()) {
                continue;
            }
            int s = p.y() > p.centre() ? 1 : -1;
            if (s == side) {
                length++;
                end = i;
            } else {
                side = s;
                start = i;
                end = i;
                length = 1;
            }
            if (best == null || length > best.length) {
                best = new LongestRun(start, end, length);
            }
        }
        return best;
    }
}
