package kpo.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import kpo.ingest.measures.Aggregate;
import kpo.ingest.measures.MeasureDefinition;
import kpo.ingest.measures.SeriesBuilder;
import kpo.ingest.measures.UnitType;
import kpo.ingest.nhse.PublishedSeries;
import kpo.ingest.source.SourceKind;
import kpo.ingest.spark.SparkSettings;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import kpo.spc.Observation;
import kpo.spc.Signal;
import kpo.spc.Spc;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPC inside Spark gives exactly the local engine's charts, series by series. */
class SparkSpcTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSettings.forTests().session();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void everySeriesAsTheLocalEngineChartsIt() {
        SplittableRandom random = new SplittableRandom(11);
        List<Row> series = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            boolean rate = s % 2 == 0;
            for (int m = 0; m < 30; m++) {
                LocalDate period = LocalDate.of(2023, 1, 1).plusMonths(m);
                double n = 200 + random.nextInt(100);
                double k = Math.round(n * (0.1 + random.nextDouble(0.05)) + (m > 20 ? 10 : 0));
                series.add(rate ? RowFactory.create("cancellation_rate", "csu", "CSU " + s, period, k / n, k, n, null)
                        : RowFactory.create("wl_size", "specialty", "S" + s, period, 1000.0 + random.nextInt(50)
                                - (m > 18 ? 200 : 0), null, null, null));
            }
        }
        Collections.shuffle(series, new java.util.Random(3));
        Map<String, ChartSpec> specs = Map.of("wl_size", ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE)
                .target(900), "cancellation_rate", ChartSpec.of(ChartType.PP).improvement(Improvement.DECREASE));
        List<Row> distributed = new ArrayList<>(SparkSpc.points(spark.createDataFrame(series, PublishedSeries.SCHEMA),
                specs).collectAsList());

        List<Row> local = new ArrayList<>();
        series.stream().map(r -> r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2)).distinct()
                .forEach(key -> {
                    String[] k = key.split("\\|");
                    List<Observation> observations = series.stream().filter(r -> r.getString(0).equals(k[0])
                            && r.getString(2).equals(k[2])).map(SparkSpc::observation).toList();
                    local.addAll(SparkSpc.rows(k[0], k[1], k[2], Spc.chart(specs.get(k[0]), observations)));
                });
        Comparator<Row> order = Comparator.comparing((Row r) -> r.getString(2)).thenComparing(r -> (LocalDate) r.get(5));
        distributed.sort(order);
        local.sort(order);
        assertEquals(60 * 30, distributed.size());
        assertEquals(local.toString(), distributed.toString());
    }

    /**
     * The golden check for individual values: lead times of items completed several a day, through
     * the series builder and SPC inside Spark, equal the engine's chart of the same values taken
     * straight from the rows (ordered by completion time, then item id) and given one distinct date
     * each, the engine's ordinary path for an XmR chart.
     */
    @Test
    void anIndividualsChartOverTheSeriesEqualsTheEngineOnTheSameValues() {
        Dataset<Row> items = spark.range(400).selectExpr("id", "'recruitment' as process",
                "sha2(cast(id as string), 256) as item_id", "'RR8' as trust_code",
                "timestamp'2024-01-01 09:00:00' + make_interval(0, 0, 0, cast(id div 3 as int), cast(id % 2 as int))"
                        + " as end_ts",
                // a level of 98 days, then 42 after item 250, with noise that repeats itself
                "cast(CASE WHEN id < 250 THEN 98 ELSE 42 END + (id * 37 % 23) - 11 as double) as lead_time_days",
                // the extract lists the items in reverse: its lines, not the ids, break ties of end time
                "'leads.csv' as _file", "402 - id as _line");
        MeasureDefinition each = new MeasureDefinition("recruitment_each_days", "Recruitment lead time of each post",
                SourceKind.LEAD_TIMES, Aggregate.EACH, "process = 'recruitment'", null, "lead_time_days", null,
                List.of(UnitType.TRUST), null);
        LocalDate rebase = LocalDate.of(2024, 4, 1);
        ChartSpec spec = ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE).target(45)
                .rebases(List.of(rebase));
        Dataset<Row> series = SeriesBuilder.build(Map.of(SourceKind.LEAD_TIMES, items), List.of(each));
        List<Row> charted = new ArrayList<>(SparkSpc.points(series, Map.of(each.id(), spec)).collectAsList());
        charted.sort(Comparator.comparing((Row r) -> r.getInt(20)));

        List<Row> source = new ArrayList<>(items.collectAsList());
        source.sort(Comparator.comparing((Row r) -> (java.time.Instant) r.get(4)).thenComparing(r -> r.getLong(7)));
        List<Observation> oneDateEach = new ArrayList<>();
        int firstAfterRebase = -1;
        for (int i = 0; i < source.size(); i++) {
            oneDateEach.add(Observation.of(LocalDate.of(1900, 1, 1).plusDays(i), source.get(i).getDouble(5)));
            LocalDate completed = LocalDate.of(2024, 1, 1).plusDays(source.get(i).getLong(0) / 3);
            if (firstAfterRebase < 0 && !completed.isBefore(rebase)) {
                firstAfterRebase = i;
            }
        }
        ChartResult expected = Spc.chart(spec.rebases(List.of(oneDateEach.get(firstAfterRebase).period())),
                oneDateEach);

        assertEquals(source.size(), charted.size());
        for (int i = 0; i < charted.size(); i++) {
            Row r = charted.get(i);
            ChartPoint e = expected.points().get(i);
            String at = "item " + (i + 1);
            assertEquals(i + 1, r.getInt(20), at);
            assertEquals(LocalDate.of(2024, 1, 1).plusDays(source.get(i).getLong(0) / 3), r.get(5), at);
            assertEquals(e.y(), r.getDouble(8), 0, at);
            assertEquals(e.centre(), r.getDouble(9), 0, at);
            assertEquals(e.upperLimit(), r.getDouble(10), 0, at);
            assertEquals(e.lowerLimit(), r.getDouble(11), 0, at);
            assertEquals(e.phase(), r.getInt(12), at);
            assertEquals(e.signals().stream().map(Signal::code).collect(Collectors.joining(";")), r.getString(15), at);
            assertEquals(e.type().code(), r.getString(16), at);
            assertEquals(expected.variation().code(), r.getString(18), at);
            assertEquals(expected.assurance().code(), r.getString(19), at);
        }
        assertEquals(2, expected.phases());
        assertTrue(charted.stream().anyMatch(r -> !r.getString(15).isEmpty()), "the step down signals");
    }
}
