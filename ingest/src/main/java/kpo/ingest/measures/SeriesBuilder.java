package kpo.ingest.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
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
 * {@code (measure_id, unit_type, unit_code, period, value, numerator, denominator, seq)} (schema
 * version {@value #SCHEMA_VERSION}). Periods are dates: the first day of the month for monthly
 * measures; for weekly ones the snapshot date of a waiting list, or the Monday of the week for
 * flows. A monthly waiting-list measure counts the last snapshot of each month (a stock is counted
 * at the census date, as RTT returns are).
 *
 * <p>Individual values ({@link Aggregate#EACH}) are one row per source row instead, numbered in
 * their order by {@code seq} (1, 2, …; null for every other measure), with {@code period} the date
 * of the event that orders them:
 * <ul>
 *   <li>waiting list: every pathway of the latest snapshot on or before the as-of date (of each
 *       trust), in order of referral (clock start, then pseudonymised pathway id for a tie);
 *       {@code period} is the clock-start date;</li>
 *   <li>lead times: every item completed on or before the as-of date, in order of completion
 *       (end time, then pseudonymised item id); {@code period} is the completion date.</li>
 * </ul>
 * A chart of tens of thousands of points says nothing a summary does not, and costs the pack and
 * {@code spc_points.csv} dearly, so an individual series keeps at most
 * {@value #MAX_INDIVIDUAL_VALUES} values per unit: the last in its order (the most recent
 * referrals or completions), still numbered by their place in the whole order, so that a series
 * whose {@code seq} starts above 1 shows it was cut. Chart a smaller unit (a specialty, a CSU) or
 * filter the rows to see the rest.
 */
public final class SeriesBuilder {

    /** The columns of the series table, in order. */
    public static final List<String> COLUMNS = List.of("measure_id", "unit_type", "unit_code", "period", "value",
            "numerator", "denominator", "seq");

    /**
     * Version of the series table's schema: 2 added {@code seq} (individual values) as the last
     * column. Bump it when a column changes meaning or goes.
     */
    public static final String SCHEMA_VERSION = "2";

    /** The most individual values a series keeps per unit (the last in its order). */
    public static final int MAX_INDIVIDUAL_VALUES = 5_000;

    /** The {@code seq} of an aggregated measure's row. */
    private static final Column NO_SEQUENCE = lit(null).cast(DataTypes.IntegerType).as("seq");

    private SeriesBuilder() {
    }

    /**
     * The series of every measure whose source is present, individual values as of the latest data.
     *
     * @param curated the accepted rows of each source kind
     */
    public static Dataset<Row> build(Map<SourceKind, Dataset<Row>> curated, List<MeasureDefinition> measures) {
        return build(curated, measures, null);
    }

    /**
     * The series of every measure whose source is present.
     *
     * @param curated the accepted rows of each source kind
     * @param asOf the date individual values are taken at (the waiting-list snapshot on or before it,
     *     the items completed by it), e.g. the end of the reporting month; null for the latest data
     */
    public static Dataset<Row> build(Map<SourceKind, Dataset<Row>> curated, List<MeasureDefinition> measures,
            LocalDate asOf) {
        List<Dataset<Row>> parts = new ArrayList<>();
        // Counts, rates, sums and means of one source, frequency and unit type share one pass over the rows.
        Map<Pass, List<MeasureDefinition>> passes = new java.util.LinkedHashMap<>();
        for (MeasureDefinition m : measures) {
            if (curated.get(m.source()) == null) {
                throw new IngestException("measure '" + m.id() + "' needs the " + m.source().code()
                        + " source, which the config does not give");
            }
            if (m.source() == SourceKind.MEASURES) {
                continue;
            }
            if (m.aggregate() == Aggregate.EACH) {
                for (UnitType unit : m.units()) {
                    parts.add(individuals(curated.get(m.source()), m, unit, asOf));
                }
                continue;
            }
            if (onePass(m)) {
                for (UnitType unit : m.units()) {
                    passes.computeIfAbsent(new Pass(m.source(), m.frequency(), unit), k -> new ArrayList<>()).add(m);
                }
                continue;
            }
            Dataset<Row> periodised = periods(curated.get(m.source()), m);
            if (m.filter() != null) {
                periodised = periodised.filter(expr(m.filter()));
            }
            for (UnitType unit : m.units()) {
                parts.add(aggregate(periodised.filter(col(unit.column()).isNotNull()), m, unit));
            }
        }
        for (Map.Entry<Pass, List<MeasureDefinition>> pass : passes.entrySet()) {
            UnitType unit = pass.getKey().unit();
            Dataset<Row> periodised = periods(curated.get(pass.getKey().source()), pass.getValue().get(0));
            parts.add(together(periodised.filter(col(unit.column()).isNotNull()), pass.getValue(), unit));
        }
        Dataset<Row> given = curated.get(SourceKind.MEASURES);
        if (given != null) {
            parts.add(given.select(col("measure_id"), lit("unit").as("unit_type"), col("unit_code"),
                    col("period"), col("value"), when(col("denominator").isNotNull(), col("value")).as("numerator"),
                    col("denominator"), NO_SEQUENCE));
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

    /** The measures aggregated together: one source, one frequency, one unit type. */
    private record Pass(SourceKind source, String frequency, UnitType unit) {
    }

    /** Whether a measure is a sum of its rows (one pass with others) rather than an order statistic. */
    private static boolean onePass(MeasureDefinition m) {
        return switch (m.aggregate()) {
            case COUNT, RATE, SUM, MEAN -> true;
            case MEDIAN, PERCENTILE, BAND_PERCENTILE, EACH -> false;
        };
    }

    /**
     * Several count, rate, sum and mean measures of one source and unit type in one aggregation,
     * each with its filter inside its aggregate, then one row per measure. A count is 0 (not
     * missing) for a unit and period that has rows but none that pass the filter: a month with no
     * 104-week waiters has the point 0. A rate with no rows in its denominator, and a mean or sum
     * with none to aggregate, have no point.
     */
    private static Dataset<Row> together(Dataset<Row> rows, List<MeasureDefinition> measures, UnitType unit) {
        List<Column> aggregates = new ArrayList<>();
        StringBuilder stack = new StringBuilder("stack(").append(measures.size());
        for (int i = 0; i < measures.size(); i++) {
            MeasureDefinition m = measures.get(i);
            String passes = m.filter() == null ? "true" : "(" + m.filter() + ")";
            String v = "_v" + i;
            String n = "_n" + i;
            String d = "_d" + i;
            switch (m.aggregate()) {
                case COUNT -> {
                    aggregates.add(expr("sum(CASE WHEN " + passes + " THEN 1D ELSE 0D END)").as(v));
                    aggregates.add(expr("cast(null as double)").as(n));
                    aggregates.add(expr("cast(null as double)").as(d));
                }
                case RATE -> {
                    aggregates.add(expr("sum(CASE WHEN " + passes + " AND (" + m.numerator()
                            + ") THEN 1D ELSE 0D END)").as(n));
                    aggregates.add(expr("sum(CASE WHEN " + passes + " THEN 1D ELSE 0D END)").as(d));
                    aggregates.add(expr("cast(null as double)").as(v));
                }
                case SUM -> {
                    aggregates.add(expr("cast(sum(CASE WHEN " + passes + " THEN " + exact(m.value()) + " END) as double)")
                            .as(v));
                    aggregates.add(expr("cast(null as double)").as(n));
                    aggregates.add(expr("cast(null as double)").as(d));
                }
                case MEAN -> {
                    aggregates.add(expr("cast(avg(CASE WHEN " + passes + " THEN " + exact(m.value()) + " END) as double)")
                            .as(v));
                    aggregates.add(expr("cast(null as double)").as(n));
                    aggregates.add(expr("cast(null as double)").as(d));
                }
                default -> throw new IllegalArgumentException(m.aggregate() + " is not aggregated in one pass");
            }
            String value = m.aggregate() == Aggregate.RATE ? "CASE WHEN " + d + " > 0 THEN " + n + " / " + d + " END" : v;
            stack.append(", '").append(m.id().replace("'", "''")).append("', cast(").append(value)
                    .append(" as double), ").append(n).append(", ").append(d);
        }
        stack.append(") as (measure_id, value, numerator, denominator)");
        return rows.groupBy(col(unit.column()).as("unit_code"), col("_period").as("period"))
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                .select(col("unit_code"), col("period"), expr(stack.toString()))
                .filter(col("value").isNotNull())
                .select(col("measure_id"), lit(unit.code()).as("unit_type"), col("unit_code"), col("period"),
                        col("value"), col("numerator"), col("denominator"), NO_SEQUENCE);
    }

    /**
     * The individual values of one measure for one unit type: each row that passes the filter, as
     * of {@code asOf}, numbered in the order of its event (see the class comment), the last
     * {@value #MAX_INDIVIDUAL_VALUES} of each unit kept. A row whose value expression is null has
     * no value to chart and takes no number.
     */
    private static Dataset<Row> individuals(Dataset<Row> rows, MeasureDefinition m, UnitType unit, LocalDate asOf) {
        Column event;
        Column at;
        Column id;
        Dataset<Row> taken;
        switch (m.source()) {
            case WAITING_LIST -> {
                Dataset<Row> upTo = asOf == null ? rows : rows.filter(col("snapshot_date").leq(lit(asOf)));
                // The latest snapshot of each trust: a small table, joined back by broadcast.
                Dataset<Row> last = upTo.groupBy(col("trust_code").as("_trust"))
                        .agg(max(col("snapshot_date")).as("_last"));
                taken = upTo.join(org.apache.spark.sql.functions.broadcast(last), col("trust_code")
                        .equalTo(col("_trust")).and(col("snapshot_date").equalTo(col("_last"))));
                event = col("clock_start_date");
                at = col("clock_start_date");
                id = col("pathway_id");
            }
            case LEAD_TIMES -> {
                taken = asOf == null ? rows : rows.filter(col("end_ts").lt(lit(asOf.plusDays(1))
                        .cast(DataTypes.TimestampType)));
                event = col("end_ts").cast(DataTypes.DateType);
                at = col("end_ts");
                id = col("item_id");
            }
            default -> throw new IllegalArgumentException("measure '" + m.id() + "': individual values come from "
                    + "the waiting list or lead times");
        }
        if (m.filter() != null) {
            taken = taken.filter(expr(m.filter()));
        }
        WindowSpec unitOrder = Window.partitionBy(col("unit_code")).orderBy(col("_at"), col("_id"));
        Column none = lit(null).cast(DataTypes.DoubleType);
        return taken.filter(col(unit.column()).isNotNull())
                .select(col(unit.column()).as("unit_code"), event.as("period"), at.as("_at"), id.as("_id"),
                        expr(m.value()).cast(DataTypes.DoubleType).as("value"))
                .filter(col("value").isNotNull())
                .withColumn("seq", org.apache.spark.sql.functions.row_number().over(unitOrder))
                .withColumn("_n", org.apache.spark.sql.functions.count(lit(1)).over(Window.partitionBy(
                        col("unit_code"))))
                .filter(col("seq").gt(col("_n").minus(MAX_INDIVIDUAL_VALUES)))
                .select(lit(m.id()).as("measure_id"), lit(unit.code()).as("unit_type"), col("unit_code"),
                        col("period"), col("value"), none.as("numerator"), none.as("denominator"),
                        col("seq").cast(DataTypes.IntegerType).as("seq"));
    }

    /** Adds {@code _period}, the date the row counts in. */
    private static Dataset<Row> periods(Dataset<Row> rows, MeasureDefinition m) {
        boolean monthly = m.frequency().equals("monthly");
        return switch (m.source()) {
            case WAITING_LIST -> {
                if (!monthly) {
                    yield rows.withColumn("_period", col("snapshot_date"));
                }
                // The last snapshot of each trust and month: a small table, joined back by broadcast (no sort of the list).
                Dataset<Row> last = rows.groupBy(col("trust_code").as("_trust"), col("period").as("_month"))
                        .agg(max(col("snapshot_date")).as("_last"));
                yield rows.join(org.apache.spark.sql.functions.broadcast(last), col("trust_code").equalTo(col("_trust"))
                                .and(col("period").equalTo(col("_month"))).and(col("snapshot_date").equalTo(col("_last"))))
                        .drop("_trust", "_month", "_last")
                        .withColumn("_period", expr("trunc(snapshot_date, 'MM')"));
            }
            case CANCELLATIONS -> rows.withColumn("_period", monthly ? expr("trunc(scheduled_date, 'MM')")
                    : expr("cast(date_trunc('week', scheduled_date) as date)"));
            case LEAD_TIMES -> rows.withColumn("_period", monthly ? expr("trunc(cast(end_ts as date), 'MM')")
                    : expr("cast(date_trunc('week', end_ts) as date)"));
            case MEASURES -> rows.withColumn("_period", col("period"));
        };
    }

    /** An order statistic of one measure for one unit type (sums of rows go through {@link #together}). */
    private static Dataset<Row> aggregate(Dataset<Row> rows, MeasureDefinition m, UnitType unit) {
        Column[] keys = {col(unit.column()).as("unit_code"), col("_period").as("period")};
        Column none = lit(null).cast(DataTypes.DoubleType);
        Dataset<Row> values = switch (m.aggregate()) {
            case COUNT, RATE, SUM, MEAN -> throw new IllegalArgumentException(m.aggregate()
                    + " is aggregated with the other sums of its source, in one pass");
            case EACH -> throw new IllegalArgumentException("individual values are not aggregated");
            case MEDIAN -> exactPercentile(rows.select(keys[0], keys[1], expr(m.value()).as("_x")),
                    List.of("unit_code", "period"), "_x", 0.5).withColumnRenamed("_percentile", "value")
                    .withColumn("numerator", none).withColumn("denominator", none);
            case PERCENTILE -> exactPercentile(rows.select(keys[0], keys[1], expr(m.value()).as("_x")),
                    List.of("unit_code", "period"), "_x", m.percentile()).withColumnRenamed("_percentile", "value")
                    .withColumn("numerator", none).withColumn("denominator", none);
            case BAND_PERCENTILE -> bandPercentile(rows, unit, m.percentile());
        };
        return values.select(lit(m.id()).as("measure_id"), lit(unit.code()).as("unit_type"), col("unit_code"),
                col("period"), col("value"), col("numerator"), col("denominator"), NO_SEQUENCE);
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

    /**
     * A value summed exactly: a sum of doubles depends on the order Spark meets the rows in, which
     * depends on how the curated store's files happen to be laid out, and the same extracts must
     * give the same bits in every run. Nine decimal places are far below any measure's precision.
     */
    private static String exact(String value) {
        return "cast(" + value + " as decimal(38, 9))";
    }
}
