package kpo.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kpo.ingest.BothEngines;
import kpo.ingest.IngestException;
import kpo.ingest.measures.SeriesSql.ResultType;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.Reason;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceMapping;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.validate.Rejection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The waiting-list source on both engines: every rule, the count identity, pseudonyms, mappings. */
class WaitingListReadTest extends BothEngines {

    private static final LocalDate AS_OF = LocalDate.of(2025, 11, 5);
    private static final ReadContext CONTEXT = ReadContext.asOf(AS_OF);
    private static final Pseudonymiser KEY = Pseudonymiser.withKey("a test key of thirty-two bytes!!".getBytes(
            StandardCharsets.UTF_8));
    private static final String HEADER = "snapshot_date,trust_code,site_code,csu,specialty,pathway_id,nhs_number,"
            + "clock_start_date,priority,list_type\n";

    @TempDir
    Path folder;

    private Path write(String name, String content) throws IOException {
        Path file = folder.resolve("in").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private Curated curate(String engine, SourceSpec spec, Pseudonymiser key) {
        return curate(engine(engine), folder.resolve("store"), spec, CONTEXT, key);
    }

    private static Map<Reason, Long> reasons(Object... pairs) {
        Map<Reason, Long> map = new EnumMap<>(Reason.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Reason) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return map;
    }

    @ParameterizedTest
    @MethodSource("engines")
    void everyRuleRejectsItsRowAndTheRestAreAccepted(String engine) throws IOException {
        write("ptl_2025-10-31.csv", HEADER
                + "2025-10-31,RR8,RR801,Children,C_110,P1,9990000018,2025-06-01,P2,rtt\n"          // 2 ok
                + "2025-10-31,RR8,RR801,Children,110,P2,,2025-09-30,,\n"                          // 3 ok: 110 -> C_110, no nhs number
                + "2025-10-31,RR8,,Surgery,C_100,P3,943 476 5919,2024-10-31,P4,planned\n"       // 4 ok, spaced NHS number
                + "2025-10-31,RR8,RR801,Children,C_110,P4,9990000019,2025-06-01,,\n"             // 5 invalid nhs number
                + "2025-10-31,RR8,RR801,Children,C_110,P5,,2025-11-02,,\n"                       // 6 clock start after snapshot
                + "2025-10-31,RR8,RR801,Children,C_999X,P6,,2025-06-01,,\n"                      // 7 unknown specialty
                + "2025-10-31,RRX8,RR801,Children,C_110,P7,,2025-06-01,,\n"                      // 8 bad ODS trust
                + "2025-10-31,RR8,RR8,Children,C_110,P8,,2025-06-01,,\n"                         // 9 bad ODS site
                + "2025-10-31,RR8,RR801,Children,C_110,,,2025-06-01,,\n"                         // 10 missing pathway
                + "2025-10-31,RR8,RR801,Children,C_110,P9,,2025-02-30,,\n"                       // 11 impossible date
                + "2025-10-31,RR8,RR801,Children,C_110,P10,,1900-01-01,,\n"                      // 12 implausible date
                + "2025-10-31,RR8,RR801,Children,C_110,P11,,2010-01-01,,\n"                      // 13 absurd wait
                + "2025-12-31,RR8,RR801,Children,C_110,P12,,2025-06-01,,\n"                      // 14 future snapshot
                + "2025-10-31,RR8,RR801,Children,C_110,P13,,2025-06-01,P7,\n"                    // 15 unknown priority
                + "2025-10-31,RR8,RR801,Children,C_110,P14,,2025-06-01,,waiting\n"               // 16 unknown list type
                + "2025-10-31,RR8,RR801,Children,C_110,P1,,2025-06-01,,\n"                       // 17 duplicate of P1
                + "2025-10-31,RR8,RR801,Children\n");                                            // 18 short row
        Curated c = curate(engine, SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST,
                folder.resolve("in").toString()).maxRejectRate(1.0), KEY);
        assertEquals(17, c.curation().read());
        assertEquals(3, c.curation().accepted());
        assertEquals(reasons(Reason.INVALID_NHS_NUMBER, 1, Reason.CLOCK_START_AFTER_SNAPSHOT, 1,
                Reason.UNKNOWN_TREATMENT_FUNCTION, 1, Reason.BAD_ODS_CODE, 2, Reason.MISSING_REQUIRED, 1,
                Reason.BAD_DATE, 1, Reason.IMPLAUSIBLE_DATE, 1, Reason.ABSURD_DURATION, 1, Reason.FUTURE_DATE, 1,
                Reason.UNKNOWN_CODE, 2, Reason.DUPLICATE_PATHWAY, 1, Reason.SHORT_ROW, 1),
                c.curation().rejectedByReason());

        List<Rejection> rejects = c.rejects();
        Rejection invalid = rejects.get(0);
        assertEquals(5L, invalid.line());
        assertEquals("nhs_number", invalid.column());
        assertEquals("**********", invalid.value(), "an NHS number is masked in the rejects");
        assertEquals(17L, rejects.get(rejects.size() - 2).line());
        assertEquals(Reason.DUPLICATE_PATHWAY, rejects.get(rejects.size() - 2).reason());
        assertFalse(rejects.stream().anyMatch(r -> r.line() <= 4), "lines 2 to 4 accepted");

        List<Object[]> accepted = c.rows(SourceKind.WAITING_LIST, "SELECT clock_start_date, days_waiting, week_band, "
                + "nhs_number, month, specialty, list_type, CAST(within_18_weeks AS STRING) FROM curated_waiting_list ORDER BY "
                + "clock_start_date", ResultType.DATE, ResultType.INTEGER, ResultType.INTEGER, ResultType.TEXT,
                ResultType.TEXT, ResultType.TEXT, ResultType.TEXT, ResultType.TEXT);
        Object[] oldest = accepted.get(0);
        assertEquals(LocalDate.of(2024, 10, 31), oldest[0]);
        assertEquals(365, oldest[1]);
        assertEquals(52, oldest[2]);
        assertEquals(KEY.pseudonym("9434765919"), oldest[3]);
        assertEquals("2025-10", oldest[4]);
        Object[] newest = accepted.get(2);
        assertEquals("C_110", newest[5]);
        assertEquals("rtt", newest[6]);
        assertEquals("true", newest[7]);
        String everything = accepted.stream().map(java.util.Arrays::toString).reduce("", String::concat)
                + rejects.toString();
        assertFalse(everything.contains("9434765919") || everything.contains("943 476 5919")
                || everything.contains("9990000018") || everything.contains("9990000019"), "no NHS number survives");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aTrustExportLoadsThroughItsMapping(String engine) throws IOException {
        write("export.csv", "Census,Org,Spec,PPI,RTT Start\n31/10/2025,RR8,110,A1,01/06/2025\n");
        SourceMapping mapping = new SourceMapping(Map.of("snapshot_date", "Census", "trust_code", "Org",
                "specialty", "Spec", "pathway_id", "PPI", "clock_start_date", "RTT Start"), "dd/MM/yyyy", null,
                Map.of());
        Curated c = curate(engine, SourceSpec.csv("ptl", SourceKind.WAITING_LIST,
                folder.resolve("in").resolve("export.csv").toString()).mapping(mapping), KEY);
        assertEquals(1, c.curation().accepted());
        Object[] row = c.rows(SourceKind.WAITING_LIST, "SELECT specialty, days_waiting FROM curated_waiting_list",
                ResultType.TEXT, ResultType.INTEGER).get(0);
        assertEquals("C_110", row[0]);
        assertEquals(152, row[1]);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aWrongHeaderStopsTheRunNamingTheFile(String engine) throws IOException {
        Path file = write("wrong.csv", "snapshot,trust_code,specialty,pathway_id,clock_start_date\n");
        IngestException e = assertThrows(IngestException.class, () -> curate(engine,
                SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST, file.toString()), KEY));
        assertTrue(e.getMessage().contains("wrong.csv has no column 'snapshot_date'"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void identifiersWithoutAKeyAreRefused(String engine) throws IOException {
        Path file = write("ptl.csv", HEADER + "2025-10-31,RR8,RR801,Children,C_110,P1,9990000018,2025-06-01,P2,rtt\n");
        IngestException e = assertThrows(IngestException.class, () -> curate(engine,
                SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST, file.toString()), null));
        assertTrue(e.getMessage().contains("no pseudonym key"), e.getMessage());
        assertFalse(e.getMessage().contains("9990000018"));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void tooManyRejectsStopTheRun(String engine) throws IOException {
        Path file = write("ptl.csv", HEADER + "2025-10-31,RR8,RR801,Children,C_110,P1,,2025-06-01,P2,rtt\n"
                + "2025-10-31,RR8,RR801,Children,C_777,P2,,2025-06-01,P2,rtt\n");
        IngestException e = assertThrows(IngestException.class, () -> curate(engine,
                SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST, file.toString()).maxRejectRate(0.2), KEY));
        assertTrue(e.getMessage().contains("1 of 2 rows (50.0%) were rejected"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown_treatment_function"), e.getMessage());
        assertFalse(Files.exists(folder.resolve("store").resolve("waiting_list")), "nothing curated");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void jsonLinesAndParquetReadLikeCsv(String engine) throws IOException, SQLException {
        Path json = write("ptl.jsonl", "{\"snapshot_date\":\"2025-10-31\",\"trust_code\":\"RR8\",\"specialty\":\"C_110\","
                + "\"pathway_id\":\"A\",\"clock_start_date\":\"2025-06-01\",\"nhs_number\":9990000018}\n"
                + "{\"snapshot_date\":\"2025-10-31\",\"trust_code\":\"RR8\",\"specialty\":\"C_110\","
                + "\"pathway_id\":\"B\",\"clock_start_date\":\"2025-13-01\"}\n"
                + "{not json}\n");
        Curated fromJson = curate(engine, new SourceSpec("waiting_list", SourceKind.WAITING_LIST,
                List.of(json.toString()), "json", SourceMapping.NONE, 1.0), KEY);
        assertEquals(3, fromJson.curation().read());
        assertEquals(1, fromJson.curation().accepted());
        assertEquals(reasons(Reason.BAD_DATE, 1, Reason.MALFORMED_ROW, 1), fromJson.curation().rejectedByReason());
        assertEquals(3L, fromJson.rejects().stream().filter(r -> r.reason() == Reason.MALFORMED_ROW).findFirst()
                .orElseThrow().line());

        // Typed Parquet columns: dates as DATE, a timestamp-free file as a trust writes it.
        Path parquet = folder.resolve("in").resolve("ptl.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES (DATE '2025-10-31', 'RR8', 'C_110', 'A', DATE '2025-06-01'), "
                    + "(DATE '2025-10-31', 'RR8', 'C_110', 'B', DATE '2025-11-30')) t(snapshot_date, trust_code, "
                    + "specialty, pathway_id, clock_start_date)) TO '" + parquet + "' (FORMAT parquet)");
        }
        Curated fromParquet = curate(engine, new SourceSpec("waiting_list_parquet", SourceKind.WAITING_LIST,
                List.of(parquet.toString()), "parquet", SourceMapping.NONE, 1.0), KEY);
        assertEquals(2, fromParquet.curation().read());
        assertEquals(reasons(Reason.CLOCK_START_AFTER_SNAPSHOT, 1), fromParquet.curation().rejectedByReason());
        assertEquals(2L, fromParquet.rejects().get(0).line(), "the row number in its file stands for the line");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aMissingSourceStopsTheRun(String engine) {
        IngestException e = assertThrows(IngestException.class, () -> curate(engine,
                SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST, folder.resolve("nowhere").toString()), KEY));
        assertTrue(e.getMessage().contains("nowhere does not exist"), e.getMessage());
    }
}
