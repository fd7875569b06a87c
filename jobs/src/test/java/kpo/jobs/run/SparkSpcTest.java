package kpo.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kpo.ingest.nhse.PublishedSeries;
import kpo.ingest.spark.SparkSettings;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import kpo.spc.Observation;
import kpo.spc.Spc;
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
                series.add(rate ? RowFactory.create("cancellation_rate", "csu", "CSU " + s, period, k / n, k, n)
                        : RowFactory.create("wl_size", "specialty", "S" + s, period, 1000.0 + random.nextInt(50)
                                - (m > 18 ? 200 : 0), null, null));
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
}
