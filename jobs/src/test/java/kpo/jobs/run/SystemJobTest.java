package kpo.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import kpo.ingest.generate.TrustGenerator;
import kpo.jobs.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An integrated care system of two generated trusts: each trust's own pack where its config puts
 * it, for the same month, and a system pack holding both trusts' commitments and measures.
 */
class SystemJobTest {

    @TempDir
    static Path home;

    private static CliRun run;

    private static void trust(String code, String name, long seed) throws IOException {
        Path folder = Files.createDirectories(home.resolve(code.toLowerCase(java.util.Locale.ROOT)));
        TrustGenerator.generate(new TrustGenerator.Settings(code, YearMonth.of(2025, 10), 13,
                TrustGenerator.Scale.SMALL, seed), folder.resolve("data"));
        String config;
        try (InputStream in = SystemJobTest.class.getResourceAsStream("/kpo/jobs/demo/kpo-demo.yaml")) {
            config = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Files.writeString(folder.resolve("kpo.yaml"), config.replace("code: RR8", "code: " + code)
                .replace("Northdale Teaching Hospitals NHS Trust (synthetic)", name));
        try (InputStream in = SystemJobTest.class.getResourceAsStream("/kpo/jobs/demo/measures.yaml")) {
            Files.write(folder.resolve("measures.yaml"), in.readAllBytes());
        }
        Files.writeString(folder.resolve("pseudonym.key"), "a system test key, sixteen bytes or more\n");
    }

    @BeforeAll
    static void runOnce() throws IOException {
        trust("RR8", "Northdale Teaching Hospitals (synthetic)", 7);
        trust("RAE", "Southvale Hospitals (synthetic)", 8);
        Files.writeString(home.resolve("ics.yaml"), """
                system:
                  code: QWO
                  name: Northdale and Southvale ICS (synthetic)
                  trusts: [rr8/kpo.yaml, rae/kpo.yaml]
                  output: system-out
                """);
        run = CliRun.of("run", "--config", home.resolve("ics.yaml").toString());
    }

    @Test
    void eachTrustHasItsPackAndTheSystemHasOneOfBoth() throws IOException {
        assertEquals(0, run.exitCode(), run.err());
        Path systemPack = home.resolve("system-out").resolve("2025-10").resolve("system-report.pdf");
        assertEquals(systemPack.toString(), run.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(Files.exists(home.resolve("rr8/out/2025-10/board-report.pdf")));
        assertTrue(Files.exists(home.resolve("rae/out/2025-10/board-report.pdf")));

        List<String> measures = Files.readAllLines(home.resolve("system-out/2025-10/system_measures.csv"));
        assertEquals(1 + 2 * 18, measures.size(), "the header and both trusts' 18 measures");
        assertTrue(measures.stream().anyMatch(m -> m.startsWith("RR8.paeds_list,")));
        assertTrue(measures.stream().anyMatch(m -> m.startsWith("RAE.paeds_list,")));

        String all = kpo.jobs.PdfText.of(systemPack);
        assertTrue(all.contains("Northdale and Southvale ICS (synthetic)"));
        assertTrue(all.contains("RR8: No child waits longer than they need to"), "a trust commitment, named");
        assertTrue(all.contains("RAE: No child waits longer than they need to"));
        assertFalse(all.contains("Children's: every child is seen"), "CSU A3s stay in the trusts' packs");

        // The trusts' shared rates, trust against trust on funnel plots: the cancellation rate over the
        // year, and the waiting list within 18 weeks at the month's end (a snapshot, never summed).
        assertTrue(all.contains("Cancellation rate, all theatre cases: trusts compared"), "a funnel page");
        assertTrue(all.contains("Compared across trusts"), "each trust's measure page links to it");
        List<String> funnels = Files.readAllLines(home.resolve("system-out/2025-10/system_comparisons.csv"));
        for (String trust : List.of("RR8", "RAE")) {
            assertTrue(funnels.stream().anyMatch(l -> l.startsWith("cancellation_rate:trust,RR8.trust_cancel;"
                    + "RAE.trust_cancel,") && l.contains("Nov 2024 to Oct 2025") && l.contains("," + trust + ",")),
                    trust + " in " + funnels);
            assertTrue(funnels.stream().anyMatch(l -> l.startsWith("wl_within_18_weeks:trust,")
                    && l.contains(",Oct 2025,") && l.contains("," + trust + ",")), trust + " in " + funnels);
        }
    }

    @Test
    void aSystemConfigsMistakesAreNamedAtOnce() throws IOException {
        Path bad = home.resolve("bad-ics.yaml");
        Files.writeString(bad, """
                system:
                  code: QWO
                  name: A system
                  trusts: [rr8/kpo.yaml, nowhere/kpo.yaml, rr8/kpo.yaml]
                """);
        CliRun validate = CliRun.of("validate", "--config", bad.toString());
        assertEquals(3, validate.exitCode(), validate.err());
        assertTrue(validate.err().contains("bad-ics.yaml: the trust config nowhere/kpo.yaml does not exist"),
                validate.err());
        assertTrue(validate.err().contains("bad-ics.yaml: trust RR8 is listed twice (rr8/kpo.yaml)"), validate.err());
        assertFalse(validate.stackTrace(), validate.err());
    }
}
