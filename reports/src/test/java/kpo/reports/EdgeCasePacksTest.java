package kpo.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import kpo.reports.fixtures.FixturePack;
import kpo.reports.fixtures.Series;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import kpo.spc.Spc;
import org.junit.jupiter.api.Test;

/** Packs at the edges: nothing but measures, empty and one-point charts, all values missing, no history. */
class EdgeCasePacksTest {

    private static final YearMonth PERIOD = YearMonth.of(2025, 10);

    private static BoardPack pack(List<Commitment> commitments, MeasureReport... measures) {
        return new BoardPack(FixturePack.TRUST, PERIOD, LocalDate.of(2025, 10, 31), commitments, List.of(measures),
                List.of(), List.of());
    }

    @Test
    void chartsWithNoPointsOnePointOrOnlyGapsStillMakeAPack() {
        ChartSpec spec = ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE).target(10);
        MeasureReport empty = MeasureReport.builder("empty", "Nothing yet", Unit.COUNT, Spc.chart(spec, List.of()))
                .build();
        MeasureReport one = Series.measure("one", Unit.DAYS, spec, Series.monthly(LocalDate.of(2025, 10, 1), 12))
                .build();
        MeasureReport gaps = Series.measure("gaps", Unit.PERCENT, spec, Series.monthly(LocalDate.of(2025, 8, 1),
                Double.NaN, Double.NaN, Double.NaN)).summable(true).build();
        Commitment bare = Commitment.trust("C1", "A commitment with no plan yet", "Sponsor", "", "",
                List.of("empty", "one", "gaps"), List.of(), List.of());
        PdfInspector pdf = new PdfInspector(BoardPackPdf.trust(pack(List.of(bare), empty, one, gaps)));
        String text = pdf.allText();
        assertTrue(text.contains("There is no data for this measure yet."), "empty chart");
        assertTrue(text.contains("The latest value is 12 days, for October 2025."), "one point");
        assertTrue(text.contains("No source summaries were supplied with this pack."));
        assertTrue(text.contains("There are no charts from September 2025 to compare with"));
        assertTrue(text.contains("None recorded."), "A3 without countermeasures or PDSA cycles");
        assertTrue(text.contains("No monthly trajectory has been set for these measures."));
        assertEquals(-1, pdf.pageWith("Difference (published"), "no reconciliation page without a reconciliation");
        assertEquals(0, pdf.imageCount());
    }

    @Test
    void everyDatePrintedComesFromTheInputsNotTheClock() {
        MeasureReport m = Series.measure("old", Unit.COUNT, ChartSpec.of(ChartType.XMR),
                Series.monthly(LocalDate.of(2018, 1, 1), Series.stable(22, 50, 5))).build();
        BoardPack old = new BoardPack(FixturePack.TRUST, YearMonth.of(2019, 10), LocalDate.of(2019, 10, 31),
                List.of(), List.of(m), List.of(), List.of());
        byte[] pdf = BoardPackPdf.trust(old);
        String text = new PdfInspector(pdf).allText();
        String thisYear = String.valueOf(LocalDate.now().getYear());
        assertTrue(!text.contains(thisYear), "the text mentions " + thisYear + ", the clock's year");
        assertTrue(text.contains("month 7 of 2019/20"));
        assertEquals("D:20191101000000Z", new PdfInspector(pdf).info().get("CreationDate"));
    }

    @Test
    void aPackOfMeasuresWithoutCommitmentsListsThemAsMeasures() {
        MeasureReport a = Series.measure("a", Unit.COUNT, ChartSpec.of(ChartType.RUN),
                Series.monthly(LocalDate.of(2024, 1, 1), Series.stable(22, 50, 5))).build();
        PdfInspector pdf = new PdfInspector(BoardPackPdf.trust(pack(List.of(), a)));
        String text = pdf.allText().replaceAll("\\s+", " ");
        assertTrue(text.contains("Summary: measures") && text.contains("Measures 1 measure"), text);
        assertTrue(!text.contains("Other measures"), "nothing else to be other than");
        assertTrue(!pdf.bookmarks().contains("Annual commitments (A3s)"), "no A3 section without commitments");
    }

    /**
     * Measures under no commitment are grouped by their domain (SPCreporter's), in the order the pack
     * first meets each, those with none last as "Other measures"; the note is shown with the measure.
     */
    @Test
    void measuresUnderNoCommitmentAreGroupedByDomain() {
        double[] values = Series.stable(22, 50, 5);
        MeasureReport responsive = Series.measure("ae", Unit.COUNT, ChartSpec.of(ChartType.XMR),
                Series.monthly(LocalDate.of(2024, 1, 1), values)).domain("Responsive")
                .note("Validated weekly by the RTT team").build();
        MeasureReport safe = Series.measure("falls", Unit.COUNT, ChartSpec.of(ChartType.XMR),
                Series.monthly(LocalDate.of(2024, 1, 1), values)).domain("Safe").build();
        MeasureReport none = Series.measure("other", Unit.COUNT, ChartSpec.of(ChartType.XMR),
                Series.monthly(LocalDate.of(2024, 1, 1), values)).build();
        MeasureReport responsiveToo = Series.measure("rtt", Unit.COUNT, ChartSpec.of(ChartType.XMR),
                Series.monthly(LocalDate.of(2024, 1, 1), values)).domain("Responsive").build();
        PdfInspector pdf = new PdfInspector(BoardPackPdf.trust(pack(List.of(), responsive, safe, none,
                responsiveToo)));
        String text = pdf.allText().replaceAll("\\s+", " ");
        int r = text.indexOf("Responsive 2 measures");
        int s = text.indexOf("Safe 1 measure");
        int o = text.indexOf("Other measures 1 measure");
        assertTrue(r > 0 && s > r && o > s, "domains in order, the rest last: " + text);
        assertTrue(text.contains("4 measures in 2 domains"), text);
        assertTrue(text.contains("Note Validated weekly by the RTT team"), "the note on the measure's page");
    }
}
