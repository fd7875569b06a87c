package kpo.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kpo.reports.fixtures.FixturePack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML packs in a real browser: headless Chromium (Debian's) loads the trust's pack and a CSU
 * pack and axe-core runs its WCAG 2.0, 2.1 and 2.2 A and AA rules on each
 * ({@code src/test/browser/axe-check.mjs}); no violation is allowed. Pictures of the summary and of a
 * measure page are written to {@code target/html/} (the docs keep a copy).
 *
 * <p>Where Node, its packages ({@code npm ci} in {@code src/test/browser}) or Chromium are missing the
 * test is skipped with a message saying which; {@code .ci/run} installs all three and sets
 * {@code KPO_REQUIRE_BROWSER=1}, which turns a skip into a failure, so CI never skips it.
 */
class HtmlPackBrowserTest {

    private static final Path SCRIPT = Path.of("src", "test", "browser", "axe-check.mjs");
    private static final Path OUT = Path.of("target", "html");
    private static final List<JsonNode> RESULTS = new ArrayList<>();

    @BeforeAll
    static void checkInBrowser() throws Exception {
        String missing = missing();
        if (missing != null) {
            if ("1".equals(System.getenv("KPO_REQUIRE_BROWSER"))) {
                throw new IllegalStateException("the browser check cannot run: " + missing);
            }
            Assumptions.abort("skipped: " + missing + " (.ci/run installs it)");
        }
        BoardPack pack = FixturePack.trust();
        Files.createDirectories(OUT);
        Path trust = OUT.resolve("board-report.html");
        Files.writeString(trust, PackFiles.trust(pack).html(), StandardCharsets.UTF_8);
        Path medicine = OUT.resolve(PackFiles.htmlFileName("Medicine"));
        Files.writeString(medicine, PackFiles.csu(pack, "Medicine").html(), StandardCharsets.UTF_8);
        String measure = "measure-" + pack.measures().get(0).id();
        Process node = new ProcessBuilder("node", SCRIPT.toString(), trust.toAbsolutePath().toString(),
                medicine.toAbsolutePath().toString(),
                "--screenshot", trust.toAbsolutePath() + "::section:has(#section-summary)="
                        + OUT.resolve("summary.png").toAbsolutePath(),
                "--screenshot", trust.toAbsolutePath() + "::section:has(#" + measure + ")="
                        + OUT.resolve("measure-page.png").toAbsolutePath())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(5, TimeUnit.MINUTES), "the browser check did not finish");
        assertEquals(0, node.exitValue(), "the browser check failed to run: " + out);
        ObjectMapper json = new ObjectMapper();
        for (String line : out.strip().split("\n")) {
            RESULTS.add(json.readTree(line));
        }
    }

    /** What the check needs and this machine lacks, or null. */
    private static String missing() throws IOException, InterruptedException {
        if (!Files.isDirectory(SCRIPT.getParent().resolve("node_modules").resolve("axe-core"))) {
            return "axe-core and playwright-core are not installed (npm ci in reports/src/test/browser)";
        }
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            return "Chromium is not at " + chromium;
        }
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor() == 0 ? null : "node does not run";
        } catch (IOException e) {
            return "node is not installed";
        }
    }

    @Test
    void axeFindsNoWcag22AaViolationInTheTrustPackOrACsuPack() {
        assertEquals(2, RESULTS.size());
        for (JsonNode result : RESULTS) {
            assertTrue(result.get("axe").asText().startsWith("4."), result.toString());
            assertEquals(0, result.get("violations").size(), result.get("file").asText() + ": "
                    + result.get("violations").toPrettyString());
        }
    }

    @Test
    void picturesOfTheSummaryAndAMeasurePageAreTaken() throws IOException {
        for (String picture : List.of("summary.png", "measure-page.png")) {
            assertTrue(Files.size(OUT.resolve(picture)) > 10_000, picture);
        }
    }
}
