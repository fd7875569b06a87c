package kpo.ingest.measures;

import java.util.Locale;
import java.util.Optional;

/** How a measure turns rows into one value per unit and period. */
public enum Aggregate {
    /** Rows that pass the filter. */
    COUNT,
    /** Rows meeting the numerator condition out of the rows that pass the filter (a proportion). */
    RATE,
    /** Sum of the value expression. */
    SUM,
    /** Mean of the value expression. */
    MEAN,
    /** Exact median of the value expression. */
    MEDIAN,
    /** Exact percentile {@code p} of the value expression. */
    PERCENTILE,
    /**
     * Percentile {@code p} of weeks waited estimated from the weekly bands by linear interpolation
     * inside the band that holds it, as NHS England publishes RTT medians and 92nd percentiles.
     */
    BAND_PERCENTILE,
    /**
     * Every row's value on its own, in order, for an individuals (XmR) chart: each patient's wait
     * in order of referral at one snapshot of the waiting list, each item's lead time in order of
     * completion. Each value is dated by its event and numbered by its place in the order
     * ({@code seq}); see {@link SeriesBuilder}.
     */
    EACH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Aggregate> fromCode(String code) {
        for (Aggregate a : values()) {
            if (a.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
