package kpo.ingest.measures;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * One row of the series table (schema version {@value SeriesBuilder#SCHEMA_VERSION}): a measure's
 * value for one unit and period. What leaves either engine, and what every later step reads.
 *
 * @param measureId the catalogue measure, e.g. {@code wl_size}
 * @param unitType trust, site, csu, specialty, or {@code unit} for a pre-aggregated series
 * @param unitCode the unit, e.g. {@code RR8} or {@code C_110}
 * @param period the first day of the month, the week's date, or an individual value's event date
 * @param value the value; null only where it is hidden (small-number suppression)
 * @param numerator a rate's numerator, else null
 * @param denominator a rate's denominator, else null
 * @param seq an individual value's place in its series (1, 2, …), else null
 */
public record SeriesRow(String measureId, String unitType, String unitCode, LocalDate period, Double value,
        Double numerator, Double denominator, Integer seq) {

    /** The table's order: series, then period, then place. */
    public static final Comparator<SeriesRow> ORDER = Comparator.comparing(SeriesRow::measureId)
            .thenComparing(SeriesRow::unitType).thenComparing(SeriesRow::unitCode).thenComparing(SeriesRow::period)
            .thenComparing(r -> r.seq() == null ? 0 : r.seq());

    /** A value with no parts (a count, a mean, a percentile). */
    public static SeriesRow value(String measureId, String unitType, String unitCode, LocalDate period, double value) {
        return new SeriesRow(measureId, unitType, unitCode, period, value, null, null, null);
    }

    /** The series this row belongs to. */
    public SeriesKey key() {
        return new SeriesKey(measureId, unitType, unitCode);
    }

    /** The same row with its value and parts hidden. */
    public SeriesRow hidden() {
        return new SeriesRow(measureId, unitType, unitCode, period, null, null, null, seq);
    }
}
