package kpo.reports.pages;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kpo.reports.Comparison;
import kpo.reports.MeasureReport;
import kpo.reports.SmallNumbers;
import kpo.reports.charts.FigureStyle;
import kpo.reports.charts.FunnelFigure;
import kpo.reports.format.ValueFormat;
import kpo.reports.narrative.ComparisonText;
import kpo.reports.page.PageModel;
import kpo.reports.pdf.Blocks;
import kpo.reports.pdf.Heading;
import kpo.reports.pdf.PackDocument;
import kpo.reports.pdf.PdfFonts;
import kpo.reports.style.Palette;
import kpo.spc.funnel.FunnelPoint;
import org.jfree.chart.JFreeChart;

/**
 * A funnel page: one measure's units compared (sites, CSUs, specialties, or a system's trusts), with
 * the plot on the left, the units in a table on the right (those beyond a limit first) and above
 * them what the plot shows in words, naming every unit beyond a limit with the limit it passes.
 */
final class ComparisonPage {

    static final String DESTINATION = "section:comparisons";
    static final String SECTION = "Units compared";
    private static final float CHART_WIDTH = 468;
    private static final float GAP = 18;

    private ComparisonPage() {
    }

    /** The link target of a comparison's page. */
    static String destination(Comparison c) {
        return "comparison:" + c.id();
    }

    static void render(PackDocument doc, PackPlan plan) {
        PdfOutline section = null;
        for (Comparison c : plan.comparisons()) {
            doc.newPage(SECTION);
            if (section == null) {
                doc.destination(DESTINATION, doc.top());
                section = doc.bookmark(null, SECTION, DESTINATION, false);
            }
            doc.destination(destination(c), doc.top());
            doc.bookmark(section, c.title() + ": " + c.plural(), destination(c), false);
            page(doc, plan, c);
        }
    }

    private static void page(PackDocument doc, PackPlan plan, Comparison c) {
        PdfFonts fonts = doc.fonts();
        float top = doc.top();
        float left = doc.left();
        float width = doc.right() - left;
        List<Element> head = new ArrayList<>();
        head.add(new Heading(1, new Paragraph(17, c.title() + ": " + c.plural() + " compared", fonts.bold(14.5f))));
        Paragraph about = new Paragraph(11);
        about.add(new Chunk("Funnel plot, " + c.span() + (c.snapshot() ? ": the month-end snapshot, each "
                : ": numerators and denominators summed over the months, each ") + c.singular() + " against all "
                + c.plural() + " together, with " + String.join(" and ",
                        c.funnel().spec().levels().stream().map(ComparisonText::level).toList())
                + " limits (Spiegelhalter 2005).", fonts.regular(9, Palette.MUTED)));
        List<MeasureReport> measures = c.measureIds().stream().map(plan.pack()::measure)
                .filter(plan.measures()::contains).toList();
        if (!measures.isEmpty()) {
            about.add(new Chunk(measures.size() == 1 ? "  Measure page: " : "  Measure pages: ",
                    fonts.regular(9, Palette.MUTED)));
            for (int i = 0; i < measures.size(); i++) {
                about.add(Blocks.link(measures.get(i).title(), fonts.regular(9, Palette.NHS_BLUE),
                        PackPlan.destination(measures.get(i))));
                if (i < measures.size() - 1) {
                    about.add(new Chunk(";  ", fonts.regular(9, Palette.MUTED)));
                }
            }
        }
        about.setSpacingAfter(4);
        head.add(about);
        for (String sentence : ComparisonText.sentences(c)) {
            head.add(Blocks.paragraph(sentence, fonts.regular(9.5f), 2));
        }
        float y = doc.column(left, top + 4, width, doc.bottom(), head) - 6;

        float chartHeight = Math.max(200, y - doc.bottom() - 4);
        JFreeChart figure = FunnelFigure.of(c, FigureStyle.PAGE.size(CHART_WIDTH, chartHeight));
        doc.figure(left, y, CHART_WIDTH, chartHeight, ComparisonText.description(c), data(c),
                (g, w, h) -> figure.draw(g, new Rectangle2D.Double(0, 0, w, h)));

        float tableX = left + CHART_WIDTH + GAP;
        float tableWidth = doc.right() - tableX;
        List<FunnelPoint> ordered = ordered(c);
        // As many rows as the page holds, those beyond a limit first; the rest are counted below it.
        PdfPTable table = table(doc, c, ordered, ordered.size(), tableWidth);
        int rows = ordered.size();
        while (rows > 1 && table.getTotalHeight() > y - doc.bottom() - 30) {
            rows--;
            table = table(doc, c, ordered, rows, tableWidth);
        }
        float bottom = doc.table(table, tableX, y);
        if (rows < ordered.size()) {
            doc.column(tableX, bottom - 2, tableWidth, doc.bottom(), List.of(Blocks.paragraph("And "
                    + (ordered.size() - rows) + " more " + c.plural() + " within the limits; every one is in the "
                    + "HTML pack and the comparisons file.", fonts.regular(9, Palette.MUTED), 0)));
        }
    }

    /** Units beyond a limit first (furthest out first), then the measure's own, then the rest by name. */
    private static List<FunnelPoint> ordered(Comparison c) {
        return c.funnel().points().stream().sorted(Comparator
                .comparingInt((FunnelPoint p) -> c.hidden(p) ? 3 : p.outlier() ? 0 : p.unit().equals(c.highlight())
                        ? 1 : 2)
                .thenComparingDouble(p -> p.outlier() ? -Math.abs(p.z()) : 0)
                .thenComparing(FunnelPoint::unit)).toList();
    }

    private static PdfPTable table(PackDocument doc, Comparison c, List<FunnelPoint> ordered, int rows, float width) {
        PdfFonts fonts = doc.fonts();
        PdfPTable table = Blocks.table(width, width - 192, 46, 44, 102);
        table.setHeaderRows(1);
        table.addCell(Blocks.header(capitalised(c.singular()), fonts, 9));
        table.addCell(Blocks.headerNumber(c.unit() == kpo.reports.Unit.RATE && c.multiply() != 1
                ? "Per " + ValueFormat.number(c.multiply(), 0) : "Value", fonts, 9));
        table.addCell(Blocks.headerNumber("Size", fonts, 9));
        table.addCell(Blocks.headerNumber("Limits", fonts, 9));
        for (FunnelPoint p : ordered.subList(0, rows)) {
            boolean named = p.outlier() && !c.hidden(p);
            com.lowagie.text.Font font = named || p.unit().equals(c.highlight()) ? fonts.bold(9) : fonts.regular(9);
            PdfPCell unit = Blocks.cell(p.unit(), font);
            if (named) {
                Blocks.flag(unit, c.worse(p) ? Palette.ORANGE : c.better(p) ? Palette.BLUE : Palette.PURPLE);
            }
            table.addCell(unit);
            table.addCell(Blocks.number(c.hidden(p) ? SmallNumbers.SYMBOL
                    : ComparisonText.values(c).compact(p.value() * c.multiply()), font));
            table.addCell(Blocks.number(ComparisonText.size(c, p), font));
            table.addCell(Blocks.number(ComparisonText.position(c, p), font));
        }
        return table;
    }

    /** The funnel's values as a table for the HTML pack: every unit. */
    private static PageModel.DataTable data(Comparison c) {
        List<List<String>> rows = new ArrayList<>();
        for (FunnelPoint p : ordered(c)) {
            rows.add(List.of(p.unit(), c.hidden(p) ? SmallNumbers.SYMBOL : ValueFormat.number(p.numerator(), 0),
                    ComparisonText.size(c, p), ComparisonText.value(c, p), c.hidden(p) ? SmallNumbers.SYMBOL
                            : ValueFormat.number(p.z(), 2), ComparisonText.position(c, p)));
        }
        return new PageModel.DataTable("Every " + c.singular() + " on the funnel plot of " + c.title(),
                List.of(capitalised(c.singular()), "Numerator", "Denominator", "Value", "z-score", "Limits"), rows);
    }

    private static String capitalised(String word) {
        return word.equals("CSU") ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
