package kpo.ingest.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kpo.ingest.source.ReadContext;
import kpo.ingest.IngestException;
import kpo.ingest.SparkTestSession;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.read.SourceData;
import kpo.ingest.read.SourceReader;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Curated rows to series, on real Spark, with numbers worked out by hand. */
class SeriesBuilderTest extends SparkTestSession {

    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final Pseudonymiser KEY = Pseudonymiser.withKey("another key of at least 16 bytes".getBytes(
            StandardCharsets.UTF_8));
    private static Map<SourceKind, Dataset<Row>> curated;
    private static Map<String, Double> series;

    @TempDir
    static Path folder;

    @BeforeAll
    static void start() throws IOException {
        String ptl = "snapshot_date,trust_code,site_code,csu,specialty,pathway_id,clock_start_date\n";
        Files.writeString(folder.resolve("ptl_2025-10-24.csv"), ptl
                + "2025-10-24,RR8,RR801,Children,C_110,A,2025-10-01\n", StandardCharsets.UTF_8);
        // The last October snapshot: waits of 0, 100, 126, 127, 365 and 800 days.
        Files.writeString(folder.resolve("ptl_2025-10-31.csv"), ptl
                + "2025-10-31,RR8,RR801,Children,C_110,A,2025-10-31\n"
                + "2025-10-31,RR8,RR801,Children,C_110,B,2025-07-23\n"
                + "2025-10-31,RR8,RR802,Children,C_110,C,2025-06-27\n"
                + "2025-10-31,RR8,RR802,Surgery,C_100,D,2025-06-26\n"
                + "2025-10-31,RR8,RR802,Surgery,C_100,E,2024-10-31\n"
                + "2025-10-31,RR8,RR802,Surgery,C_100,F,2023-08-23\n", StandardCharsets.UTF_8);
        Path ptlFolder = Files.createDirectory(folder.resolve("ptl"));
        Files.move(folder.resolve("ptl_2025-10-24.csv"), ptlFolder.resolve("ptl_2025-10-24.csv"));
        Files.move(folder.resolve("ptl_2025-10-31.csv"), ptlFolder.resolve("ptl_2025-10-31.csv"));
        Files.writeString(folder.resolve("theatre.csv"),
                "trust_code,csu,specialty,procedure,scheduled_date,status,cancelled_date,reason,cancelled_by,avoidable,last_minute,rebooked_date\n"
                        + "RR8,Surgery,C_340,bronchoscopy,2025-10-02,done,,,,,,\n"
                        + "RR8,Surgery,C_340,bronchoscopy,2025-10-03,cancelled,2025-10-03,no bed,hospital,yes,yes,2025-11-20\n"
                        + "RR8,Surgery,C_340,bronchoscopy,2025-10-09,cancelled,2025-10-01,unwell,patient,no,no,2025-10-20\n"
                        + "RR8,Surgery,C_340,bronchoscopy,2025-10-10,done,,,,,,\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("leads.csv"), "process,item_id,trust_code,start_ts,end_ts\n"
                + "recruitment,1,RR8,2025-08-01,2025-10-10\n"
                + "recruitment,2,RR8,2025-09-01,2025-10-11\n"
                + "recruitment,3,RR8,2025-09-20,2025-10-12\n"
                + "ed_time_in_department,4,RR8,2025-10-01T10:00,2025-10-01T13:59\n"
                + "ed_time_in_department,5,RR8,2025-10-01 10:00,2025-10-01 14:01\n", StandardCharsets.UTF_8);
        curated = new HashMap<>();
        for (SourceSpec spec : List.of(SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST, ptlFolder.toString()),
                SourceSpec.csv("cancellations", SourceKind.CANCELLATIONS, folder.resolve("theatre.csv").toString()),
                SourceSpec.csv("lead_times", SourceKind.LEAD_TIMES, folder.resolve("leads.csv").toString()))) {
            SourceData data = SourceReader.read(spark, spec, ReadContext.asOf(AS_OF), KEY);
            assertEquals(data.read(), data.acceptedCount(), spec.name() + " " + data.rejectedByReason());
            curated.put(spec.kind(), data.accepted());
        }
        series = new HashMap<>();
        for (Row r : SeriesBuilder.build(curated, MeasureCatalogue.builtIn().all()).collectAsList()) {
            series.put(r.getString(0) + "/" + r.getString(1) + "/" + r.getString(2) + "/" + r.get(3), r.getDouble(4));
        }
    }


    private static double value(String measure, String unitType, String unit) {
        Double v = series.get(measure + "/" + unitType + "/" + unit + "/2025-10-01");
        assertTrue(v != null, measure + " " + unitType + " " + unit + " missing from " + series.keySet());
        return v;
    }

    @Test
    void waitingListMeasuresCountTheLastSnapshotOfTheMonth() {
        assertEquals(6, value("wl_size", "trust", "RR8"));
        assertEquals(3, value("wl_size", "csu", "Children"));
        assertEquals(4, value("wl_size", "site", "RR802"));
        assertEquals(3, value("wl_size", "specialty", "C_100"));
        assertEquals(3.0 / 6, value("wl_within_18_weeks", "trust", "RR8"), 1e-12, "126 days is within, 127 is not");
        assertEquals(2, value("wl_52_plus", "trust", "RR8"));
        assertEquals(1, value("wl_104_plus", "trust", "RR8"));
        assertEquals(0, value("wl_104_plus", "csu", "Children"), "no long waiters is the point 0, not a gap");
        assertEquals((0 + 100 + 126 + 127 + 365 + 800) / 6.0, value("wl_mean_wait_days", "trust", "RR8"), 1e-9);
    }

    @Test
    void medianWeeksFollowTheBandInterpolation() {
        // Bands of 0, 100, 126, 127, 365, 800 days: 0, 14, 17, 18, 52, 104. p·N = 3 falls in band 17
        // (cumulative 3 there, 2 before): 17 + (3 − 2)/1 = 18 weeks.
        assertEquals(18.0, value("wl_median_weeks", "trust", "RR8"), 1e-12);
        assertEquals(kpo.ingest.nhs.RttWaits.percentileWeeks(bands(0, 14, 17, 18, 52, 104), 0.92),
                value("wl_p92_weeks", "trust", "RR8"), 1e-12);
    }

    private static long[] bands(int... weeks) {
        long[] counts = new long[105];
        for (int w : weeks) {
            counts[w]++;
        }
        return counts;
    }

    @Test
    void cancellationRatesUseScheduledCasesAsTheDenominator() {
        assertEquals(4, value("scheduled_cases", "trust", "RR8"));
        assertEquals(0.5, value("cancellation_rate", "specialty", "C_340"), 1e-12);
        assertEquals(0.25, value("avoidable_cancellation_rate", "csu", "Surgery"), 1e-12);
        assertEquals(1, value("last_minute_cancellations", "trust", "RR8"));
        assertEquals(1, value("not_rebooked_28_days", "trust", "RR8"), "rebooked 48 days after the planned date");
        // The theatre extract has no site column: its rows count for the trust, CSU and specialty, and no site.
        assertTrue(series.keySet().stream().noneMatch(k -> k.contains("/site/")
                && k.startsWith("scheduled_cases/")), "no site series without a site: " + series.keySet());
        assertEquals(4, value("scheduled_cases", "csu", "Surgery"));
    }

    @Test
    void leadTimesByCompletionMonth() {
        assertEquals(22, value("lead_time_median_days", "trust", "RR8"), 1e-9,
                "the built-in median spans every process: 70, 40 and 22 days, and two ED stays of hours");
        assertEquals(0.5, value("ed_within_4_hours", "trust", "RR8"), 1e-12, "3 h 59 is within, 4 h 01 is not");
        MeasureDefinition recruitment = new MeasureDefinition("recruitment_median_days", "Recruitment lead time",
                SourceKind.LEAD_TIMES, Aggregate.MEDIAN, "process = 'recruitment'", null, "lead_time_days", null,
                List.of(UnitType.TRUST), "monthly");
        Row row = SeriesBuilder.build(curated, List.of(recruitment)).first();
        assertEquals(40, row.getDouble(4), 1e-9);
    }

    @Test
    void exactPercentilesEqualSparksOwn() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        List<Row> values = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            values.add(org.apache.spark.sql.RowFactory.create("g" + random.nextInt(7), random.nextInt(300) / 7.0));
        }
        values.add(org.apache.spark.sql.RowFactory.create("single", 5.0));
        Dataset<Row> rows = spark.createDataFrame(values, new org.apache.spark.sql.types.StructType()
                .add("g", "string").add("x", "double"));
        for (double p : new double[] {0.5, 0.92, 0.1}) {
            Map<String, Double> ours = new HashMap<>();
            SeriesBuilder.exactPercentile(rows, List.of("g"), "x", p).collectAsList()
                    .forEach(r -> ours.put(r.getString(0), r.getDouble(1)));
            for (Row r : rows.groupBy("g").agg(org.apache.spark.sql.functions.expr("percentile(x, " + p + ")"))
                    .collectAsList()) {
                assertEquals(r.getDouble(1), ours.get(r.getString(0)), 1e-9, r.getString(0) + " p = " + p);
            }
        }
    }

    /** The rows of {@code measure} for one unit, in {@code seq} order, as "period=value#seq". */
    private static List<String> individuals(Dataset<Row> built, String unitType, String unit) {
        return built.filter(org.apache.spark.sql.functions.col("unit_type").equalTo(unitType)
                        .and(org.apache.spark.sql.functions.col("unit_code").equalTo(unit)))
                .orderBy("seq").collectAsList().stream()
                .map(r -> r.get(3) + "=" + r.getDouble(4) + "#" + r.getInt(7)).toList();
    }

    @Test
    void eachPatientsWaitInReferralOrderAtTheLatestSnapshot() {
        MeasureDefinition each = MeasureCatalogue.builtIn().get("wl_wait_each_days").orElseThrow();
        Dataset<Row> built = SeriesBuilder.build(curated, List.of(each));
        assertEquals(SeriesBuilder.COLUMNS, List.of(built.columns()));
        // Snapshot 2025-10-31, referrals F, E, D, C, B, A: waits 800, 365, 127, 126, 100 and 0 days.
        assertEquals(List.of("2023-08-23=800.0#1", "2024-10-31=365.0#2", "2025-06-26=127.0#3"),
                individuals(built, "specialty", "C_100"));
        assertEquals(List.of("2025-06-27=126.0#1", "2025-07-23=100.0#2", "2025-10-31=0.0#3"),
                individuals(built, "csu", "Children"));
        // As of 30 October the latest snapshot is the 24th: pathway A, referred on the 1st, 23 days.
        assertEquals(List.of("2025-10-01=23.0#1"), individuals(SeriesBuilder.build(curated, List.of(each),
                LocalDate.of(2025, 10, 30)), "csu", "Children"));
        assertEquals(0, SeriesBuilder.build(curated, List.of(each), LocalDate.of(2025, 10, 23)).count(),
                "no snapshot on or before the date: no values");
    }

    @Test
    void eachItemsLeadTimeInCompletionOrderWithItsCompletionDate() {
        MeasureDefinition each = new MeasureDefinition("lead_each", "Lead time of each item", SourceKind.LEAD_TIMES,
                Aggregate.EACH, null, null, "lead_time_minutes", null, List.of(UnitType.TRUST), null);
        // Ordered by end time, not by (pseudonymised) id: the ED stay ending 13:59 before the one ending 14:01.
        assertEquals(List.of("2025-10-01=239.0#1", "2025-10-01=241.0#2", "2025-10-10=100800.0#3",
                        "2025-10-11=57600.0#4", "2025-10-12=31680.0#5"),
                individuals(SeriesBuilder.build(curated, List.of(each)), "trust", "RR8"));
        MeasureDefinition recruitment = new MeasureDefinition("recruitment_each", "Recruitment", SourceKind.LEAD_TIMES,
                Aggregate.EACH, "process = 'recruitment'", null, "lead_time_days", null, List.of(UnitType.TRUST), null);
        assertEquals(List.of("2025-10-10=70.0#1", "2025-10-11=40.0#2"), individuals(SeriesBuilder.build(curated,
                List.of(recruitment), LocalDate.of(2025, 10, 11)), "trust", "RR8"),
                "as of the 11th: the items completed by the end of that day");
    }

    @Test
    void valuesAtTheSameInstantKeepTheSourcesOrderAndALongSeriesKeepsItsLastValues() {
        int n = SeriesBuilder.MAX_INDIVIDUAL_VALUES + 3;
        // n items completed over 10 days (many per day, several at the same instant), lead time = item number;
        // the extract lists them in the opposite order of their (pseudonymised) ids, so that an order by id
        // would differ from the source's own.
        Dataset<Row> items = spark.range(n).selectExpr("'audit' as process", "sha2(cast(id as string), 256) as item_id",
                "'RR8' as trust_code", "cast(null as string) as site_code", "'Surgery' as csu",
                "cast(null as string) as specialty", "timestamp'2025-09-01 00:00:00' as start_ts",
                "timestamp'2025-10-01 00:00:00' + make_interval(0, 0, 0, cast(id % 10 as int), cast(id % 3 as int))"
                        + " as end_ts", "cast(id as double) as lead_time_days", "'audit.csv' as _file",
                n + 2 + " - id as _line");
        MeasureDefinition each = new MeasureDefinition("audit_each", "Audit", SourceKind.LEAD_TIMES, Aggregate.EACH,
                null, null, "lead_time_days", null, List.of(UnitType.CSU), null);
        List<Row> rows = SeriesBuilder.build(Map.of(SourceKind.LEAD_TIMES, items), List.of(each)).orderBy("seq")
                .collectAsList();
        // The order worked out in Java: end time, then the line in the extract.
        List<Row> source = items.collectAsList().stream().sorted(java.util.Comparator
                .comparing((Row r) -> (java.time.Instant) r.get(7)).thenComparing(r -> r.getLong(10))).toList();
        assertEquals(SeriesBuilder.MAX_INDIVIDUAL_VALUES, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row expected = source.get(i + 3);
            assertEquals(i + 4, rows.get(i).getInt(7), "numbered by place in the whole order");
            assertEquals(expected.getDouble(8), rows.get(i).getDouble(4), "value at seq " + (i + 4));
            assertEquals(LocalDate.of(2025, 10, 1).plusDays((long) expected.getDouble(8) % 10), rows.get(i).get(3),
                    "the completion date");
        }
    }

    @Test
    void individualValuesNeedAValueAndASourceWithAnOrder() {
        IllegalArgumentException noValue = assertThrows(IllegalArgumentException.class, () -> new MeasureDefinition(
                "x", "x", SourceKind.LEAD_TIMES, Aggregate.EACH, null, null, null, null, List.of(UnitType.TRUST), null));
        assertTrue(noValue.getMessage().contains("needs a value expression"), noValue.getMessage());
        IllegalArgumentException cancellations = assertThrows(IllegalArgumentException.class,
                () -> new MeasureDefinition("x", "x", SourceKind.CANCELLATIONS, Aggregate.EACH, null, null, "1", null,
                        List.of(UnitType.TRUST), null));
        assertTrue(cancellations.getMessage().contains("individual values (each) come from"),
                cancellations.getMessage());
    }

    @Test
    void aggregatedMeasuresHaveNoSequence() {
        Dataset<Row> built = SeriesBuilder.build(curated, List.of(MeasureCatalogue.builtIn().get("wl_size").orElseThrow(),
                MeasureCatalogue.builtIn().get("lead_time_median_days").orElseThrow()));
        assertEquals(SeriesBuilder.COLUMNS, List.of(built.columns()));
        assertEquals(0, built.filter(org.apache.spark.sql.functions.col("seq").isNotNull()).count());
    }

    @Test
    void aMeasureWithoutItsSourceIsAClearError() {
        Map<SourceKind, Dataset<Row>> onlyPtl = Map.of(SourceKind.WAITING_LIST, curated.get(SourceKind.WAITING_LIST));
        IngestException e = assertThrows(IngestException.class, () -> SeriesBuilder.build(onlyPtl,
                List.of(MeasureCatalogue.builtIn().get("cancellation_rate").orElseThrow())));
        assertTrue(e.getMessage().contains("needs the cancellations source"), e.getMessage());
    }
}
