package kpo.reports.pages;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import kpo.reports.BoardPack;
import kpo.reports.Commitment;
import kpo.reports.Countermeasure;
import kpo.reports.MeasureReport;
import kpo.reports.PdsaCycle;
import kpo.reports.Reasons;
import kpo.reports.charts.FigureStyle;
import kpo.reports.charts.SpcFigure;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;
import kpo.reports.narrative.Baseline;
import kpo.reports.narrative.ChartDescription;
import kpo.reports.narrative.MonthlyActuals;
import kpo.reports.narrative.Narrative;
import kpo.reports.narrative.Reachability;
import kpo.reports.pdf.Blocks;
import kpo.reports.pdf.Heading;
import kpo.reports.pdf.PackDocument;
import kpo.reports.pdf.PdfFonts;
import kpo.reports.period.FinancialYear;
import kpo.reports.period.Frequency;
import kpo.reports.style.Palette;
import kpo.spc.ChartPoint;
import kpo.spc.Improvement;
import kpo.spc.pareto.ParetoItem;
import kpo.spc.pareto.ParetoResult;

/**
 * An annual commitment's A3, on one landscape page in the A3's two halves. Left: the problem, the
 * target condition, the current condition as headline charts (up to two), and baseline → current →
 * target. Right: the bowling chart of the financial year (monthly plan against actual, from the
 * measure's trajectory), the countermeasures, the PDSA cycles, and whether the target can be reached
 * by its date from the current process limits.
 */
final class A3Page {

    static final String DESTINATION = "section:a3";
    private static final float GAP = 24;

    private A3Page() {
    }

    /** Writes the A3 of {@code c}; returns the A3 section's bookmark (made with the first A3). */
    static PdfOutline render(PackDocument doc, PackPlan plan, Commitment c, PdfOutline section) {
        PdfFonts fonts = doc.fonts();
        BoardPack pack = plan.pack();
        doc.newPage(plan.trustPack() ? "Annual commitments" : "Local A3s");
        float top = doc.top();
        float left = doc.left();
        float width = doc.right() - left;
        float half = (width - GAP) / 2;
        if (section == null) {
            doc.destination(DESTINATION, top);
            section = doc.bookmark(null, plan.trustPack() ? "Annual commitments (A3s)" : "Local A3s", DESTINATION,
                    false);
        }
        doc.destination(PackPlan.destination(c), top);
        doc.bookmark(section, c.id() + " " + c.title(), PackPlan.destination(c), false);

        float band = 30;
        doc.decoration(cb -> {
            cb.saveState();
            cb.setColorFill(Palette.NHS_BLUE);
            cb.rectangle(left, top - band, width, band);
            cb.fill();
            cb.restoreState();
        });
        doc.column(left + 8, top - 6, width - 260, top - band, List.of(new Heading(1, new Paragraph(16, c.id() + "  "
                + c.title(), fonts.bold(13, Color.WHITE)))));
        doc.line("Executive sponsor", fonts.regular(7, Color.WHITE), doc.right() - 8, top - 12,
                Element.ALIGN_RIGHT);
        doc.line(c.executiveSponsor(), fonts.bold(8.5f, Color.WHITE), doc.right() - 8, top - 24,
                Element.ALIGN_RIGHT);
        float y = top - band - 6;
        if (c.local()) {
            String aligned = c.alignedTo() == null ? "" : pack.commitment(c.alignedTo())
                    .map(p -> ", aligned to trust commitment " + p.id() + ": " + p.title()).orElse("");
            doc.line(c.csu() + " CSU A3" + aligned, fonts.regular(8, Palette.MUTED), left, y - 8,
                    Element.ALIGN_LEFT);
            y -= 14;
        }
        List<MeasureReport> measures = c.measureIds().stream().map(pack::measure).toList();
        left(doc, plan, c, measures, left, y, half);
        right(doc, plan, c, measures, left + half + GAP, y, half);
        return section;
    }

    private static void left(PackDocument doc, PackPlan plan, Commitment c, List<MeasureReport> measures, float x,
            float top,
            float width) {
        PdfFonts fonts = doc.fonts();
        List<Element> words = new ArrayList<>();
        words.add(Blocks.heading("Problem statement", fonts, 9));
        words.add(Blocks.paragraph(c.problem().isEmpty() ? "–" : c.problem(), fonts.regular(8.3f), 2));
        words.add(Blocks.heading("Target condition", fonts, 9));
        words.add(Blocks.paragraph(c.targetCondition().isEmpty() ? "–" : c.targetCondition(), fonts.regular(8.3f), 2));
        float y = doc.column(x, top, width, doc.bottom(), words);
        if (measures.isEmpty()) {
            return;
        }
        List<MeasureReport> headline = headline(measures);
        MeasureReport analysed = analysed(measures);
        String[][] boxes = stripBoxes(plan, headline.get(0));
        float stripHeight = stripHeight(fonts, boxes, width);
        float strip = stripHeight + 8;
        // Each chart's description is its figure's alternative text here (a screen reader hears it) and
        // printed in full on the measure's own page: at 9 points it would leave the charts no room.
        float headings = 20 * headline.size();
        List<Element> pareto = analysed == null ? List.of() : pareto(doc, analysed, width);
        float paretoHeight = pareto.isEmpty() ? 0 : Blocks.height(width, pareto.subList(0, 2))
                + ((PdfPTable) pareto.get(2)).getTotalHeight() + 12;
        float room = y - doc.bottom() - strip - headings - paretoHeight;
        float[] heights = headline.size() == 1 ? new float[] {Math.min(room, 260)}
                : new float[] {room * 0.54f, room * 0.46f};
        for (int i = 0; i < headline.size(); i++) {
            MeasureReport m = headline.get(i);
            Paragraph heading = Blocks.heading(i == 0 ? "Current condition: " + m.title() : m.title(), fonts, 9);
            y = doc.column(x, y, width, doc.bottom(), List.of(heading));
            float h = heights[i];
            var figure = SpcFigure.of(m, FigureStyle.HEADLINE.size(width, h));
            doc.figure(x, y, width, h, ChartDescription.of(m),
                    (g, w, hh) -> figure.draw(g, new Rectangle2D.Double(0, 0, w, hh)));
            doc.link(PackPlan.destination(m), "Go to the page of " + m.title(), x, y - h, x + width, y);
            y -= h + 4;
        }
        if (!pareto.isEmpty()) {
            y = doc.column(x, y, width, doc.bottom(), pareto);
        }
        strip(doc, boxes, x, y - 4, width, stripHeight);
    }

    /**
     * The commitment's measure whose reasons the A3 analyses (the first with reasons), or null. Its
     * Pareto takes the place of the second headline chart: the A3's analysis step.
     */
    private static MeasureReport analysed(List<MeasureReport> measures) {
        return measures.stream().filter(m -> m.reasons() != null).findFirst().orElse(null);
    }

    /** The measures charted on the A3: two, or one beside the Pareto of reasons. */
    private static List<MeasureReport> headline(List<MeasureReport> measures) {
        return measures.subList(0, Math.min(analysed(measures) == null ? 2 : 1, measures.size()));
    }

    /**
     * A Pareto of the reasons behind {@code m}'s rows: a heading, a sentence naming the vital few, and a
     * table of the reasons with their counts, shares and cumulative shares (the vital few in bold).
     */
    private static List<Element> pareto(PackDocument doc, MeasureReport m, float width) {
        PdfFonts fonts = doc.fonts();
        Reasons reasons = m.reasons();
        ParetoResult p = reasons.pareto();
        List<Element> out = new ArrayList<>();
        out.add(Blocks.heading("Analysis: reasons behind " + m.title() + ", " + reasons.span(), fonts, 9));
        List<String> vital = p.vitalFew();
        out.add(Blocks.paragraph((vital.size() == 1 ? "One reason makes " : vital.size() + " of the "
                + p.distinct() + " reasons make ") + "80% of the " + ValueFormat.count(p.total()) + ": "
                + String.join("; ", vital) + ".", fonts.regular(9, Palette.MUTED), 2));
        PdfPTable table = Blocks.table(width, width - 170, 50, 50, 70);
        table.setHeaderRows(1);
        table.addCell(Blocks.header("Reason", fonts, 9));
        table.addCell(Blocks.headerNumber("Count", fonts, 9));
        table.addCell(Blocks.headerNumber("Share", fonts, 9));
        table.addCell(Blocks.headerNumber("Cumulative", fonts, 9));
        for (ParetoItem item : p.items()) {
            java.awt.Color colour = item.vital() ? Palette.TEXT : Palette.MUTED;
            com.lowagie.text.Font font = item.vital() ? fonts.bold(9, colour) : fonts.regular(9, colour);
            table.addCell(Blocks.cell(item.reason(), font));
            table.addCell(Blocks.number(ValueFormat.count(item.count()), font));
            table.addCell(Blocks.number(ValueFormat.percent(item.share(), 0), font));
            table.addCell(Blocks.number(ValueFormat.percent(item.cumulative(), 0), font));
        }
        out.add(table);
        return out;
    }

    /** Baseline, current and target for the headline measure: each box's label, figure and words. */
    private static String[][] stripBoxes(PackPlan plan, MeasureReport m) {
        ValueFormat values = ValueFormat.of(m.unit(), m.chart());
        Frequency frequency = Frequency.ofPoints(m.chart().points());
        Baseline baseline = Baseline.of(m);
        LocalDate latestPeriod = Narrative.latestPeriod(m.chart());
        ChartPoint latest = Narrative.latestPoint(m.chart());
        String[][] boxes = {
            {"Baseline", m.suppressed() && m.unit() == kpo.reports.Unit.COUNT
                    && plan.pack().smallNumbers().hides(baseline.value()) ? kpo.reports.SmallNumbers.SYMBOL
                    : values.observed(baseline.value()), baseline.last() == null ? baseline.basis()
                    : baseline.basis() + ", to " + Dates.period(baseline.last().period(), frequency)
                            + chartMean(m, baseline, values)},
            {"Current", latest == null ? "–" : Pages.value(m, latest, values), latest == null ? "no data"
                    : Dates.period(latest.period(), frequency)},
            {"Target", m.hasTarget() ? values.format(m.target()) : "none set",
                m.targetDate() == null ? "" : "by " + Dates.day(m.targetDate())}};
        return boxes;
    }

    private static final float ARROW = 16;

    /** The boxes' height: the label and figure, then as many lines as the longest words need. */
    private static float stripHeight(PdfFonts fonts, String[][] boxes, float width) {
        float box = (width - 2 * ARROW) / 3;
        float words = 0;
        for (String[] b : boxes) {
            words = Math.max(words, Blocks.height(box - 8, stripWords(fonts, b[2])));
        }
        return Math.max(56, 27 + words + 5);
    }

    private static List<Element> stripWords(PdfFonts fonts, String text) {
        return List.of(Blocks.paragraph(text, fonts.regular(6.3f, Palette.MUTED), 0));
    }

    /** Baseline → current → target for the headline measure, as three boxes. */
    private static void strip(PackDocument doc, String[][] boxes, float x, float top, float width, float height) {
        PdfFonts fonts = doc.fonts();
        float arrow = ARROW;
        float box = (width - 2 * arrow) / 3;
        for (int i = 0; i < 3; i++) {
            float bx = x + i * (box + arrow);
            Color fill = i == 2 ? new Color(0xFDECEC) : Palette.BAND;
            doc.decoration(cb -> {
                cb.saveState();
                cb.setColorFill(fill);
                cb.rectangle(bx, top - height, box, height);
                cb.fill();
                cb.restoreState();
            });
            doc.line(boxes[i][0], fonts.regular(7, Palette.MUTED), bx + 5, top - 10, Element.ALIGN_LEFT);
            doc.line(boxes[i][1], fonts.bold(12, i == 2 ? Palette.RED_TEXT : Palette.TEXT), bx + 5, top - 25,
                    Element.ALIGN_LEFT);
            doc.column(bx + 5, top - 27, box - 8, top - height, stripWords(fonts, boxes[i][2]));
            if (i < 2) {
                // The arrow between the boxes is for the eye: baseline, current and target read in order.
                float ax = bx + box + arrow / 2;
                doc.decoration(cb -> ColumnText.showTextAligned(cb, Element.ALIGN_CENTER,
                        new Phrase("→", fonts.bold(13, Palette.MUTED)), ax, top - height / 2 - 4, 0));
            }
        }
    }

    /**
     * Where the baseline is not the chart's centre line (an unrebased chart's mean is over every point,
     * the baseline over its first year), the box says so, so that the two numbers never seem to
     * disagree.
     */
    private static String chartMean(MeasureReport m, Baseline baseline, ValueFormat values) {
        ChartPoint latest = m.chart().latest();
        if (latest == null || !Double.isFinite(latest.centre()) || baseline.value() == latest.centre()
                || m.chart().phases() > 1 || m.chart().spec().baseline() > 0) {
            return "";
        }
        String centre = kpo.reports.format.ChartNames.centre(m.chart().spec().chart()).toLowerCase(Locale.ROOT);
        return " (the chart's " + centre + ", " + values.format(latest.centre()) + ", is of all "
                + m.chart().points().stream().filter(p -> !p.missing()).count() + ")";
    }

    private static void right(PackDocument doc, PackPlan plan, Commitment c, List<MeasureReport> measures, float x,
            float top, float width) {
        doc.column(x, top, width, doc.bottom(), rightElements(doc, plan, c, measures, width, PdfFonts.BODY_MINIMUM));
    }

    private static List<Element> rightElements(PackDocument doc, PackPlan plan, Commitment c,
            List<MeasureReport> measures, float width, float size) {
        PdfFonts fonts = doc.fonts();
        BoardPack pack = plan.pack();
        List<Element> out = new ArrayList<>();
        FinancialYear year = FinancialYear.of(pack.period());
        List<MeasureReport> planned = measures.stream().filter(m -> !m.trajectory().isEmpty()).limit(2).toList();
        out.add(Blocks.heading("Bowling chart " + year.label() + ": plan against actual", fonts, 9));
        if (planned.isEmpty()) {
            out.add(Blocks.paragraph("No monthly trajectory has been set for these measures.",
                    fonts.regular(size, Palette.MUTED), 2));
        }
        for (MeasureReport m : planned) {
            out.add(bowling(doc, m, year, pack.period(), width, size));
        }
        if (!planned.isEmpty()) {
            out.add(Blocks.paragraph("Actual months shaded blue met the plan; orange and bold missed it.",
                    fonts.regular(size - 1, Palette.MUTED), 2));
        }

        out.add(Blocks.heading("Countermeasures", fonts, 9));
        if (c.countermeasures().isEmpty()) {
            out.add(Blocks.paragraph("None recorded.", fonts.regular(size, Palette.MUTED), 2));
        } else {
            PdfPTable table = Blocks.table(width, 180, 80, 56, 54);
            table.setHeaderRows(1);
            for (String h : new String[] {"Action", "Owner", "Due", "Status"}) {
                table.addCell(Blocks.header(h, fonts, size - 0.5f));
            }
            LocalDate asAt = pack.period().atEndOfMonth();
            for (Countermeasure cm : c.countermeasures()) {
                table.addCell(Blocks.cell(cm.action(), fonts.regular(size)));
                table.addCell(Blocks.cell(cm.owner(), fonts.regular(size)));
                table.addCell(Blocks.cell(Dates.day(cm.due()), fonts.regular(size)));
                boolean overdue = cm.overdue(asAt);
                table.addCell(Blocks.cell(overdue ? "Overdue" : cm.status().label(),
                        overdue ? fonts.bold(size, Palette.ORANGE_TEXT) : fonts.regular(size)));
            }
            out.add(table);
        }

        out.add(Blocks.heading("PDSA cycles", fonts, 9));
        if (c.pdsaCycles().isEmpty()) {
            out.add(Blocks.paragraph("None recorded.", fonts.regular(size, Palette.MUTED), 2));
        } else {
            PdfPTable table = Blocks.table(width, 14, 110, 70, 42, 134);
            table.setHeaderRows(1);
            for (String h : new String[] {"", "Change tested", "Dates", "Stage", "Decision and learning"}) {
                table.addCell(Blocks.header(h, fonts, size - 0.5f));
            }
            for (PdsaCycle p : c.pdsaCycles()) {
                table.addCell(Blocks.cell(String.valueOf(p.number()), fonts.bold(size)));
                table.addCell(Blocks.cell(p.change(), fonts.regular(size)));
                table.addCell(Blocks.cell(Dates.day(p.started()) + (p.ended() == null ? " –" : " – "
                        + Dates.day(p.ended())), fonts.regular(size)));
                table.addCell(Blocks.cell(p.stage().label(), fonts.regular(size)));
                Phrase learning = new Phrase();
                if (p.decision() != null) {
                    learning.add(new Chunk(p.decision().label() + ". ", fonts.bold(size)));
                }
                learning.add(new Chunk(p.learning().isEmpty() ? (p.decision() == null ? "In progress." : "")
                        : p.learning(), fonts.regular(size)));
                table.addCell(Blocks.cell(learning));
            }
            out.add(table);
        }

        out.add(Blocks.heading("Can we reach the target?", fonts, 9));
        boolean any = false;
        for (MeasureReport m : measures) {
            if (!m.hasTarget()) {
                continue;
            }
            Reachability r = Reachability.of(m);
            out.add(Blocks.paragraph(size * 1.3f, 3, new Chunk(m.title() + ": ", fonts.bold(size)),
                    new Chunk(r.verdict().label() + ". ", fonts.bold(size, verdictColour(r.verdict()))),
                    new Chunk(r.text(), fonts.regular(size))));
            any = true;
        }
        if (!any) {
            out.add(Blocks.paragraph("No target is set for these measures.", fonts.regular(size, Palette.MUTED), 2));
        }
        // Every measure not charted on the A3 (a Pareto of reasons may take the second chart's place).
        List<MeasureReport> rest = measures.subList(headline(measures).size(), measures.size());
        if (!rest.isEmpty()) {
            Paragraph also = new Paragraph(size * 1.3f);
            also.setFont(fonts.regular(size));
            also.add(new Chunk("Also tracked: ", fonts.bold(size)));
            for (int i = 0; i < rest.size(); i++) {
                also.add(Blocks.link(rest.get(i).title(), fonts.regular(size, Palette.NHS_BLUE),
                        PackPlan.destination(rest.get(i))));
                if (i < rest.size() - 1) {
                    also.add(new Chunk(" · ", fonts.regular(size)));
                }
            }
            also.setSpacingBefore(3);
            out.add(also);
        }
        return out;
    }

    private static Color verdictColour(Reachability.Verdict verdict) {
        return switch (verdict) {
            case ON_TRACK -> Palette.BLUE_TEXT;
            case AT_RISK -> Palette.MUTED;
            case NOT_REACHABLE -> Palette.ORANGE_TEXT;
            case NOT_ASSESSED, LIMITS_OUT_OF_DATE -> Palette.MUTED;
        };
    }

    /** Plan and actual for each month of the financial year, the actual shaded by whether it met the plan. */
    private static PdfPTable bowling(PackDocument doc, MeasureReport m, FinancialYear year, YearMonth period,
            float width, float size) {
        PdfFonts fonts = doc.fonts();
        ValueFormat values = ValueFormat.of(m.unit(), m.chart());
        NavigableMap<YearMonth, Double> actuals = MonthlyActuals.of(m);
        float[] widths = new float[13];
        widths[0] = 42;
        for (int i = 1; i < 13; i++) {
            widths[i] = (width - 42) / 12;
        }
        PdfPTable table = Blocks.table(width, widths);
        // The measure's name over the whole table, then the months: both are headers of its columns.
        table.setHeaderRows(2);
        float cellSize = size - 1.2f;
        // Twelve months in half a page: a percentage's cells show the number, its name says "%".
        boolean percent = m.unit().percentage();
        PdfPCell name = Blocks.cell(new Phrase(Blocks.link(m.title() + (percent ? " (%)" : ""),
                fonts.bold(size - 0.4f), PackPlan.destination(m))));
        name.setColspan(13);
        name.setBorder(PdfPCell.NO_BORDER);
        name.setPaddingLeft(0);
        table.addCell(name);
        table.addCell(Blocks.header("", fonts, cellSize));
        for (YearMonth month : year.months()) {
            PdfPCell h = Blocks.headerNumber(Dates.monthName(month), fonts, cellSize);
            h.setPaddingLeft(1);
            h.setPaddingRight(1.5f);
            table.addCell(h);
        }
        table.addCell(Blocks.cell("Plan", fonts.regular(cellSize, Palette.MUTED)));
        for (YearMonth month : year.months()) {
            Double plan = m.trajectory().get(month);
            table.addCell(tight(Blocks.number(plan == null ? "" : bowling(values, plan), fonts.regular(cellSize))));
        }
        table.addCell(Blocks.cell("Actual", fonts.regular(cellSize, Palette.MUTED)));
        for (YearMonth month : year.months()) {
            Double actual = month.isAfter(period) ? null : actuals.get(month);
            Double plan = m.trajectory().get(month);
            if (actual == null) {
                table.addCell(tight(Blocks.number("", fonts.regular(cellSize))));
                continue;
            }
            Boolean met = plan == null || m.improvement() == Improvement.NEUTRAL ? null
                    : m.improvement() == Improvement.INCREASE ? actual >= plan : actual <= plan;
            PdfPCell cell = tight(Blocks.number(bowling(values, actual), Boolean.FALSE.equals(met)
                    ? fonts.bold(cellSize) : fonts.regular(cellSize)));
            if (met != null) {
                cell.setBackgroundColor(met ? Palette.BLUE_TINT : Palette.ORANGE_TINT);
            }
            table.addCell(cell);
        }
        return table;
    }

    /** A value in a bowling chart's cell: brief, and a percentage without its sign (the row's name has it). */
    private static String bowling(ValueFormat values, double value) {
        String text = values.brief(value);
        return text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
    }

    private static PdfPCell tight(PdfPCell cell) {
        cell.setPaddingLeft(1);
        cell.setPaddingRight(1.5f);
        return cell;
    }
}
