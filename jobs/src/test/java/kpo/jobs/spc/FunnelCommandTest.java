package kpo.jobs.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kpo.jobs.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kpo funnel} end to end: the units of a CSV file, the funnel's numbers as {@code FunnelTest}'s
 * golden values (Spiegelhalter 2005, computed apart), in JSON, CSV and text; bad files named by line.
 */
class FunnelCommandTest {

    private static final String THEATRES = "unit,numerator,denominator,note\n" + "A,12,180,\nB,30,210,\nC,9,150,\n"
            + "D,45,400,\nE,20,240,\nF,5,90,\nG,60,520,\nH,14,300,\nI,33,260,\nJ,8,120,\n";

    @TempDir
    Path folder;

    @Test
    void theFunnelOfAFileInJson() throws IOException {
        Path file = Files.writeString(folder.resolve("theatres.csv"), THEATRES);
        CliRun run = CliRun.of("funnel", "--input", file.toString(), "--overdispersion", "additive");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("additive-spiegelhalter-2005", json.get("overdispersion").asText());
        assertEquals(0.09554655870445344, json.get("target").asDouble(), 1e-9);
        assertEquals(0.0004254859009080741, json.get("tau2").asDouble(), 1e-9);
        JsonNode b = json.get("units").get(1);
        assertEquals("B", b.get("unit").asText());
        assertEquals(1.6352955583307043, b.get("z").asDouble(), 1e-9);
        assertEquals(0, b.get("side").asInt(), "within the limits once they allow for overdispersion");
        assertTrue(b.has("lower_99_8") && b.has("upper_95"), b.toString());
    }

    @Test
    void csvAndTextSayTheSame() throws IOException {
        Path file = Files.writeString(folder.resolve("theatres.csv"), THEATRES);
        CliRun csv = CliRun.of("funnel", "--input", file.toString(), "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        List<String> lines = csv.out().lines().toList();
        assertEquals("unit,numerator,denominator,value,target,z,beyond,side,lower_95,upper_95,lower_99_8,upper_99_8",
                lines.get(0));
        assertTrue(lines.get(2).startsWith("B,30,210,0.14285714285714285,0.09554655870445344,2.332208238452"),
                lines.get(2));
        CliRun text = CliRun.of("funnel", "--input", file.toString(), "--format", "text");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("Beyond the limits: B (above 95%), H (below 95%)."), text.out());
    }

    @Test
    void aBadFileIsNamedByLineAndField() throws IOException {
        Path file = Files.writeString(folder.resolve("bad.csv"), "unit,numerator,denominator\nA,12,180\nB,lots,210\n"
                + "C,9,0\n,4,100\n");
        CliRun run = CliRun.of("funnel", "--input", file.toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains(file + ":3: numerator: 'lots' is not a number"), run.err());
        assertTrue(run.err().contains(file + ":4: unit 'C': the denominator is 0.0; expected a number greater than 0"),
                run.err());
        assertTrue(run.err().contains(file + ":5: unit: the unit is empty"), run.err());
        assertFalse(run.stackTrace(), run.err());

        Path header = Files.writeString(folder.resolve("header.csv"), "site,cancelled,operations\nA,1,2\n");
        CliRun missing = CliRun.of("funnel", "--input", header.toString());
        assertEquals(3, missing.exitCode());
        assertTrue(missing.err().contains(header + ":1: the header lacks unit, numerator, denominator"), missing.err());

        Path one = Files.writeString(folder.resolve("one.csv"), "unit,numerator,denominator\nA,1,2\n");
        CliRun single = CliRun.of("funnel", "--input", one.toString());
        assertEquals(3, single.exitCode());
        assertTrue(single.err().contains("a funnel compares two or more units; got 1"), single.err());
        assertEquals(2, CliRun.of("funnel", "--input", one.toString(), "--kind", "ratio").exitCode(), "usage");
    }
}
