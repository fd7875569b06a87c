package kpo.spc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A named, versioned set of special-cause rules. The conventions of each (points on the centre
 * line, ties, label priority) are written out in {@code shared/reference/ALGORITHMS.md}.
 */
public enum RuleSet {
    /**
     * NHSRplotthedots 0.2.2 exactly, quirks included: outside limits, 7-point trend, 2 of 3 strictly
     * between 2σ and 3σ with all three on one side, 7-point shift; one label per point by that
     * priority; MR screening on. XmR only.
     */
    PTD("ptd", "0.2.2", 7, 7, List.of(Signal.OUTSIDE_LIMITS, Signal.TREND, Signal.TWO_OF_THREE, Signal.SHIFT)),
    /**
     * NHS England Making Data Count guidance as of November 2023: as {@link #PTD} except that 2 of 3
     * counts every point beyond 2σ (beyond 3σ included), improvement wins over concern on a point, a
     * target exactly on a limit is pass or fail, MR screening is off on XmR, and shift and trend take
     * 6–8 points (default 7). Applies to every control chart (not the run chart, not the moving-range
     * chart): Making Data Count applies its four tests to any SPC chart, and PowerBI-SPC to its P, U,
     * C, G and T charts; each test reads the chart's own centre, limits and 2σ lines
     * ({@code Limits.upperTwo}). On XmR it is the same as it always was, so the version stands.
     */
    MDC("mdc", "2023.11", 7, 7, List.of(Signal.OUTSIDE_LIMITS, Signal.TREND, Signal.TWO_OF_THREE, Signal.SHIFT)),
    /**
     * qicharts2 0.8.1: 3σ limits and the Anhøj runs analysis (longest run and number of crossings
     * against binomial limits; Anhøj & Olesen 2014). The default for every chart but XmR.
     */
    ANHOEJ("anhoej", "0.8.1", 0, 0, List.of(Signal.OUTSIDE_LIMITS)),
    /**
     * The IHI run-chart rules (Perla, Provost & Murray 2011): a shift of 6 points on one side of the
     * centre (points on it skipped), a trend of 5 (ties skipped), too many or too few runs, and on
     * control charts an astronomical point beyond the limits.
     */
    IHI("ihi", "2011", 6, 5, List.of(Signal.OUTSIDE_LIMITS, Signal.SHIFT, Signal.TREND)),
    /**
     * The Western Electric zone rules (Statistical Quality Control Handbook, 1956): one point beyond
     * 3σ, 2 of 3 beyond 2σ on one side, 4 of 5 beyond 1σ on one side, 8 in a row on one side.
     */
    WE("we", "1956", 8, 0, List.of(Signal.OUTSIDE_LIMITS, Signal.TWO_OF_THREE, Signal.FOUR_OF_FIVE, Signal.SHIFT)),
    /** Nelson's eight tests (Journal of Quality Technology, 1984), in his order. */
    NELSON("nelson", "1984", 9, 6, List.of(Signal.OUTSIDE_LIMITS, Signal.SHIFT, Signal.SIX_TREND,
            Signal.FOURTEEN_ALTERNATING, Signal.TWO_OF_THREE, Signal.FOUR_OF_FIVE,
            Signal.FIFTEEN_WITHIN_ONE_SIGMA, Signal.EIGHT_BEYOND_ONE_SIGMA));

    private final String code;
    private final String version;
    private final int defaultShift;
    private final int defaultTrend;
    private final List<Signal> priority;
    private final int signalMask;
    /** Every subset of this rule set's signals as an ordered list, indexed by signal mask: no list is built per point. */
    private final List<Signal>[] listsByMask;

    @SuppressWarnings("unchecked")
    RuleSet(String code, String version, int defaultShift, int defaultTrend, List<Signal> priority) {
        this.code = code;
        this.version = version;
        this.defaultShift = defaultShift;
        this.defaultTrend = defaultTrend;
        this.priority = priority;
        int mask = 0;
        for (Signal signal : priority) {
            mask |= signal.bit();
        }
        this.signalMask = mask;
        this.listsByMask = new List[1 << Signal.values().length];
    }

    /** The short name, e.g. {@code mdc}. */
    public String code() {
        return code;
    }

    /** The version of the rules reproduced, e.g. {@code 2023.11}. */
    public String version() {
        return version;
    }

    /** Name and version as written in every result, e.g. {@code mdc-2023.11}. */
    public String qualifiedName() {
        return code + "-" + version;
    }

    /** The point signals this rule set can raise, in its priority order. */
    public List<Signal> signals() {
        return priority;
    }

    /** The default shift length in points, or 0 where the rule set has no shift rule. */
    public int defaultShift() {
        return defaultShift;
    }

    /** The default trend length in points (N points have N − 1 rises), or 0 where there is none. */
    public int defaultTrend() {
        return defaultTrend;
    }

    /** Whether {@code --shift} and {@code --trend} may change the lengths. */
    public boolean lengthsSettable() {
        return this == MDC || this == IHI;
    }

    /** The smallest and largest settable length ({@link #MDC}: 6–8 as the MDC tools allow). */
    public int minLength() {
        return this == MDC ? 6 : 3;
    }

    public int maxLength() {
        return this == MDC ? 8 : 20;
    }

    /** Whether this rule set applies to {@code chart}; {@link #why(ChartType)} says why not. */
    public boolean appliesTo(ChartType chart) {
        return why(chart).isEmpty();
    }

    /** Why this rule set cannot be used with {@code chart}, or empty when it can. */
    public Optional<String> why(ChartType chart) {
        return switch (this) {
            case PTD -> chart == ChartType.XMR ? Optional.empty()
                    : Optional.of("rule set 'ptd' applies to xmr charts only; use mdc, anhoej, ihi, we or nelson for "
                            + chart.code());
            case MDC -> chart.controlChart() ? Optional.empty()
                    : Optional.of("rule set 'mdc' applies to control charts; use anhoej or ihi for " + chart.code());
            case ANHOEJ, IHI -> Optional.empty();
            case WE, NELSON -> chart.symmetricSigmaZones() ? Optional.empty()
                    : Optional.of("rule set '" + code + "' needs symmetric 3-sigma zones, which the " + chart.code()
                            + " chart does not have; use anhoej or ihi");
        };
    }

    /** The default rule set for a chart: {@link #MDC} for XmR, {@link #ANHOEJ} for the rest. */
    public static RuleSet defaultFor(ChartType chart) {
        return chart == ChartType.XMR ? MDC : ANHOEJ;
    }

    /**
     * The default rule set of a board pack's chart: {@link #MDC} on every control chart it applies
     * to, so one rule set stands under the Making Data Count icons; {@link #ANHOEJ}'s runs rules on
     * run and moving-range charts. ({@code kpo spc} keeps {@link #defaultFor(ChartType)}.)
     */
    public static RuleSet packDefaultFor(ChartType chart) {
        return MDC.appliesTo(chart) ? MDC : ANHOEJ;
    }

    /**
     * The rule set named {@code text}: a name ({@code mdc}) or a name and this engine's version of it
     * ({@code mdc-2023.11}). Another version is not known.
     */
    public static Optional<RuleSet> fromCode(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (RuleSet rules : values()) {
            if (rules.code.equals(wanted) || rules.qualifiedName().equals(wanted)) {
                return Optional.of(rules);
            }
        }
        return Optional.empty();
    }

    /** The signals in {@code mask} that this rule set raises, in priority order. */
    public List<Signal> signalsIn(int mask) {
        int own = mask & signalMask;
        List<Signal> cached = listsByMask[own];
        if (cached == null) {
            cached = priority.stream().filter(s -> (own & s.bit()) != 0).toList();
            listsByMask[own] = cached; // benign race: every thread computes the same immutable list
        }
        return cached;
    }

    /** The first signal of {@code mask} in priority order, or null when none. */
    public Signal first(int mask) {
        for (Signal signal : priority) {
            if ((mask & signal.bit()) != 0) {
                return signal;
            }
        }
        return null;
    }
}
