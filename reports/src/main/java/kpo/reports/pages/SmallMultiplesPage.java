package kpo.reports.pages;

import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfOutline;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.util.List;
import kpo.reports.MeasureReport;
import kpo.reports.charts.FigureStyle;
import kpo.reports.charts.SpcFigure;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;
import kpo.reports.icons.MdcIcons;
import kpo.reports.narrative.Attention;
import kpo.reports.narrative.Narrative;
import kpo.reports.pdf.Blocks;
import kpo.reports.pdf.Heading;
import kpo.reports.narrative.ChartDescription;
import kpo.reports.pdf.PackDocument;
import kpo.reports.pdf.PdfFonts;
import kpo.reports.period.Frequency;
import kpo.reports.style.Palette;
import kpo.spc.ChartPoint;

/**
 * Small multiples: every measure of a CSU (trust pack) or specialty (CSU pack) as a small chart in a
 * grid, most urgent first, each tile with its icons and linked to its page, so that a board can scan
 * a whole service in one view.
 */
final class SmallMultiplesPage {

    static final String DESTINATION = "section:multiples";
    private static final int PER_PAGE = 12;
    private static final float GAP = 12;

    private SmallMultiplesPage() {
    }

    static void render(PackDocument doc, PackPlan plan) {
        PdfOutline section = null;
        String sectionName = plan.trustPack() ? "CSUs at a glance" : "Specialties at a glance";
        for (PackPlan.Multiples grid : plan.multiples()) {
            List<MeasureReport> measures = grid.measures();
            for (int from = 0; from < measures.size(); from += PER_PAGE) {
                doc.newPage(sectionName);
                if (section == null) {
                    doc.destination(DESTINATION, doc.top());
                    section = doc.bookmark(null, sectionName, DESTINATION, false);
                }
                String destination = "multiples:" + grid.key() + ":" + from;
                doc.destination(destination, doc.top());
                if (from == 0) {
                    doc.bookmark(section, grid.title(), destination, false);
                }
                page(doc, grid, measures.subList(from, Math.min(measures.size(), from + PER_PAGE)), from > 0);
            }
        }
    }

    private static void page(PackDocument doc, PackPlan.Multiples grid, List<MeasureReport> measures,
            boolean continued) {
        PdfFonts fonts = doc.fonts();
        float top = doc.top();
        float left = doc.left();
        long attention = grid.measures().stream().filter(m -> Attention.of(m).needsAttention()).count();
        Paragraph title = new Paragraph(20, grid.title() + (continued ? " (continued)" : "") + ": measures by signal",
                fonts.bold(15));
        title.setSpacingAfter(3);
        float y = doc.column(left, top + 4, doc.right() - left, top - 60, List.of(new Heading(1, title),
                Blocks.paragraph(grid.measures().size() + " measures, " + attention + " needing attention; most urgent "
                        + "first (concern, failing target, stale data, hit and miss). Select a chart for its page.",
                        fonts.regular(8.5f, Palette.MUTED), 0)));
        // Fewer measures, bigger tiles: 2 × 1 up to 2, 2 × 2 up to 4, 3 × 2 up to 6, then 4 across.
        int n = measures.size();
        int columns = n <= 4 ? 2 : n <= 6 ? 3 : 4;
        int rows = (n + columns - 1) / columns;
        float gridTop = y - 8;
        float tileWidth = (doc.right() - left - (columns - 1) * GAP) / columns;
        float tileHeight = Math.min((gridTop - doc.bottom() - (rows - 1) * GAP) / rows, tileWidth * 0.8f);
        for (int i = 0; i < measures.size(); i++) {
            int row = i / columns;
            int column = i % columns;
            float x = left + column * (tileWidth + GAP);
            float tileTop = gridTop - row * (tileHeight + GAP);
            tile(doc, measures.get(i), x, tileTop, tileWidth, tileHeight);
        }
    }

    private static void tile(PackDocument doc, MeasureReport m, float x, float top, float width, float height) {
        PdfFonts fonts = doc.fonts();
        boolean large = width > 240;
        float icon = large ? 16 : 13;
        float text = large ? 8.5f : 7.3f;
        float head = large ? 24 : 22;
        doc.column(x, top + 2, width - 2 * icon - 6, top - head, List.of(new Heading(2, new Paragraph(text * 1.18f,
                m.title(), Attention.of(m).needsAttention() ? fonts.bold(text) : fonts.regular(text)))));
        // The icons' meanings are in the tile's last line, which a screen reader reads.
        doc.decoration(Art.icon(doc, m.chart().variation(), icon), x + width - 2 * icon - 2, top - icon);
        doc.decoration(Art.icon(doc, m.chart().assurance(), icon), x + width - icon, top - icon);
        ValueFormat values = ValueFormat.of(m.unit(), m.chart());
        LocalDate latestPeriod = Narrative.latestPeriod(m.chart());
        String latest = "No data";
        if (latestPeriod != null) {
            ChartPoint p = Narrative.latestPoint(m.chart());
            Frequency frequency = Frequency.ofPoints(m.chart().points());
            latest = "Latest " + Pages.value(m, p, values) + " (" + Dates.period(p.period(), frequency) + ")";
        }
        String target = m.hasTarget() ? " · target " + values.format(m.target()) : "";
        List<Element> words = List.of(Blocks.paragraph(latest + target + " · " + MdcIcons.label(m.chart().variation())
                + " · " + MdcIcons.label(m.chart().assurance()), fonts.regular(large ? 7.5f : 6.3f, Palette.MUTED), 0));
        // The line under the chart takes the room its words need (two or three lines at 9 points).
        float footer = Blocks.height(width, words) + 3;
        float chartTop = top - head;
        float chartHeight = height - head - footer;
        FigureStyle style = large ? FigureStyle.HEADLINE : FigureStyle.SMALL;
        var figure = SpcFigure.of(m, style.size(width, chartHeight));
        doc.figure(x, chartTop, width, chartHeight, ChartDescription.of(m),
                (g, w, h) -> figure.draw(g, new Rectangle2D.Double(0, 0, w, h)));
        doc.column(x, top - height + footer - 1, width, top - height - 2, words);
        doc.link(PackPlan.destination(m), "Go to the page of " + m.title(), x, top - height, x + width, top);
    }
}
