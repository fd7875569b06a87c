package kpo.ingest.nhse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kpo.ingest.source.Reason;
import kpo.ingest.validate.Rejection;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Series read from a published NHS England file, in the series table's shape, with the rows read,
 * accepted and rejected ({@code read = accepted + rejected}).
 */
public final class PublishedSeries {

    /** The series table's schema ({@link kpo.ingest.measures.SeriesBuilder#COLUMNS}). */
    public static final StructType SCHEMA = new StructType().add("measure_id", DataTypes.StringType)
            .add("unit_type", DataTypes.StringType).add("unit_code", DataTypes.StringType)
            .add("period", DataTypes.DateType).add("value", DataTypes.DoubleType)
            .add("numerator", DataTypes.DoubleType).add("denominator", DataTypes.DoubleType)
            .add("seq", DataTypes.IntegerType);

    private final String source;
    private final List<Row> rows = new ArrayList<>();
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
        rows.add(RowFactory.create(measure, unitType, unitCode, period, value, null, null, null));
    }

    /** A proportion with its parts. */
    void rate(String measure, String unitType, String unitCode, LocalDate period, double numerator,
            double denominator) {
        rows.add(RowFactory.create(measure, unitType, unitCode, period, denominator == 0 ? null
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

    public Map<String, Long> rejectedByReason() {
        Map<String, Long> counts = new TreeMap<>();
        rejections.forEach(r -> counts.merge(r.reason().code(), 1L, Long::sum));
        return counts;
    }

    /** The series rows, for tests and small uses. */
    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The series as a Spark table, ready to join the engine's own. */
    public Dataset<Row> table(SparkSession spark) {
        return spark.createDataFrame(rows, SCHEMA);
    }
}
