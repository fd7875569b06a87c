package kpo.ingest.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kpo.ingest.source.ReadContext;
import kpo.ingest.BothEngines;
import kpo.ingest.measures.SeriesSql;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.read.SourceFiles;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated trust: deterministic, the planted stories there, and exactly the planted faults rejected. */
class TrustGeneratorTest extends BothEngines {

    private static final TrustGenerator.Settings SMALL = new TrustGenerator.Settings("RR8", YearMonth.of(2025, 10), 36,
            TrustGenerator.Scale.SMALL, 42);
    private static Path out;
    private static TrustGenerator.Summary summary;

    @TempDir
    static Path folder;

    @BeforeAll
    static void generate() {
        out = folder.resolve("trust");
        summary = TrustGenerator.generate(SMALL, out);
    }


    @Test
    void theSameSeedGivesTheSameFiles() throws IOException {
        Path again = folder.resolve("again");
        TrustGenerator.generate(SMALL, again);
        for (String source : summary.files().keySet()) {
            for (Path file : summary.files().get(source)) {
                Path twin = again.resolve(out.relativize(file));
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(twin), file.toString());
            }
        }
    }

    @Test
    void thirtySixMonthsOfEachSource() {
        assertEquals(36, summary.files().get("waiting_list").size());
        assertEquals(36, summary.files().get("cancellations").size());
        assertEquals(36, summary.files().get("lead_times").size());
        assertTrue(summary.files().get("waiting_list").get(35).endsWith("ptl_2025-10-31.csv"));
        long perSnapshot = summary.rows().get("waiting_list") / 36;
        assertTrue(perSnapshot > 2500 && perSnapshot < 6000, "small trust: " + perSnapshot + " pathways a snapshot");
    }

    @Test
    void thePaediatricListIsValidatedFromAbout1109To566To212() throws IOException {
        long before = paediatric("2024-12-31");
        assertTrue(before > 950 && before < 1300, "before: " + before);
        assertEquals(566, paediatric("2025-01-31"));
        assertEquals(212, paediatric("2025-02-28"));
    }

    private static long paediatric(String snapshot) throws IOException {
        try (Stream<String> lines = Files.lines(out.resolve("ptl").resolve("ptl_" + snapshot + ".csv"))) {
            return lines.filter(l -> l.contains(",Children's Services,") && !l.contains(",C_999X,")).count();
        }
    }

    @Test
    void noIdentifierReachesTheCuratedTablesOrTheRejects() throws IOException {
        java.util.Set<String> identifiers = new java.util.HashSet<>();
        for (Path file : summary.files().get("waiting_list")) {
            try (Stream<String> lines = Files.lines(file).skip(1)) {
                lines.forEach(l -> {
                    String[] f = l.split(",", -1);
                    identifiers.add(f[5]);
                    identifiers.add(f[6]);
                });
            }
        }
        Pseudonymiser key = Pseudonymiser.withKey("generator test key of 32 bytes!!".getBytes(StandardCharsets.UTF_8));
        SourceSpec spec = SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST,
                summary.files().get("waiting_list").get(0).getParent().toString());
        Curated c = curate(engine("embedded"), folder.resolve("curated"), spec,
                ReadContext.asOf(LocalDate.of(2025, 11, 30)), key);
        List<String> texts = new java.util.ArrayList<>();
        for (Object[] row : c.rows(SourceKind.WAITING_LIST, "SELECT pathway_id, nhs_number, csu, specialty, trust_code, "
                + "site_code, _file FROM curated_waiting_list", SeriesSql.ResultType.TEXT, SeriesSql.ResultType.TEXT,
                SeriesSql.ResultType.TEXT, SeriesSql.ResultType.TEXT, SeriesSql.ResultType.TEXT,
                SeriesSql.ResultType.TEXT, SeriesSql.ResultType.TEXT)) {
            for (Object v : row) {
                if (v != null) {
                    texts.add((String) v);
                }
            }
        }
        c.rejects().forEach(r -> texts.add(r.value() == null ? "" : r.value()));
        java.util.regex.Pattern digits = java.util.regex.Pattern.compile("\\d{10}|RR8\\d{9}");
        long checked = 0;
        for (String text : texts) {
            java.util.regex.Matcher m = digits.matcher(text);
            while (m.find()) {
                assertTrue(!identifiers.contains(m.group()), "an identifier in the store: " + m.group());
            }
            checked++;
        }
        assertTrue(checked > 100_000, "values checked: " + checked);
    }

    @Test
    void ingestRejectsExactlyThePlantedFaults() {
        Pseudonymiser key = Pseudonymiser.withKey("generator test key of 32 bytes!!".getBytes(StandardCharsets.UTF_8));
        LocalDate asOf = LocalDate.of(2025, 11, 30);
        for (SourceKind kind : List.of(SourceKind.WAITING_LIST, SourceKind.CANCELLATIONS, SourceKind.LEAD_TIMES)) {
            String source = kind.code();
            Path first = summary.files().get(source).get(0).getParent();
            Curated c = curate(engine("embedded"), folder.resolve("planted"), SourceSpec.csv(source, kind,
                    first.toString()), ReadContext.asOf(asOf), key);
            assertEquals(summary.rows().get(source), c.curation().read(), source + " rows");
            Map<String, Long> rejected = new java.util.TreeMap<>();
            c.curation().rejectedByReason().forEach((r, n) -> rejected.put(r.code(), n));
            assertEquals(summary.faults().getOrDefault(source, Map.of()), rejected, source + " rejects");
            assertTrue(c.curation().rejected() > 0, source + " has planted faults");
            assertEquals(summary.files().get(source).size(), SourceFiles.resolve(SourceSpec.csv(source, kind,
                    first.toString())).size());
        }
    }
}
