package kpo.reports.pages;

import com.lowagie.text.pdf.PdfOutline;
import kpo.reports.pdf.Blocks;
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
}
