package kpo.ingest.spark;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import kpo.ingest.source.CuratedColumn;
import kpo.ingest.source.SourceKind;
import kpo.ingest.validate.ReadRow;
import kpo.ingest.validate.Rejection;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The row reader's rows in Spark's internal form, as the Spark engine hands them to Spark: text as
 * {@code UTF8String}, dates as days since 1970-01-01, timestamps as microseconds. Spark takes such
 * rows without converting every value again, which an external {@code Row} costs. One schema holds
 * both outcomes: the curated columns ({@link CuratedColumn#of}), then {@code _reason},
 * {@code _column} and {@code _value}, null for an accepted row.
 */
public final class SparkRows {

    /** The outcome columns after the curated ones. */
    public static final String REASON = "_reason";
    public static final String COLUMN = "_column";
    public static final String VALUE = "_value";

    private SparkRows() {
    }

    /** The Spark type of a curated column type. */
    public static DataType type(CuratedColumn.Type type) {
        return switch (type) {
            case TEXT -> DataTypes.StringType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampNTZType;
            case DOUBLE -> DataTypes.DoubleType;
            case INTEGER -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }

    /** The curated table's schema. */
    public static StructType curated(SourceKind kind) {
        List<StructField> columns = new ArrayList<>();
        for (CuratedColumn c : CuratedColumn.of(kind)) {
            columns.add(DataTypes.createStructField(c.name(), type(c.type()), true));
        }
        return new StructType(columns.toArray(StructField[]::new));
    }

    /** The schema of the reader's rows: the curated columns, then the outcome. */
    public static StructType schema(SourceKind kind) {
        return curated(kind).add(REASON, DataTypes.StringType).add(COLUMN, DataTypes.StringType)
                .add(VALUE, DataTypes.StringType);
    }

    /**
     * One row in {@link #schema} layout.
     *
     * @param width the number of columns of {@link #schema}
     * @param file the row's file, converted once per file by the caller rather than once per row
     */
    public static InternalRow encode(ReadRow row, int width, UTF8String file) {
        Object[] out = new Object[width];
        int lineAt = width - 4;
        if (row instanceof ReadRow.Accepted accepted) {
            Object[] values = accepted.values();
            for (int i = 0; i < values.length; i++) {
                out[i] = internal(values[i]);
            }
        } else {
            Rejection r = ((ReadRow.Rejected) row).rejection();
            out[width - 3] = UTF8String.fromString(r.reason().code());
            out[width - 2] = r.column() == null ? null : UTF8String.fromString(r.column());
            out[width - 1] = r.value() == null ? null : UTF8String.fromString(r.value());
        }
        out[lineAt - 1] = file;
        out[lineAt] = row.line();
        return new GenericInternalRow(out);
    }

    private static Object internal(Object v) {
        if (v instanceof String text) {
            return UTF8String.fromString(text);
        }
        if (v instanceof LocalDate date) {
            return (int) date.toEpochDay();
        }
        if (v instanceof LocalDateTime time) {
            return DateTimeUtils.localDateTimeToMicros(time);
        }
        return v;
    }
}
