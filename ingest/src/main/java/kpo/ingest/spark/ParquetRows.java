package kpo.ingest.spark;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import kpo.ingest.read.ParquetText;
import kpo.ingest.read.SourceHeader;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.validate.RowReader;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Parquet sources on Spark: Spark reads each file, every value is written as text by
 * {@link ParquetText} (as the embedded engine does) so that the same {@link RowReader} types and
 * checks it, and the "line" of a rejection is the row's number in its file (from 1, Spark's
 * {@code _metadata.row_index} + 1), since Parquet has no lines. The rows come out in Spark's internal
 * form, ready for the source reader's table.
 */
final class ParquetRows {

    private ParquetRows() {
    }

    static JavaRDD<InternalRow> read(SparkSession spark, SourceSpec spec, List<Path> files, RowReader reader,
            boolean haveKey) {
        JavaRDD<InternalRow> all = null;
        for (Path file : files) {
            JavaRDD<InternalRow> rows = read(spark, spec, file, reader, haveKey);
            all = all == null ? rows : all.union(rows);
        }
        return all;
    }

    /** One file: Spark's own (vectorised) reader's internal rows, read in place, each value typed as the file has it. */
    private static JavaRDD<InternalRow> read(SparkSession spark, SourceSpec spec, Path file, RowReader reader,
            boolean haveKey) {
        Dataset<Row> table = spark.read().parquet(file.toString());
        SourceHeader.check(spec, file.toString(), Arrays.asList(table.columns()), haveKey);
        int[] at = SourceHeader.positions(spec, Arrays.asList(table.columns()));
        List<Column> columns = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        for (int position : at) {
            if (position >= 0) {
                columns.add(col("`" + table.columns()[position] + "`"));
                types.add(table.schema().fields()[position].dataType());
            }
        }
        // Parquet knows each row's index in its file: no sort is needed to number the rows.
        columns.add(col("_metadata.row_index").as("_row"));
        Dataset<Row> numbered = table.select(columns.toArray(Column[]::new));
        int width = SparkRows.schema(spec.kind()).size();
        String name = file.toString();
        DataType[] typeOf = types.toArray(DataType[]::new);
        RDD<InternalRow> scanned = ((org.apache.spark.sql.classic.Dataset<Row>) numbered).queryExecution().toRdd();
        return scanned.toJavaRDD().mapPartitions(in -> {
            UTF8String fileName = UTF8String.fromString(name);
            return new Iterator<InternalRow>() {
                @Override
                public boolean hasNext() {
                    return in.hasNext();
                }

                @Override
                public InternalRow next() {
                    InternalRow r = in.next();
                    String[] raw = new String[at.length];
                    int column = 0;
                    for (int f = 0; f < at.length; f++) {
                        if (at[f] >= 0) {
                            raw[f] = r.isNullAt(column) ? null : ParquetText.of(value(r, column, typeOf[column]));
                            column++;
                        }
                    }
                    return SparkRows.encode(reader.read(name, r.getLong(typeOf.length) + 1, raw), width, fileName);
                }
            };
        });
    }

    /** A value as Java's type for it, as the embedded engine hands it over, for {@link ParquetText}. */
    private static Object value(InternalRow r, int i, DataType type) {
        if (type instanceof StringType) {
            return r.getUTF8String(i).toString();
        }
        if (type instanceof DateType) {
            return LocalDate.ofEpochDay(r.getInt(i));
        }
        if (type instanceof TimestampNTZType) {
            return DateTimeUtils.microsToLocalDateTime(r.getLong(i));
        }
        if (type instanceof TimestampType) {
            return DateTimeUtils.microsToInstant(r.getLong(i));
        }
        if (type instanceof IntegerType) {
            return (long) r.getInt(i);
        }
        if (type instanceof LongType) {
            return r.getLong(i);
        }
        if (type instanceof ShortType) {
            return (long) r.getShort(i);
        }
        if (type instanceof ByteType) {
            return (long) r.getByte(i);
        }
        if (type instanceof DoubleType) {
            return r.getDouble(i);
        }
        if (type instanceof FloatType) {
            return r.getFloat(i);
        }
        if (type instanceof BooleanType) {
            return r.getBoolean(i);
        }
        if (type instanceof DecimalType d) {
            return r.getDecimal(i, d.precision(), d.scale()).toJavaBigDecimal();
        }
        if (type instanceof BinaryType) {
            return r.getBinary(i);
        }
        return r.get(i, type).toString();
    }
}
