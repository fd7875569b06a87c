package kpo.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfContentParser;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import kpo.reports.fixtures.FixturePack;
import kpo.reports.page.PageModel;
import kpo.reports.pages.PackPlan;
import kpo.reports.pages.PackRenderer;
import kpo.reports.style.Palette;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Body text at 9 points at least, and every text colour at 4.5:1 against what it stands on, read from
 * the page model of the trust pack and a CSU pack (each run of words with its size and colour, each
 * table cell with its fill) and, for the sizes, from the PDF's page content too (headers and footers
 * included; charts have their own rule, 8 points, in {@code ColourContrastTest}).
 */
class TextSizeTest {

    private static final List<PackRenderer.Rendered> PACKS = new ArrayList<>();

    @BeforeAll
    static void render() {
        BoardPack pack = FixturePack.trust();
        PACKS.add(PackRenderer.renderBoth(PackPlan.trust(pack)));
        PACKS.add(PackRenderer.renderBoth(PackPlan.csu(pack, "Medicine")));
    }

    @Test
    void noTextIsCutOffToFitItsBox() {
        BoardPack pack = FixturePack.trust();
        for (String csu : pack.csus()) {
            assertTrue(PackRenderer.renderBoth(PackPlan.csu(pack, csu)).cut().isEmpty(), csu);
        }
        for (PackRenderer.Rendered rendered : PACKS) {
            assertTrue(rendered.cut().isEmpty(), "text with no room: " + rendered.cut());
        }
    }

    @Test
    void everyRunOfWordsInThePageModelIsNinePointsOrMore() {
        int runs = 0;
        for (PackRenderer.Rendered pack : PACKS) {
            for (PageModel.Section section : pack.model().sections()) {
                for (PageModel.Block block : section.blocks()) {
                    for (Placed placed : words(block)) {
                        if (placed.words().text().isBlank()) {
                            continue;
                        }
                        runs++;
                        assertTrue(placed.words().size() >= 9f, section.name() + ": \"" + placed.words().text()
                                + "\" is " + placed.words().size() + " pt");
                    }
                }
            }
        }
        assertTrue(runs > 1000, "runs read: " + runs);
    }

    @Test
    void everyRunOfWordsHasFourAndAHalfToOneOnWhatItStandsOn() {
        for (PackRenderer.Rendered pack : PACKS) {
            for (PageModel.Section section : pack.model().sections()) {
                for (PageModel.Block block : section.blocks()) {
                    for (Placed placed : words(block)) {
                        Color colour = placed.words().colour() == null ? Palette.TEXT : placed.words().colour();
                        // White text is only ever set on the NHS blue of the cover's and the A3's bands.
                        Color ground = colour.equals(Color.WHITE) ? Palette.NHS_BLUE
                                : placed.fill() == null ? Color.WHITE : placed.fill();
                        double ratio = ColourContrastTest.contrast(colour, ground);
                        assertTrue(ratio >= 4.5, section.name() + ": \"" + placed.words().text() + "\" "
                                + colour + " on " + ground + " is " + ratio + ":1");
                    }
                }
            }
        }
    }

    @Test
    void everyTextOnThePdfsPagesIsNinePointsOrMore() throws IOException {
        int shown = 0;
        for (PackRenderer.Rendered pack : PACKS) {
            PdfReader reader = new PdfReader(pack.pdf());
            try {
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    PdfContentParser parser = new PdfContentParser(new PRTokeniser(reader.getPageContent(page)));
                    List<PdfObject> operands = new ArrayList<>();
                    float size = 0;
                    while (!parser.parse(operands).isEmpty()) {
                        String operator = operands.get(operands.size() - 1).toString();
                        if (operator.equals("Tf")) {
                            size = ((PdfNumber) operands.get(1)).floatValue();
                        } else if (operator.equals("Tj") || operator.equals("TJ")) {
                            shown++;
                            assertTrue(size >= 9f, "page " + page + " shows text at " + size + " pt");
                        }
                    }
                }
            } finally {
                reader.close();
            }
        }
        assertTrue(shown > 1000, "text shown: " + shown);
    }

    /** A run of words and the fill of the table cell it is in (null: the page). */
    private record Placed(PageModel.Words words, Color fill) {
    }

    private static List<Placed> words(PageModel.Block block) {
        List<Placed> out = new ArrayList<>();
        if (block instanceof PageModel.Text text) {
            add(text, null, out);
        } else if (block instanceof PageModel.Table table) {
            for (List<PageModel.Cell> row : table.rows()) {
                for (PageModel.Cell cell : row) {
                    for (PageModel.Text text : cell.content()) {
                        add(text, cell.fill(), out);
                    }
                }
            }
        }
        return out;
    }

    private static void add(PageModel.Text text, Color fill, List<Placed> out) {
        for (PageModel.Run run : text.runs()) {
            if (run instanceof PageModel.Words words) {
                out.add(new Placed(words, fill));
            }
        }
    }
}
