package kpo.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import kpo.reports.fixtures.FixturePack;
import kpo.reports.narrative.Narrative;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A trust pack published with small numbers suppressed: the hidden measure's values are "*", its
 * chart is not drawn, small engine counts on the reconciliation page are hidden, and the methodology
 * says what was done. The rebase register lists every rebase with who agreed it.
 */
class SuppressedPackPdfTest {

    private static MeasureReport hidden;
    private static PdfInspector inspector;

    @BeforeAll
    static void render() {
        BoardPack fixture = FixturePack.trust();
        hidden = fixture.measures().get(0);
        LocalDate latest = Narrative.latestPeriod(hidden.chart());
        List<MeasureReport> measures = fixture.measures().stream()
                .map(m -> m == hidden ? m.hiding(List.of(latest)) : m).toList();
        hidden = measures.get(0);
        Reconciliation small = new Reconciliation("Patients waiting 52 weeks or more", fixture.period(),
                "NHS England RTT provider file", "", 4_003, 4_010, List.of(), List.of(
                        new ReconciliationRow("C_420", "Paediatrics", 3, 9),
                        new ReconciliationRow("C_100", "General Surgery", 4_000, 4_001)));
        BoardPack pack = new BoardPack(fixture.trust(), fixture.period(), fixture.dataTo(), fixture.commitments(),
                measures, fixture.dataQuality(), List.of(small), null, new SmallNumbers(7));
        inspector = new PdfInspector(BoardPackPdf.trust(pack));
    }

    @Test
    void aHiddenMeasureHasNoChartAndStarsForItsValues() {
        String page = "";
        for (int p = 1; p <= inspector.pageCount(); p++) {
            String text = inspector.text(p);
            if (text.contains("Chart not shown") && text.contains("Key figures")) {
                page = text;
            }
        }
        assertTrue(page.contains(hidden.title()), "the placeholder is on the hidden measure's page");
        assertTrue(page.contains("Latest *  ("), page);
        assertTrue(page.contains("suppressed (shown as *)"), "the account says why it is left out");
        for (int p = 1; p <= inspector.pageCount(); p++) {
            String text = inspector.text(p);
            if (text.contains("Chart not shown")) {
                assertTrue(text.contains(hidden.title()), "only the hidden measure's chart is left out: page " + p);
            }
        }
    }

    @Test
    void smallEngineCountsOnTheReconciliationPageAreHidden() {
        String page = inspector.text(inspector.pageWith("Patients waiting 52 weeks or more, October 2025"))
                .replaceAll("\\s+", "");
        assertTrue(page.contains("C_420Paediatrics*9*"), "the engine's 3 and the difference that gives it back");
        assertTrue(page.contains("C_100GeneralSurgery4,0004,001+1"), page);
    }

    @Test
    void theMethodologySaysWhatWasSuppressedAndListsTheRebases() {
        int at = inspector.pageWith("Rebase register");
        String method = inspector.text(at) + (at < inspector.pageCount() ? inspector.text(at + 1) : "");
        assertTrue(method.contains("Small numbers: counts of 1–7"), method);
        assertTrue(method.contains("not recorded"), "the fixture's rebases carry no agreement");
    }
}
