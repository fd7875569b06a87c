package kpo.ingest.source;

import java.util.ArrayList;
import java.util.List;

/**
 * A column of a curated table, whichever engine wrote it: the source's typed fields, the columns
 * derived from them, the month the row counts in, and where it came from. The curated store keeps
 * this one layout, so that a store curated by one engine is read by the other.
 *
 * @param name the column's name
 * @param type its type
 */
public record CuratedColumn(String name, Type type) {

    /** The types of curated columns, each one Parquet type whichever engine writes it. */
    public enum Type {
        /** UTF-8 text. */
        TEXT,
        /** A calendar date. */
        DATE,
        /** A date and time with no zone (microseconds). */
        TIMESTAMP,
        /** A 64-bit float. */
        DOUBLE,
        /** A 32-bit integer. */
        INTEGER,
        /** A 64-bit integer. */
        LONG,
        /** True or false. */
        BOOLEAN;

        /** The type's name in SQL, the same in DuckDB and Spark SQL. */
        public String sql() {
            return switch (this) {
                case TEXT -> "VARCHAR";
                case DATE -> "DATE";
                case TIMESTAMP -> "TIMESTAMP";
                case DOUBLE -> "DOUBLE";
                case INTEGER -> "INTEGER";
                case LONG -> "BIGINT";
                case BOOLEAN -> "BOOLEAN";
            };
        }
    }

    /**
     * The month a row counts in, {@code YYYY-MM}: the partition of the curated table (its folders are
     * {@code month=YYYY-MM}).
     */
    public static final String MONTH = "month";
    /** The extract the row came from (its file). */
    public static final String FILE = "_file";
    /**
     * The row's physical line in its extract (the header is line 1; for Parquet its row number):
     * with {@link #FILE} the source's own order, which breaks ties where the data cannot.
     */
    public static final String LINE = "_line";

    /** The columns of a curated table of {@code kind}, in order. */
    public static List<CuratedColumn> of(SourceKind kind) {
        List<CuratedColumn> columns = new ArrayList<>();
        for (Field f : kind.fields()) {
            columns.add(new CuratedColumn(f.name(), switch (f.type()) {
                case TEXT, CODE -> Type.TEXT;
                case DATE -> Type.DATE;
                case TIMESTAMP -> Type.TIMESTAMP;
                case DECIMAL -> Type.DOUBLE;
                case BOOLEAN -> Type.BOOLEAN;
            }));
        }
        columns.addAll(derived(kind));
        columns.add(new CuratedColumn(MONTH, Type.TEXT));
        columns.add(new CuratedColumn(FILE, Type.TEXT));
        columns.add(new CuratedColumn(LINE, Type.LONG));
        return List.copyOf(columns);
    }

    /** The columns derived from the typed fields, by source. */
    public static List<CuratedColumn> derived(SourceKind kind) {
        return switch (kind) {
            case WAITING_LIST -> List.of(new CuratedColumn("days_waiting", Type.INTEGER),
                    new CuratedColumn("week_band", Type.INTEGER), new CuratedColumn("within_18_weeks", Type.BOOLEAN));
            case CANCELLATIONS -> List.of(new CuratedColumn("cancelled", Type.BOOLEAN));
            case LEAD_TIMES -> List.of(new CuratedColumn("lead_time_days", Type.DOUBLE),
                    new CuratedColumn("lead_time_minutes", Type.DOUBLE));
            case MEASURES -> List.of();
        };
    }
}
