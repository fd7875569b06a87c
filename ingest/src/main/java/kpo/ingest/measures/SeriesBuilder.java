package kpo.ingest.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kpo.ingest.IngestException;
import kpo.ingest.source.SourceKind;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Curated tables → the series table the SPC engine reads: one row per measure, unit and period,
 * {@code (measure_id, unit_type, unit_code, period, value, numerator, denominator)}. Periods are
 * dates: the first day of the month for monthly measures; for weekly ones the snapshot date of a
 * waiting list, or the Monday of the week for flows. A monthly waiting-list measure counts the
 * last snapshot of each month (a stock is counted at the census date, as RTT returns are).
 */
public final class SeriesBuilder {

    /** The columns of the series table, in order. */
    public static final List<String> COLUMNS = List.of("measure_id", "unit_type", "unit_code", "period", "value",
            "numerator", "denominator");

    private SeriesBuilder() {
    }

    /**
     * The series of every measure whose source is present.
     *
     * @param curated the accepted rows of each source kind
     */
    public static Dataset<Row> build(Map<SourceKind, Dataset<Row>> curated, List<MeasureDefinition> measures) {
        List<Dataset<Row>> parts = new ArrayList<>();
        for (MeasureDefinition m : measures) {
            Dataset<Row> rows = curated.get(m.source());
            if (rows == null) {
                throw new IngestException("measure '" + m.id() + "' needs the " + m.source().code()
                        + " source, which the config does not give");
            }
            if (m.source() == SourceKind.MEASURES) {
                continue;
            }
            Dataset<Row> periodised = periods(rows, m);
            if (m.filter() != null) {
                periodised = periodised.filter(expr(m.filter()));
            }
            for (UnitType unit : m.units()) {
                parts.add(aggregate(periodised.filter(col(unit.column()).isNotNull()), m, unit));
            }
        }
        Dataset<Row> given = curated.get(SourceKind.MEASURES);
        if (given != null) {
            parts.add(given.select(col("measure_id"), lit("unit").as("unit_type"), col("unit_code"),
                    col("period"), col("value"), when(col("denominator").isNotNull(), col("value")).as("numerator"),
                    col("denominator")));
        }
        if (parts.isEmpty()) {
            throw new IngestException("no measure to compute: the config names none");
        }
        Dataset<Row> all = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all = all.unionByName(parts.get(i));
        }
        return all;
    }

    /** Adds {@code _period}, the date the row counts in. */
    private static Dataset<Row> periods(Dataset<Row> rows, MeasureDefinition m) {
        boolean monthly = m.frequency().equals("monthly");
        return switch (m.source()) {
            case WAITING_LIST -> {
                if (!monthly) {
                    yield rows.withColumn("_period", col("snapshot_date"));
                }
                WindowSpec month = Window.partitionBy(col("trust_code"), col("period"));
                yield rows.withColumn("_last", max(col("snapshot_date")).over(month))
                        .filter(col("snapshot_date").equalTo(col("_last"))).drop("_last")
                        .withColumn("_period", expr("trunc(snapshot_date, 'MM')"));
            }
            case CANCELLATIONS -> rows.withColumn("_period", monthly ? expr("trunc(scheduled_date, 'MM')")
                    : expr("cast(date_trunc('week', scheduled_date) as date)"));
            case LEAD_TIMES -> rows.withColumn("_period", monthly ? expr("trunc(cast(end_ts as date), 'MM')")
                    : expr("cast(date_trunc('week', end_ts) as date)"));
            case MEASURES -> rows.withColumn("_period", col("period"));
        };
    }

    private static Dataset<Row> aggregate(Dataset<Row> rows, MeasureDefinition m, UnitType unit) {
        Column[] keys = {col(unit.column()).as("unit_code"), col("_period").as("period")};
        Column none = lit(null).cast(DataTypes.DoubleType);
        Dataset<Row> values = switch (m.aggregate()) {
            case COUNT -> rows.groupBy(keys).agg(expr("cast(count(*) as double)").as("value"), none.as("numerator"),
                    none.as("denominator"));
            case RATE -> rows.groupBy(keys).agg(
                    sum(when(expr(m.numerator()), 1.0).otherwise(0.0)).as("numerator"),
                    expr("cast(count(*) as double)").as("denominator"))
                    .withColumn("value", col("numerator").divide(col("denominator")));
            case SUM -> rows.groupBy(keys).agg(expr("cast(sum(" + m.value() + ") as double)").as("value"),
                    none.as("numerator"), none.as("denominator"));
            case MEAN -> rows.groupBy(keys).agg(expr("cast(avg(" + m.value() + ") as double)").as("value"),
                    none.as("numerator"), none.as("denominator"));
            case MEDIAN -> exactPercentile(rows.select(keys[0], keys[1], expr(m.value()).as("_x")),
                    List.of("unit_code", "period"), "_x", 0.5).withColumnRenamed("_percentile", "value")
                    .withColumn("numerator", none).withColumn("denominator", none);
            case PERCENTILE -> exactPercentile(rows.select(keys[0], keys[1], expr(m.value()).as("_x")),
                    List.of("unit_code", "period"), "_x", m.percentile()).withColumnRenamed("_percentile", "value")
                    .withColumn("numerator", none).withColumn("denominator", none);
            case BAND_PERCENTILE -> bandPercentile(rows, unit, m.percentile());
        };
        return values.select(lit(m.id()).as("measure_id"), lit(unit.code()).as("unit_type"), col("unit_code"),
                col("period"), col("value"), col("numerator"), col("denominator"));
    }

    /**
     * The exact percentile {@code p} of {@code value} in each group of {@code groups}, as R's and
     * Spark's {@code percentile} define it (type 7): with the n values sorted, the value at position
     * {@code h = (n − 1)·p} interpolated between positions ⌊h⌋ and ⌈h⌉. Computed from each group's
     * histogram rather than by collecting every value: waits and lead times repeat (whole days), so
     * the histogram is small and needs no boxing of values, which makes this several times faster
     * than Spark's own {@code percentile} on a large waiting list. The result column is
     * {@code _percentile}.
     */
    public static Dataset<Row> exactPercentile(Dataset<Row> rows, List<String> groups, String value, double p) {
        Column[] by = groups.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Column[] byAndValue = java.util.stream.Stream.concat(groups.stream(), java.util.stream.Stream.of(value))
                .map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        WindowSpec group = Window.partitionBy(by);
        Dataset<Row> histogram = rows.filter(col(value).isNotNull()).groupBy(byAndValue).agg(
                expr("cast(count(*) as double)").as("_c"))
                .withColumn("_cumulative", sum(col("_c")).over(group.orderBy(col(value))))
                .withColumn("_h", sum(col("_c")).over(group).minus(1).multiply(p));
        Column low = expr("floor(_h)");
        Column high = expr("ceil(_h)");
        return histogram.groupBy(by).agg(
                        org.apache.spark.sql.functions.min(when(col("_cumulative").gt(low), col(value))).as("_low"),
                        org.apache.spark.sql.functions.min(when(col("_cumulative").gt(high), col(value))).as("_high"),
                        org.apache.spark.sql.functions.first(col("_h")).as("_h"))
                .select(java.util.stream.Stream.concat(groups.stream().map(org.apache.spark.sql.functions::col),
                        java.util.stream.Stream.of(expr("_low + (_h - floor(_h)) * (_high - _low)").as("_percentile")))
                        .toArray(Column[]::new));
    }

    /**
     * NHS England's estimate from weekly bands: with band counts cᵢ and cumulative Cᵢ, the band k
     * that first reaches p·N holds the percentile, and the estimate is {@code k + (p·N − Cₖ₋₁)/cₖ}
     * weeks (band k spans weeks k to k+1). Exact integer band counts, no sampling.
     */
    private static Dataset<Row> bandPercentile(Dataset<Row> rows, UnitType unit, double p) {
        Dataset<Row> bands = rows.groupBy(col(unit.column()).as("unit_code"), col("_period").as("period"),
                col("week_band")).agg(expr("cast(count(*) as double)").as("n"));
        WindowSpec group = Window.partitionBy(col("unit_code"), col("period"));
        WindowSpec upTo = group.orderBy(col("week_band"));
        Column target = col("total").multiply(p);
        return bands.withColumn("total", sum(col("n")).over(group))
                .withColumn("cumulative", sum(col("n")).over(upTo))
                .filter(col("cumulative").geq(target))
                .withColumn("_first", org.apache.spark.sql.functions.min(col("week_band")).over(group))
                .filter(col("week_band").equalTo(col("_first")))
                .select(col("unit_code"), col("period"),
                        col("week_band").plus(target.minus(col("cumulative").minus(col("n"))).divide(col("n")))
                                .as("value"),
                        lit(null).cast(DataTypes.DoubleType).as("numerator"),
                        lit(null).cast(DataTypes.DoubleType).as("denominator"));
    }
}
