package kpo.reports;

import kpo.reports.html.HtmlPack;
import kpo.reports.pages.PackPlan;
import kpo.reports.pages.PackRenderer;

/**
 * A pack in both its forms from one layout: the tagged PDF and the HTML file a public board can put
 * on its website. The PDF's bytes are those of {@link BoardPackPdf}; the HTML is drawn from the page
 * model the PDF's layout recorded.
 *
 * @param pdf the PDF's bytes
 * @param html one self-contained HTML document
 */
public record PackFiles(byte[] pdf, String html) {

    /** The trust's board pack. */
    public static PackFiles trust(BoardPack pack) {
        return of(PackPlan.trust(pack));
    }

    /** The pack of one CSU ({@link BoardPackPdf#csu}). */
    public static PackFiles csu(BoardPack pack, String csu) {
        return of(PackPlan.csu(pack, csu));
    }

    private static PackFiles of(PackPlan plan) {
        PackRenderer.Rendered rendered = PackRenderer.renderBoth(plan);
        return new PackFiles(rendered.pdf(), HtmlPack.render(rendered.model()));
    }

    /** A CSU pack's HTML file name: {@code childrens.html} for "Children's". */
    public static String htmlFileName(String csu) {
        String pdf = BoardPackPdf.fileName(csu);
        return pdf.substring(0, pdf.length() - ".pdf".length()) + ".html";
    }
}
