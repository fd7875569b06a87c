package kpo.ingest.nhse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kpo.ingest.source.Reason;
import kpo.ingest.validate.Rejection;
import kpo.ingest.measures.SeriesRow;

/**
 * Series read from a published NHS England file, in the series table's shape, with the rows read,
 * accepted and rejected ({@code read = accepted + rejected}).
 */
public final class PublishedSeries {

    private final String source;
    private final List<SeriesRow> rows = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private long read;

    PublishedSeries(String source) {
        this.source = source;
    }

    void row() {
        read++;
    }

    void reject(String file, long line, String column, String value, Reason reason) {
        rejections.add(new Rejection(source, file, line, column, value, reason));
    }

    /** A value with no numerator or denominator (a count, a percentile). */
    void value(String measure, String unitType, String unitCode, LocalDate period, double value) {
        rows.add(SeriesRow.value(measure, unitType, unitCode, period, value));
    }

    /** An individual value: its place in its series' order is {@code seq} (1, 2, …). */
    void individual(String measure, String unitType, String unitCode, LocalDate period, double value, int seq) {
        rows.add(new SeriesRow(measure, unitType, unitCode, period, value, null, null, seq));
    }

        /** A proportion with its parts. */
    void rate(String measure, String unitType, String unitCode, LocalDate period, double numerator,
            double denominator) {
        rows.add(new SeriesRow(measure, unitType, unitCode, period, denominator == 0 ? null
                : numerator / denominator, numerator, denominator, null));
    }

    public long read() {
        return read;
    }

    public long rejected() {
        return rejections.size();
    }

    public long accepted() {
        return read - rejections.size();
    }

    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    /** The rows rejected, counted by reason in the reasons' order. */
    public Map<kpo.ingest.source.Reason, Long> rejectedByReason() {
        Map<kpo.ingest.source.Reason, Long> counts = new java.util.EnumMap<>(kpo.ingest.source.Reason.class);
        rejections.forEach(r -> counts.merge(r.reason(), 1L, Long::sum));
        return counts;
    }

    /** The series rows, in the order they were read. */
    public List<SeriesRow> rows() {
        return List.copyOf(rows);
    }
}
