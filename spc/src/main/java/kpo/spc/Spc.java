package kpo.spc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kpo.spc.charts.Limits;
import kpo.spc.charts.PhasePlan;
import kpo.spc.charts.Subgroups;
import kpo.spc.rules.PointMarks;
import kpo.spc.rules.PointRules;
import kpo.spc.rules.RunsTests;

/**
 * The SPC engine: a series in, a chart with its signals and icons out. Stateless and thread-safe;
 * call it from as many threads as there are series.
 *
 * <pre>{@code
 * ChartResult chart = Spc.chart(ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE).target(212),
 *         observations);
 * }</pre>
 */
public final class Spc {

    private Spc() {
    }

    /**
     * The chart of {@code observations}, which may come in any order; points are returned in period
     * order (individual values sharing a date in sequence order).
     *
     * @throws IllegalArgumentException when the data cannot make this chart: a period (or a date and
     *     sequence) given twice outside an Xbar or S chart, a proportion outside 0..denominator, a denominator of 0 or less,
     *     a negative count or rate, a time between events of 0 or less, an infinite value
     */
    public static ChartResult chart(ChartSpec spec, List<Observation> observations) {
        return chart(spec, inPeriodOrder(observations), true);
    }

    private static ChartResult chart(ChartSpec spec, List<Observation> sorted, boolean propose) {
        Subgroups groups = Subgroups.of(spec.chart(), sorted);
        PhasePlan plan = PhasePlan.of(spec, groups);
        Limits limits = Limits.compute(spec, groups, plan);
        PointMarks marks = PointRules.evaluate(spec, limits.y(), limits.centre(), limits.upper(), limits.lower(),
                limits.sigma(), limits.upperTwo(), limits.lowerTwo(), plan.starts(), plan.excludedFlags());
        List<RunsAnalysis> runs = runs(spec, limits, plan);
        List<ChartPoint> points = points(spec, groups, plan, limits, marks);
        AssuranceIcon assurance = assurance(spec, points);
        RebaseProposal proposal = propose ? proposal(spec, sorted, points) : null;
        if (proposal != null && assurance != AssuranceIcon.NONE) {
            assurance = AssuranceIcon.NOT_ASSESSABLE;
        }
        return new ChartResult(spec, points, runs, variation(spec, points), assurance, plan.warnings(), proposal);
    }

    /**
     * The rebase to propose when a sustained shift (or, failing one, a trend) runs up to the latest
     * point with a value: the limits then describe the process before the change, not the process
     * now (Making Data Count: recalculate when a sustained change is seen). Not under {@code ptd},
     * which reproduces NHSRplotthedots, nor on a chart without limits. The run is followed back
     * within the latest phase over points with the same signal on the same side (excluded points are
     * passed over); a run that began the phase proposes nothing. A phase starts at the first point on
     * or after its rebase date, so where individual values share the run's first date the proposed
     * phase starts with the first of them.
     */
    private static RebaseProposal proposal(ChartSpec spec, List<Observation> sorted, List<ChartPoint> points) {
        if (spec.rules() == RuleSet.PTD || !spec.chart().controlChart()) {
            return null;
        }
        int latest = points.size() - 1;
        while (latest >= 0 && points.get(latest).missing()) {
            latest--;
        }
        // A rebase after the latest value starts a phase with no value yet: its limits are new, not out
        // of date, whatever the phase before it showed.
        if (latest < 0 || points.get(latest).phase() != points.get(points.size() - 1).phase()) {
            return null;
        }
        ChartPoint last = points.get(latest);
        Signal signal = last.signals().contains(Signal.SHIFT) ? Signal.SHIFT
                : last.signals().contains(Signal.TREND) ? Signal.TREND
                : last.signals().contains(Signal.SIX_TREND) ? Signal.SIX_TREND : null;
        if (signal == null) {
            return null;
        }
        boolean above = last.y() > last.centre();
        int first = latest;
        for (int i = latest - 1; i >= 0 && points.get(i).phase() == last.phase(); i--) {
            ChartPoint point = points.get(i);
            if (point.excluded()) {
                continue;
            }
            boolean sameSide = signal != Signal.SHIFT || (point.y() > point.centre()) == above;
            if (!point.signals().contains(signal) || !sameSide) {
                break;
            }
            first = i;
        }
        int phaseStart = first;
        while (phaseStart > 0 && points.get(phaseStart - 1).phase() == last.phase()) {
            phaseStart--;
        }
        LocalDate from = points.get(first).period();
        if (!points.get(phaseStart).period().isBefore(from)) {
            // The run began with the phase: no rebase date can start another.
            return null;
        }
        List<LocalDate> rebases = new ArrayList<>(spec.rebases());
        rebases.add(from);
        ChartResult rebased = chart(spec.rebases(rebases), sorted, false);
        ChartPoint end = rebased.latest();
        int count = 0;
        for (ChartPoint point : rebased.points()) {
            if (point.phase() == end.phase()) {
                count++;
            }
        }
        ChartPoint limits = latestLimits(rebased.points());
        return new RebaseProposal(from, signal, count, limits.centre(), limits.upperLimit(), limits.lowerLimit(),
                rebased.variation(), rebased.assurance());
    }

    private static List<Observation> inPeriodOrder(List<Observation> observations) {
        for (int i = 1; i < observations.size(); i++) {
            if (Observation.IN_ORDER.compare(observations.get(i), observations.get(i - 1)) < 0) {
                List<Observation> sorted = new ArrayList<>(observations);
                sorted.sort(Observation.IN_ORDER); // stable: the observations of a subgroup keep their order
                return sorted;
            }
        }
        return observations;
    }

    private static List<RunsAnalysis> runs(ChartSpec spec, Limits limits, PhasePlan plan) {
        List<RunsAnalysis> runs = new ArrayList<>(plan.phases());
        boolean signalAllowed = spec.chart() != ChartType.MR;
        for (int p = 0; p < plan.phases(); p++) {
            runs.add(spec.rules() == RuleSet.IHI
                    ? RunsTests.ihi(p + 1, limits.y(), limits.centre(), plan.start(p), plan.end(p),
                            plan.excludedFlags(), signalAllowed)
                    : RunsTests.anhoej(p + 1, limits.y(), limits.centre(), plan.start(p), plan.end(p),
                            plan.excludedFlags(), signalAllowed));
        }
        return runs;
    }

    private static List<ChartPoint> points(ChartSpec spec, Subgroups groups, PhasePlan plan, Limits limits,
            PointMarks marks) {
        int n = groups.size();
        double k = spec.multiply();
        double[] y = limits.y();
        double[] centre = limits.centre();
        double[] upper = limits.upper();
        double[] lower = limits.lower();
        RuleSet rules = spec.rules();
        List<ChartPoint> points = new ArrayList<>(n);
        for (int p = 0; p < plan.phases(); p++) {
            for (int i = plan.start(p); i < plan.end(p); i++) {
                int mask = Double.isNaN(y[i]) ? 0 : marks.signals(i);
                PointType type = pointType(spec, mask, marks.high(i), marks.low(i), y[i] >= centre[i]);
                points.add(new ChartPoint(groups.period(i), groups.value(i), groups.denominator(i), y[i] * k,
                        centre[i] * k, upper[i] * k, lower[i] * k, p + 1, plan.baseline(i), plan.excluded(i),
                        rules.signalsIn(mask), type, groups.sequence(i)));
            }
        }
        return points;
    }

    /**
     * The colour of a point. Under {@code ptd} its first signal decides (NHSRplotthedots' single
     * label); under every other rule set it is improvement if any signal says improvement, else
     * concern, else neutral (Making Data Count: improvement wins). Signals with no direction
     * (oscillation, stratification, mixture) are neutral, high or low by the point's side.
     */
    static PointType pointType(ChartSpec spec, int mask, int high, int low, boolean onOrAboveCentre) {
        if (mask == 0) {
            return PointType.COMMON_CAUSE;
        }
        RuleSet rules = spec.rules();
        int up = high & mask;
        int down = low & mask;
        if (rules == RuleSet.PTD) {
            int first = rules.first(mask).bit();
            up &= first;
            down &= first;
        }
        switch (spec.improvement()) {
            case INCREASE -> {
                if (up != 0) {
                    return PointType.SPECIAL_CAUSE_IMPROVEMENT;
                }
                if (down != 0) {
                    return PointType.SPECIAL_CAUSE_CONCERN;
                }
            }
            case DECREASE -> {
                if (down != 0) {
                    return PointType.SPECIAL_CAUSE_IMPROVEMENT;
                }
                if (up != 0) {
                    return PointType.SPECIAL_CAUSE_CONCERN;
                }
            }
            case NEUTRAL -> {
                for (Signal signal : rules.signals()) {
                    if ((up & signal.bit()) != 0) {
                        return PointType.SPECIAL_CAUSE_NEUTRAL_HIGH;
                    }
                    if ((down & signal.bit()) != 0) {
                        return PointType.SPECIAL_CAUSE_NEUTRAL_LOW;
                    }
                }
            }
        }
        return onOrAboveCentre ? PointType.SPECIAL_CAUSE_NEUTRAL_HIGH : PointType.SPECIAL_CAUSE_NEUTRAL_LOW;
    }

    /**
     * The variation icon from the latest point: under {@code ptd} the last row even when its value is
     * missing (as NHSRplotthedots), otherwise the latest point with a value.
     */
    private static VariationIcon variation(ChartSpec spec, List<ChartPoint> points) {
        for (int i = points.size() - 1; i >= 0; i--) {
            ChartPoint point = points.get(i);
            if (!point.missing() || spec.rules() == RuleSet.PTD) {
                return VariationIcon.of(point.type(), spec.improvement());
            }
        }
        return VariationIcon.COMMON_CAUSE;
    }

    /**
     * The latest point of the latest phase with defined limits (a point whose limits are undefined,
     * such as an XmR chart's only point, gives way to the one before), else the latest point.
     */
    private static ChartPoint latestLimits(List<ChartPoint> points) {
        ChartPoint latest = points.get(points.size() - 1);
        for (int i = points.size() - 1; i >= 0 && points.get(i).phase() == latest.phase(); i--) {
            if (!Double.isNaN(points.get(i).upperLimit())) {
                return points.get(i);
            }
        }
        return latest;
    }

    /**
     * The assurance icon: the target against the process limits of the latest point (so the latest
     * phase). For an increase measure a target above the upper limit will consistently fail and one
     * below the lower limit will consistently pass; the reverse for a decrease measure; anything
     * between, or undefined limits, is hit and miss. The comparisons are strict, except under
     * {@code mdc}, where a target exactly on a limit counts as pass or fail (MDC SQL v2.1).
     */
    private static AssuranceIcon assurance(ChartSpec spec, List<ChartPoint> points) {
        if (!spec.hasTarget() || spec.improvement() == Improvement.NEUTRAL || !spec.chart().hasLimits()
                || points.isEmpty()) {
            return AssuranceIcon.NONE;
        }
        ChartPoint latest = latestLimits(points);
        double target = spec.target();
        boolean inclusive = spec.rules() == RuleSet.MDC;
        boolean aboveProcess = inclusive ? target >= latest.upperLimit() : target > latest.upperLimit();
        boolean belowProcess = inclusive ? target <= latest.lowerLimit() : target < latest.lowerLimit();
        boolean increase = spec.improvement() == Improvement.INCREASE;
        if (aboveProcess) {
            return increase ? AssuranceIcon.FAIL : AssuranceIcon.PASS;
        }
        if (belowProcess) {
            return increase ? AssuranceIcon.PASS : AssuranceIcon.FAIL;
        }
        return AssuranceIcon.HIT_AND_MISS;
    }
}
