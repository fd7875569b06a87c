package kpo.reports;

/**
 * What a measure's plotted value counts, which decides how numbers are printed and what the value
 * axis is called. The plotted value is the SPC engine's {@code y}, so a proportion chart without a
 * multiplier is {@link #PROPORTION} (0.19 printed as 19.0%) and the same chart with
 * {@code --multiply 100} is {@link #PERCENT}.
 */
public enum Unit {
    /** A count of people or events: 1,109. */
    COUNT("Count", ""),
    /** A percentage already on 0–100: 92.1%. */
    PERCENT("%", "%"),
    /** A proportion on 0–1, printed as a percentage: 0.19 → 19.0%. */
    PROPORTION("%", "%"),
    /** Days (lead times, waits): 42.5 days. */
    DAYS("Days", " days"),
    /** Weeks: 18.2 weeks. */
    WEEKS("Weeks", " weeks"),
    /** Minutes (time in department): 236 minutes. */
    MINUTES("Minutes", " minutes"),
    /** Hours: 4.2 hours. */
    HOURS("Hours", " hours"),
    /** Pounds sterling: £12,300. */
    POUNDS("Pounds (£)", ""),
    /** A rate per the chart's multiplier: 4.21 per 1,000. */
    RATE("Rate", ""),
    /** A plain decimal with no unit to name (an index, a score): 3.72. */
    NUMBER("Value", "");

    private final String axisLabel;
    private final String suffix;

    Unit(String axisLabel, String suffix) {
        this.axisLabel = axisLabel;
        this.suffix = suffix;
    }

    /** The value axis label. */
    public String axisLabel() {
        return axisLabel;
    }

    /** Text written after a number in prose ("42.5 days"); the axis shows the bare number. */
    public String suffix() {
        return suffix;
    }

    /** The least value a measure in this unit can take: 0, but for pounds and plain numbers, which can be negative. */
    public double lowerBound() {
        return this == POUNDS || this == NUMBER ? Double.NEGATIVE_INFINITY : 0;
    }

    /** The greatest value: 100% for a percentage, 1 for a proportion, no bound otherwise. */
    public double upperBound() {
        return this == PERCENT ? 100 : this == PROPORTION ? 1 : Double.POSITIVE_INFINITY;
    }

    /**
     * A process limit as the pack shows it: a limit past where values can go (a lower limit of −20
     * days, an upper limit of 104%) is drawn and printed at that bound, so that no axis invites the
     * eye to values that cannot happen. The computed limit stays in the engine's outputs. NaN stays
     * NaN.
     */
    public double shown(double limit) {
        return Double.isNaN(limit) ? limit : Math.max(lowerBound(), Math.min(upperBound(), limit));
    }

    /** Whether values are a share of a whole, so that "percentage points" describes a difference. */
    public boolean percentage() {
        return this == PERCENT || this == PROPORTION;
    }
}
