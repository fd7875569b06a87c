package kpo.reports.pages;

import com.lowagie.text.pdf.PdfTemplate;
import java.awt.geom.AffineTransform;
import kpo.reports.icons.MdcIcons;
import kpo.reports.pdf.PackDocument;
import kpo.reports.style.Marks;
import kpo.reports.style.Palette;
import kpo.spc.AssuranceIcon;
import kpo.spc.PointType;
import kpo.spc.VariationIcon;

/**
 * The pack's small vector pictures as shared templates: each icon or point mark is drawn once per
 * document and placed wherever it is needed, so a hundred rows of icons cost eleven drawings.
 */
final class Art {

    private Art() {
    }

    static PdfTemplate icon(PackDocument doc, VariationIcon icon, float size) {
        return doc.shared("v:" + icon + ":" + size, size, size, (g, w, h) -> MdcIcons.draw(g, icon, 0, 0, w));
    }

    static PdfTemplate icon(PackDocument doc, AssuranceIcon icon, float size) {
        return doc.shared("a:" + icon + ":" + size, size, size, (g, w, h) -> MdcIcons.draw(g, icon, 0, 0, w));
    }

    static PdfTemplate mark(PackDocument doc, PointType type, float size) {
        return doc.shared("m:" + type + ":" + size, size, size, (g, w, h) -> {
            g.setColor(Palette.of(type));
            g.fill(AffineTransform.getTranslateInstance(w / 2, h / 2).createTransformedShape(
                    Marks.of(type, w * 0.62)));
        });
    }
}
