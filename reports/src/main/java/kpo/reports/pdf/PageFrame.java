package kpo.reports.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import kpo.reports.style.Palette;

/**
 * The running header and footer of every page but the cover (page 1): the pack's name and the page's
 * section at the top, written when the page starts so that it comes first in the reading order; the
 * data currency and "Page n of N" at the bottom, written when it ends. "Page n of N" is a small
 * template per page, filled in when the document closes and N is known; the whole phrase is in the
 * template so that it sits on one baseline. Both are pagination artifacts in the tagged file: a
 * screen reader does not hear them on every page.
 */
final class PageFrame extends PdfPageEventHelper {

    static final float SIZE = PdfFonts.BODY_MINIMUM;

    private final PdfFonts fonts;
    private final String left;
    private final String footer;
    private final java.util.List<PdfTemplate> pageNumbers = new java.util.ArrayList<>();
    private String section = "";
    private String next;

    PageFrame(PdfFonts fonts, String left, String footer) {
        this.fonts = fonts;
        this.left = left;
        this.footer = footer;
    }

    /** The section named in the header of the pages that start from now on. */
    void section(String name) {
        next = name;
    }

    @Override
    public void onStartPage(PdfWriter writer, Document document) {
        if (next != null) {
            section = next;
            next = null;
        }
        if (writer.getPageNumber() == 1) {
            return;
        }
        // The layer under the page's content is written first: the header leads the reading order.
        PdfContentByte cb = writer.getDirectContentUnder();
        float width = document.getPageSize().getWidth();
        float height = document.getPageSize().getHeight();
        float margin = document.leftMargin();
        // The header repeats on every page: a pagination artifact, which a screen reader passes over.
        Tagging.pagination(cb, "Header", () -> {
            cb.saveState();
            cb.setColorStroke(Palette.RULE);
            cb.setLineWidth(0.5f);
            cb.moveTo(margin, height - 30);
            cb.lineTo(width - margin, height - 30);
            cb.stroke();
            cb.beginText();
            cb.setColorFill(Palette.MUTED);
            cb.setFontAndSize(fonts.regularBase(), SIZE);
            cb.showTextAligned(PdfContentByte.ALIGN_LEFT, left, margin, height - 26, 0);
            cb.setFontAndSize(fonts.boldBase(), SIZE);
            cb.showTextAligned(PdfContentByte.ALIGN_RIGHT, section, width - margin, height - 26, 0);
            cb.endText();
            cb.restoreState();
        });
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        if (writer.getPageNumber() == 1) {
            return;
        }
        PdfContentByte cb = writer.getDirectContent();
        float width = document.getPageSize().getWidth();
        float margin = document.leftMargin();
        BaseFont regular = fonts.regularBase();

        PdfTemplate number = cb.createTemplate(90, SIZE * 1.3f);
        pageNumbers.add(number);
        Tagging.pagination(cb, "Footer", () -> {
            cb.saveState();
            cb.setColorStroke(Palette.RULE);
            cb.setLineWidth(0.5f);
            cb.moveTo(margin, 28);
            cb.lineTo(width - margin, 28);
            cb.stroke();

            cb.beginText();
            cb.setColorFill(Palette.MUTED);
            cb.setFontAndSize(regular, SIZE);
            cb.showTextAligned(PdfContentByte.ALIGN_LEFT, footer, margin, 18, 0);
            cb.endText();
            cb.addTemplate(number, width - margin - 90, 18 - SIZE * 0.25f);
            cb.restoreState();
        });
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        // The writer has moved past the last page: the one before is the total.
        int total = writer.getPageNumber() - 1;
        for (int i = 0; i < pageNumbers.size(); i++) {
            PdfTemplate t = pageNumbers.get(i);
            // Page 1, the cover, has no footer: the i-th footer is on page i + 2.
            String text = "Page " + (i + 2) + " of " + total;
            t.beginText();
            t.setFontAndSize(fonts.regularBase(), SIZE);
            t.setColorFill(Palette.MUTED);
            t.setTextMatrix(t.getWidth() - fonts.regularBase().getWidthPoint(text, SIZE), SIZE * 0.25f);
            t.showText(text);
            t.endText();
        }
    }
}
