package kpo.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kpo.reports.fixtures.FixturePack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packs are PDF/UA-1 (ISO 14289-1), as veraPDF's profile checks it: the fixture trust's board
 * pack and a CSU pack, each rule that fails listed with where it fails (the demo's packs are checked
 * in the jobs module). The summary of the run is written to {@code target/verapdf/}.
 */
class PdfUaTest {

    private static final Map<String, PdfUaValidation.Outcome> OUTCOMES = new TreeMap<>();

    @BeforeAll
    static void validate() {
        BoardPack pack = FixturePack.trust();
        OUTCOMES.put("fixture board pack", PdfUaValidation.validate(BoardPackPdf.trust(pack)));
        OUTCOMES.put("fixture CSU pack (Medicine)", PdfUaValidation.validate(BoardPackPdf.csu(pack, "Medicine")));
        PdfUaValidation.writeSummary(Path.of("target", "verapdf", "fixture-packs.md"),
                "PDF/UA-1 of the fixture packs (PdfUaTest)", OUTCOMES);
    }

    @Test
    void theBoardPackPassesPdfUa1() {
        assertPasses("fixture board pack");
    }

    @Test
    void aCsuPackPassesPdfUa1() {
        assertPasses("fixture CSU pack (Medicine)");
    }

    private static void assertPasses(String pack) {
        PdfUaValidation.Outcome outcome = OUTCOMES.get(pack);
        assertTrue(outcome.compliant(), pack + " fails PDF/UA-1:\n" + String.join("\n", outcome.failures()));
        assertEquals(List.of(), outcome.failures());
        assertTrue(outcome.passedChecks() > 1000, "veraPDF checked " + outcome.passedChecks() + " things");
    }
}
