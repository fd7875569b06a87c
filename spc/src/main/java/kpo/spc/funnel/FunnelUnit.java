package kpo.spc.funnel;

/**
 * One unit compared: its name and its numerator over its denominator (cancelled over operations,
 * deaths over expected deaths, events over population).
 */
public record FunnelUnit(String unit, double numerator, double denominator) {

    public FunnelUnit {
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("a funnel unit needs a name");
        }
        if (!Double.isFinite(numerator) || numerator < 0) {
            throw new IllegalArgumentException("unit '" + unit + "': the numerator is " + numerator
                    + "; expected a count of 0 or more");
        }
        if (!Double.isFinite(denominator) || denominator <= 0) {
            throw new IllegalArgumentException("unit '" + unit + "': the denominator is " + denominator
                    + "; expected a number greater than 0");
        }
    }

    /** The unit's value: numerator over denominator. */
    public double value() {
        return numerator / denominator;
    }
}
