package kpo.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kpo.reports.fixtures.FixturePack;
import kpo.reports.html.HtmlPack;
import kpo.reports.narrative.ChartDescription;
import kpo.reports.pages.PackPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML pack says what the PDF says, from the same layout: the same pages, headings, tables and
 * charts (as SVG with their descriptions, a measure's data as a table), every link going somewhere
 * in the file, the same bytes each time. The browser check is {@code HtmlPackBrowserTest}.
 */
class HtmlPackTest {

    private static BoardPack pack;
    private static PackFiles files;
    private static String html;

    @BeforeAll
    static void render() {
        pack = FixturePack.trust();
        files = PackFiles.trust(pack);
        html = files.html();
    }

    @Test
    void thePdfIsTheSameAsTheBoardPacks() {
        org.junit.jupiter.api.Assertions.assertArrayEquals(BoardPackPdf.trust(pack), files.pdf());
    }

    @Test
    void isOneSelfContainedDocumentInBritishEnglish() {
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
        assertTrue(html.contains("<title>Northdale Teaching Hospitals NHS Foundation Trust: board pack, October 2025"
                + "</title>"));
        assertFalse(html.contains("<img") || html.contains("src=\"http") || html.contains("<script")
                || html.contains("<link "), "nothing loaded from elsewhere");
        assertEquals(html, PackFiles.trust(FixturePack.trust()).html(), "the same pack gives the same bytes");
    }

    @Test
    void hasASectionPerPageAndTheHeadingsOfThePdf() {
        PdfInspector pdf = new PdfInspector(files.pdf());
        long sections = count("<section class=\"page\"");
        long pdfSections = pdf.structure().stream().filter(t -> t.role().equals("Sect")).count();
        assertEquals(pdfSections, sections, "a section per section of the tagged PDF");
        long h1 = count("<h1>");
        long pdfH1 = pdf.structure().stream().filter(t -> t.role().equals("H1")).count();
        assertEquals(pdfH1, h1);
        for (String heading : List.of("Executive summary", "Summary: commitments and measures",
                "What changed since last month", "Data-quality appendix", "Methodology", "Key figures")) {
            assertTrue(html.contains(">" + heading + "</h"), heading);
        }
    }

    @Test
    void everyMeasureChartIsAnSvgImageWithItsDescriptionAndItsDataAsATable() {
        for (MeasureReport m : PackPlan.trust(pack).measures()) {
            String text = HtmlPack.escape(ChartDescription.of(m));
            assertTrue(html.contains("\">" + text + "</desc>"), m.id() + " has no SVG described as its chart");
            assertTrue(html.contains("<summary>The chart's data: " + HtmlPack.escape(m.title()) + "</summary>"),
                    m.id() + " has no data table");
        }
        assertEquals(count("role=\"img\""), count("<title id="), "every image has a title");
    }

    @Test
    void tablesHaveColumnHeaders() {
        assertTrue(count("<th scope=\"col\"") > 100);
        assertTrue(count("<thead>") >= PackPlan.trust(pack).measures().size());
    }

    @Test
    void everyLinkGoesToAnIdInTheFileAndIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        while (id.find()) {
            assertTrue(ids.add(id.group(1)), "id " + id.group(1) + " twice");
        }
        Matcher href = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
        int links = 0;
        while (href.find()) {
            links++;
            assertTrue(ids.contains(href.group(1)), "a link to #" + href.group(1) + " goes nowhere");
        }
        assertTrue(links > 100, "links " + links);
    }

    private static long count(String needle) {
        long count = 0;
        for (int at = html.indexOf(needle); at >= 0; at = html.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
