package kpo.jobs.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kpo.jobs.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code kpo spc} contract of DESIGN.md: input, outputs, options, errors and exit codes. */
class SpcCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Path csv(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String monthly(int n, java.util.function.IntToDoubleFunction value) {
        StringBuilder s = new StringBuilder("period,value\n");
        for (int i = 0; i < n; i++) {
            s.append(java.time.LocalDate.of(2023, 1, 1).plusMonths(i)).append(',')
                    .append(kpo.jobs.spc.ResultFormat.number(value.applyAsDouble(i))).append('\n');
        }
        return s.toString();
    }

    /**
     * Individual values as the series table holds them (several to a date, ordered by {@code seq}),
     * in any row order: the chart equals the chart of the same values, in the same order, one
     * date each; the JSON and CSV carry each point's seq.
     */
    @Test
    void individualValuesAreOrderedBySeqAndChartedAsTheSameValuesOnDistinctDates() throws IOException {
        double[] values = new double[40];
        StringBuilder individual = new StringBuilder("seq,period,value\n");
        StringBuilder distinct = new StringBuilder("period,value\n");
        for (int i = 0; i < values.length; i++) {
            values[i] = (i < 25 ? 98 : 42) + (i * 37 % 23) - 11;
            distinct.append(java.time.LocalDate.of(2020, 1, 1).plusDays(i)).append(',').append(values[i]).append('\n');
        }
        // Rows written backwards, four items completed a day.
        for (int i = values.length - 1; i >= 0; i--) {
            individual.append(i + 1).append(',').append(java.time.LocalDate.of(2025, 1, 1).plusDays(i / 4)).append(',')
                    .append(values[i]).append('\n');
        }
        CliRun byEvent = CliRun.of("spc", "--input", csv("items.csv", individual.toString()).toString(),
                "--improvement", "decrease");
        CliRun byDate = CliRun.of("spc", "--input", csv("dates.csv", distinct.toString()).toString(),
                "--improvement", "decrease");
        assertEquals(0, byEvent.exitCode(), byEvent.err());
        JsonNode items = JSON.readTree(byEvent.out()).get("series").get(0);
        JsonNode dates = JSON.readTree(byDate.out()).get("series").get(0);
        for (int i = 0; i < values.length; i++) {
            JsonNode p = items.get("points").get(i);
            JsonNode q = dates.get("points").get(i);
            assertEquals(i + 1, p.get("seq").asInt());
            assertEquals(java.time.LocalDate.of(2025, 1, 1).plusDays(i / 4).toString(), p.get("period").asText());
            assertFalse(q.has("seq"), "an aggregated series has no seq");
            for (String field : List.of("value", "y", "centre", "ucl", "lcl", "signals", "point_type")) {
                assertEquals(q.get(field), p.get(field), field + " of item " + (i + 1));
            }
        }
        assertEquals(dates.get("variation"), items.get("variation"));
        assertEquals(dates.get("runs"), items.get("runs"));
        CliRun csvOut = CliRun.of("spc", "--input", folder.resolve("items.csv").toString(), "--format", "csv");
        String[] lines = csvOut.out().split("\n");
        assertEquals(String.join(",", ResultFormat.CSV_COLUMNS) + ",seq", lines[0]);
        assertTrue(lines[1].startsWith("series,2025-01-01,") && lines[1].endsWith(",1"), lines[1]);
        assertTrue(lines[40].endsWith(",40"), lines[40]);
    }

    @Test
    void helpExitsZero() {
        CliRun top = CliRun.of("--help");
        assertEquals(0, top.exitCode());
        assertTrue(top.out().contains("spc"));
        CliRun spc = CliRun.of("spc", "--help");
        assertEquals(0, spc.exitCode());
        assertTrue(spc.out().contains("--improvement"));
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, CliRun.of().exitCode());
    }

    @Test
    void writesTheDocumentedJson() throws IOException {
        Path file = csv("waits.csv", monthly(24, i -> i < 16 ? 500 + (i % 3) * 10 : 300 + (i % 2) * 5));
        CliRun run = CliRun.of("spc", "--input", file.toString(), "--improvement", "decrease", "--target", "320");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode series = JSON.readTree(run.out()).get("series").get(0);
        assertEquals("series", series.get("id").asText());
        assertEquals("xmr", series.get("chart").asText());
        assertTrue(series.get("rules").asText().startsWith("mdc"));
        JsonNode point = series.get("points").get(0);
        for (String field : List.of("period", "value", "denominator", "y", "centre", "ucl", "lcl", "phase", "baseline",
                "excluded", "signals", "point_type")) {
            assertTrue(point.has(field), field);
        }
        assertEquals("2023-01-01", point.get("period").asText());
        assertTrue(point.get("denominator").isNull());
        assertEquals(1, point.get("phase").asInt());
        JsonNode runs = series.get("runs").get(0);
        for (String field : List.of("phase", "useful", "longest_run", "longest_run_max", "crossings", "crossings_min",
                "signal")) {
            assertTrue(runs.has(field), field);
        }
        // The list fell by 200 and stayed down: the last 8 points are a shift below the mean.
        JsonNode last = series.get("points").get(23);
        assertTrue(last.get("signals").toString().contains("shift"), last.toString());
        assertEquals("special_cause_improvement", last.get("point_type").asText());
        assertEquals("improvement_low", series.get("variation").asText());
        // One phase spans both levels, so its limits (about 394..487) describe the process before the
        // shift: assurance is not assessable, and a rebase at the shift's first point is proposed, whose
        // limits (about 295..310) lie wholly below the target of 320.
        assertEquals("not_assessable", series.get("assurance").asText());
        JsonNode proposal = series.get("rebase_proposal");
        assertEquals("2024-05-01", proposal.get("from").asText(), proposal.toString());
        assertEquals("shift", proposal.get("signal").asText());
        assertEquals(8, proposal.get("points").asInt());
        assertEquals(302.5, proposal.get("centre").asDouble(), 1e-9);
        assertEquals("pass", proposal.get("assurance").asText());
    }

    @Test
    void columnsInAnyOrderWithExtrasBomAndCrlf() throws IOException {
        String content = "\uFEFFnote,value,series,period\r\n"
                + "x,5,B,2024-02-01\r\n"
                + "y,3,A,2024-01-01\r\n"
                + "z,,A,2024-02-01\r\n"
                + "w,7,B,2024-01-01\r\n";
        CliRun run = CliRun.of("spc", "--input", csv("mixed.csv", content).toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode series = JSON.readTree(run.out()).get("series");
        assertEquals("B", series.get(0).get("id").asText(), "series in order of first appearance");
        assertEquals("2024-01-01", series.get(0).get("points").get(0).get("period").asText(), "points in period order");
        assertEquals(7, series.get(0).get("points").get(0).get("value").asInt());
        JsonNode missing = series.get(1).get("points").get(1);
        assertTrue(missing.get("value").isNull());
        assertTrue(missing.get("y").isNull());
        assertEquals("common_cause", missing.get("point_type").asText());
    }

    @Test
    void denominatorMakesYAProportionAndMultiplyScales() throws IOException {
        Path file = csv("rate.csv", "period,value,denominator\n2024-01-01,5,1000\n2024-02-01,7,1000\n2024-03-01,6,1200\n");
        CliRun run = CliRun.of("spc", "--input", file.toString(), "--chart", "u", "--multiply", "1000");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode p = JSON.readTree(run.out()).get("series").get(0).get("points").get(0);
        assertEquals(5.0, p.get("y").asDouble(), 1e-12);
        assertEquals(5, p.get("value").asInt());
        assertEquals(1000, p.get("denominator").asInt());
    }

    @Test
    void csvAndTextFormats() throws IOException {
        Path file = csv("s.csv", monthly(15, i -> 10 + i % 4));
        CliRun csv = CliRun.of("spc", "--input", file.toString(), "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        String[] lines = csv.out().split("\n");
        assertEquals(String.join(",", ResultFormat.CSV_COLUMNS), lines[0]);
        assertEquals(16, lines.length);
        CliRun text = CliRun.of("spc", "--input", file.toString(), "--format", "text");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("variation common_cause"), text.out());
    }

    @Test
    void outWritesTheFileAndNothingToStdout() throws IOException {
        Path file = csv("s.csv", monthly(15, i -> 10 + i % 4));
        Path out = folder.resolve("charts.json");
        CliRun run = CliRun.of("spc", "--input", file.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertTrue(JSON.readTree(out.toFile()).has("series"));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void rebaseExcludeAndBaseline() throws IOException {
        Path file = csv("s.csv", monthly(30, i -> i < 15 ? 100 + i % 5 : 60 + i % 5));
        CliRun run = CliRun.of("spc", "--input", file.toString(), "--rebase", "2024-04-01", "--exclude", "2023-03-01",
                "--baseline", "12", "--rules", "ptd");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode points = JSON.readTree(run.out()).get("series").get(0).get("points");
        assertEquals(1, points.get(14).get("phase").asInt());
        assertEquals(2, points.get(15).get("phase").asInt());
        assertTrue(points.get(2).get("excluded").asBoolean());
        assertFalse(points.get(13).get("baseline").asBoolean());
        assertTrue(points.get(26).get("baseline").asBoolean());
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("--chart", "pie"), "unknown chart 'pie'"),
                Arguments.of(List.of("--rules", "westinghouse"), "unknown rule set"),
                Arguments.of(List.of("--colour", "blue"), "Unknown option"),
                Arguments.of(List.of("--improvement", "down"), "increase, decrease or neutral"),
                Arguments.of(List.of("--target", "NaN"), "not a number"),
                Arguments.of(List.of("--target", "1,234"), "not a number"),
                Arguments.of(List.of("--rebase", "01/04/2024"), "not a date"),
                Arguments.of(List.of("--screen-outliers", "maybe"), "screen-outliers"),
                Arguments.of(List.of("--format", "xml"), "unknown format"),
                Arguments.of(List.of("--chart", "run", "--rules", "mdc"), "applies to control charts"),
                Arguments.of(List.of("--chart", "p", "--rules", "ptd"), "xmr charts only"),
                Arguments.of(List.of("--shift", "9"), "6 to 8"),
                Arguments.of(List.of("--rules", "ptd", "--baseline", "6"), "at least 12"),
                Arguments.of(List.of("--rules", "anhoej", "--trend", "6"), "no trend rule"),
                Arguments.of(List.of("--chart", "g", "--rules", "nelson"), "sigma zones"),
                Arguments.of(List.of("--multiply", "0"), "positive"),
                Arguments.of(List.of("--baseline", "abc"), "baseline"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void usageErrorsExitTwo(List<String> options, String expected) throws IOException {
        Path file = csv("s.csv", monthly(15, i -> 10 + i % 4));
        List<String> args = new ArrayList<>(List.of("spc", "--input", file.toString()));
        args.addAll(options);
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.stackTrace(), run.err());
    }

    static Stream<Arguments> badData() {
        return Stream.of(
                Arguments.of("", List.of(), "empty.csv:1:", "empty"),
                Arguments.of("period,value\n", List.of(), "empty.csv:1:", "no data rows"),
                Arguments.of("period,value\n2024-01-01,1\n2024-02-01,NaN\n", List.of(), "empty.csv:3: value:", "'NaN'"),
                Arguments.of("period,value\n2024-01-01,NA\n", List.of(), "empty.csv:2: value:", "'NA'"),
                Arguments.of("period,value\n2024-01-01,Inf\n", List.of(), "empty.csv:2: value:", "'Inf'"),
                Arguments.of("period,value\n2024-01-01,1e400\n", List.of(), "empty.csv:2: value:", "'1e400'"),
                Arguments.of("period,value\n2024-01-01,\"1,234\"\n", List.of(), "empty.csv:2: value:", "'1,234'"),
                Arguments.of("period,value\n2024-13-01,5\n", List.of(), "empty.csv:2: period:", "not a date"),
                Arguments.of("period,amount\n2024-01-01,5\n", List.of(), "empty.csv:1: value:", "missing column"),
                Arguments.of("period,value,denominator\n2024-01-01,5,4\n", List.of("--chart", "p"),
                        "empty.csv:2: value:", "outside 0..4"),
                Arguments.of("period,value,denominator\n2024-01-01,5,0\n", List.of("--chart", "pp"),
                        "empty.csv:2: denominator:", "greater than 0"),
                Arguments.of("period,value,denominator\n2024-01-01,5,0\n", List.of(), "empty.csv:2: denominator:",
                        "greater than 0"),
                Arguments.of("period,value\n2024-01-01,1e101\n", List.of(), "empty.csv:2: value:", "1e100"),
                Arguments.of("period,value\n2024-01-01,5\n", List.of("--chart", "p"), "empty.csv:1: denominator:",
                        "needs one"),
                Arguments.of("period,value,denominator\n2024-01-01,-1,10\n", List.of("--chart", "u"),
                        "empty.csv:2: value:", "negative"),
                Arguments.of("period,value\n2024-01-01,0\n", List.of("--chart", "t"), "empty.csv:2: value:",
                        "greater than 0"),
                Arguments.of("period,value\n2024-01-01,5\n2024-02-01,6\n2024-01-01,7\n", List.of(),
                        "empty.csv:4: period:", "first on line 2"),
                Arguments.of("period,value,seq\n2024-01-01,5,1\n2024-01-01,6,2\n2024-01-01,7,1\n", List.of(),
                        "empty.csv:4: period:", "with seq 1 appears again in series 'series' (first on line 2)"),
                Arguments.of("period,value,seq\n2024-01-01,5,0\n", List.of(), "empty.csv:2: seq:",
                        "'0' is not a sequence number"),
                Arguments.of("period,value,seq\n2024-01-01,5,1.5\n", List.of(), "empty.csv:2: seq:",
                        "'1.5' is not a sequence number"),
                Arguments.of("period,value\n2024-01-01,5\n\n2024-02-01\n", List.of(), "empty.csv:4:", "expected 2 fields"),
                Arguments.of("period,value\n2024-01-01,\"5\n2024-02-01,6\n", List.of(), "empty.csv:", "quote"));
    }

    @ParameterizedTest
    @MethodSource("badData")
    void badDataExitsThreeNamingFileLineAndField(String content, List<String> options, String where, String why)
            throws IOException {
        Path file = csv("empty.csv", content);
        List<String> args = new ArrayList<>(List.of("spc", "--input", file.toString()));
        args.addAll(options);
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains(where), run.err());
        assertTrue(run.err().contains(why), run.err());
        assertFalse(run.stackTrace(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void notUtf8IsBadData() throws IOException {
        Path file = folder.resolve("latin1.csv");
        Files.write(file, "period,value\n2024-01-01,5\n2024-02-01,6\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun run = CliRun.of("spc", "--input", file.toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("UTF-8"), run.err());
    }

    @Test
    void aMissingFileIsAFailureNotBadData() {
        CliRun run = CliRun.of("spc", "--input", folder.resolve("nowhere.csv").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no such file"), run.err());
        assertFalse(run.stackTrace());
    }

    @Test
    void theNhsAeFileChartsWithMappedColumns() {
        Path ae = Path.of(System.getProperty("kpo.shared.dir"), "data", "ae_attendances_2016-04_to_2019-03.csv");
        CliRun run = CliRun.of("spc", "--input", ae.toString(), "--value-column", "breaches", "--denominator-column",
                "attendances", "--series-column", "org_code,type", "--chart", "pp", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("RF4 / 1,2016-04-01,")));
        CliRun unmapped = CliRun.of("spc", "--input", ae.toString());
        assertEquals(3, unmapped.exitCode());
        assertTrue(unmapped.err().contains("--value-column"), unmapped.err());
    }
}
