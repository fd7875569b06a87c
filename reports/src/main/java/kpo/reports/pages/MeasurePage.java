package kpo.reports.pages;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kpo.reports.Commentary;
import kpo.reports.Commitment;
import kpo.reports.Comparison;
import kpo.reports.MeasureReport;
import kpo.reports.SmallNumbers;
import kpo.reports.charts.FigureStyle;
import kpo.reports.charts.SpcFigure;
import kpo.reports.format.ChartNames;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;
import kpo.reports.icons.MdcIcons;
import kpo.reports.narrative.ChartDescription;
import kpo.reports.narrative.MonthlyActuals;
import kpo.reports.narrative.Narrative;
import kpo.reports.narrative.Restatement;
import kpo.reports.pdf.Blocks;
import kpo.reports.pdf.Heading;
import kpo.reports.pdf.PackDocument;
import kpo.reports.pdf.PdfFonts;
import kpo.reports.period.Frequency;
import kpo.reports.style.Palette;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;
import org.jfree.chart.JFreeChart;

/**
 * One page per measure: its chart (vectors), the chart's text alternative beneath it, the key
 * figures (latest, centre, limits, target, plan, year to date, data quality), the generated account
 * of what the chart shows, the last 12 values with their point types, and the owner's commentary
 * for the month with its author, approver and date.
 */
final class MeasurePage {

    static final String SECTION = "Measures";
    private static final float CHART_WIDTH = 530;
    private static final float CHART_HEIGHT = 296;
    /** The room under the chart for its description before the chart gives up height to it. */
    private static final float CAPTION_ROOM = 38;
    private static final float SIDE_X = PackDocument.MARGIN + CHART_WIDTH + 24;
    private static final float SIDE_WIDTH = PackDocument.PAGE.getWidth() - PackDocument.MARGIN - SIDE_X;

    private MeasurePage() {
    }

    static void render(PackDocument doc, PackPlan plan, MeasureReport m, PdfOutline parent) {
        PdfFonts fonts = doc.fonts();
        doc.newPage(SECTION);
        float top = doc.top();
        float left = doc.left();
        String destination = PackPlan.destination(m);
        doc.destination(destination, top);
        doc.bookmark(parent, m.title(), destination, false);

        // Title, then the icons with their words at the top right.
        float iconsWidth = 150;
        float titleBottom = doc.column(left, top + 4, doc.right() - left - iconsWidth - 10, top - 40,
                List.of(new Heading(1, new Paragraph(17, m.title(), fonts.bold(14.5f)))));
        float iconX = doc.right() - iconsWidth;
        // Each icon's meaning is in the words beside it, which a screen reader reads.
        doc.decoration(Art.icon(doc, m.chart().variation(), 20), iconX, top - 18);
        doc.line(MdcIcons.label(m.chart().variation()), fonts.regular(8), iconX + 25, top - 11, Element.ALIGN_LEFT);
        doc.decoration(Art.icon(doc, m.chart().assurance(), 20), iconX, top - 41);
        doc.line(MdcIcons.label(m.chart().assurance()), fonts.regular(8), iconX + 25, top - 34, Element.ALIGN_LEFT);

        List<Element> about = new ArrayList<>();
        about.add(Blocks.paragraph(subtitle(m), fonts.regular(7.8f, Palette.MUTED), 1));
        if (m.note() != null) {
            Paragraph note = new Paragraph(10);
            note.add(new Chunk("Note  ", fonts.bold(7.8f)));
            note.add(new Chunk(m.note(), fonts.regular(7.8f)));
            about.add(note);
        }
        List<Commitment> commitments = plan.allCommitmentsOf(m);
        List<Comparison> comparisons = plan.comparisons().stream().filter(c -> c.measureIds().contains(m.id()))
                .toList();
        if (!commitments.isEmpty() || !comparisons.isEmpty()) {
            Paragraph links = new Paragraph(10);
            links.setFont(fonts.regular(7.8f));
            if (!commitments.isEmpty()) {
                links.add(new Chunk(commitments.size() == 1 ? "Commitment  " : "Commitments  ", fonts.bold(7.8f)));
            }
            for (int i = 0; i < commitments.size(); i++) {
                Commitment c = commitments.get(i);
                String text = c.id() + " " + c.title() + (i < commitments.size() - 1 ? ";  " : "");
                links.add(plan.a3s().contains(c) ? Blocks.link(text, fonts.regular(7.8f, Palette.NHS_BLUE),
                        PackPlan.destination(c)) : new Chunk(text, fonts.regular(7.8f)));
            }
            // Where the board asks "is this unit different from the rest?", the funnel pages answer.
            if (!comparisons.isEmpty()) {
                links.add(new Chunk((commitments.isEmpty() ? "" : "     ") + "Compared  ", fonts.bold(7.8f)));
                for (int i = 0; i < comparisons.size(); i++) {
                    links.add(Blocks.link("across " + comparisons.get(i).plural()
                            + (i < comparisons.size() - 1 ? ";  " : ""), fonts.regular(7.8f, Palette.NHS_BLUE),
                            ComparisonPage.destination(comparisons.get(i))));
                }
            }
            about.add(links);
        }
        float y = doc.column(left, Math.min(titleBottom, top - 20), doc.right() - left - iconsWidth - 10,
                top - 70, about);

        float chartTop = Math.min(y - 4, top - 52);
        List<Element> caption = List.of(Blocks.paragraph("Chart description: " + ChartDescription.of(m),
                fonts.regular(6.8f, Palette.MUTED), 0));
        // A long description takes its room from the chart, which gives up at most a quarter of its height.
        float captionHeight = Blocks.height(CHART_WIDTH, caption) + 1;
        float chartHeight = CHART_HEIGHT - Math.min(CHART_HEIGHT / 4, Math.max(0, captionHeight - CAPTION_ROOM));
        JFreeChart figure = SpcFigure.of(m, FigureStyle.PAGE.size(CHART_WIDTH, chartHeight));
        doc.figure(left, chartTop, CHART_WIDTH, chartHeight, ChartDescription.of(m), ChartData.of(m),
                (g, w, h) -> figure.draw(g, new Rectangle2D.Double(0, 0, w, h)));
        float captionBottom = doc.column(left, chartTop - chartHeight - 2, CHART_WIDTH,
                chartTop - chartHeight - 2 - captionHeight, caption);

        float tableTop = captionBottom - 6;
        side(doc, plan, m, chartTop, tableTop + 4);
        float tableBottom = lastValues(doc, m, left, tableTop, plan.pack().vintage() == null ? List.of()
                : Restatement.of(m).stream().map(Restatement::period).toList());
        tableBottom = restated(doc, plan, m, left, tableBottom - 3);
        commentary(doc, m, left, tableBottom - 8, doc.bottom() + 4);
    }

    private static String subtitle(MeasureReport m) {
        ChartResult chart = m.chart();
        Frequency frequency = Frequency.ofPoints(chart.points());
        String direction = switch (m.improvement()) {
            case INCREASE -> "higher is better";
            case DECREASE -> "lower is better";
            case NEUTRAL -> "no preferred direction";
        };
        List<String> parts = new ArrayList<>();
        if (m.domain() != null) {
            parts.add(m.domain());
        }
        parts.add(m.csu() == null ? "Trust-wide" : m.csu() + (m.specialty() == null ? "" : " · " + m.specialty()));
        if (!m.owner().isEmpty()) {
            parts.add("Owner: " + m.owner());
        }
        parts.add(ChartNames.of(chart.spec().chart()) + ", " + ChartNames.of(chart.spec().rules()) + " rules");
        parts.add(frequency.adjective());
        parts.add(direction);
        return String.join("  ·  ", parts);
    }

    /**
     * Key figures and the generated account, to the right of the chart and down to {@code bottom}: the
     * account's type shrinks (8.2 to 6.8 points) until it fits, and the definition is left out if even
     * that is not enough; nothing is cut mid-sentence.
     */
    private static void side(PackDocument doc, PackPlan plan, MeasureReport m, float top, float bottom) {
        PdfFonts fonts = doc.fonts();
        ValueFormat values = ValueFormat.of(m.unit(), m.chart());
        ChartResult chart = m.chart();
        Frequency frequency = Frequency.ofPoints(chart.points());
        LocalDate latestPeriod = Narrative.latestPeriod(chart);
        ChartPoint latest = Narrative.latestPoint(chart);

        PdfPTable figures = Blocks.table(SIDE_WIDTH, 78, SIDE_WIDTH - 78);
        float size = 8;
        if (latest != null) {
            figure(figures, fonts, "Latest", Pages.value(m, latest, values) + "  (" + Dates.period(latest.period(),
                    frequency) + ")", size);
            if (Double.isFinite(latest.centre())) {
                figure(figures, fonts, ChartNames.centre(chart.spec().chart()), values.format(latest.centre())
                        + (chart.phases() > 1 ? "  (phase " + latest.phase() + " of " + chart.phases() + ")" : ""),
                        size);
            }
            if (Double.isFinite(latest.upperLimit()) && Double.isFinite(latest.lowerLimit())) {
                figure(figures, fonts, "Process limits", values.range(latest.lowerLimit(), latest.upperLimit()), size);
            }
        }
        if (m.hasTarget()) {
            figure(figures, fonts, "Target", values.format(m.target()) + (m.targetDate() == null ? ""
                    : "  by " + Dates.day(m.targetDate())), size);
        }
        YearMonth month = latestPeriod == null ? null : YearMonth.from(latestPeriod);
        if (month != null && m.trajectory().containsKey(month)) {
            figure(figures, fonts, "Plan, " + Dates.shortMonth(month), values.format(m.trajectory().get(month)), size);
        }
        MonthlyActuals.YearToDate ytd = MonthlyActuals.yearToDate(m, plan.pack().period());
        if (ytd != null) {
            String planned = Double.isNaN(ytd.plan()) ? "" : "  (plan " + values.compact(ytd.plan()) + ")";
            figure(figures, fonts, "Year to date", Pages.total(m, ytd.actual(), values, plan.pack().smallNumbers())
                    + planned + "  Apr–"
                    + Dates.monthName(ytd.to()) + " " + ytd.year().label(), size);
        }
        figure(figures, fonts, "Data quality", m.dataQuality().label() + (m.stale() ? " · stale" : ""), size);

        List<String> sentences = Narrative.of(m).sentences();
        float room = top + 6 - bottom;
        // Text is never made smaller than 9 points to fit: where the side has no room for the definition,
        // it is left to the methodology's table of definitions, which has every measure's.
        List<Element> elements = sideElements(fonts, figures, sentences, m.definition(), PdfFonts.BODY_MINIMUM);
        if (Blocks.height(SIDE_WIDTH, elements) > room) {
            elements = sideElements(fonts, figures, sentences, "", PdfFonts.BODY_MINIMUM);
        }
        doc.column(SIDE_X, top + 6, SIDE_WIDTH, bottom, elements);
    }

    private static List<Element> sideElements(PdfFonts fonts, PdfPTable figures, List<String> sentences,
            String definition, float size) {
        List<Element> elements = new ArrayList<>();
        elements.add(Blocks.heading("Key figures", fonts, 9));
        elements.add(figures);
        elements.add(Blocks.heading("What the chart shows", fonts, 9));
        for (String sentence : sentences) {
            elements.add(Blocks.paragraph(sentence, fonts.regular(size), size * 0.35f));
        }
        if (!definition.isEmpty()) {
            elements.add(Blocks.heading("Definition", fonts, 9));
            elements.add(Blocks.paragraph(definition, fonts.regular(Math.min(size, 7.5f), Palette.MUTED), 0));
        }
        return elements;
    }

    private static void figure(PdfPTable table, PdfFonts fonts, String label, String value, float size) {
        PdfPCell name = Blocks.cell(label, fonts.regular(size, Palette.MUTED));
        name.setPaddingLeft(0);
        table.addCell(name);
        table.addCell(Blocks.cell(value, fonts.bold(size)));
    }

    /**
     * The last 12 periods with their values and point types, restated values in orange; returns the
     * table's bottom.
     */
    private static float lastValues(PackDocument doc, MeasureReport m, float left, float top,
            List<LocalDate> restated) {
        PdfFonts fonts = doc.fonts();
        List<ChartPoint> points = m.chart().points();
        List<ChartPoint> last = points.subList(Math.max(0, points.size() - 12), points.size());
        if (last.isEmpty()) {
            return top;
        }
        Frequency frequency = Frequency.ofPoints(points);
        ValueFormat values = ValueFormat.of(m.unit(), m.chart());
        float width = doc.right() - left;
        float[] widths = new float[13];
        widths[0] = 74;
        for (int i = 1; i < 13; i++) {
            widths[i] = (width - 74) / 12;
        }
        PdfPTable table = Blocks.table(width, widths);
        table.setHeaderRows(1);
        PdfPCell label = Blocks.header("Last " + last.size() + " " + frequency.nouns(last.size()), fonts, 7.5f);
        table.addCell(label);
        for (int i = 0; i < 12; i++) {
            table.addCell(i < last.size() ? Blocks.headerNumber(Dates.periodHeading(last.get(i).period(), frequency),
                    fonts, 7.5f) : Blocks.header("", fonts, 7.5f));
        }
        PdfPCell valueLabel = Blocks.cell(m.unit().axisLabel().equals("Count") ? "Value" : "Value ("
                + m.unit().axisLabel().toLowerCase(Locale.ROOT) + ")", fonts.regular(7.5f, Palette.MUTED));
        valueLabel.setPaddingLeft(0);
        table.addCell(valueLabel);
        for (int i = 0; i < 12; i++) {
            if (i >= last.size()) {
                table.addCell(Blocks.cell("", fonts.regular(8)));
                continue;
            }
            ChartPoint p = last.get(i);
            Phrase phrase = new Phrase();
            if (!p.missing()) {
                phrase.add(Blocks.inline(Art.mark(doc, p.type(), 7), 0.5f));
                java.awt.Color colour = restated.contains(p.period()) ? Palette.ORANGE_TEXT : Palette.TEXT;
                phrase.add(new Chunk(" " + (m.hidden(p.period()) ? SmallNumbers.SYMBOL : values.compact(p.y())),
                        p.specialCause() ? fonts.bold(8, colour) : fonts.regular(8, colour)));
            } else {
                phrase.add(new Chunk("missing", fonts.regular(7.5f, Palette.MUTED)));
            }
            PdfPCell cell = Blocks.cell(phrase);
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(cell);
        }
        return doc.table(table, left, top);
    }

    /**
     * The values restated since the stored earlier pack, in orange under the table: the board may have
     * acted on the old figures. Returns the bottom of the note (its top when there is nothing to say).
     */
    private static float restated(PackDocument doc, PackPlan plan, MeasureReport m, float left, float top) {
        List<Restatement> restated = Restatement.of(m);
        if (restated.isEmpty() || plan.pack().vintage() == null) {
            return top;
        }
        List<String> each = restated.stream().map(r -> r.describe(m, plan.pack().smallNumbers())).toList();
        String text = "Restated since the " + Dates.month(plan.pack().vintage()) + " pack (" + restated.size()
                + (restated.size() == 1 ? " value" : " values") + ", in orange above when among the last 12): " + String.join("; ", each.subList(0,
                Math.min(6, each.size()))) + (each.size() > 6 ? "; and " + (each.size() - 6) + " more" : "") + ".";
        return doc.column(left, top, doc.right() - left, doc.bottom() + 40,
                List.of(Blocks.paragraph(text, doc.fonts().bold(7.5f, Palette.ORANGE_TEXT), 0)));
    }

    /** The owner's commentary in three columns, signed; or a line saying there is none. */
    private static void commentary(PackDocument doc, MeasureReport m, float left, float top, float bottom) {
        PdfFonts fonts = doc.fonts();
        float width = doc.right() - left;
        Commentary c = m.commentary();
        if (c == null) {
            doc.column(left, top, width, bottom, List.of(Blocks.heading("Owner's commentary", fonts, 9),
                    Blocks.paragraph("No commentary from the owner this month.", fonts.regular(8, Palette.MUTED), 0)));
            return;
        }
        float y = doc.column(left, top, width, bottom, List.of(Blocks.heading("Owner's commentary", fonts, 9)));
        String signed = "Written by " + c.author() + (c.approver().isEmpty() ? "" : "; approved by " + c.approver())
                + (c.date() == null ? "" : "; " + Dates.day(c.date())) + ".";
        float gap = 14;
        float columnWidth = (width - 2 * gap) / 3;
        String[][] parts = {{"What the chart shows", c.shows()}, {"So what", c.soWhat()}, {"Actions", c.actions()}};
        float signedHeight = 12;
        float lowest = y;
        for (int i = 0; i < 3; i++) {
            float x = left + i * (columnWidth + gap);
            lowest = Math.min(lowest, fitted(doc, parts[i][0], parts[i][1], x, y, columnWidth,
                    bottom + signedHeight));
        }
        doc.line(signed, fonts.regular(7, Palette.MUTED), left, Math.max(bottom + 2, lowest - 10),
                Element.ALIGN_LEFT);
    }

    /** A titled block of text at the body size in its box. */
    private static float fitted(PackDocument doc, String title, String text, float x, float top, float width,
            float bottom) {
        return doc.column(x, top, width, bottom, block(doc.fonts(), title, text, PdfFonts.BODY_MINIMUM));
    }

    private static List<Element> block(PdfFonts fonts, String title, String text, float size) {
        return List.of(new Heading(3, Blocks.paragraph(title, fonts.bold(size), 1)),
                Blocks.paragraph(text.isEmpty() ? "–" : text, fonts.regular(size), 0));
    }
}
