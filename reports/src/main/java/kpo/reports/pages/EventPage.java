package kpo.reports.pages;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import kpo.reports.Commitment;
import kpo.reports.EventMeasure;
import kpo.reports.ImprovementEvent;
import kpo.reports.MeasureReport;
import kpo.reports.Remeasure;
import kpo.reports.charts.EventFigure;
import kpo.reports.charts.FigureStyle;
import kpo.reports.charts.SpcFigure;
import kpo.reports.narrative.ChartDescription;
import kpo.reports.narrative.EventText;
import kpo.reports.pdf.Blocks;
import kpo.reports.pdf.Heading;
import kpo.reports.pdf.PackDocument;
import kpo.reports.pdf.PdfFonts;
import kpo.reports.style.Palette;

/**
 * A page per improvement event: what it was, who ran it and where it stands, the team's report-out,
 * then for each measure it set out to move a table of before, target and the 30, 60 and 90-day
 * re-measures, the same as bars against the target, and the measure's chart with the event marked.
 */
final class EventPage {

    static final String SECTION = "Improvement events";
    /** The height of one measure's band: its table and bars beside its chart. */
    private static final float BAND = 196;
    private static final float LEFT_WIDTH = 360;
    private static final float GAP = 20;

    private EventPage() {
    }

    static String destination(ImprovementEvent e) {
        return "event:" + e.id();
    }

    static void render(PackDocument doc, PackPlan plan, ImprovementEvent e, PdfOutline parent) {
        doc.newPage(SECTION);
        doc.destination(destination(e), doc.top());
        doc.bookmark(parent, e.id() + ": " + e.title(), destination(e), false);
        PdfFonts fonts = doc.fonts();
        float left = doc.left();
        float width = doc.right() - left;
        List<Element> head = new ArrayList<>();
        head.add(new Heading(1, new Paragraph(17, e.id() + ": " + e.title(), fonts.bold(14.5f))));
        head.add(Blocks.paragraph(EventText.about(e), fonts.regular(9, Palette.MUTED), 1));
        Paragraph serves = new Paragraph(11);
        serves.add(new Chunk("Serves  ", fonts.bold(9)));
        for (Commitment c : served(plan, e)) {
            String text = c.id() + " " + c.title() + "   ";
            serves.add(plan.a3s().contains(c) ? Blocks.link(text, fonts.regular(9, Palette.NHS_BLUE),
                    PackPlan.destination(c)) : new Chunk(text, fonts.regular(9)));
        }
        serves.setSpacingAfter(3);
        head.add(serves);
        if (!e.reportOut().isEmpty()) {
            Paragraph out = new Paragraph(12);
            out.add(new Chunk("Report-out  ", fonts.bold(9.5f)));
            out.add(new Chunk(e.reportOut(), fonts.regular(9.5f)));
            out.setSpacingAfter(4);
            head.add(out);
        }
        if (!e.ran()) {
            head.add(Blocks.paragraph(e.status() == ImprovementEvent.Status.PLANNED
                    ? "Planned: its measures are re-measured 30, 60 and 90 days after it runs."
                    : "Abandoned: its measures are not re-measured.", fonts.regular(9.5f), 4));
        }
        float y = doc.column(left, doc.top() + 4, width, doc.bottom(), head) - 6;
        for (EventMeasure em : e.measures()) {
            if (y - BAND < doc.bottom()) {
                doc.newPage(SECTION);
                y = doc.column(left, doc.top() + 4, width, doc.bottom(), List.of(new Heading(1, new Paragraph(17,
                        e.id() + ": " + e.title() + " (continued)", fonts.bold(14.5f))))) - 6;
            }
            band(doc, plan, e, em, left, y);
            y -= BAND + 8;
        }
    }

    /** The trust commitment and the CSU A3 the event serves, those in the pack. */
    private static List<Commitment> served(PackPlan plan, ImprovementEvent e) {
        List<Commitment> out = new ArrayList<>();
        plan.pack().commitment(e.commitmentId()).ifPresent(out::add);
        if (e.a3Id() != null) {
            plan.pack().commitment(e.a3Id()).ifPresent(out::add);
        }
        return out;
    }

    private static void band(PackDocument doc, PackPlan plan, ImprovementEvent e, EventMeasure em, float x,
            float top) {
        PdfFonts fonts = doc.fonts();
        MeasureReport m = plan.pack().measure(em.measureId());
        List<Element> words = new ArrayList<>();
        Paragraph title = new Paragraph(12);
        title.add(plan.measures().contains(m) ? Blocks.link(m.title(), fonts.bold(10.5f, Palette.NHS_BLUE),
                PackPlan.destination(m)) : new Chunk(m.title(), fonts.bold(10.5f)));
        words.add(new Heading(2, title));
        PdfPTable table = Blocks.table(LEFT_WIDTH, 80, 70, 70, 70, 70);
        table.setHeaderRows(1);
        table.addCell(Blocks.header("Before", fonts, 9));
        table.addCell(Blocks.headerNumber("Target", fonts, 9));
        for (int days : kpo.reports.EventMeasures.DAYS) {
            table.addCell(Blocks.headerNumber(days + " days", fonts, 9));
        }
        table.addCell(Blocks.cell(EventText.value(m, em.baseline()), fonts.regular(9)));
        table.addCell(Blocks.number(em.hasTarget() ? EventText.value(m, em.target()) : "none set", fonts.regular(9)));
        for (int days : kpo.reports.EventMeasures.DAYS) {
            Remeasure r = em.remeasure(days);
            PdfPCell cell = Blocks.number(r == null ? "–" : EventText.cell(m, r), em.remeasure(days) != null
                    && em.held(r) ? fonts.bold(9) : fonts.regular(9));
            table.addCell(cell);
        }
        words.add(table);
        List<String> lines = new ArrayList<>();
        lines.add("Before: " + em.baselineBasis() + ".");
        for (Remeasure r : em.remeasures()) {
            if (r.state() != Remeasure.State.NOT_DUE) {
                lines.add(r.days() + " days (" + kpo.reports.format.Dates.day(r.due()) + "): "
                        + EventText.verdict(em, r) + ".");
            }
        }
        if (e.ran()) {
            // A rebase for the change makes it a new phase, judged by its own limits, not a signal.
            kpo.reports.Rebase rebase = m.rebases().stream().filter(r -> !r.date().isBefore(e.date())).findFirst()
                    .orElse(null);
            lines.add(em.improvementSinceEvent() ? "The chart shows special cause improvement since the event."
                    : rebase != null ? "The chart was rebased from " + kpo.reports.format.Dates.day(rebase.date())
                            + " (" + rebase.reason() + "): the change is a new phase with its own limits, and no "
                            + "special cause improvement shows within it."
                    : "The chart shows no special cause improvement since the event.");
        }
        words.add(Blocks.paragraph(String.join(" ", lines), fonts.regular(9), 2));
        float y = doc.column(x, top, LEFT_WIDTH, top - BAND, words);
        float barsHeight = Math.max(60, y - (top - BAND) - 2);
        var bars = EventFigure.of(m, em, FigureStyle.SMALL.size(LEFT_WIDTH, barsHeight));
        doc.figure(x, y - 2, LEFT_WIDTH, barsHeight, EventFigure.description(m, em),
                (g, w, h) -> bars.draw(g, new Rectangle2D.Double(0, 0, w, h)));
        float chartX = x + LEFT_WIDTH + GAP;
        float chartWidth = doc.right() - chartX;
        // The event marked on the chart, as on its measure's page, where it has happened.
        MeasureReport marked = e.status().happened() ? m.annotated(new kpo.reports.Annotation(e.date(), e.id() + ": " + e.title())) : m;
        var chart = SpcFigure.of(marked, FigureStyle.HEADLINE.size(chartWidth, BAND));
        doc.figure(chartX, top, chartWidth, BAND, ChartDescription.of(marked), ChartData.of(marked),
                (g, w, h) -> chart.draw(g, new Rectangle2D.Double(0, 0, w, h)));
    }
}
