package kpo.reports.pages;

import com.lowagie.text.Chunk;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.util.List;
import kpo.reports.Ask;
import kpo.reports.format.Dates;
import kpo.reports.narrative.ExecutiveSummary;
import kpo.reports.pdf.Blocks;
import kpo.reports.pdf.PackDocument;
import kpo.reports.pdf.PdfFonts;
import kpo.reports.style.Palette;

/**
 * The page after the cover: what changed the picture this month, ranked and in plain words, each
 * linked to its page ({@link ExecutiveSummary}), then what the board is asked to note or decide
 * (the config's {@code asks}). A measure that needs attention and has no owner commentary says so.
 */
final class ExecutiveSummaryPage {

    static final String DESTINATION = "section:executive";
    private static final float[] WIDTHS = {110, 560, 36};

    private ExecutiveSummaryPage() {
    }

    static void render(PackDocument doc, PackPlan plan) {
        PdfFonts fonts = doc.fonts();
        Pages.start(doc, plan, "Executive summary", DESTINATION, "Executive summary");
        ExecutiveSummary summary = ExecutiveSummary.of(plan.measures(), plan.pack().commitments(),
                plan.pack().smallNumbers());
        String month = Dates.month(plan.pack().period());
        if (summary.items().isEmpty()) {
            doc.add(Blocks.paragraph("Nothing changed the picture in " + month + ": no measure shows special cause "
                    + "concern, a failing target, stale data or a missed plan, and no improvement is new.",
                    fonts.regular(10), 8));
        } else {
            doc.add(Blocks.paragraph("What changed the picture in " + month + ", most serious first: concerns, "
                    + "targets the process will not meet, stale data, plans missed, limits that no longer describe "
                    + "the process, then new improvement. Select an item to go to its chart.", fonts.regular(10), 6));
            PdfPTable table = Blocks.table(SummaryPage.sum(WIDTHS), WIDTHS);
            table.setHeaderRows(1);
            table.addCell(Blocks.header("What", fonts, 8));
            table.addCell(Blocks.header("In plain words", fonts, 8));
            table.addCell(Blocks.headerNumber("Page", fonts, 8));
            for (ExecutiveSummary.Item item : summary.items()) {
                Color colour = colour(item.kind());
                PdfPCell kind = Blocks.cell(item.kind().label(), fonts.bold(9, Palette.text(colour)));
                Blocks.flag(kind, colour);
                table.addCell(kind);
                String destination = PackPlan.destination(item.measure());
                Phrase words = new Phrase(Blocks.link(item.text(), fonts.regular(9.5f), destination));
                if (item.noCommentary()) {
                    words.add(new Chunk("  No commentary from the owner this month.", fonts.bold(9, Palette.ORANGE_TEXT)));
                }
                table.addCell(Blocks.cell(words));
                table.addCell(Pages.pageCell(doc, destination, item.measure().title(), 9));
            }
            doc.add(table);
            if (summary.more() > 0) {
                doc.add(Blocks.paragraph("And " + summary.more() + " more: the summary page lists every measure.",
                        fonts.regular(9, Palette.MUTED), 4));
            }
        }
        List<kpo.reports.narrative.EventText.Due> due = kpo.reports.narrative.EventText.dueThisMonth(plan.pack(),
                plan.events());
        if (!due.isEmpty()) {
            doc.keepSpace(60);
            doc.add(Blocks.heading("Improvement events: re-measures due in " + month, fonts, 12));
            for (kpo.reports.narrative.EventText.Due d : due) {
                // Each links to its event's page, as every other item here links to its measure's.
                com.lowagie.text.Paragraph line = new com.lowagie.text.Paragraph(new Phrase(Blocks.link(d.sentence(),
                        fonts.regular(10), EventPage.destination(d.event()))));
                line.setSpacingAfter(3);
                doc.add(line);
            }
        }
        doc.keepSpace(80);
        doc.add(Blocks.heading("The board is asked to", fonts, 12));
        if (plan.pack().asks().isEmpty()) {
            doc.add(Blocks.paragraph("Note this report. No decision is asked of the board this month.",
                    fonts.regular(10), 4));
            return;
        }
        for (Ask ask : plan.pack().asks()) {
            Phrase line = new Phrase(new Chunk((ask.decision() ? "Decide: " : "Note: "), fonts.bold(10)));
            if (ask.measureId() != null && plan.measures().stream().anyMatch(m -> m.id().equals(ask.measureId()))) {
                line.add(Blocks.link(ask.text(), fonts.regular(10), PackPlan.destination(plan.pack()
                        .measure(ask.measureId()))));
            } else {
                line.add(new Chunk(ask.text(), fonts.regular(10)));
            }
            com.lowagie.text.Paragraph paragraph = new com.lowagie.text.Paragraph(line);
            paragraph.setSpacingAfter(4);
            doc.add(paragraph);
        }
    }

    private static Color colour(ExecutiveSummary.Kind kind) {
        return switch (kind) {
            case NEW_CONCERN, FAILING, CONCERN -> Palette.ORANGE;
            case STALE, BEHIND_PLAN, LIMITS_OUT_OF_DATE -> Palette.MUTED;
            case IMPROVEMENT -> Palette.BLUE_TEXT;
        };
    }
}
