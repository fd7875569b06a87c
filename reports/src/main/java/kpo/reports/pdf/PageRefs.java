package kpo.reports.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Page numbers of pages not yet written ("see page 47" on the summary, which comes before the
 * measure pages): each reference is a small template placed now and filled in when the document
 * closes, so the pack is rendered once, not twice.
 */
final class PageRefs {

    private record Ref(PdfTemplate template, String destination, float size, Color colour, boolean alignRight) {
    }

    private final PdfWriter writer;
    private final BaseFont font;
    private final List<Ref> refs = new ArrayList<>();
    private final Map<String, Integer> pages = new HashMap<>();

    PageRefs(PdfWriter writer, BaseFont font) {
        this.writer = writer;
        this.font = font;
    }

    /** A template, {@code width} wide, that will show the page number of {@code destination}. */
    PdfTemplate ref(String destination, float width, float size, Color colour, boolean alignRight) {
        PdfTemplate template = writer.getDirectContent().createTemplate(width, size * 1.2f);
        refs.add(new Ref(template, destination, size, colour, alignRight));
        return template;
    }

    /** Records that {@code destination} is on {@code page}. */
    void reached(String destination, int page) {
        pages.putIfAbsent(destination, page);
    }

    /** Writes every page number; a destination never reached prints a dash rather than failing the pack. */
    void fill() {
        for (Ref ref : refs) {
            Integer page = pages.get(ref.destination());
            String text = page == null ? "–" : String.valueOf(page);
            PdfTemplate t = ref.template();
            t.beginText();
            t.setFontAndSize(font, ref.size());
            t.setColorFill(ref.colour());
            float x = ref.alignRight() ? t.getWidth() - font.getWidthPoint(text, ref.size()) : 0;
            t.setTextMatrix(x, ref.size() * 0.25f);
            t.showText(text);
            t.endText();
        }
    }
}
