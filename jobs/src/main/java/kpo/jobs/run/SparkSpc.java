package kpo.jobs.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import kpo.ingest.measures.SeriesKey;
import kpo.ingest.measures.SeriesRow;
import kpo.spc.Observation;
import kpo.spc.Spc;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple3;

/**
 * The SPC engine run over thousands of series inside Spark: the series table is grouped by series
 * key (measure, unit type, unit) and each group is charted by the same pure engine the rest of kpo
 * uses, so a region or the national data set scales out on a cluster and gives the local numbers
 * ({@link SeriesCharts} does the same on one machine).
 */
final class SparkSpc {

    /** The series table as Spark holds it. */
    private static final StructType SERIES = new StructType().add("measure_id", DataTypes.StringType)
            .add("unit_type", DataTypes.StringType).add("unit_code", DataTypes.StringType)
            .add("period", DataTypes.DateType).add("value", DataTypes.DoubleType)
            .add("numerator", DataTypes.DoubleType).add("denominator", DataTypes.DoubleType)
            .add("seq", DataTypes.IntegerType);

    /** A chart's points as Spark hands them back: the columns of {@link PointRow}. */
    private static final StructType POINTS = new StructType()
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
            .add("seq", DataTypes.IntegerType).add("ucl_shown", DataTypes.DoubleType)
            .add("lcl_shown", DataTypes.DoubleType).add("pack_measure_id", DataTypes.StringType);

    private SparkSpc() {
    }

    /**
     * Every series whose measure has a spec, charted inside Spark, in series and point order.
     *
     * @param specs the spec of each series; series of other measures are left out
     */
    static List<PointRow> points(SparkSession spark, List<SeriesRow> series, SeriesSpecs specs) {
        List<Row> rows = new ArrayList<>();
        for (SeriesRow r : series) {
            if (specs.charts(r.measureId())) {
                rows.add(RowFactory.create(r.measureId(), r.unitType(), r.unitCode(), r.period(), r.value(),
                        r.numerator(), r.denominator(), r.seq()));
            }
        }
        MapFunction<Row, Tuple3<String, String, String>> key = r -> new Tuple3<>(r.getString(0), r.getString(1),
                r.getString(2));
        FlatMapGroupsFunction<Tuple3<String, String, String>, Row, Row> chart = (k, group) -> chartGroup(
                new SeriesKey(k._1(), k._2(), k._3()), group, specs);
        Dataset<Row> table = spark.createDataFrame(rows, SERIES);
        List<PointRow> points = new ArrayList<>();
        for (Row p : table.groupByKey(key, Encoders.tuple(Encoders.STRING(), Encoders.STRING(), Encoders.STRING()))
                .flatMapGroups(chart, Encoders.row(POINTS)).collectAsList()) {
            points.add(point(p));
        }
        points.sort(Comparator.comparing(PointRow::measureId).thenComparing(PointRow::unitType)
                .thenComparing(PointRow::unitCode).thenComparing(PointRow::period)
                .thenComparing(p -> p.seq() == null ? 0 : p.seq()));
        return points;
    }

    private static Iterator<Row> chartGroup(SeriesKey key, Iterator<Row> rows, SeriesSpecs specs) {
        List<Observation> observations = new ArrayList<>();
        rows.forEachRemaining(r -> observations.add(SeriesCharts.observation(new SeriesRow(r.getString(0),
                r.getString(1), r.getString(2), (LocalDate) r.get(3), (Double) r.get(4), (Double) r.get(5),
                (Double) r.get(6), (Integer) r.get(7)))));
        List<Row> out = new ArrayList<>();
        for (PointRow p : PointRow.of(key, Spc.chart(specs.of(key), observations),
                specs.unit(key.measureId()), specs.packId(key))) {
            out.add(RowFactory.create(p.values().toArray()));
        }
        return out.iterator();
    }

    private static PointRow point(Row r) {
        return new PointRow(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                (LocalDate) r.get(5), (Double) r.get(6), (Double) r.get(7), (Double) r.get(8), (Double) r.get(9),
                (Double) r.get(10), (Double) r.get(11), r.getInt(12), r.getBoolean(13), r.getBoolean(14),
                r.getString(15), r.getString(16), r.getBoolean(17), r.getString(18), r.getString(19),
                (Integer) r.get(20), (Double) r.get(21), (Double) r.get(22),
                r.getString(23));
    }
}
