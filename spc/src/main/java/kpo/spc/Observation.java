package kpo.spc;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * One observation of a series: a period, a value and, for proportions and rates, a denominator.
 * A missing value or an absent denominator is {@code NaN}: missing values keep their point on the
 * chart and are skipped in every calculation. Xbar and S charts take several observations per
 * period (one subgroup).
 *
 * <p>Individual values (each patient's wait in order of referral, each item's lead time in order
 * of completion) are dated by their event, and several events can share a date: their
 * {@code sequence} (from 1, increasing along the series) orders them and keeps them distinct, so
 * that an XmR chart of individual values needs nothing else. Aggregated series have sequence 0.
 *
 * @param period the period, or for an individual value the date of its event
 * @param value the value, NaN when missing
 * @param denominator the denominator, NaN when there is none
 * @param sequence the position of an individual value in its series (1, 2, …), 0 for a period's
 *     only observation
 */
public record Observation(LocalDate period, double value, double denominator, int sequence)
        implements java.io.Serializable {

    /** Period, then sequence: the order of points on a chart. */
    public static final Comparator<Observation> IN_ORDER = Comparator.comparing(Observation::period)
            .thenComparingInt(Observation::sequence);

    public Observation {
        Objects.requireNonNull(period, "period");
        if (sequence < 0) {
            throw new IllegalArgumentException("period " + period + ": a sequence number must be 0 or more");
        }
    }

    /** An observation of an aggregated series (sequence 0). */
    public Observation(LocalDate period, double value, double denominator) {
        this(period, value, denominator, 0);
    }

    /** An observation without a denominator. */
    public static Observation of(LocalDate period, double value) {
        return new Observation(period, value, Double.NaN);
    }

    public static Observation of(LocalDate period, double value, double denominator) {
        return new Observation(period, value, denominator);
    }

    /**
     * An individual value: the {@code sequence}-th of its series (from 1), dated by its event
     * (a referral, a completion).
     */
    public static Observation individual(LocalDate date, int sequence, double value) {
        if (sequence < 1) {
            throw new IllegalArgumentException("date " + date + ": an individual value's sequence starts at 1");
        }
        return new Observation(date, value, Double.NaN, sequence);
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

    /** Whether this is an individual value, ordered by its sequence among others of its date. */
    public boolean individual() {
        return sequence > 0;
    }
}
