package kpo.ingest.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kpo.ingest.BothEngines;
import kpo.ingest.IngestException;
import kpo.ingest.curate.CuratedStore;
import kpo.ingest.curate.SeriesCache;
import kpo.ingest.engine.Engine;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue compiled to SQL, on both engines over the same small curated extracts: each built-in
 * measure's value worked out by hand, individual values in their order, and the same rows from both.
 */
class SeriesSqlTest extends BothEngines {

    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final Pseudonymiser KEY = Pseudonymiser.withKey("another key of at least 16 bytes".getBytes(
            StandardCharsets.UTF_8));

    @TempDir
    static Path folder;

    /** Each engine's store of the extracts below, curated once. */
    private static final Map<String, CuratedStore> STORES = new HashMap<>();

    private static final List<SourceSpec> SOURCES = new ArrayList<>();

    private static void extracts() throws IOException {
        if (!SOURCES.isEmpty()) {
            return;
        }
        String ptl = "snapshot_date,trust_code,site_code,csu,specialty,pathway_id,clock_start_date\n";
        Path ptlFolder = Files.createDirectory(folder.resolve("ptl"));
        Files.writeString(ptlFolder.resolve("ptl_2025-10-24.csv"), ptl
                + "2025-10-24,RR8,RR801,Children,C_110,A,2025-10-01\n", StandardCharsets.UTF_8);
        // The last October snapshot: waits of 0, 100, 126, 127, 365 and 800 days.
        Files.writeString(ptlFolder.resolve("ptl_2025-10-31.csv"), ptl
                + "2025-10-31,RR8,RR801,Children,C_110,A,2025-10-31\n"
                + "2025-10-31,RR8,RR801,Children,C_110,B,2025-07-23\n"
                + "2025-10-31,RR8,RR802,Children,C_110,C,2025-06-27\n"
                + "2025-10-31,RR8,RR802,Surgery,C_100,D,2025-06-26\n"
                + "2025-10-31,RR8,RR802,Surgery,C_100,E,2024-10-31\n"
                + "2025-10-31,RR8,RR802,Surgery,C_100,F,2023-08-23\n", StandardCharsets.UTF_8);
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
        SOURCES.add(SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST, ptlFolder.toString()));
        SOURCES.add(SourceSpec.csv("cancellations", SourceKind.CANCELLATIONS, folder.resolve("theatre.csv").toString()));
        SOURCES.add(SourceSpec.csv("lead_times", SourceKind.LEAD_TIMES, folder.resolve("leads.csv").toString()));
    }

    /** The engine with its views on its own store of the extracts. */
    private static Engine attached(String name) {
        Engine engine = engine(name);
        CuratedStore store = STORES.computeIfAbsent(name, n -> {
            try {
                extracts();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            CuratedStore s = new CuratedStore(folder.resolve("store-" + n));
            for (SourceSpec spec : SOURCES) {
                CuratedStore.Curation c = s.curate(engine, spec, ReadContext.asOf(AS_OF), KEY);
                assertEquals(c.read(), c.accepted(), spec.name() + " " + c.rejectedByReason());
            }
            return s;
        });
        Map<SourceKind, List<Path>> tables = new HashMap<>();
        SOURCES.forEach(spec -> tables.put(spec.kind(), List.of(store.table(spec.name()))));
        engine.attach(tables);
        return engine;
    }

    private static List<SeriesRow> build(String engine, List<MeasureDefinition> measures, LocalDate asOf) {
        return SeriesSql.run(SeriesSql.compile(measures, SeriesSql.Scope.all(asOf)), attached(engine)::rows);
    }

    private static Map<String, Double> october(String engine) {
        Map<String, Double> series = new HashMap<>();
        for (SeriesRow r : build(engine, MeasureCatalogue.builtIn().all(), null)) {
            if (r.seq() == null) {
                series.put(r.measureId() + "/" + r.unitType() + "/" + r.unitCode() + "/" + r.period(), r.value());
            }
        }
        return series;
    }

    private static double value(Map<String, Double> series, String measure, String unitType, String unit) {
        Double v = series.get(measure + "/" + unitType + "/" + unit + "/2025-10-01");
        assertTrue(v != null, measure + " " + unitType + " " + unit + " missing from " + series.keySet());
        return v;
    }

    /**
     * The reasons behind the cancellations, per unit and month, the same on both engines: of the two
     * October cancellations one gave "no bed" and one "unwell"; the avoidable rate's numerator only
     * "no bed"; cases that went ahead give no reason and are not counted.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void paretoReasonsAreCountedPerUnitAndMonth(String engine) {
        MeasureCatalogue catalogue = MeasureCatalogue.builtIn();
        List<ParetoSql.ReasonCount> all = ParetoSql.run(catalogue.get("cancellations").orElseThrow(),
                java.time.YearMonth.of(2024, 11), java.time.YearMonth.of(2025, 10), attached(engine)::rows);
        List<String> trust = all.stream().filter(r -> r.unitType().equals("trust"))
                .map(r -> r.unitCode() + " " + r.period() + " " + r.reason() + " " + r.count()).toList();
        assertEquals(List.of("RR8 2025-10-01 no bed 1", "RR8 2025-10-01 unwell 1"), trust);
        assertEquals(2, all.stream().filter(r -> r.unitType().equals("specialty") && r.unitCode().equals("C_340"))
                .mapToLong(ParetoSql.ReasonCount::count).sum());
        List<ParetoSql.ReasonCount> avoidable = ParetoSql.run(catalogue.get("avoidable_cancellation_rate")
                .orElseThrow(), java.time.YearMonth.of(2025, 10), java.time.YearMonth.of(2025, 10),
                attached(engine)::rows);
        assertEquals(List.of("no bed"), avoidable.stream().filter(r -> r.unitType().equals("trust"))
                .map(ParetoSql.ReasonCount::reason).toList());
        assertTrue(ParetoSql.run(catalogue.get("cancellations").orElseThrow(), java.time.YearMonth.of(2024, 1),
                java.time.YearMonth.of(2024, 12), attached(engine)::rows).isEmpty(), "no rows in 2024");
    }

    @Test
    void aParetoColumnMustBeATextColumnThatIdentifiesNoOne() {
        IllegalArgumentException identifier = assertThrows(IllegalArgumentException.class,
                () -> new MeasureDefinition("x", "X", SourceKind.WAITING_LIST, Aggregate.COUNT, null, null, null, null,
                        List.of(UnitType.TRUST), "monthly", "pathway_id"));
        assertTrue(identifier.getMessage().contains("identifies no one"), identifier.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new MeasureDefinition("x", "X", SourceKind.CANCELLATIONS, Aggregate.COUNT, null, null, null,
                        null, List.of(UnitType.TRUST), "monthly", "why"));
        assertTrue(unknown.getMessage().contains("'why' is not a column of the cancellations source"),
                unknown.getMessage());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void waitingListMeasuresCountTheLastSnapshotOfTheMonth(String engine) {
        Map<String, Double> series = october(engine);
        assertEquals(6, value(series, "wl_size", "trust", "RR8"));
        assertEquals(3, value(series, "wl_size", "csu", "Children"));
        assertEquals(4, value(series, "wl_size", "site", "RR802"));
        assertEquals(3, value(series, "wl_size", "specialty", "C_100"));
        assertEquals(3.0 / 6, value(series, "wl_within_18_weeks", "trust", "RR8"), 1e-12, "126 days is within, 127 not");
        assertEquals(2, value(series, "wl_52_plus", "trust", "RR8"));
        assertEquals(1, value(series, "wl_104_plus", "trust", "RR8"));
        assertEquals(0, value(series, "wl_104_plus", "csu", "Children"), "no long waiters is the point 0, not a gap");
        assertEquals((0 + 100 + 126 + 127 + 365 + 800) / 6.0, value(series, "wl_mean_wait_days", "trust", "RR8"), 1e-9);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void medianWeeksFollowTheBandInterpolation(String engine) {
        Map<String, Double> series = october(engine);
        // Bands of 0, 100, 126, 127, 365, 800 days: 0, 14, 17, 18, 52, 104. p·N = 3 falls in band 17
        // (cumulative 3 there, 2 before): 17 + (3 − 2)/1 = 18 weeks.
        assertEquals(18.0, value(series, "wl_median_weeks", "trust", "RR8"), 1e-12);
        assertEquals(kpo.ingest.nhs.RttWaits.percentileWeeks(bands(0, 14, 17, 18, 52, 104), 0.92),
                value(series, "wl_p92_weeks", "trust", "RR8"), 1e-12);
    }

    private static long[] bands(int... weeks) {
        long[] counts = new long[105];
        for (int w : weeks) {
            counts[w]++;
        }
        return counts;
    }

    @ParameterizedTest
    @MethodSource("engines")
    void cancellationRatesUseScheduledCasesAsTheDenominator(String engine) {
        Map<String, Double> series = october(engine);
        assertEquals(4, value(series, "scheduled_cases", "trust", "RR8"));
        assertEquals(0.5, value(series, "cancellation_rate", "specialty", "C_340"), 1e-12);
        assertEquals(0.25, value(series, "avoidable_cancellation_rate", "csu", "Surgery"), 1e-12);
        assertEquals(1, value(series, "last_minute_cancellations", "trust", "RR8"));
        assertEquals(1, value(series, "not_rebooked_28_days", "trust", "RR8"), "rebooked 48 days after the planned date");
        // The theatre extract has no site column: its rows count for the trust, CSU and specialty, and no site.
        assertTrue(series.keySet().stream().noneMatch(k -> k.contains("/site/")
                && k.startsWith("scheduled_cases/")), "no site series without a site: " + series.keySet());
        assertEquals(4, value(series, "scheduled_cases", "csu", "Surgery"));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void leadTimesByCompletionMonth(String engine) {
        Map<String, Double> series = october(engine);
        assertEquals(22, value(series, "lead_time_median_days", "trust", "RR8"), 1e-9,
                "the built-in median spans every process: 70, 40 and 22 days, and two ED stays of hours");
        assertEquals(0.5, value(series, "ed_within_4_hours", "trust", "RR8"), 1e-12, "3 h 59 is within, 4 h 01 is not");
        MeasureDefinition recruitment = new MeasureDefinition("recruitment_median_days", "Recruitment lead time",
                SourceKind.LEAD_TIMES, Aggregate.MEDIAN, "process = 'recruitment'", null, "lead_time_days", null,
                List.of(UnitType.TRUST), "monthly");
        assertEquals(40, build(engine, List.of(recruitment), null).get(0).value(), 1e-9);
    }

    /** R's type 7, by sorting: the oracle of the engines' percentiles. */
    private static double type7(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        double h = (sorted.size() - 1) * p;
        double low = sorted.get((int) Math.floor(h));
        double high = sorted.get((int) Math.ceil(h));
        return low + (h - Math.floor(h)) * (high - low);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void exactPercentilesAreRsTypeSeven(String engine) throws IOException {
        // Lead times of whole minutes in 7 CSUs (one with a single value), as an extract writes them.
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder text = new StringBuilder("process,item_id,trust_code,csu,start_ts,end_ts\n");
        Map<String, List<Double>> byCsu = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            String csu = "g" + random.nextInt(7);
            int minutes = random.nextInt(300) * 7;
            text.append("audit,").append(i).append(",RR8,").append(csu).append(",2025-10-01T00:00,")
                    .append(java.time.LocalDateTime.of(2025, 10, 1, 0, 0).plusMinutes(minutes)).append('\n');
            byCsu.computeIfAbsent(csu, k -> new ArrayList<>()).add(minutes / 1440.0);
        }
        text.append("audit,single,RR8,single,2025-10-01T00:00,2025-10-01T05:00\n");
        byCsu.put("single", List.of(300 / 1440.0));
        Path file = folder.resolve("percentiles-" + engine + ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Curated c = curate(engine(engine), folder.resolve("percentile-store-" + engine),
                SourceSpec.csv("audit", SourceKind.LEAD_TIMES, file.toString()), ReadContext.asOf(AS_OF), KEY);
        c.engine().attach(Map.of(SourceKind.LEAD_TIMES, List.of(c.store().table("audit"))));
        for (double p : new double[] {0.5, 0.92, 0.1}) {
            MeasureDefinition m = new MeasureDefinition("p", "p", SourceKind.LEAD_TIMES, Aggregate.PERCENTILE, null,
                    null, "lead_time_days", p, List.of(UnitType.CSU), "monthly");
            for (SeriesRow r : SeriesSql.run(SeriesSql.compile(List.of(m), SeriesSql.Scope.all(null)),
                    c.engine()::rows)) {
                assertEquals(type7(byCsu.get(r.unitCode()), p), r.value(), 1e-12, r.unitCode() + " p = " + p);
            }
        }
    }

    /** The rows of a measure for one unit, in {@code seq} order, as "period=value#seq". */
    private static List<String> individuals(List<SeriesRow> built, String unitType, String unit) {
        return built.stream().filter(r -> r.unitType().equals(unitType) && r.unitCode().equals(unit))
                .sorted(java.util.Comparator.comparing(SeriesRow::seq))
                .map(r -> r.period() + "=" + r.value() + "#" + r.seq()).toList();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void eachPatientsWaitInReferralOrderAtTheLatestSnapshot(String engine) {
        MeasureDefinition each = MeasureCatalogue.builtIn().get("wl_wait_each_days").orElseThrow();
        List<SeriesRow> built = build(engine, List.of(each), null);
        // Snapshot 2025-10-31, referrals F, E, D, C, B, A: waits 800, 365, 127, 126, 100 and 0 days.
        assertEquals(List.of("2023-08-23=800.0#1", "2024-10-31=365.0#2", "2025-06-26=127.0#3"),
                individuals(built, "specialty", "C_100"));
        assertEquals(List.of("2025-06-27=126.0#1", "2025-07-23=100.0#2", "2025-10-31=0.0#3"),
                individuals(built, "csu", "Children"));
        // As of 30 October the latest snapshot is the 24th: pathway A, referred on the 1st, 23 days.
        assertEquals(List.of("2025-10-01=23.0#1"), individuals(build(engine, List.of(each),
                LocalDate.of(2025, 10, 30)), "csu", "Children"));
        assertEquals(0, build(engine, List.of(each), LocalDate.of(2025, 10, 23)).size(),
                "no snapshot on or before the date: no values");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void eachItemsLeadTimeInCompletionOrderWithItsCompletionDate(String engine) {
        MeasureDefinition each = new MeasureDefinition("lead_each", "Lead time of each item", SourceKind.LEAD_TIMES,
                Aggregate.EACH, null, null, "lead_time_minutes", null, List.of(UnitType.TRUST), null);
        // Ordered by end time, not by (pseudonymised) id: the ED stay ending 13:59 before the one ending 14:01.
        assertEquals(List.of("2025-10-01=239.0#1", "2025-10-01=241.0#2", "2025-10-10=100800.0#3",
                        "2025-10-11=57600.0#4", "2025-10-12=31680.0#5"),
                individuals(build(engine, List.of(each), null), "trust", "RR8"));
        MeasureDefinition recruitment = new MeasureDefinition("recruitment_each", "Recruitment", SourceKind.LEAD_TIMES,
                Aggregate.EACH, "process = 'recruitment'", null, "lead_time_days", null, List.of(UnitType.TRUST), null);
        assertEquals(List.of("2025-10-10=70.0#1", "2025-10-11=40.0#2"), individuals(build(engine,
                List.of(recruitment), LocalDate.of(2025, 10, 11)), "trust", "RR8"),
                "as of the 11th: the items completed by the end of that day");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void valuesAtTheSameInstantKeepTheSourcesOrderAndALongSeriesKeepsItsLastValues(String engine) throws IOException {
        int n = SeriesSql.MAX_INDIVIDUAL_VALUES + 3;
        // n items completed over 10 days (many per day, several at the same instant), lead time = item number;
        // the extract lists them in the opposite order of their ids, so that an order by id would differ
        // from the source's own.
        StringBuilder text = new StringBuilder("process,item_id,trust_code,csu,start_ts,end_ts\n");
        List<long[]> items = new ArrayList<>(); // {id, end minute, line}
        for (int id = n - 1; id >= 0; id--) {
            long endMinute = (id % 10) * 1440L + (id % 3) * 60L;
            items.add(new long[] {id, endMinute, items.size() + 2});
            text.append("audit,").append(id).append(",RR8,Surgery,2025-09-01T00:00,")
                    .append(java.time.LocalDateTime.of(2025, 10, 1, 0, 0).plusMinutes(endMinute)).append('\n');
        }
        Path file = folder.resolve("items-" + engine + ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Curated c = curate(engine(engine), folder.resolve("items-store-" + engine),
                SourceSpec.csv("audit", SourceKind.LEAD_TIMES, file.toString()), ReadContext.asOf(AS_OF), KEY);
        c.engine().attach(Map.of(SourceKind.LEAD_TIMES, List.of(c.store().table("audit"))));
        MeasureDefinition each = new MeasureDefinition("audit_each", "Audit", SourceKind.LEAD_TIMES, Aggregate.EACH,
                null, null, "lead_time_minutes", null, List.of(UnitType.CSU), null);
        List<SeriesRow> rows = SeriesSql.run(SeriesSql.compile(List.of(each), SeriesSql.Scope.all(null)),
                c.engine()::rows);
        // The order worked out in Java: end time, then the line in the extract.
        List<long[]> order = items.stream().sorted(java.util.Comparator.<long[]>comparingLong(i -> i[1])
                .thenComparingLong(i -> i[2])).toList();
        assertEquals(SeriesSql.MAX_INDIVIDUAL_VALUES, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            long[] expected = order.get(i + 3);
            assertEquals(i + 4, rows.get(i).seq(), "numbered by place in the whole order");
            assertEquals(expected[1] + 30L * 1440, rows.get(i).value(), 1e-9, "value at seq " + (i + 4));
            assertEquals(LocalDate.of(2025, 10, 1).plusDays(expected[1] / 1440), rows.get(i).period(),
                    "the completion date");
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aggregatedMeasuresHaveNoSequence(String engine) {
        List<SeriesRow> built = build(engine, List.of(MeasureCatalogue.builtIn().get("wl_size").orElseThrow(),
                MeasureCatalogue.builtIn().get("lead_time_median_days").orElseThrow()), null);
        assertEquals(8, built.size(), "wl_size for 8 units, the median lead time for the trust");
        assertTrue(built.stream().allMatch(r -> r.seq() == null));
    }

    /** The two engines give the very same rows: every value, bit for bit. */
    @Test
    void bothEnginesGiveTheSameSeries() {
        List<MeasureDefinition> all = MeasureCatalogue.builtIn().all();
        assertEquals(build("embedded", all, null), build("spark", all, null));
        assertEquals(build("embedded", all, LocalDate.of(2025, 10, 30)), build("spark", all, LocalDate.of(2025, 10, 30)));
    }

    @Test
    void aMeasureWithoutItsSourceIsAClearError() {
        Engine engine = attached("embedded");
        IngestException e = assertThrows(IngestException.class, () -> new SeriesCache(STORES.get("embedded"))
                .series(engine, STORES.get("embedded"), Map.of("waiting_list", SourceKind.WAITING_LIST),
                        List.of(MeasureCatalogue.builtIn().get("cancellation_rate").orElseThrow()), null));
        assertTrue(e.getMessage().contains("needs the cancellations source"), e.getMessage());
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
}
