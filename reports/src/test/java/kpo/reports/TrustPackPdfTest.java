package kpo.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfName;
import java.util.List;
import java.util.Map;
import kpo.reports.fixtures.FixturePack;
import kpo.reports.pages.PackPlan;
import kpo.spc.ChartSpec;
import kpo.spc.Observation;
import kpo.spc.Spc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trust pack built from the fixture (20-odd real-looking measures), opened with OpenPDF's reader:
 * every page type is there with its expected text, fonts are embedded, charts are vectors, every
 * summary row links to its page, bookmarks and metadata are set, and the same input gives the same
 * bytes.
 */
class TrustPackPdfTest {

    private static BoardPack pack;
    private static byte[] pdf;
    private static PdfInspector inspector;

    @BeforeAll
    static void render() {
        pack = FixturePack.trust();
        pdf = BoardPackPdf.trust(pack);
        inspector = new PdfInspector(pdf);
    }

    /** CSUs at a glance names every CSU that has measures, even one with a single measure. */
    @Test
    void csusAtAGlanceListsEveryCsuWithMeasures() {
        PackPlan plan = PackPlan.trust(pack);
        List<String> grids = plan.multiples().stream().map(PackPlan.Multiples::key).toList();
        for (String csu : pack.csus()) {
            if (pack.measures().stream().anyMatch(m -> csu.equals(m.csu()))) {
                assertTrue(grids.contains(csu), csu + " in " + grids);
            }
        }
    }

    @Test
    void hasOnePagePerMeasureAndEveryOtherPageType() {
        PackPlan plan = PackPlan.trust(pack);
        List<String> names = List.of("Executive summary", "Summary", "What changed", "Annual commitments",
                "Improvement events", "Measures", "Units compared", "CSUs at a glance", "Reconciliation", "Data quality", "Methodology");
        Map<String, Integer> sections = new java.util.LinkedHashMap<>();
        for (int page = 2; page <= inspector.pageCount(); page++) {
            // The running header: the pack and its month on the left, the section on the right; the
            // page's own text follows it, on the same line of the extracted text.
            String text = inspector.text(page);
            String marker = "Board pack  ·  October 2025";
            assertTrue(text.contains(marker), "page " + page + " has no running header: " + text);
            String rest = text.substring(text.indexOf(marker) + marker.length()).strip();
            String section = names.stream().filter(rest::startsWith).max(java.util.Comparator.comparingInt(
                    String::length)).orElseThrow(() -> new AssertionError("page has no section name: " + rest));
            sections.merge(section, 1, Integer::sum);
        }
        assertEquals(names, List.copyOf(sections.keySet()), sections.toString());
        assertEquals(1, sections.get("Executive summary"));
        assertEquals(1, sections.get("What changed"));
        assertEquals(pack.trustCommitments().size(), sections.get("Annual commitments"));
        assertEquals(pack.measures().size(), sections.get("Measures"));
        assertEquals(plan.multiples().size(), sections.get("CSUs at a glance"));
        assertEquals(pack.comparisons().size(), sections.get("Units compared"));
        assertEquals(1 + pack.events().size(), sections.get("Improvement events"), "the portfolio and a page each");
        assertEquals(1, sections.get("Reconciliation"));
        assertEquals(1 + sections.values().stream().mapToInt(Integer::intValue).sum(), inspector.pageCount());
        for (String heading : List.of("Executive summary", "The board is asked to",
                "Summary: commitments and measures", "What changed since last month",
                "Problem statement", "Target condition", "Bowling chart 2025/26: plan against actual", "Countermeasures",
                "PDSA cycles", "Can we reach the target?", "Key figures", "What the chart shows", "Owner's commentary",
                "measures by signal", "Reconciliation with published returns", "Data-quality appendix",
                "Methodology")) {
            assertTrue(inspector.pageWith(heading) > 0, () -> "no page has '" + heading + "'");
        }
    }

    @Test
    void coverPrintsTheReportingPeriodAndDataCurrencyFromTheInputs() {
        String cover = inspector.text(1);
        assertTrue(cover.contains("Northdale Teaching Hospitals NHS Foundation Trust"), cover);
        assertTrue(cover.contains("October 2025"), cover);
        assertTrue(cover.contains("1 October 2025 to 31 October 2025 (month 7 of 2025/26)"), cover);
        assertTrue(cover.contains("Data to") && cover.contains("31 October 2025"), cover);
        assertTrue(inspector.text(2).contains("Data to 31 Oct 2025"), "footer on every page but the cover");
        assertTrue(inspector.text(2).contains("Page 2 of " + inspector.pageCount()), inspector.text(2));
    }

    /**
     * A funnel page per comparison: its words name the units beyond the limits, its chart is a
     * tagged figure, and the measure it compares links to it.
     */
    @Test
    void funnelPagesNameTheUnitsBeyondTheLimitsAndTheMeasurePageLinksThere() {
        Map<String, Integer> destinations = inspector.destinations();
        for (Comparison c : pack.comparisons()) {
            Integer page = destinations.get("comparison:" + c.id());
            assertTrue(page != null, "no page for " + c.id());
            String text = inspector.text(page);
            assertTrue(text.contains(c.title() + ": " + c.plural() + " compared"), text);
            for (String sentence : kpo.reports.narrative.ComparisonText.sentences(c)) {
                assertTrue(text.replaceAll("\\s+", " ").contains(sentence), "page " + page + " lacks: " + sentence);
            }
            Integer measurePage = destinations.get(PackPlan.destination(pack.measure(c.measureIds().get(0))));
            assertTrue(inspector.text(measurePage).replaceAll("\\s+", " ").contains("Compared across " + c.plural()),
                    c.id());
            assertTrue(inspector.linkTargets(measurePage).contains(page), c.id() + ": the measure page links here");
            assertTrue(inspector.linkTargets(page).contains(measurePage), c.id() + ": and back");
        }
        String specialties = inspector.text(destinations.get("comparison:canc_p:specialty"));
        assertTrue(specialties.contains("above 99.8%: worse"), "on one line: " + specialties);
        assertTrue(specialties.contains("Trauma and Orthopaedics"), specialties);
    }

    /**
     * The improvement portfolio lists every event under its commitment with whether it held, each
     * event has its page of before, target and re-measures, and the executive summary names the
     * re-measure that came due this month.
     */
    @Test
    void eventsHaveThePortfolioAPageEachAndTheirDueReMeasureInTheSummary() {
        Map<String, Integer> destinations = inspector.destinations();
        String portfolio = inspector.text(destinations.get("section:portfolio")).replaceAll("\\s+", " ");
        assertTrue(portfolio.contains("Improvement portfolio: events and A3s by commitment"), portfolio);
        ImprovementEvent kaizen = pack.events().get(0);
        assertTrue(portfolio.contains("K1 On-the-day cancellations kaizen"), portfolio);
        assertTrue(portfolio.contains(kpo.reports.narrative.EventText.held(kaizen)), portfolio);
        assertTrue(portfolio.contains("R1 Rapid assessment unit flow RPIW") && portfolio.contains("Planned"), portfolio);
        String page = inspector.text(destinations.get("event:K1")).replaceAll("\\s+", " ");
        assertTrue(page.contains("K1: On-the-day cancellations kaizen"), page);
        assertTrue(page.contains("Before Target 30 days 60 days 90 days"), page);
        assertTrue(page.contains("Report-out Pre-operative calls two days ahead"), page);
        String planned = inspector.text(destinations.get("event:R1")).replaceAll("\\s+", " ");
        assertTrue(planned.contains("Planned: its measures are re-measured 30, 60 and 90 days after it runs."), planned);
        String summary = inspector.text(destinations.get("section:executive")).replaceAll("\\s+", " ");
        assertTrue(summary.contains("Improvement events: re-measures due in October 2025"), summary);
        assertTrue(summary.contains("K1 On-the-day cancellations kaizen: the 90-day re-measure of On-the-day elective "
                + "cancellations came due on 5 Oct 2025"), summary);
        assertTrue(inspector.linkTargets(destinations.get("section:executive")).contains(destinations.get("event:K1")),
                "the sentence links to the event's page");
    }

    @Test
    void everyMeasureHasItsOwnPageWithChartDescriptionAndNarrative() {
        Map<String, Integer> destinations = inspector.destinations();
        for (MeasureReport m : pack.measures()) {
            Integer page = destinations.get(PackPlan.destination(m));
            assertTrue(page != null, "no destination for " + m.id());
            String text = inspector.text(page);
            assertTrue(text.contains(m.title()), m.id() + " page does not show its title");
            assertTrue(text.contains("Chart description:"), m.id() + " has no text alternative");
            assertTrue(text.contains("The latest value is"), m.id() + " has no narrative");
        }
    }

    /**
     * The A3 of C2 analyses its cancellations: a Pareto of the reasons in place of the second chart, the
     * vital few (counted by hand: 14 + 12 + 6 = 32 of 43 is 74%, under 80%, so the fourth is needed), and
     * the measure not charted under "Also tracked".
     */
    @Test
    void anA3ShowsAParetoOfTheReasonsBehindItsCancellations() {
        int a3 = inspector.destinations().get("a3:C2");
        String text = inspector.text(a3).replaceAll("\\s+", " ");
        assertTrue(text.contains("Analysis: reasons behind Avoidable bronchoscopy cancellations, Nov 2024 to Oct 2025"),
                text);
        assertTrue(text.contains("4 of the 8 reasons make 80% of the 43: Patient not fasted; No pre-assessment; "
                + "Scope unavailable; Patient unwell."), text);
        assertTrue(text.contains("No pre-assessment 12 28% 60%"), "one reason however it was typed: " + text);
        assertTrue(text.contains("Other (2 reasons) 2 5% 100%"), text);
        assertTrue(text.contains("Also tracked:"), text);
    }

    @Test
    void printsThePoundAndTheSymbolsTheMethodologyUses() {
        String text = inspector.allText();
        for (String symbol : List.of("£", "≥", "≤", "–", "•", "′", "σ", "→", "ø")) {
            assertTrue(text.contains(symbol), "text layer has no " + symbol);
        }
    }

    @Test
    void embedsLiberationSansAndNoOtherFont() {
        Map<String, Boolean> fonts = inspector.fonts();
        assertEquals(2, fonts.size(), fonts.toString());
        fonts.forEach((name, embedded) -> {
            assertTrue(embedded, name + " is not embedded");
            assertTrue(name.matches("[A-Z]{6}\\+LiberationSans(-Bold)?"), name);
        });
    }

    @Test
    void chartsAreVectorsNotImages() {
        assertEquals(0, inspector.imageCount());
        assertTrue(inspector.formCount() > pack.measures().size(), "charts are drawn as form XObjects");
    }

    @Test
    void everySummaryRowLinksToItsMeasurePage() {
        int summary = inspector.destinations().get("section:summary");
        List<Integer> targets = new java.util.ArrayList<>(inspector.linkTargets(summary));
        targets.addAll(inspector.linkTargets(summary + 1));
        Map<String, Integer> destinations = inspector.destinations();
        for (MeasureReport m : pack.measures()) {
            Integer page = destinations.get(PackPlan.destination(m));
            assertTrue(targets.contains(page), "summary has no link to " + m.id() + " on page " + page);
            assertTrue(inspector.text(page).contains(m.title()));
        }
        for (Commitment c : pack.trustCommitments()) {
            assertTrue(targets.contains(destinations.get(PackPlan.destination(c))), "no link to the A3 of " + c.id());
        }
        assertFalse(targets.contains(null), "a link goes nowhere");
    }

    @Test
    void bookmarksEverySectionCommitmentAndMeasure() {
        List<String> bookmarks = inspector.bookmarks();
        for (String section : List.of("Cover", "Summary", "What changed", "Annual commitments (A3s)", "Measures",
                "CSUs at a glance", "Reconciliation", "Data quality", "Methodology")) {
            assertTrue(bookmarks.contains(section), () -> "no bookmark " + section + " in " + bookmarks);
        }
        for (Commitment c : pack.trustCommitments()) {
            assertTrue(bookmarks.contains(c.id() + " " + c.title()), c.id());
        }
        for (MeasureReport m : pack.measures()) {
            assertTrue(bookmarks.contains(m.title()), m.id());
        }
    }

    @Test
    void setsTitleLanguageAndDatesFromTheReportingPeriod() {
        Map<String, String> info = inspector.info();
        assertEquals("Northdale Teaching Hospitals NHS Foundation Trust: board pack, October 2025", info.get("Title"));
        assertTrue(info.get("CreationDate").startsWith("D:20251101000000"), info.get("CreationDate"));
        assertEquals(info.get("CreationDate"), info.get("ModDate"));
        assertEquals("en-GB", inspector.catalog().getAsString(PdfName.LANG).toUnicodeString());
        assertTrue(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).contains("/DisplayDocTitle true"));
    }

    @Test
    void theSameInputsGiveTheSameBytes() {
        assertArrayEquals(pdf, BoardPackPdf.trust(FixturePack.trust()));
    }

    @Test
    void theDocumentIdFollowsTheContent() {
        String id = documentId(pdf);
        assertFalse(id.contains("00000000000000000000000000000000"), id);
        MeasureReport first = pack.measures().get(0);
        List<Observation> changed = first.chart().points().stream()
                .map(p -> Observation.of(p.period(), Double.isNaN(p.value()) ? Double.NaN : p.value() + 1)).toList();
        ChartSpec spec = first.chart().spec();
        BoardPack other = FixturePack.withMeasures(m -> m.id().equals(first.id())
                ? MeasureReport.builder(m.id(), m.title(), m.unit(), Spc.chart(spec, changed)).build() : m);
        assertNotEquals(id, documentId(BoardPackPdf.trust(other)));
    }

    @Test
    void reconciliationAddsUpAndShowsTheUnexplainedRemainder() {
        String page = inspector.text(inspector.pageWith("Difference (published"));
        assertTrue(page.contains("38,960"), page);
        assertTrue(page.contains("39,237"), page);
        assertTrue(page.contains("+277"), page);
        assertTrue(page.contains("Unexplained"), page);
    }

    @Test
    void dataQualityAppendixListsEverySourceAndRejectReason() {
        int first = inspector.pageWith("Data-quality appendix");
        String text = inspector.text(first) + inspector.text(first + 1);
        for (SourceQuality source : pack.dataQuality()) {
            assertTrue(text.contains(source.source()), source.source());
            for (RejectCount reject : source.rejected()) {
                assertTrue(text.contains(reject.reason()), reject.reason());
            }
        }
        assertTrue(text.contains("Sep 2025, Oct 2025"), "missing periods of the stale source");
    }

    private static String documentId(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("/ID [");
        return text.substring(at, at + 80);
    }
}
