package kpo.ingest.measures;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kpo.ingest.IngestException;
import kpo.ingest.source.CuratedColumn;
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
 *       trust), in order of referral (clock start); {@code period} is the clock-start date;</li>
 *   <li>lead times: every item completed on or before the as-of date, in order of completion
 *       (end time); {@code period} is the completion date.</li>
 * </ul>
 * Ties (equal clock starts, equal completion times) keep the source's own order: extract, then
 * line. The pseudonym key cannot change that order, so rotating the key changes no chart.
 *
 * <p>A chart of tens of thousands of points says nothing a summary does not, and costs the pack and
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
        // Counts, rates, sums and means of one source and frequency share one pass over the rows; order
        // statistics with the same filter and value share one histogram. Either is counted once at the
        // finest grain of the units (period, trust, site, CSU, specialty), then added up for each unit
        // type: the rows are read once rather than once per measure and unit type, and the roll-ups
        // are small.
        Map<Pass, List<MeasureDefinition>> passes = new LinkedHashMap<>();
        Map<Histogram, List<MeasureDefinition>> histograms = new LinkedHashMap<>();
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
            } else if (onePass(m)) {
                passes.computeIfAbsent(new Pass(m.source(), m.frequency()), k -> new ArrayList<>()).add(m);
            } else {
                histograms.computeIfAbsent(Histogram.of(m), k -> new ArrayList<>()).add(m);
            }
        }
        // One periodised table per source and frequency: the same plan wherever it is used, so Spark
        // computes the waiting list's last snapshot of each month once.
        Map<Pass, Dataset<Row>> periodised = new LinkedHashMap<>();
        for (Map.Entry<Pass, List<MeasureDefinition>> pass : passes.entrySet()) {
            Dataset<Row> rows = periodised.computeIfAbsent(pass.getKey(), k -> periods(curated.get(k.source()),
                    k.source(), k.frequency()));
            parts.add(together(rows, pass.getValue()));
        }
        for (Map.Entry<Histogram, List<MeasureDefinition>> histogram : histograms.entrySet()) {
            Histogram h = histogram.getKey();
            Dataset<Row> rows = periodised.computeIfAbsent(new Pass(h.source(), h.frequency()),
                    k -> periods(curated.get(k.source()), k.source(), k.frequency()));
            parts.addAll(orderStatistics(h.filter() == null ? rows : rows.filter(expr(h.filter())), h,
                    histogram.getValue()));
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

    /** The measures aggregated together: one source, one frequency. */
    private record Pass(SourceKind source, String frequency) {
    }

    /**
     * Order statistics that share a histogram: one source, frequency and filter, and the same
     * value counted (the week band for a band percentile, the value expression otherwise).
     */
    private record Histogram(SourceKind source, String frequency, String filter, boolean bands, String value) {

        static Histogram of(MeasureDefinition m) {
            boolean bands = m.aggregate() == Aggregate.BAND_PERCENTILE;
            return new Histogram(m.source(), m.frequency(), m.filter(), bands, bands ? "week_band" : m.value());
        }
    }

    /** The unit types any of {@code measures} is reported for, in their declared order. */
    private static List<UnitType> unitsOf(List<MeasureDefinition> measures) {
        return java.util.Arrays.stream(UnitType.values())
                .filter(u -> measures.stream().anyMatch(m -> m.units().contains(u))).toList();
    }

    /**
     * A finest-grain table once per unit type in {@code units}: {@code unit_type} and
     * {@code unit_code} added, the rows with no code for that unit type left out. Exploded rather
     * than one filtered copy per unit type, because Spark would push each copy's filter on a
     * grouping column below the aggregation and aggregate the source rows again for every unit type.
     */
    private static Dataset<Row> perUnit(Dataset<Row> fine, List<UnitType> units) {
        Column[] pairs = units.stream().map(u -> org.apache.spark.sql.functions.struct(lit(u.code()).as("t"),
                col(u.column()).as("c"))).toArray(Column[]::new);
        return fine.withColumn("_unit", org.apache.spark.sql.functions.explode(
                        org.apache.spark.sql.functions.array(pairs)))
                .filter(col("_unit.c").isNotNull())
                .withColumn("unit_type", col("_unit.t"))
                .withColumn("unit_code", col("_unit.c"));
    }

    /** Whether a series row's measure is reported for its unit type. */
    private static Column reportedFor(List<MeasureDefinition> measures) {
        Column any = lit(false);
        for (MeasureDefinition m : measures) {
            any = any.or(col("measure_id").equalTo(lit(m.id())).and(col("unit_type").isin(
                    m.units().stream().map(UnitType::code).toArray())));
        }
        return any;
    }

    /** The finest grain: the period and the column of every unit type in {@code units}. */
    private static Column[] finestGrain(List<UnitType> units) {
        List<Column> grain = new ArrayList<>(List.of(col("_period")));
        units.forEach(u -> grain.add(col(u.column())));
        return grain.toArray(Column[]::new);
    }

    /** Whether a measure is a sum of its rows (one pass with others) rather than an order statistic. */
    private static boolean onePass(MeasureDefinition m) {
        return switch (m.aggregate()) {
            case COUNT, RATE, SUM, MEAN -> true;
            case MEDIAN, PERCENTILE, BAND_PERCENTILE, EACH -> false;
        };
    }

    /**
     * The count, rate, sum and mean measures of one source and frequency: one aggregation of the
     * rows at the finest grain, each measure's filter inside its aggregates, then for each unit type
     * a roll-up of that small table and one row per measure. Counts are exact integers and sums exact
     * decimals at both steps, so the roll-up gives what one aggregation per unit type gave. A count
     * is 0 (not missing) for a unit and period that has rows but none that pass the filter: a month
     * with no 104-week waiters has the point 0. A rate with no rows in its denominator, and a mean or
     * sum with none to aggregate, have no point. A mean is the exact sum over the count, in double.
     */
    private static Dataset<Row> together(Dataset<Row> rows, List<MeasureDefinition> measures) {
        List<Column> fine = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            MeasureDefinition m = measures.get(i);
            String passes = m.filter() == null ? "true" : "(" + m.filter() + ")";
            switch (m.aggregate()) {
                case COUNT -> fine.add(expr("sum(CASE WHEN " + passes + " THEN 1L ELSE 0L END)").as("_v" + i));
                case RATE -> {
                    fine.add(expr("sum(CASE WHEN " + passes + " AND (" + m.numerator() + ") THEN 1L ELSE 0L END)")
                            .as("_n" + i));
                    fine.add(expr("sum(CASE WHEN " + passes + " THEN 1L ELSE 0L END)").as("_d" + i));
                }
                case SUM -> fine.add(expr("sum(CASE WHEN " + passes + " THEN " + exact(m.value()) + " END)")
                        .as("_s" + i));
                case MEAN -> {
                    fine.add(expr("sum(CASE WHEN " + passes + " THEN " + exact(m.value()) + " END)").as("_s" + i));
                    fine.add(expr("count(CASE WHEN " + passes + " THEN " + exact(m.value()) + " END)").as("_k" + i));
                }
                default -> throw new IllegalArgumentException(m.aggregate() + " is not aggregated in one pass");
            }
        }
        List<UnitType> units = unitsOf(measures);
        Dataset<Row> byFinestUnit = rows.groupBy(finestGrain(units))
                .agg(fine.get(0), fine.subList(1, fine.size()).toArray(Column[]::new));
        List<Column> rolled = new ArrayList<>();
        List<String> stacked = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            MeasureDefinition m = measures.get(i);
            String v = "_v" + i;
            String n = "_n" + i;
            String d = "_d" + i;
            switch (m.aggregate()) {
                case COUNT -> {
                    rolled.add(expr("cast(sum(" + v + ") as double)").as(v));
                    rolled.add(expr("cast(null as double)").as(n));
                    rolled.add(expr("cast(null as double)").as(d));
                }
                case RATE -> {
                    rolled.add(expr("cast(sum(" + n + ") as double)").as(n));
                    rolled.add(expr("cast(sum(" + d + ") as double)").as(d));
                    rolled.add(expr("CASE WHEN sum(" + d + ") > 0 THEN cast(sum(" + n + ") as double) / sum(" + d
                            + ") END").as(v));
                }
                case SUM -> {
                    rolled.add(expr("cast(sum(_s" + i + ") as double)").as(v));
                    rolled.add(expr("cast(null as double)").as(n));
                    rolled.add(expr("cast(null as double)").as(d));
                }
                case MEAN -> {
                    rolled.add(expr("CASE WHEN sum(_k" + i + ") > 0 THEN cast(sum(_s" + i + ") as double) / sum(_k"
                            + i + ") END").as(v));
                    rolled.add(expr("cast(null as double)").as(n));
                    rolled.add(expr("cast(null as double)").as(d));
                }
                default -> throw new IllegalArgumentException(m.aggregate() + " is not aggregated in one pass");
            }
            stacked.add("'" + m.id().replace("'", "''") + "', " + v + ", " + n + ", " + d);
        }
        String stack = "stack(" + stacked.size() + ", " + String.join(", ", stacked)
                + ") as (measure_id, value, numerator, denominator)";
        return perUnit(byFinestUnit, units)
                .groupBy(col("unit_type"), col("unit_code"), col("_period").as("period"))
                .agg(rolled.get(0), rolled.subList(1, rolled.size()).toArray(Column[]::new))
                .select(col("unit_type"), col("unit_code"), col("period"), expr(stack))
                .filter(col("value").isNotNull().and(reportedFor(measures)))
                .select(col("measure_id"), col("unit_type"), col("unit_code"), col("period"), col("value"),
                        col("numerator"), col("denominator"), NO_SEQUENCE);
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
            }
            case LEAD_TIMES -> {
                taken = asOf == null ? rows : rows.filter(col("end_ts").lt(lit(asOf.plusDays(1))
                        .cast(DataTypes.TimestampType)));
                event = col("end_ts").cast(DataTypes.DateType);
                at = col("end_ts");
            }
            default -> throw new IllegalArgumentException("measure '" + m.id() + "': individual values come from "
                    + "the waiting list or lead times");
        }
        if (m.filter() != null) {
            taken = taken.filter(expr(m.filter()));
        }
        WindowSpec unitOrder = Window.partitionBy(col("unit_code")).orderBy(col("_at"), col("_file"), col("_line"));
        Column none = lit(null).cast(DataTypes.DoubleType);
        return taken.filter(col(unit.column()).isNotNull())
                .select(col(unit.column()).as("unit_code"), event.as("period"), at.as("_at"), col("_file"), col("_line"),
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

    /** Adds {@code _period}, the date a row of {@code source} counts in at {@code frequency}. */
    private static Dataset<Row> periods(Dataset<Row> rows, SourceKind source, String frequency) {
        boolean monthly = frequency.equals("monthly");
        return switch (source) {
            case WAITING_LIST -> {
                if (!monthly) {
                    yield rows.withColumn("_period", col("snapshot_date"));
                }
                // The last snapshot of each trust and month: a small table, joined back by broadcast (no sort of the list).
                Dataset<Row> last = rows.groupBy(col("trust_code").as("_trust"), col(CuratedColumn.MONTH).as("_month"))
                        .agg(max(col("snapshot_date")).as("_last"));
                yield rows.join(org.apache.spark.sql.functions.broadcast(last), col("trust_code").equalTo(col("_trust"))
                                .and(col(CuratedColumn.MONTH).equalTo(col("_month"))).and(col("snapshot_date").equalTo(col("_last"))))
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

    /**
     * The order statistics that share histogram {@code h}: the rows counted once at the finest grain
     * and by value, then for each unit type the counts added up and each measure's statistic taken
     * from them. {@code rows} are already filtered.
     */
    private static List<Dataset<Row>> orderStatistics(Dataset<Row> rows, Histogram h, List<MeasureDefinition> measures) {
        List<UnitType> units = unitsOf(measures);
        List<Column> grain = new ArrayList<>(List.of(finestGrain(units)));
        grain.add(expr(h.value()).as("_x"));
        Dataset<Row> counted = rows.groupBy(grain.toArray(Column[]::new)).agg(expr("count(*)").as("_c"));
        Dataset<Row> histogram = perUnit(counted, units)
                .groupBy(col("unit_type"), col("unit_code"), col("_period").as("period"), col("_x"))
                .agg(expr("cast(sum(_c) as double)").as("_c"));
        List<String> groups = List.of("unit_type", "unit_code", "period");
        Column none = lit(null).cast(DataTypes.DoubleType);
        List<Dataset<Row>> parts = new ArrayList<>();
        for (MeasureDefinition m : measures) {
            Dataset<Row> values = switch (m.aggregate()) {
                case MEDIAN, PERCENTILE -> percentileOfCounts(histogram.filter(col("_x").isNotNull()), groups, "_x",
                        m.aggregate() == Aggregate.MEDIAN ? 0.5 : m.percentile())
                        .withColumnRenamed("_percentile", "value")
                        .withColumn("numerator", none).withColumn("denominator", none);
                case BAND_PERCENTILE -> bandPercentile(histogram, m.percentile());
                case COUNT, RATE, SUM, MEAN, EACH -> throw new IllegalArgumentException(m.aggregate()
                        + " is not an order statistic");
            };
            parts.add(values.select(lit(m.id()).as("measure_id"), col("unit_type"), col("unit_code"), col("period"),
                            col("value"), col("numerator"), col("denominator"), NO_SEQUENCE)
                    .filter(reportedFor(List.of(m))));
        }
        return parts;
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
        Column[] byAndValue = java.util.stream.Stream.concat(groups.stream(), java.util.stream.Stream.of(value))
                .map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        return percentileOfCounts(rows.filter(col(value).isNotNull()).groupBy(byAndValue).agg(
                expr("cast(count(*) as double)").as("_c")), groups, value, p);
    }

    /**
     * {@link #exactPercentile} from a histogram: one row per group and distinct non-null value, with
     * its count in {@code _c} (a double).
     */
    private static Dataset<Row> percentileOfCounts(Dataset<Row> histogram, List<String> groups, String value,
            double p) {
        Column[] by = groups.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        WindowSpec group = Window.partitionBy(by);
        Dataset<Row> cumulative = histogram
                .withColumn("_cumulative", sum(col("_c")).over(group.orderBy(col(value))))
                .withColumn("_h", sum(col("_c")).over(group).minus(1).multiply(p));
        Column low = expr("floor(_h)");
        Column high = expr("ceil(_h)");
        return cumulative.groupBy(by).agg(
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
    private static Dataset<Row> bandPercentile(Dataset<Row> bandCounts, double p) {
        Dataset<Row> bands = bandCounts.select(col("unit_type"), col("unit_code"), col("period"),
                col("_x").as("week_band"), col("_c").as("n"));
        WindowSpec group = Window.partitionBy(col("unit_type"), col("unit_code"), col("period"));
        WindowSpec upTo = group.orderBy(col("week_band"));
        Column target = col("total").multiply(p);
        return bands.withColumn("total", sum(col("n")).over(group))
                .withColumn("cumulative", sum(col("n")).over(upTo))
                .filter(col("cumulative").geq(target))
                .withColumn("_first", org.apache.spark.sql.functions.min(col("week_band")).over(group))
                .filter(col("week_band").equalTo(col("_first")))
                .select(col("unit_type"), col("unit_code"), col("period"),
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
