package kpo.spc.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.ChartWarning;
import kpo.spc.RuleSet;

/**
 * Which phase each point belongs to, which points form the baseline the limits come from, and
 * which points are excluded.
 *
 * <ul>
 *   <li>A rebase date starts a new phase at the first point on or after it. Under {@code ptd} only
 *       a point dated exactly on it does, and an unmatched date is ignored with a warning, as
 *       NHSRplotthedots does. Individual values can share a date: the phase starts at the first
 *       of them.</li>
 *   <li>A baseline of N: the limits of each phase come from its first N points (missing ones
 *       counted) and are extended to the rest.</li>
 *   <li>An excluded point is plotted and tested against the limits, but left out of the centre
 *       line, the limits and the runs analysis; an exclude date excludes every point of that
 *       date.</li>
 * </ul>
 */
public final class PhasePlan {

    /** Start index of each phase, then the number of points. */
    final int[] starts;
    final boolean[] baseline;
    final boolean[] excluded;
    final List<ChartWarning> warnings;

    private PhasePlan(int[] starts, boolean[] baseline, boolean[] excluded, List<ChartWarning> warnings) {
        this.starts = starts;
        this.baseline = baseline;
        this.excluded = excluded;
        this.warnings = warnings;
    }

    public int phases() {
        return starts.length - 1;
    }

    public int start(int phase) {
        return starts[phase];
    }

    public int end(int phase) {
        return starts[phase + 1];
    }

    public boolean baseline(int i) {
        return baseline[i];
    }

    public boolean excluded(int i) {
        return excluded[i];
    }

    public List<ChartWarning> warnings() {
        return warnings;
    }

    /** The starts array, for the rules: phase k is {@code [starts[k], starts[k+1])}. */
    public int[] starts() {
        return starts;
    }

    public boolean[] excludedFlags() {
        return excluded;
    }

    public static PhasePlan of(ChartSpec spec, Subgroups subgroups) {
        LocalDate[] periods = subgroups.periods;
        int n = periods.length;
        List<ChartWarning> warnings = new ArrayList<>(0);
        int[] starts = phaseStarts(spec, periods, warnings);
        boolean[] baseline = new boolean[n];
        boolean[] excluded = new boolean[n];
        for (int p = 0; p + 1 < starts.length; p++) {
            for (int i = starts[p]; i < starts[p + 1]; i++) {
                baseline[i] = spec.baseline() == 0 || i - starts[p] < spec.baseline();
            }
            int length = starts[p + 1] - starts[p];
            if (spec.chart().hasLimits() && length > 0 && length < ChartWarning.ShortPhase.ENOUGH) {
                warnings.add(new ChartWarning.ShortPhase(p + 1, length));
            }
        }
        for (LocalDate date : spec.excluded()) {
            int i = firstOnOrAfter(periods, date);
            if (i < n && periods[i].equals(date)) {
                for (; i < n && periods[i].equals(date); i++) {
                    excluded[i] = true;
                }
            } else {
                warnings.add(new ChartWarning.UnmatchedExclusion(date));
            }
        }
        return new PhasePlan(starts, baseline, excluded, List.copyOf(warnings));
    }

    private static int[] phaseStarts(ChartSpec spec, LocalDate[] periods, List<ChartWarning> warnings) {
        int n = periods.length;
        if (n == 0) {
            return new int[] {0};
        }
        int[] starts = new int[spec.rebases().size() + 2];
        int count = 0;
        starts[count++] = 0;
        boolean exact = spec.rules() == RuleSet.PTD;
        for (LocalDate date : spec.rebases()) {
            int i = firstOnOrAfter(periods, date);
            if (i == n || !periods[i].equals(date)) {
                if (exact) {
                    warnings.add(new ChartWarning.IgnoredRebase(date, ChartWarning.IgnoredRebase.Why.NO_POINT_ON_IT));
                    continue;
                }
                if (i == n) {
                    warnings.add(new ChartWarning.IgnoredRebase(date, ChartWarning.IgnoredRebase.Why.AFTER_THE_LAST_POINT));
                    continue;
                }
            }
            if (i == 0) {
                warnings.add(new ChartWarning.IgnoredRebase(date,
                        ChartWarning.IgnoredRebase.Why.ON_OR_BEFORE_THE_FIRST_POINT));
            } else if (i > starts[count - 1]) {
                starts[count++] = i;
            } else {
                warnings.add(new ChartWarning.IgnoredRebase(date,
                        ChartWarning.IgnoredRebase.Why.SAME_PHASE_AS_THE_ONE_BEFORE));
            }
        }
        starts[count++] = n;
        return Arrays.copyOf(starts, count);
    }

    /**
     * The index of the first period on or after {@code date} in {@code periods} (sorted, with
     * repeats where individual values share a date), or the length when there is none.
     */
    private static int firstOnOrAfter(LocalDate[] periods, LocalDate date) {
        int low = 0;
        int high = periods.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (periods[mid].isBefore(date)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
