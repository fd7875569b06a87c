package kpo.jobs.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;
import kpo.spc.ChartSpec;
import kpo.spc.Observation;
import kpo.spc.Signal;
import kpo.spc.Spc;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The SPC engine run over thousands of series inside Spark: the series table is grouped by series
 * key (measure, unit type, unit) and each group is charted by the same pure engine the rest of kpo
 * uses, so a region or the national data set scales out on a cluster and gives the local numbers.
 */
public final class SparkSpc {

    /**
     * Version of the {@code spc_points} schema: bump it when a column changes meaning or goes.
     * Version 2 added {@code seq} as the last column.
     */
    public static final String POINTS_SCHEMA_VERSION = "2";

    /**
     * One row per series × point: the series key, then the JSON point fields as columns, then
     * {@code seq}: an individual value's place in its series (1, 2, …), null for other points, whose
     * {@code period} alone places them.
     */
    public static final StructType POINTS = new StructType()
            .add("measure_id", DataTypes.StringType).add("unit_type", DataTypes.StringType)
            .add("unit_code", DataTypes.StringType).add("chart", DataTypes.StringType)
            .add("rules", DataTypes.StringType).add("period", DataTypes.DateType)
            .add("value", DataTypes.DoubleType).add("denominator", DataTypes.DoubleType)
            .add("y", DataTypes.DoubleType).add("centre", DataTypes.DoubleType)
            .add("ucl", DataTypes.DoubleType).add("lcl", DataTypes.DoubleType)
            .add("phase", DataTypes.IntegerType).add("baseline", DataTypes.BooleanType)
            .add("excluded", DataTypes.BooleanType).add("signals", DataTypes.StringType)
            .add("point_type", DataTypes.StringType).add("runs_signal", DataTypes.BooleanType)
            .add("variation", DataTypes.StringType).add("assurance", DataTypes.StringType)
            .add("seq", DataTypes.IntegerType);

    private SparkSpc() {
    }

    /**
     * Every series of {@code series} whose measure has a spec, charted.
     *
     * @param series the series table (measure_id, unit_type, unit_code, period, value, numerator, denominator, seq)
     * @param specs chart spec by measure id; series of other measures are left out
     */
    public static Dataset<Row> points(Dataset<Row> series, Map<String, ChartSpec> specs) {
        Map<String, ChartSpec> bySeries = Map.copyOf(specs);
        MapFunction<Row, String> key = r -> r.getString(0) + '\u0001' + r.getString(1) + '\u0001' + r.getString(2);
        FlatMapGroupsFunction<String, Row, Row> chart = (k, rows) -> chartGroup(k, rows, bySeries);
        return series.filter(series.col("measure_id").isin(specs.keySet().toArray()))
                .groupByKey(key, Encoders.STRING()).flatMapGroups(chart, Encoders.row(POINTS));
    }

    /**
     * The observation of a series-table row (columns in {@code SeriesBuilder.COLUMNS} order): counts
     * over their denominator where the measure has both, so that P and U charts see counts; an
     * individual value (a row with a {@code seq}) dated by its event and ordered by its sequence.
     */
    public static Observation observation(Row r) {
        LocalDate period = (LocalDate) r.get(3);
        Double value = (Double) r.get(4);
        Double numerator = (Double) r.get(5);
        Double denominator = (Double) r.get(6);
        if (r.size() > 7 && !r.isNullAt(7)) {
            return Observation.individual(period, r.getInt(7), value == null ? Double.NaN : value);
        }
        if (numerator != null && denominator != null) {
            return Observation.of(period, numerator, denominator);
        }
        return Observation.of(period, value == null ? Double.NaN : value);
    }

    private static Iterator<Row> chartGroup(String key, Iterator<Row> rows, Map<String, ChartSpec> specs) {
        String[] parts = key.split("\u0001", -1);
        List<Observation> observations = new ArrayList<>();
        rows.forEachRemaining(r -> observations.add(observation(r)));
        ChartSpec spec = specs.get(parts[0]);
        ChartResult result = Spc.chart(spec, observations);
        return rows(parts[0], parts[1], parts[2], result).iterator();
    }

    /** The {@link #POINTS} rows of one chart. */
    public static List<Row> rows(String measure, String unitType, String unitCode, ChartResult result) {
        List<Row> out = new ArrayList<>(result.points().size());
        for (ChartPoint p : result.points()) {
            out.add(RowFactory.create(measure, unitType, unitCode, result.spec().chart().code(),
                    result.spec().rules().qualifiedName(), p.period(), nullable(p.value()), nullable(p.denominator()),
                    nullable(p.y()), nullable(p.centre()), nullable(p.upperLimit()), nullable(p.lowerLimit()),
                    p.phase(), p.baseline(), p.excluded(),
                    p.signals().stream().map(Signal::code).collect(Collectors.joining(";")), p.type().code(),
                    result.runs().get(p.phase() - 1).signal(), result.variation().code(), result.assurance().code(),
                    p.individual() ? p.sequence() : null));
        }
        return out;
    }

    private static Double nullable(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
