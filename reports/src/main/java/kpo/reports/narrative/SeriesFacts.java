package kpo.reports.narrative;

import java.time.LocalDate;
import java.util.List;
import kpo.reports.period.Frequency;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;
import kpo.spc.PointType;

/**
 * Plain facts read off a chart for the words about it: which point is the latest with a value, where
 * its phase starts, how long the current run of rises or of points on one side is. Nothing here is
 * a rule: the engine has already decided the signals; these only count what a sentence will claim.
 */
final class SeriesFacts {

    private final ChartResult chart;
    private final List<ChartPoint> points;
    private final int latest;
    private final Frequency frequency;

    SeriesFacts(ChartResult chart) {
        this.chart = chart;
        this.points = chart.points();
        int index = -1;
        for (int i = points.size() - 1; i >= 0; i--) {
            if (!points.get(i).missing()) {
                index = i;
                break;
            }
        }
        this.latest = index;
        this.frequency = Frequency.ofPoints(points);
    }

    ChartResult chart() {
        return chart;
    }

    List<ChartPoint> points() {
        return points;
    }

    Frequency frequency() {
        return frequency;
    }

    boolean empty() {
        return latest < 0;
    }

    /** The latest point with a value. */
    ChartPoint latest() {
        return points.get(latest);
    }

    int latestIndex() {
        return latest;
    }

    /** Whether the very last period has no value (so "latest" is an earlier one). */
    boolean lastPeriodMissing() {
        return !points.isEmpty() && points.get(points.size() - 1).missing();
    }

    ChartPoint last() {
        return points.get(points.size() - 1);
    }

    /** Index of the first point of the latest point's phase. */
    int phaseStart() {
        int phase = latest().phase();
        int i = latest;
        while (i > 0 && points.get(i - 1).phase() == phase) {
            i--;
        }
        return i;
    }

    /** Points with a value in the latest phase. */
    int phaseValues() {
        int count = 0;
        for (int i = phaseStart(); i < points.size(); i++) {
            if (!points.get(i).missing() && !points.get(i).excluded()) {
                count++;
            }
        }
        return count;
    }

    LocalDate phaseStartDate() {
        return points.get(phaseStart()).period();
    }

    /**
     * Consecutive rises (positive) or falls (negative) ending at the latest point, within its phase:
     * a missing value or an equal neighbour ends the count, as they end a trend.
     */
    int steps() {
        int start = phaseStart();
        int rises = 0;
        int falls = 0;
        for (int i = latest; i > start; i--) {
            ChartPoint p = points.get(i);
            ChartPoint q = points.get(i - 1);
            if (q.missing() || p.missing()) {
                break;
            }
            if (p.y() > q.y() && falls == 0) {
                rises++;
            } else if (p.y() < q.y() && rises == 0) {
                falls++;
            } else {
                break;
            }
        }
        return rises > 0 ? rises : -falls;
    }

    /**
     * Consecutive points on the latest point's side of the centre line, ending at it, within its
     * phase: positive above, negative below, 0 when the latest point is on the line. A missing value
     * or a point on the line ends the count, as they end a shift.
     */
    int side() {
        ChartPoint last = latest();
        if (Double.isNaN(last.centre()) || last.y() == last.centre()) {
            return 0;
        }
        boolean above = last.y() > last.centre();
        int count = 0;
        for (int i = latest; i >= phaseStart(); i--) {
            ChartPoint p = points.get(i);
            if (p.missing() || p.y() == p.centre() || (p.y() > p.centre()) != above) {
                break;
            }
            count++;
        }
        return above ? count : -count;
    }

    /** Points of {@code type} in the latest phase before the latest point. */
    List<ChartPoint> earlierInPhase(PointType type) {
        return points.subList(phaseStart(), latest).stream().filter(p -> !p.missing() && p.type() == type).toList();
    }

    /** Whether any point of the latest phase is special cause. */
    boolean anySpecialInPhase() {
        for (int i = phaseStart(); i <= latest; i++) {
            if (points.get(i).specialCause()) {
                return true;
            }
        }
        return false;
    }
}
