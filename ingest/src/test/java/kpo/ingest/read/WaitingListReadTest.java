package kpo.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kpo.ingest.source.ReadContext;
import kpo.ingest.IngestException;
import kpo.ingest.SparkTestSession;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceMapping;
import kpo.ingest.source.SourceSpec;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The waiting-list source on real Spark: every rule, the count identity, pseudonyms, mappings. */
class WaitingListReadTest extends SparkTestSession {

    private static final LocalDate AS_OF = LocalDate.of(2025, 11, 5);
    private static final Pseudonymiser KEY = Pseudonymiser.withKey("a test key of thirty-two bytes!!".getBytes(
            StandardCharsets.UTF_8));
    private static final String HEADER = "snapshot_date,trust_code,site_code,csu,specialty,pathway_id,nhs_number,"
            + "clock_start_date,priority,list_type\n";


    @TempDir
    Path folder;



    private Path write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void everyRuleRejectsItsRowAndTheRestAreAccepted() throws IOException {
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
        SourceData data = SourceReader.read(spark, SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST,
                folder.toString()).maxRejectRate(1.0), ReadContext.asOf(AS_OF), KEY);
        assertEquals(17, data.read());
        assertEquals(3, data.acceptedCount());
        assertEquals(data.read(), data.acceptedCount() + data.rejectedCount());
        assertEquals(Map.ofEntries(Map.entry("invalid_nhs_number", 1L), Map.entry("clock_start_after_snapshot", 1L),
                Map.entry("unknown_treatment_function", 1L), Map.entry("bad_ods_code", 2L),
                Map.entry("missing_required", 1L), Map.entry("bad_date", 1L), Map.entry("implausible_date", 1L),
                Map.entry("absurd_duration", 1L), Map.entry("future_date", 1L), Map.entry("unknown_code", 2L),
                Map.entry("duplicate_pathway", 1L), Map.entry("short_row", 1L)), data.rejectedByReason());

        List<Row> rejects = data.rejects().orderBy("line").collectAsList();
        Row invalid = rejects.get(0);
        assertEquals(5L, invalid.getLong(2));
        assertEquals("nhs_number", invalid.getString(3));
        assertEquals("**********", invalid.getString(4), "an NHS number is masked in the rejects");
        assertEquals(17L, rejects.get(rejects.size() - 2).getLong(2));
        assertEquals("duplicate_pathway", rejects.get(rejects.size() - 2).getString(5));

        List<Row> accepted = data.accepted().orderBy("clock_start_date").collectAsList();
        Row oldest = accepted.get(0);
        assertEquals(LocalDate.of(2024, 10, 31), oldest.getAs("clock_start_date"));
        assertEquals(365, (int) oldest.getAs("days_waiting"));
        assertEquals(52, (int) oldest.getAs("week_band"));
        assertEquals(KEY.pseudonym("9434765919"), oldest.getAs("nhs_number"));
        assertEquals("2025-10", oldest.getAs("month"));
        Row newest = accepted.get(2);
        assertEquals("C_110", newest.getAs("specialty"));
        assertEquals("rtt", newest.getAs("list_type"));
        assertTrue((boolean) newest.getAs("within_18_weeks"));
        String everything = data.rows().collectAsList().toString();
        assertFalse(everything.contains("9434765919") || everything.contains("943 476 5919")
                || everything.contains("9990000018") || everything.contains("9990000019"), "no NHS number survives");
    }

    @Test
    void aTrustExportLoadsThroughItsMapping() throws IOException {
        write("export.csv", "Census,Org,Spec,PPI,RTT Start\n31/10/2025,RR8,110,A1,01/06/2025\n");
        SourceMapping mapping = new SourceMapping(Map.of("snapshot_date", "Census", "trust_code", "Org",
                "specialty", "Spec", "pathway_id", "PPI", "clock_start_date", "RTT Start"), "dd/MM/yyyy", null,
                Map.of());
        SourceData data = SourceReader.read(spark, SourceSpec.csv("ptl", SourceKind.WAITING_LIST,
                folder.resolve("export.csv").toString()).mapping(mapping), ReadContext.asOf(AS_OF), KEY);
        assertEquals(1, data.acceptedCount());
        Row row = data.accepted().first();
        assertEquals("C_110", row.getAs("specialty"));
        assertEquals(152, (int) row.getAs("days_waiting"));
    }

    @Test
    void aWrongHeaderStopsTheRunNamingTheFile() throws IOException {
        Path file = write("wrong.csv", "snapshot,trust_code,specialty,pathway_id,clock_start_date\n");
        IngestException e = assertThrows(IngestException.class, () -> SourceReader.read(spark,
                SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST, file.toString()), ReadContext.asOf(AS_OF), KEY));
        assertTrue(e.getMessage().contains("wrong.csv has no column 'snapshot_date'"), e.getMessage());
    }

    @Test
    void identifiersWithoutAKeyAreRefused() throws IOException {
        Path file = write("ptl.csv", HEADER + "2025-10-31,RR8,RR801,Children,C_110,P1,9990000018,2025-06-01,P2,rtt\n");
        IngestException e = assertThrows(IngestException.class, () -> SourceReader.read(spark,
                SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST, file.toString()), ReadContext.asOf(AS_OF), null));
        assertTrue(e.getMessage().contains("no pseudonym key"), e.getMessage());
        assertFalse(e.getMessage().contains("9990000018"));
    }

    @Test
    void tooManyRejectsStopTheRun() throws IOException {
        Path file = write("ptl.csv", HEADER + "2025-10-31,RR8,RR801,Children,C_110,P1,,2025-06-01,P2,rtt\n"
                + "2025-10-31,RR8,RR801,Children,C_777,P2,,2025-06-01,P2,rtt\n");
        IngestException e = assertThrows(IngestException.class, () -> SourceReader.read(spark,
                SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST, file.toString()).maxRejectRate(0.2), ReadContext.asOf(AS_OF),
                KEY));
        assertTrue(e.getMessage().contains("1 of 2 rows (50.0%) were rejected"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown_treatment_function"), e.getMessage());
    }

    @Test
    void jsonLinesAndParquetReadLikeCsv() throws IOException {
        Path json = write("ptl.jsonl", "{\"snapshot_date\":\"2025-10-31\",\"trust_code\":\"RR8\",\"specialty\":\"C_110\","
                + "\"pathway_id\":\"A\",\"clock_start_date\":\"2025-06-01\",\"nhs_number\":9990000018}\n"
                + "{\"snapshot_date\":\"2025-10-31\",\"trust_code\":\"RR8\",\"specialty\":\"C_110\","
                + "\"pathway_id\":\"B\",\"clock_start_date\":\"2025-13-01\"}\n"
                + "{not json}\n");
        SourceData fromJson = SourceReader.read(spark, new SourceSpec("waiting_list", SourceKind.WAITING_LIST,
                List.of(json.toString()), "json", SourceMapping.NONE, 1.0), ReadContext.asOf(AS_OF), KEY);
        assertEquals(3, fromJson.read());
        assertEquals(1, fromJson.acceptedCount());
        assertEquals(Map.of("bad_date", 1L, "malformed_row", 1L), fromJson.rejectedByReason());
        assertEquals(3L, fromJson.rejects().filter("reason = 'malformed_row'").first().getLong(2));

        Path parquet = folder.resolve("ptl.parquet");
        spark.createDataFrame(List.of(
                org.apache.spark.sql.RowFactory.create("2025-10-31", "RR8", "C_110", "A", "2025-06-01"),
                org.apache.spark.sql.RowFactory.create("2025-10-31", "RR8", "C_110", "B", "2025-11-30")),
                new org.apache.spark.sql.types.StructType().add("snapshot_date", "string").add("trust_code", "string")
                        .add("specialty", "string").add("pathway_id", "string").add("clock_start_date", "string"))
                .coalesce(1).write().parquet(parquet.toString());
        SourceData fromParquet = SourceReader.read(spark, new SourceSpec("waiting_list", SourceKind.WAITING_LIST,
                List.of(parquet.toString()), "parquet", SourceMapping.NONE, 1.0), ReadContext.asOf(AS_OF), KEY);
        assertEquals(2, fromParquet.read());
        assertEquals(Map.of("clock_start_after_snapshot", 1L), fromParquet.rejectedByReason());
        assertEquals(2L, fromParquet.rejects().first().getLong(2), "the row number in its file stands for the line");
    }

    @Test
    void aMissingSourceStopsTheRun() {
        IngestException e = assertThrows(IngestException.class, () -> SourceReader.read(spark,
                SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST, folder.resolve("nowhere").toString()), ReadContext.asOf(AS_OF),
                KEY));
        assertTrue(e.getMessage().contains("nowhere does not exist"), e.getMessage());
    }
}
