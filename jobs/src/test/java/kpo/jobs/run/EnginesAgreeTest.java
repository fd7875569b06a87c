package kpo.jobs.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kpo.ingest.generate.TrustGenerator;
import kpo.jobs.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two engines agree byte for byte: the same config run on the embedded engine and on Spark
 * (local mode), each curating from nothing into its own store, gives the same board pack, CSU packs,
 * {@code spc_points.csv}, {@code spc_summary.json}, {@code series.parquet}, {@code rejects.csv},
 * pack data and charts, and the same counts in the manifest. Tried on the demo trust, on a smaller
 * and shorter generated trust with weekly measures, and on NHS England's own files (a published RTT
 * return to reconcile with, and the A&E data set as a pre-aggregated source).
 */
class EnginesAgreeTest {

    private static final Path SHARED = Path.of(System.getProperty("kpo.shared.dir", "../../shared"));

    @TempDir
    Path home;

    /** The demo's config and catalogue beside {@code folder}'s data, with its own store and output. */
    private Path config(Path folder, String engine, String extra) throws IOException {
        String yaml;
        try (var in = EnginesAgreeTest.class.getResourceAsStream("/kpo/jobs/demo/kpo-demo.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (var in = EnginesAgreeTest.class.getResourceAsStream("/kpo/jobs/demo/measures.yaml")) {
            Files.write(folder.resolve("measures.yaml"), in.readAllBytes());
        }
        Files.writeString(folder.resolve("pseudonym.key"), "a test key, not a real one, 32 bytes\n");
        Path file = folder.resolve("kpo-" + engine + ".yaml");
        Files.writeString(file, yaml.replace("output: out", "output: out-" + engine)
                .replace("curated: curated", "curated: curated-" + engine)
                .replace("\nsources:\n", "\n" + extra + "sources:\n"));
        return file;
    }

    private static Path run(Path config, String engine) {
        CliRun run = CliRun.of("run", "--config", config.toString(), "--engine", engine, "--quiet");
        assertEquals(0, run.exitCode(), engine + ": " + run.err());
        return Path.of(run.out().trim().lines().reduce((a, b) -> b).orElseThrow()).getParent();
    }

    /** Every file of two months' outputs the same bytes, but the manifest, whose counts must agree. */
    private static void assertSameOutputs(Path embedded, Path spark) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(embedded)) {
            files = all.filter(Files::isRegularFile).map(embedded::relativize).sorted().toList();
        }
        try (Stream<Path> all = Files.walk(spark)) {
            assertEquals(files, all.filter(Files::isRegularFile).map(spark::relativize).sorted().toList(),
                    "the same files");
        }
        assertTrue(files.contains(Path.of("board-report.pdf")) && files.contains(Path.of("series.parquet")));
        for (Path f : files) {
            if (!f.toString().equals("manifest.json")) {
                assertArrayEquals(Files.readAllBytes(embedded.resolve(f)), Files.readAllBytes(spark.resolve(f)),
                        f + " is the same bytes from both engines");
            }
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(embedded.resolve("manifest.json").toFile());
        JsonNode b = json.readTree(spark.resolve("manifest.json").toFile());
        for (String part : List.of("/counts", "/small_numbers", "/reconciliations", "/restatements/points",
                "/as_of", "/period", "/data_to")) {
            assertEquals(a.at(part), b.at(part), "manifest " + part);
        }
        for (int i = 0; i < a.get("sources").size(); i++) {
            for (String field : List.of("name", "read", "accepted", "rejected", "rejected_by_reason", "inputs")) {
                assertEquals(a.at("/sources/" + i + "/" + field), b.at("/sources/" + i + "/" + field), field);
            }
        }
    }

    @Test
    void theDemoTrustGivesTheSameBytes() throws IOException {
        TrustGenerator.generate(new TrustGenerator.Settings("RR8", YearMonth.of(2025, 10), 24,
                TrustGenerator.Scale.SMALL, 7), home.resolve("data"));
        Path embedded = run(config(home, "embedded", ""), "embedded");
        Path spark = run(config(home, "spark", ""), "spark");
        assertSameOutputs(embedded, spark);
    }

    /**
     * A smaller and shorter trust, a month earlier, with weekly measures (weeks that span two months)
     * and NHS England's files: its published RTT return for the reconciliation page, and the A&E data
     * set (2016–2019) given as a pre-aggregated source charted per provider.
     */
    @Test
    void anotherTrustWithWeeklyMeasuresAndNhsEnglandsFilesGivesTheSameBytes() throws IOException {
        TrustGenerator.generate(new TrustGenerator.Settings("RR8", YearMonth.of(2025, 9), 13,
                TrustGenerator.Scale.SMALL, 11), home.resolve("data"));
        RttProviderFixture.write(home.resolve("rtt.csv"), List.of(
                new RttProviderFixture.Line(YearMonth.of(2025, 8), "RR8", "15F", "C_999",
                        RttProviderFixture.bands(3, 3000, 60, 30)),
                new RttProviderFixture.Line(YearMonth.of(2025, 8), "RR8", "15F", "X04",
                        RttProviderFixture.bands(3, 300, 60, 3))));
        // The A&E data set as a measures source: breaches of the 4-hour standard over attendances, per provider.
        Path ae = Files.createDirectories(home.resolve("ae"));
        try (BufferedReader in = Files.newBufferedReader(SHARED.resolve("data")
                .resolve("ae_attendances_2016-04_to_2019-03.csv"), StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(ae.resolve("ae.csv"), StandardCharsets.UTF_8)) {
            List<String> header = List.of(in.readLine().split(","));
            out.write("period,unit_code,measure_id,value,denominator\n");
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (f[header.indexOf("type")].equals("1")) {
                    out.write(f[header.indexOf("period")] + "," + f[header.indexOf("org_code")] + ",ae_breaches,"
                            + f[header.indexOf("breaches")] + "," + f[header.indexOf("attendances")] + "\n");
                }
            }
        }
        String extra = """
                published:
                  rtt_provider: rtt.csv
                """;
        String measures = """
                  - id: ae_breaches_rj1
                    measure: ae_breaches
                    unit: {type: unit, code: RJ1}
                    title: A&E 4-hour breaches, type 1 (NHS England data)
                    units: proportion
                    chart: pp
                    improvement: decrease
                  - id: wl_size_weekly
                    measure: wl_size_weekly
                    unit: {type: trust, code: RR8}
                    title: Waiting list, each snapshot
                    units: count
                """;
        List<Path> months = new ArrayList<>();
        for (String engine : List.of("embedded", "spark")) {
            Path file = config(home, engine, extra);
            String yaml = Files.readString(file).replace("    max_reject_rate: 0.01\ncatalogue:",
                    "    max_reject_rate: 0.01\n  - name: ae\n    kind: measures\n    paths: [ae]\ncatalogue:")
                    .replace("\nmeasures:\n", "\nmeasures:\n" + measures);
            Files.writeString(file, yaml);
            Files.writeString(home.resolve("measures.yaml"), Files.readString(home.resolve("measures.yaml"))
                    + "- id: wl_size_weekly\n  title: Waiting list by snapshot\n  source: waiting_list\n"
                    + "  aggregate: count\n  filter: \"list_type = 'rtt'\"\n  frequency: weekly\n  units: [trust]\n");
            months.add(run(file, engine));
        }
        assertTrue(Files.readString(months.get(0).resolve("spc_points.csv")).contains("ae_breaches,unit,RJ1,pp,"));
        assertSameOutputs(months.get(0), months.get(1));
    }
}
