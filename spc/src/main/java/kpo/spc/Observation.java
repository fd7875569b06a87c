package kpo.spc;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One observation of a series: a period, a value and, for proportions and rates, a denominator.
 * A missing value or an absent denominator is {@code NaN}: missing values keep their point on the
 * chart and are skipped in every calculation. Xbar and S charts take several observations per
 * period (one subgroup).
 */
public record Observation(LocalDate period, double value, double denominator) implements java.io.Serializable {

    public Observation {
        Objects.requireNonNull(period, "period");
    }

    /** An observation without a denominator. */
    public static Observation of(LocalDate period, double value) {
        return new Observation(period, value, Double.NaN);
    }

    public static Observation of(LocalDate period, double value, double denominator) {
        return new Observation(period, value, denominator);
    }

    /** A period with no value: it keeps its place on the chart. */
    public static Observation missing(LocalDate period) {
        return new Observation(period, Double.NaN, Double.NaN);
    }

    public boolean hasValue() {
        return !Double.isNaN(value);
    }

    public boolean hasDenominator() {
        return !Double.isNaN(denominator);
    }
}
