package kpo.reports.pages;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import kpo.reports.MeasureReport;
import kpo.reports.SmallNumbers;
import kpo.reports.format.ValueFormat;
import kpo.reports.pdf.Blocks;
import kpo.reports.style.Palette;
import kpo.spc.ChartPoint;
import kpo.reports.pdf.PackDocument;

/** How a section of the pack begins: a new page, a link target, a bookmark and a title. */
final class Pages {

    private Pages() {
    }

    /** Starts section {@code section} on a new page with {@code title}; returns its bookmark. */
    static PdfOutline start(PackDocument doc, PackPlan plan, String section, String destination, String title) {
        doc.newPage(section);
        doc.destination(destination, doc.top());
        PdfOutline outline = doc.bookmark(null, section, destination, false);
        doc.add(Blocks.title(title, doc.fonts()));
        return outline;
    }

    /** A point's value as printed: "*" where small-number suppression hides it. */
    static String value(MeasureReport m, ChartPoint p, ValueFormat values) {
        return m.hidden(p.period()) ? SmallNumbers.SYMBOL : values.observed(p.y());
    }

    /** A year-to-date total as printed: "*" when it is a small count (a sum of counts is a count). */
    static String total(MeasureReport m, double total, ValueFormat values, SmallNumbers small) {
        return m.unit() == kpo.reports.Unit.COUNT && small.hides(total) ? SmallNumbers.SYMBOL : values.compact(total);
    }

    /**
     * A table cell, right-aligned, holding the page number of {@code destination} and linking to it;
     * {@code words} name what is there, for a screen reader.
     */
    static PdfPCell pageCell(PackDocument doc, String destination, String words, float size) {
        Chunk page = Blocks.link(Blocks.inline(doc.pageRef(destination, 26, size, Palette.NHS_BLUE), 2), destination,
                "Go to the page of " + words);
        PdfPCell cell = Blocks.cell(new Phrase(page));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }
}
