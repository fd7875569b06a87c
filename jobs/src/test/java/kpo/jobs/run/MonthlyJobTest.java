package kpo.jobs.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import kpo.ingest.generate.TrustGenerator;
import kpo.jobs.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly job end to end on a small generated trust: every output there and sound, a rerun
 * byte for byte the same, a bad source stopping the run with a clear sentence and exit 3, and the
 * config's mistakes each named with their line.
 */
class MonthlyJobTest {

    @TempDir
    static Path home;

    private static CliRun first;

    @BeforeAll
    static void runOnce() throws IOException {
        TrustGenerator.generate(new TrustGenerator.Settings("RR8", YearMonth.of(2025, 10), 24,
                TrustGenerator.Scale.SMALL, 7), home.resolve("data"));
        Files.writeString(home.resolve("pseudonym.key"), "a test key, not a real one, 32 bytes\n");
        try (var in = MonthlyJobTest.class.getResourceAsStream("/kpo/jobs/demo/kpo-demo.yaml")) {
            Files.write(home.resolve("kpo.yaml"), in.readAllBytes());
        }
        try (var in = MonthlyJobTest.class.getResourceAsStream("/kpo/jobs/demo/measures.yaml")) {
            Files.write(home.resolve("measures.yaml"), in.readAllBytes());
        }
        first = CliRun.of("run", "--config", home.resolve("kpo.yaml").toString());
    }

    private static Path month() {
        return home.resolve("out").resolve("2025-10");
    }

    @Test
    void everyOutputIsThere() throws IOException {
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(month().resolve("board-report.pdf").toString(), first.out().trim().lines().reduce((a, b) -> b)
                .orElseThrow(), "the last line is the board pack");
        for (String name : List.of("board-report.pdf", "spc_points.csv", "spc_summary.json", "series.parquet",
                "rejects.csv", "manifest.json", "pack_measures.csv", "pack_measures.json")) {
            assertTrue(Files.size(month().resolve(name)) > 0, name);
        }
        try (Stream<Path> packs = Files.list(month().resolve("csu"))) {
            assertEquals(4, packs.count(), "a pack per CSU with an A3 or a measure");
        }
        try (Stream<Path> charts = Files.list(month().resolve("charts"))) {
            assertEquals(18, charts.count(), "a chart per measure of the demo config");
        }
        String pdf = new String(Files.readAllBytes(month().resolve("board-report.pdf")), StandardCharsets.ISO_8859_1);
        assertTrue(pdf.startsWith("%PDF"));
        JsonNode manifest = new ObjectMapper().readTree(month().resolve("manifest.json").toFile());
        for (JsonNode source : manifest.get("sources")) {
            assertEquals(source.get("read").asLong(), source.get("accepted").asLong() + source.get("rejected").asLong(),
                    source.get("name").asText());
            assertTrue(source.get("inputs").size() == 24);
        }
        long rejects = Files.readAllLines(month().resolve("rejects.csv")).size() - 1;
        assertEquals(manifest.get("counts").get("rejects").asLong(), rejects);
        List<String> points = Files.readAllLines(month().resolve("spc_points.csv"));
        assertEquals(String.join(",", SparkSpc.POINTS.fieldNames()), points.get(0));
        assertEquals(manifest.get("counts").get("spc_points").asLong(), points.size() - 1);
        // Individual values: every post's lead time, numbered 1, 2, … in completion order, dates never going back.
        List<String[]> posts = points.stream().filter(line -> line.startsWith("recruitment_each_days,"))
                .map(line -> line.split(",", -1)).toList();
        assertTrue(posts.size() > 100, "a point per post filled: " + posts.size());
        for (int i = 0; i < posts.size(); i++) {
            assertEquals(String.valueOf(i + 1), posts.get(i)[20], "seq of post " + (i + 1));
            assertTrue(i == 0 || posts.get(i)[5].compareTo(posts.get(i - 1)[5]) >= 0, "completion dates in order");
        }
        assertTrue(points.stream().filter(line -> line.startsWith("wl_size,")).allMatch(line -> line.endsWith(",")),
                "an aggregated measure's points have no seq");
        assertFalse(Files.readString(month().resolve("rejects.csv")).matches("(?s).*999\\d{7}.*"),
                "no NHS number in the rejects");
    }

    @Test
    void aRerunGivesTheSameFiles() throws IOException {
        Path copy = home.resolve("first-run");
        if (!Files.exists(copy)) {
            Files.createDirectories(copy);
            for (String name : List.of("board-report.pdf", "spc_points.csv", "spc_summary.json", "rejects.csv",
                    "series.parquet", "pack_measures.csv")) {
                Files.copy(month().resolve(name), copy.resolve(name));
            }
        }
        CliRun again = CliRun.of("run", "--config", home.resolve("kpo.yaml").toString(), "--quiet");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("", again.err(), "--quiet prints nothing on success");
        for (String name : List.of("board-report.pdf", "spc_points.csv", "spc_summary.json", "rejects.csv",
                "series.parquet", "pack_measures.csv")) {
            assertArrayEquals(Files.readAllBytes(copy.resolve(name)), Files.readAllBytes(month().resolve(name)), name);
        }
    }

    @Test
    void aMissingSourceStopsTheRunWithExitThree() throws IOException {
        String config = Files.readString(home.resolve("kpo.yaml")).replace("paths: [data/lead_times]",
                "paths: [data/nowhere]");
        Path broken = home.resolve("broken.yaml");
        Files.writeString(broken, config);
        CliRun run = CliRun.of("run", "--config", broken.toString(), "--out", home.resolve("out-broken").toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("source 'lead_times'") && run.err().contains("nowhere does not exist"), run.err());
        assertFalse(run.stackTrace(), run.err());
        assertFalse(Files.exists(home.resolve("out-broken").resolve("2025-10")), "nothing half written");
    }

    @Test
    void individualValuesOnAChartThatNeedsADenominatorAreABadConfig() throws IOException {
        String config = Files.readString(home.resolve("kpo.yaml")).replace(
                "measure: recruitment_each_days\n", "measure: recruitment_each_days\n    chart: p\n");
        Path wrong = home.resolve("individuals-on-p.yaml");
        Files.writeString(wrong, config);
        CliRun run = CliRun.of("run", "--config", wrong.toString(), "--out", home.resolve("out-p").toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("individuals-on-p.yaml: measure 'recruitment_each' puts the individual values of "
                + "'recruitment_each_days' on a p chart, which needs a denominator"), run.err());
        assertFalse(run.stackTrace(), run.err());
        assertFalse(Files.exists(home.resolve("out-p").resolve("2025-10")), "nothing written");
    }

    @Test
    void validateNamesEveryConfigMistakeWithItsLine() throws IOException {
        String config = Files.readString(home.resolve("kpo.yaml"))
                .replace("improvement: decrease\n    target: 212", "improvement: down\n    target: 212")
                .replace("commitment: C5", "commitment: C9");
        Path wrong = home.resolve("wrong.yaml");
        Files.writeString(wrong, config);
        CliRun run = CliRun.of("validate", "--config", wrong.toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().matches("(?s).*wrong\\.yaml line \\d+: measure 'paeds_list' has improvement 'down'.*"),
                run.err());
        assertTrue(run.err().contains("commitment 'C9', which the config does not define"), run.err());
        CliRun fine = CliRun.of("validate", "--config", home.resolve("kpo.yaml").toString());
        assertEquals(0, fine.exitCode(), fine.err());
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() throws IOException {
        Path wrong = home.resolve("unknown.yaml");
        Files.writeString(wrong, Files.readString(home.resolve("kpo.yaml")).replace("output: out", "output: out\ncolour: blue"));
        CliRun run = CliRun.of("validate", "--config", wrong.toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("unknown.yaml line") && run.err().contains("unknown key 'colour'"), run.err());
    }
}
