package kpo.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentParser;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfLiteral;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kpo.reports.fixtures.FixturePack;
import kpo.reports.style.Palette;
import kpo.spc.PointType;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.2 AA colour contrast, read from what the pack draws: every colour any text of the trust pack
 * and a CSU pack is shown in (pages, and the charts drawn into them) has 4.5:1 against white and the
 * pack's light bands and tints (1.4.3), but for white text, which sits on NHS blue; the colours MDC
 * gives its marks keep their hue, and each mark's outline has 3:1 against white (1.4.11).
 */
class ColourContrastTest {

    /** The backgrounds text is drawn on: the page, table bands and the bowling chart's tints. */
    private static final List<Color> BACKGROUNDS = List.of(Color.WHITE, Palette.BAND, Palette.BLUE_TINT,
            Palette.ORANGE_TINT);

    /** WCAG's contrast ratio of two colours. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    @Test
    void everyTextColourOfThePacksHasFourAndAHalfToOne() throws IOException {
        BoardPack pack = FixturePack.trust();
        Set<Color> colours = new LinkedHashSet<>();
        colours.addAll(textColours(BoardPackPdf.trust(pack)));
        colours.addAll(textColours(BoardPackPdf.csu(pack, pack.csus().get(0))));
        assertTrue(colours.size() > 3, "the packs' text colours were read: " + colours);
        List<String> low = new ArrayList<>();
        for (Color c : colours) {
            if (c.equals(Color.WHITE)) {
                if (contrast(c, Palette.NHS_BLUE) < 4.5) {
                    low.add("white on NHS blue");
                }
                continue;
            }
            for (Color background : BACKGROUNDS) {
                if (contrast(c, background) < 4.5) {
                    low.add(String.format("#%06X on #%06X: %.2f", c.getRGB() & 0xFFFFFF, background.getRGB() & 0xFFFFFF,
                            contrast(c, background)));
                }
            }
        }
        assertEquals(List.of(), low);
    }

    @Test
    void marksKeepMdcsColoursWithOutlinesOfThreeToOne() {
        for (PointType type : PointType.values()) {
            assertTrue(contrast(Palette.outline(type), Color.WHITE) >= 3, type + " outline");
        }
        assertEquals(Palette.GREY, Palette.of(PointType.COMMON_CAUSE), "MDC's own fill");
        assertEquals(Palette.BLUE, Palette.of(PointType.SPECIAL_CAUSE_IMPROVEMENT));
        assertEquals(Palette.ORANGE, Palette.of(PointType.SPECIAL_CAUSE_CONCERN));
        assertTrue(contrast(Palette.GREY_LINE, Color.WHITE) >= 3, "the value line and process limits");
        for (Color mdc : List.of(Palette.ORANGE, Palette.BLUE, Palette.GREY, Palette.PURPLE, Palette.RED)) {
            for (Color background : BACKGROUNDS) {
                assertTrue(contrast(Palette.text(mdc), background) >= 4.5, "text variant of " + mdc);
            }
        }
    }

    /**
     * The charts' text (ticks, legends, labels on the lines and markers) is at least 8 points in the trust
     * pack and a CSU pack: measure pages, A3 headlines and small multiples alike.
     */
    @Test
    void chartTextIsAtLeastEightPoints() throws IOException {
        BoardPack pack = FixturePack.trust();
        List<Float> sizes = new ArrayList<>();
        for (byte[] pdf : List.of(BoardPackPdf.trust(pack), BoardPackPdf.csu(pack, pack.csus().get(0)))) {
            PdfReader reader = new PdfReader(pdf);
            try {
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
                    chartTextSizes(resources, sizes, 0);
                }
            } finally {
                reader.close();
            }
        }
        assertTrue(sizes.size() > 100, "the charts' text was read: " + sizes.size());
        float smallest = sizes.stream().min(Float::compare).orElseThrow();
        assertTrue(smallest >= 7.99f, "the smallest chart text is " + smallest + " pt");
    }

    /** The size of every text run in the forms of {@code resources} as wide as a chart (100 pt or more). */
    private static void chartTextSizes(PdfDictionary resources, List<Float> sizes, int depth) throws IOException {
        PdfDictionary xobjects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
        if (xobjects == null || depth > 4) {
            return;
        }
        for (PdfName name : xobjects.getKeys()) {
            PdfObject form = PdfReader.getPdfObject(xobjects.get(name));
            if (!(form instanceof PRStream stream) || !PdfName.FORM.equals(stream.getAsName(PdfName.SUBTYPE))) {
                continue;
            }
            PdfArray box = stream.getAsArray(PdfName.BBOX);
            float width = box == null ? 0 : Math.abs(((PdfNumber) box.getPdfObject(2)).floatValue()
                    - ((PdfNumber) box.getPdfObject(0)).floatValue());
            if (width >= 100) {
                PdfContentParser parser = new PdfContentParser(new PRTokeniser(PdfReader.getStreamBytes(stream)));
                List<PdfObject> operands = new ArrayList<>();
                float size = 0;
                float scale = 1;
                while (!parser.parse(operands).isEmpty()) {
                    switch (operands.get(operands.size() - 1).toString()) {
                        case "Tf" -> size = ((PdfNumber) operands.get(1)).floatValue();
                        case "Tm" -> scale = (float) Math.hypot(((PdfNumber) operands.get(2)).floatValue(),
                                ((PdfNumber) operands.get(3)).floatValue());
                        case "Tj", "TJ" -> sizes.add(size * scale);
                        default -> {
                        }
                    }
                }
            }
            PdfDictionary own = stream.getAsDict(PdfName.RESOURCES);
            if (own != null) {
                chartTextSizes(own, sizes, depth + 1);
            }
        }
    }

    /** Every fill colour text is shown in, on every page and in every form (chart) drawn on it. */
    private static Set<Color> textColours(byte[] pdf) throws IOException {
        Set<Color> colours = new LinkedHashSet<>();
        PdfReader reader = new PdfReader(pdf);
        try {
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
                scan(reader.getPageContent(page), resources, colours, 0);
            }
        } finally {
            reader.close();
        }
        return colours;
    }

    private static void scan(byte[] content, PdfDictionary resources, Set<Color> colours, int depth)
            throws IOException {
        if (depth > 8) {
            return;
        }
        PdfContentParser parser = new PdfContentParser(new PRTokeniser(content));
        List<PdfObject> operands = new ArrayList<>();
        Deque<Color> saved = new ArrayDeque<>();
        Color fill = Color.BLACK;
        while (!parser.parse(operands).isEmpty()) {
            String operator = operands.get(operands.size() - 1).toString();
            switch (operator) {
                case "q" -> saved.push(fill);
                case "Q" -> fill = saved.isEmpty() ? Color.BLACK : saved.pop();
                case "rg" -> fill = new Color(number(operands, 0), number(operands, 1), number(operands, 2));
                case "g" -> fill = new Color(number(operands, 0), number(operands, 0), number(operands, 0));
                case "Tj", "TJ", "'", "\"" -> colours.add(fill);
                case "Do" -> {
                    PdfDictionary xobjects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
                    PdfObject ref = xobjects == null ? null : xobjects.get((PdfName) operands.get(0));
                    PdfObject form = PdfReader.getPdfObject(ref);
                    if (form instanceof PRStream stream && PdfName.FORM.equals(stream.getAsName(PdfName.SUBTYPE))) {
                        PdfDictionary own = stream.getAsDict(PdfName.RESOURCES);
                        scan(PdfReader.getStreamBytes(stream), own == null ? resources : own, colours, depth + 1);
                    }
                }
                default -> {
                }
            }
        }
    }

    private static float number(List<PdfObject> operands, int i) {
        PdfObject o = operands.get(i);
        return Math.max(0, Math.min(1, o instanceof PdfNumber n ? n.floatValue()
                : Float.parseFloat(((PdfLiteral) o).toString())));
    }
}
