package kpo.reports.pages;

import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.util.List;
import kpo.reports.format.Dates;
import kpo.reports.narrative.Change;
import kpo.reports.narrative.Changes;
import kpo.reports.pdf.Blocks;
import kpo.reports.pdf.PackDocument;
import kpo.reports.pdf.PdfFonts;
import kpo.reports.style.Palette;

/**
 * What changed since last month: new special causes, icon transitions, assurance changes, restated
 * values, stale data and new rebases, most serious first, each linked to its measure's page. The
 * comparison is with the stored series of the latest earlier pack when there is one
 * ({@code BoardPack.vintage()}), else with this month's data cut at last month's end.
 */
final class ChangesPage {

    static final String DESTINATION = "section:changes";
    private static final float[] WIDTHS = {70, 220, 96, 348, 36};

    private ChangesPage() {
    }

    static void render(PackDocument doc, PackPlan plan) {
        PdfFonts fonts = doc.fonts();
        Pages.start(doc, plan, "What changed", DESTINATION, "What changed since last month");
        boolean anyPrevious = plan.measures().stream().anyMatch(m -> m.previous() != null);
        String lastMonth = Dates.month(plan.pack().period().minusMonths(1));
        if (!anyPrevious) {
            doc.add(Blocks.paragraph("There are no charts from " + lastMonth + " to compare with: this is the first "
                    + "pack, or last month's results were not kept.", fonts.regular(9), 4));
            return;
        }
        List<Change> changes = Changes.of(plan.measures(), plan.pack().smallNumbers());
        String against = plan.pack().vintage() == null
                ? "the same measures as they stood at the end of " + lastMonth + " (recomputed from this month's "
                        + "data: no earlier pack was stored, so restated values cannot be seen)"
                : "the same measures as the " + Dates.month(plan.pack().vintage()) + " pack showed them (its stored "
                        + "series), so values restated since then are listed";
        doc.add(Blocks.paragraph("This month's charts compared with " + against + ": " + changes.size()
                + (changes.size() == 1 ? " change" : " changes")
                + ", most serious first. A new special cause is a point that is new this month, or that the rules "
                + "now flag because a run has grown.", fonts.regular(9), 6));
        if (changes.isEmpty()) {
            doc.add(Blocks.paragraph("Nothing changed.", fonts.regular(9), 0));
            return;
        }
        PdfPTable table = Blocks.table(SummaryPage.sum(WIDTHS), WIDTHS);
        table.setHeaderRows(1);
        for (String h : new String[] {"Level", "Measure", "What", "Change"}) {
            table.addCell(Blocks.header(h, fonts, 7.5f));
        }
        table.addCell(Blocks.headerNumber("Page", fonts, 7.5f));
        Change.Level level = null;
        for (Change change : changes) {
            if (change.level() != level) {
                level = change.level();
                long count = changes.stream().filter(c -> c.level() == change.level()).count();
                table.addCell(Blocks.group(new Phrase(change.level().label() + " (" + count + ")",
                        fonts.bold(8.5f, Palette.text(colour(change.level())))), WIDTHS.length, Palette.BAND));
            }
            PdfPCell levelCell = Blocks.cell(change.level().label(), fonts.bold(7.5f, Palette.text(colour(change.level()))));
            Blocks.flag(levelCell, colour(change.level()));
            table.addCell(levelCell);
            String destination = PackPlan.destination(change.measure());
            table.addCell(Blocks.cell(new Phrase(Blocks.link(change.measure().title(), fonts.regular(8),
                    destination))));
            table.addCell(Blocks.cell(change.kind().label(), fonts.regular(7.5f, Palette.MUTED)));
            table.addCell(Blocks.cell(change.text(), fonts.regular(8)));
            table.addCell(Pages.pageCell(doc, destination, change.measure().title(), 8));
        }
        doc.add(table);
    }

    static Color colour(Change.Level level) {
        return switch (level) {
            case CONCERN -> Palette.ORANGE;
            case WATCH -> Palette.PURPLE;
            case INFORMATION -> Palette.MUTED;
            case GOOD_NEWS -> Palette.BLUE_TEXT;
        };
    }
}
