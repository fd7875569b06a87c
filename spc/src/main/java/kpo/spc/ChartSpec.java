package kpo.spc;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What to draw: chart type, rule set and their options. Immutable; start from
 * {@link #of(ChartType)} and change one thing at a time, e.g.
 * {@code ChartSpec.of(XMR).improvement(DECREASE).target(212)}. An invalid combination throws
 * {@link IllegalArgumentException} with a sentence meant for the analyst.
 *
 * @param chart the chart type
 * @param rules the rule set
 * @param improvement which direction is better
 * @param target the target, NaN for none
 * @param rebases dates that start a new phase (sorted, distinct)
 * @param baseline limits from the first N points of each phase, 0 for all points
 * @param excluded dates of points left out of the centre line, limits and runs analysis
 * @param screenOutliers moving-range screening, null for the rule set's and chart's default
 * @param multiply scales y, centre and limits (e.g. 1000 for rates per 1,000)
 * @param shift shift length in points, 0 for the rule set's default
 * @param trend trend length in points, 0 for the rule set's default
 */
public record ChartSpec(ChartType chart, RuleSet rules, Improvement improvement, double target,
        List<LocalDate> rebases, int baseline, List<LocalDate> excluded, Boolean screenOutliers, double multiply,
        int shift, int trend) implements java.io.Serializable {

    public ChartSpec {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(improvement, "improvement");
        rebases = rebases.stream().distinct().sorted().toList();
        excluded = excluded.stream().distinct().sorted().toList();
        rules.why(chart).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        if (Double.isInfinite(target)) {
            throw new IllegalArgumentException("the target must be a finite number");
        }
        if (baseline < 0) {
            throw new IllegalArgumentException("the baseline must be a number of points, 1 or more");
        }
        if (rules == RuleSet.PTD && baseline > 0 && baseline < 12) {
            throw new IllegalArgumentException(
                    "rule set 'ptd' needs a baseline of at least 12 points, as NHSRplotthedots does; got " + baseline);
        }
        if (!(multiply > 0) || Double.isInfinite(multiply)) {
            throw new IllegalArgumentException("the multiplier must be a positive number");
        }
        checkLength("shift", shift, rules.defaultShift(), rules);
        checkLength("trend", trend, rules.defaultTrend(), rules);
    }

    private static void checkLength(String rule, int length, int defaultLength, RuleSet rules) {
        if (length == 0 || length == defaultLength) {
            return;
        }
        if (defaultLength == 0) {
            throw new IllegalArgumentException("rule set '" + rules.code() + "' has no " + rule + " rule");
        }
        if (!rules.lengthsSettable()) {
            throw new IllegalArgumentException("rule set '" + rules.code() + "' has a fixed " + rule + " of "
                    + defaultLength + " points; use mdc or ihi to change it");
        }
        if (length < rules.minLength() || length > rules.maxLength()) {
            throw new IllegalArgumentException("rule set '" + rules.code() + "' takes a " + rule + " of "
                    + rules.minLength() + " to " + rules.maxLength() + " points; got " + length);
        }
    }

    /** A chart of this type with its default rule set, neutral direction and nothing else set. */
    public static ChartSpec of(ChartType chart) {
        return new ChartSpec(chart, RuleSet.defaultFor(chart), Improvement.NEUTRAL, Double.NaN, List.of(), 0,
                List.of(), null, 1.0, 0, 0);
    }

    public ChartSpec rules(RuleSet value) {
        return new ChartSpec(chart, value, improvement, target, rebases, baseline, excluded, screenOutliers, multiply,
                shift, trend);
    }

    public ChartSpec improvement(Improvement value) {
        return new ChartSpec(chart, rules, value, target, rebases, baseline, excluded, screenOutliers, multiply, shift,
                trend);
    }

    /** With a target; NaN removes it. */
    public ChartSpec target(double value) {
        return new ChartSpec(chart, rules, improvement, value, rebases, baseline, excluded, screenOutliers, multiply,
                shift, trend);
    }

    public ChartSpec rebases(List<LocalDate> value) {
        return new ChartSpec(chart, rules, improvement, target, value, baseline, excluded, screenOutliers, multiply,
                shift, trend);
    }

    public ChartSpec baseline(int value) {
        return new ChartSpec(chart, rules, improvement, target, rebases, value, excluded, screenOutliers, multiply,
                shift, trend);
    }

    public ChartSpec excluded(List<LocalDate> value) {
        return new ChartSpec(chart, rules, improvement, target, rebases, baseline, value, screenOutliers, multiply,
                shift, trend);
    }

    /** Moving-range screening on or off; null restores the default. */
    public ChartSpec screenOutliers(Boolean value) {
        return new ChartSpec(chart, rules, improvement, target, rebases, baseline, excluded, value, multiply, shift,
                trend);
    }

    public ChartSpec multiply(double value) {
        return new ChartSpec(chart, rules, improvement, target, rebases, baseline, excluded, screenOutliers, value,
                shift, trend);
    }

    public ChartSpec shift(int value) {
        return new ChartSpec(chart, rules, improvement, target, rebases, baseline, excluded, screenOutliers, multiply,
                value, trend);
    }

    public ChartSpec trend(int value) {
        return new ChartSpec(chart, rules, improvement, target, rebases, baseline, excluded, screenOutliers, multiply,
                shift, value);
    }

    public boolean hasTarget() {
        return !Double.isNaN(target);
    }

    /**
     * Whether moving ranges are screened: as asked, else on for {@code ptd} (NHSRplotthedots'
     * default) and for the I, T, P′, U′ and I′ charts (qicharts2 when attached), off otherwise
     * (Making Data Count). Meaningless for charts without moving ranges.
     */
    public boolean screensOutliers() {
        if (screenOutliers != null) {
            return screenOutliers;
        }
        return switch (chart) {
            case XMR -> rules == RuleSet.PTD;
            case I, T, PP, UP, IP -> true;
            case RUN, MR, P, U, C, G, XBAR, S -> false;
        };
    }

    /** The shift length in force. */
    public int shiftLength() {
        return shift == 0 ? rules.defaultShift() : shift;
    }

    /** The trend length in force. */
    public int trendLength() {
        return trend == 0 ? rules.defaultTrend() : trend;
    }
}
