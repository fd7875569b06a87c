package kpo.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import kpo.ingest.measures.SeriesKey;
import kpo.ingest.measures.SeriesRow;
import kpo.ingest.spark.SparkSettings;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import kpo.spc.Observation;
import kpo.spc.Signal;
import kpo.spc.Spc;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPC inside Spark gives exactly the charts of the engine on one machine, series by series. */
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
        List<SeriesRow> series = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            boolean rate = s % 2 == 0;
            for (int m = 0; m < 30; m++) {
                LocalDate period = LocalDate.of(2023, 1, 1).plusMonths(m);
                double n = 200 + random.nextInt(100);
                double k = Math.round(n * (0.1 + random.nextDouble(0.05)) + (m > 20 ? 10 : 0));
                series.add(rate ? new SeriesRow("cancellation_rate", "csu", "CSU " + s, period, k / n, k, n, null)
                        : SeriesRow.value("wl_size", "specialty", "S" + s, period, 1000.0 + random.nextInt(50)
                                - (m > 18 ? 200 : 0)));
            }
        }
        // One series with a pack measure's own spec (a rebase), the rest with their measure's.
        SeriesSpecs specs = new SeriesSpecs(Map.of("wl_size", ChartSpec.of(ChartType.XMR)
                .improvement(Improvement.DECREASE).target(900), "cancellation_rate", ChartSpec.of(ChartType.PP)
                .improvement(Improvement.DECREASE)), Map.of(new SeriesKey("wl_size", "specialty", "S1"),
                ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE).rebases(List.of(LocalDate.of(2024, 8, 1)))));
        List<SeriesRow> shuffled = new ArrayList<>(series);
        Collections.shuffle(shuffled, new java.util.Random(3));
        List<PointRow> distributed = SparkSpc.points(spark, shuffled, specs);
        List<SeriesRow> sorted = new ArrayList<>(series);
        sorted.sort(SeriesRow.ORDER);
        List<PointRow> local = SeriesCharts.points(sorted, specs);
        assertEquals(60 * 30, distributed.size());
        assertEquals(local, distributed);
        assertTrue(local.stream().anyMatch(p -> p.unitCode().equals("S1") && p.phase() == 2), "the series' own spec");
        assertTrue(local.stream().noneMatch(p -> p.unitCode().equals("S2") && p.phase() == 2));
    }

    /**
     * The golden check for individual values: lead times of items completed several a day, charted
     * inside Spark in their order, equal the engine's chart of the same values given one distinct
     * date each, the engine's ordinary path for an XmR chart.
     */
    @Test
    void anIndividualsChartEqualsTheEngineOnTheSameValues() {
        List<SeriesRow> series = new ArrayList<>();
        List<Observation> oneDateEach = new ArrayList<>();
        LocalDate rebase = LocalDate.of(2024, 4, 1);
        int firstAfterRebase = -1;
        for (int i = 0; i < 400; i++) {
            // a level of 98 days, then 42 after item 250, with noise that repeats itself
            double lead = (i < 250 ? 98 : 42) + (i * 37 % 23) - 11;
            LocalDate completed = LocalDate.of(2024, 1, 1).plusDays(i / 3);
            series.add(new SeriesRow("recruitment_each_days", "trust", "RR8", completed, lead, null, null, i + 1));
            oneDateEach.add(Observation.of(LocalDate.of(1900, 1, 1).plusDays(i), lead));
            if (firstAfterRebase < 0 && !completed.isBefore(rebase)) {
                firstAfterRebase = i;
            }
        }
        ChartSpec spec = ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE).target(45)
                .rebases(List.of(rebase));
        List<PointRow> charted = SparkSpc.points(spark, series, new SeriesSpecs(Map.of("recruitment_each_days", spec),
                Map.of()));
        ChartResult expected = Spc.chart(spec.rebases(List.of(oneDateEach.get(firstAfterRebase).period())),
                oneDateEach);

        assertEquals(series.size(), charted.size());
        for (int i = 0; i < charted.size(); i++) {
            PointRow r = charted.get(i);
            ChartPoint e = expected.points().get(i);
            String at = "item " + (i + 1);
            assertEquals(i + 1, r.seq(), at);
            assertEquals(series.get(i).period(), r.period(), at);
            assertEquals(e.y(), r.y(), 0, at);
            assertEquals(e.centre(), r.centre(), 0, at);
            assertEquals(e.upperLimit(), r.ucl(), 0, at);
            assertEquals(e.lowerLimit(), r.lcl(), 0, at);
            assertEquals(e.phase(), r.phase(), at);
            assertEquals(e.signals().stream().map(Signal::code).collect(Collectors.joining(";")), r.signals(), at);
            assertEquals(e.type().code(), r.pointType(), at);
            assertEquals(expected.variation().code(), r.variation(), at);
            assertEquals(expected.assurance().code(), r.assurance(), at);
        }
        assertEquals(2, expected.phases());
        assertTrue(charted.stream().anyMatch(PointRow::hasSignal), "the step down signals");
    }
}
