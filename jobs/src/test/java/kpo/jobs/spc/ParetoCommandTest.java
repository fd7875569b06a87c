package kpo.jobs.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import kpo.ingest.generate.TrustGenerator;
import kpo.jobs.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kpo pareto} end to end: the reasons of a file counted by hand, as text, CSV and JSON, with
 * counted rows, and on the synthetic trust's own cancellation extract; bad files named by line.
 */
class ParetoCommandTest {

    /** 20 cancellations: No bed 9 (three spellings), Surgeon 5, List overran 3, Patient unwell 2, blank 1. */
    private static final String CANCELLATIONS = "case_id,reason\n" + "1,No bed\n2,no bed\n3, No bed \n4,No bed\n"
            + "5,NO BED\n6,No bed\n7,No bed\n8,no bed\n9,No bed\n" + "10,Surgeon unavailable\n11,Surgeon unavailable\n"
            + "12,Surgeon unavailable\n13,surgeon unavailable\n14,Surgeon unavailable\n"
            + "15,List overran\n16,List overran\n17,List overran\n18,Patient unwell\n19,Patient unwell\n20,\n";

    @TempDir
    Path folder;

    @Test
    void countsTheReasonsOfAFile() throws IOException {
        Path file = Files.writeString(folder.resolve("cancellations.csv"), CANCELLATIONS);
        CliRun run = CliRun.of("pareto", "--input", file.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(20, json.get("total").asInt());
        assertEquals(5, json.get("reasons").asInt());
        JsonNode first = json.get("items").get(0);
        assertEquals("No bed", first.get("reason").asText());
        assertEquals(9, first.get("count").asInt());
        assertEquals(0.45, first.get("share").asDouble(), 1e-12);
        // 9 + 5 = 14 of 20 = 70% < 80%, + 3 = 85%: three reasons make 80%.
        assertEquals(0.85, json.get("items").get(2).get("cumulative").asDouble(), 1e-12);
        List<String> vital = new java.util.ArrayList<>();
        json.get("vital_few").forEach(v -> vital.add(v.asText()));
        assertEquals(List.of("No bed", "Surgeon unavailable", "List overran"), vital);
        assertEquals("(no reason given)", json.get("items").get(4).get("reason").asText());
    }

    @Test
    void textAndCsvSayTheSameAndTheTopFoldsTheRest() throws IOException {
        Path file = Files.writeString(folder.resolve("cancellations.csv"), CANCELLATIONS);
        CliRun text = CliRun.of("pareto", "--input", file.toString(), "--top", "3");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("Pareto of 20 by 'reason': 5 reasons; 3 make 80% (No bed; Surgeon "
                + "unavailable; List overran)."), text.out());
        assertTrue(text.out().contains("Other (2 reasons)"), text.out());
        CliRun csv = CliRun.of("pareto", "--input", file.toString(), "--top", "3", "--format", "csv");
        List<String> lines = csv.out().lines().toList();
        assertEquals("rank,reason,count,share,cumulative,vital,reasons", lines.get(0));
        assertEquals("1,No bed,9,0.45,0.45,true,1", lines.get(1));
        assertEquals("4,Other (2 reasons),3,0.15,1,false,2", lines.get(4));
    }

    @Test
    void countedRowsAreAddedUp() throws IOException {
        Path file = Files.writeString(folder.resolve("counted.csv"), "reason,n\nNo bed,12\nno bed,3\nSurgeon,5\n");
        CliRun run = CliRun.of("pareto", "--input", file.toString(), "--count", "n", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("1,No bed,15,0.75,0.75,true,1", run.out().lines().toList().get(1));
    }

    @Test
    void theSyntheticTrustsCancellationReasons() throws IOException {
        TrustGenerator.generate(new TrustGenerator.Settings("RR8", YearMonth.of(2025, 10), 13,
                TrustGenerator.Scale.SMALL, 7), folder.resolve("data"));
        Path extract;
        try (var files = Files.walk(folder.resolve("data"))) {
            extract = files.filter(p -> p.getFileName().toString().startsWith("theatre_cases_")).sorted()
                    .findFirst().orElseThrow();
        }
        CliRun run = CliRun.of("pareto", "--input", extract.toString(), "--only", "status=cancelled", "--format",
                "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.get("total").asLong() > 10, run.out());
        json.get("items").forEach(item -> assertTrue(!item.get("reason").asText().equals("(no reason given)"),
                "every cancelled case has a reason: " + run.out()));
        assertTrue(json.get("vital_few").size() >= 1);
        assertEquals(1.0, json.get("items").get(json.get("items").size() - 1).get("cumulative").asDouble(), 1e-9);
    }

    @Test
    void aBadFileIsNamedByLineAndField() throws IOException {
        Path file = Files.writeString(folder.resolve("bad.csv"), "reason,n\nNo bed,12\nSurgeon,three\nList,-1\n");
        CliRun run = CliRun.of("pareto", "--input", file.toString(), "--count", "n");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains(file + ":3: n: 'three' is not a whole number of 0 or more"), run.err());
        assertTrue(run.err().contains(file + ":4: n: '-1' is not a whole number of 0 or more"), run.err());
        assertFalse(run.stackTrace(), run.err());
        CliRun format = CliRun.of("pareto", "--input", file.toString(), "--format", "xml");
        assertEquals(2, format.exitCode());
        assertTrue(format.err().contains("unknown format 'xml'; expected text, csv or json"), format.err());
    }
}
