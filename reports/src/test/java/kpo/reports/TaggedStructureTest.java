package kpo.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kpo.reports.fixtures.FixturePack;
import kpo.reports.narrative.ChartDescription;
import kpo.reports.pages.PackPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a screen reader gets from the tagged board pack, beyond what veraPDF checks: a section per
 * page, the headings a reader can jump between, each chart a figure described by the same words as
 * its printed description, tables with column headers, and a link element for every link.
 */
class TaggedStructureTest {

    private static BoardPack pack;
    private static PdfInspector inspector;
    private static List<PdfInspector.Tag> tags;

    @BeforeAll
    static void render() {
        pack = FixturePack.trust();
        inspector = new PdfInspector(BoardPackPdf.trust(pack));
        tags = inspector.structure();
    }

    @Test
    void theDocumentHoldsASectionPerPageStart() {
        assertEquals("Document", tags.get(0).role());
        long sections = tags.stream().filter(t -> t.role().equals("Sect") && t.depth() == 1).count();
        // Flowing sections (methodology, data quality) run over several pages as one section.
        assertTrue(sections >= pack.measures().size() + pack.trustCommitments().size() + 6, "sections " + sections);
        assertTrue(sections < inspector.pageCount(), "sections " + sections + " of " + inspector.pageCount());
        assertTrue(tags.stream().skip(1).allMatch(t -> t.depth() >= 1));
    }

    @Test
    void everyPageTitleIsAFirstLevelHeadingAndNoLevelIsSkipped() {
        List<String> roles = tags.stream().map(PdfInspector.Tag::role).filter(r -> r.matches("H[1-6]")).toList();
        assertEquals("H1", roles.get(0), "the first heading is the pack's title");
        for (int i = 1; i < roles.size(); i++) {
            int level = roles.get(i).charAt(1) - '0';
            int before = roles.get(i - 1).charAt(1) - '0';
            assertTrue(level <= before + 1, "heading " + i + " goes from " + roles.get(i - 1) + " to " + roles.get(i));
        }
        long h1 = roles.stream().filter("H1"::equals).count();
        assertTrue(h1 >= pack.measures().size() + pack.trustCommitments().size(), "H1 count " + h1);
    }

    @Test
    void everyMeasureChartIsAFigureDescribedAsItsPrintedDescription() {
        Map<String, Long> alts = tags.stream().filter(t -> t.role().equals("Figure"))
                .collect(Collectors.groupingBy(t -> String.valueOf(t.alt()), Collectors.counting()));
        assertTrue(!alts.containsKey("null"), "a figure without alternative text");
        PackPlan plan = PackPlan.trust(pack);
        for (MeasureReport m : plan.measures()) {
            // Its page, its tile among the small multiples, and an A3 where it is a headline chart.
            long times = alts.getOrDefault(ChartDescription.of(m), 0L);
            assertTrue(times >= 1, m.id() + " has no figure described as its chart");
        }
    }

    @Test
    void tablesHaveRowsOfHeaderAndDataCells() {
        long tables = tags.stream().filter(t -> t.role().equals("Table")).count();
        long headers = tags.stream().filter(t -> t.role().equals("TH")).count();
        assertTrue(tables >= pack.measures().size(), "tables " + tables);
        assertTrue(headers >= tables, "header cells " + headers);
        for (int i = 0; i < tags.size(); i++) {
            PdfInspector.Tag tag = tags.get(i);
            if (tag.role().equals("TH") || tag.role().equals("TD")) {
                int parent = i - 1;
                while (tags.get(parent).depth() != tag.depth() - 1) {
                    parent--;
                }
                assertEquals("TR", tags.get(parent).role(), "a cell's parent");
            }
        }
    }

    @Test
    void everyLinkOnEveryPageHasItsLinkElement() {
        long links = tags.stream().filter(t -> t.role().equals("Link")).count();
        int annotations = 0;
        for (int page = 1; page <= inspector.pageCount(); page++) {
            for (var link : inspector.links(page)) {
                annotations++;
                assertTrue(link.get(com.lowagie.text.pdf.PdfName.STRUCTPARENT) != null, "a link on page " + page
                        + " outside the structure tree");
                var words = link.getAsString(com.lowagie.text.pdf.PdfName.CONTENTS);
                assertTrue(words != null && words.toUnicodeString().length() > 8, "a link on page " + page
                        + " that says nothing of where it goes");
            }
        }
        assertTrue(annotations > 100, "links " + annotations);
        assertTrue(links > 0 && links <= annotations, links + " link elements for " + annotations + " links");
    }
}
