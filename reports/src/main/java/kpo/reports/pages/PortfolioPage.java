package kpo.reports.pages;

import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import kpo.reports.Commitment;
import kpo.reports.ImprovementEvent;
import kpo.reports.format.Dates;
import kpo.reports.narrative.EventText;
import kpo.reports.pdf.Blocks;
import kpo.reports.pdf.PackDocument;
import kpo.reports.pdf.PdfFonts;
import kpo.reports.style.Palette;

/**
 * The improvement portfolio: under each commitment, its CSU A3s and every improvement event that
 * serves it, with the event's kind, week and status and whether its measures held at 90 days. The
 * board sees in one table what the KPO ran for each commitment and what lasted.
 */
final class PortfolioPage {

    static final String DESTINATION = "section:portfolio";
    private static final float[] WIDTHS = {240, 140, 100, 120, 170};

    private PortfolioPage() {
    }

    /** Renders the page; returns the bookmark the event pages go under. */
    static PdfOutline render(PackDocument doc, PackPlan plan) {
        PdfFonts fonts = doc.fonts();
        PdfOutline section = Pages.start(doc, plan, EventPage.SECTION, DESTINATION,
                "Improvement portfolio: events and A3s by commitment");
        doc.add(Blocks.paragraph("Every improvement event (RPIW, kaizen, 5S, value stream analysis, project) and "
                + "CSU A3 under the commitment it serves. An event's measures are re-measured 30, 60 and 90 days "
                + "after it; \"held\" means the 90-day re-measure meets the event's target (or, with none, is better "
                + "than before). Select an event for its page.", fonts.regular(9.5f), 6));
        PdfPTable table = Blocks.table(SummaryPage.sum(WIDTHS), WIDTHS);
        table.setHeaderRows(1);
        table.addCell(Blocks.header("Commitment, A3 or event", fonts, 9));
        table.addCell(Blocks.header("Kind", fonts, 9));
        table.addCell(Blocks.header("When", fonts, 9));
        table.addCell(Blocks.header("Status", fonts, 9));
        table.addCell(Blocks.header("Held at 90 days", fonts, 9));
        for (Commitment c : commitments(plan)) {
            PdfPCell name = Blocks.group(new Phrase(plan.a3s().contains(c) ? Blocks.link(c.id() + " " + c.title(),
                    fonts.bold(9.5f), PackPlan.destination(c)) : new com.lowagie.text.Chunk(c.id() + " " + c.title(),
                    fonts.bold(9.5f))), WIDTHS.length, Palette.BAND);
            table.addCell(name);
            for (Commitment a3 : a3s(plan)) {
                if (c.id().equals(a3.alignedTo())) {
                    table.addCell(Blocks.cell(new Phrase(plan.a3s().contains(a3) ? Blocks.link("  " + a3.id() + " "
                            + a3.title(), fonts.regular(9), PackPlan.destination(a3))
                            : new com.lowagie.text.Chunk("  " + a3.id() + " " + a3.title(), fonts.regular(9)))));
                    table.addCell(Blocks.cell("CSU A3: " + a3.csu(), fonts.regular(9)));
                    table.addCell(Blocks.cell("", fonts.regular(9)));
                    long done = a3.countermeasures().stream().filter(k -> k.status()
                            == kpo.reports.Countermeasure.Status.DONE).count();
                    table.addCell(Blocks.cell(a3.countermeasures().isEmpty() ? "" : done + " of "
                            + a3.countermeasures().size() + " countermeasures done", fonts.regular(9)));
                    table.addCell(Blocks.cell("", fonts.regular(9)));
                }
            }
            for (ImprovementEvent e : plan.events()) {
                if (e.commitmentId().equals(c.id())) {
                    table.addCell(Blocks.cell(new Phrase(Blocks.link("  " + e.id() + " " + e.title(), fonts.regular(9),
                            EventPage.destination(e)))));
                    table.addCell(Blocks.cell(e.type().label(), fonts.regular(9)));
                    table.addCell(Blocks.cell("week of " + Dates.day(e.date()), fonts.regular(9)));
                    table.addCell(Blocks.cell(e.status().label(), fonts.regular(9)));
                    ImprovementEvent.Held held = e.held();
                    PdfPCell cell = Blocks.cell(EventText.held(e), held == ImprovementEvent.Held.HELD
                            ? fonts.bold(9, Palette.BLUE_TEXT) : held == ImprovementEvent.Held.NOT_HELD
                                    ? fonts.bold(9, Palette.ORANGE_TEXT) : fonts.regular(9));
                    Color flag = held == ImprovementEvent.Held.HELD ? Palette.BLUE
                            : held == ImprovementEvent.Held.NOT_HELD ? Palette.ORANGE : null;
                    if (flag != null) {
                        Blocks.flag(cell, flag);
                    }
                    table.addCell(cell);
                }
            }
        }
        doc.add(table);
        return section;
    }

    /** The CSU A3s the page lists: every one in the trust pack, a CSU's own in its pack. */
    private static List<Commitment> a3s(PackPlan plan) {
        return plan.trustPack() ? plan.pack().commitments().stream().filter(Commitment::local).toList() : plan.a3s();
    }

    /** The trust commitments with an event or a listed A3 under them, in the pack's order. */
    private static List<Commitment> commitments(PackPlan plan) {
        List<Commitment> out = new ArrayList<>();
        for (Commitment c : plan.pack().trustCommitments()) {
            boolean events = plan.events().stream().anyMatch(e -> e.commitmentId().equals(c.id()));
            boolean a3s = a3s(plan).stream().anyMatch(a -> c.id().equals(a.alignedTo()));
            if (events || a3s) {
                out.add(c);
            }
        }
        return out;
    }
}
