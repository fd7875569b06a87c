package kpo.spc;

import java.util.Locale;
import java.util.Optional;

/**
 * The chart types the engine draws. The {@link #code() code} is the name used on the command line
 * and in every output.
 */
public enum ChartType {
    /** Run chart: the median as centre line, no limits (Anhøj & Olesen 2014). */
    RUN("run"),
    /** XmR chart in the Making Data Count style: mean ± 2.66·MR̄. */
    XMR("xmr"),
    /** I chart in the qicharts2 style: mean ± 3·MR̄/1.128. */
    I("i"),
    /** Moving-range chart: |xᵢ − xᵢ₋₁| against 3.267·MR̄. */
    MR("mr"),
    /** P chart for proportions with binomial limits. */
    P("p"),
    /** Laney P′ chart: P-chart limits widened by the between-subgroup variation (Laney 2002). */
    PP("pp"),
    /** U chart for rates with Poisson limits. */
    U("u"),
    /** Laney U′ chart. */
    UP("up"),
    /** C chart for counts. */
    C("c"),
    /** G chart: cases (or days) between rare events, median centre, geometric limits. */
    G("g"),
    /** T chart: time between rare events, I chart on y^(1/3.6) (Nelson 1994). */
    T("t"),
    /** Xbar chart for subgrouped measurements. */
    XBAR("xbar"),
    /** S chart: subgroup standard deviations. */
    S("s"),
    /** I′ chart for proportions with varying denominators (Taylor; qicharts2 0.8). */
    IP("ip");

    private final String code;

    ChartType(String code) {
        this.code = code;
    }

    /** The name on the command line and in the outputs, e.g. {@code xmr}. */
    public String code() {
        return code;
    }

    /** The chart named {@code code}, ignoring case. */
    public static Optional<ChartType> fromCode(String code) {
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (ChartType type : values()) {
            if (type.code.equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Several observations per period make one subgroup (Xbar and S). */
    public boolean subgrouped() {
        return this == XBAR || this == S;
    }

    /** Whether the chart has process limits (all but the run chart). */
    public boolean hasLimits() {
        return this != RUN;
    }

    /**
     * Whether it is a control chart of the values themselves: process limits, and not the
     * moving-range chart (whose points are differences, not the process).
     */
    public boolean controlChart() {
        return hasLimits() && this != MR;
    }

    /** Proportion charts: the value is a count out of the denominator. */
    public boolean proportion() {
        return this == P || this == PP || this == IP;
    }

    /** Rate charts: the value is a count per denominator unit. */
    public boolean rate() {
        return this == U || this == UP;
    }

    /** Whether a denominator is required on every point. */
    public boolean needsDenominator() {
        return proportion() || rate();
    }

    /** Whether the sigma estimate comes from moving ranges, so that screening them means something. */
    public boolean usesMovingRanges() {
        return switch (this) {
            case XMR, I, MR, T, PP, UP, IP -> true;
            case RUN, P, U, C, G, XBAR, S -> false;
        };
    }

    /**
     * Whether the limits are centre ± 3σ with one σ per point, so that the sigma zones of the
     * Western Electric and Nelson rules are defined.
     */
    public boolean symmetricSigmaZones() {
        return switch (this) {
            case XMR, I, P, PP, U, UP, C, XBAR, IP -> true;
            case RUN, MR, G, T, S -> false;
        };
    }
}
