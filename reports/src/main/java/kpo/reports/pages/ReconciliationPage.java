package kpo.reports.pages;

import com.lowagie.text.Chunk;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import kpo.reports.Reconciliation;
import kpo.reports.ReconciliationItem;
import kpo.reports.ReconciliationRow;
import kpo.reports.SmallNumbers;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;
import kpo.reports.pdf.Blocks;
import kpo.reports.pdf.PackDocument;
import kpo.reports.pdf.PdfFonts;
import kpo.reports.style.Palette;

/**
 * The engine's figures beside the trust's published returns for the same month, with the difference
 * taken apart: rows rejected at ingest, definitions, timing, and whatever is left unexplained (shown,
 * never hidden). Then the comparison line by line.
 */
final class ReconciliationPage {

    static final String DESTINATION = "section:reconciliation";

    private ReconciliationPage() {
    }

    static void render(PackDocument doc, PackPlan plan) {
        PdfFonts fonts = doc.fonts();
        Pages.start(doc, plan, "Reconciliation", DESTINATION, "Reconciliation with published returns");
        doc.add(Blocks.paragraph("The engine counts from the trust's own extracts after validation; NHS England "
                + "publishes what the trust submitted. They should differ only for reasons we can name: rows the "
                + "engine rejected (listed in the data-quality appendix), definitions, and timing.", fonts.regular(9),
                6));
        if (plan.pack().reconciliations().isEmpty()) {
            // Said, not skipped: a board should see that the figures were not checked against the return.
            doc.add(Blocks.paragraph("No published return was configured for this pack, so this month's figures "
                    + "have not been set beside NHS England's. Give the month's RTT provider file (incomplete "
                    + "pathways by treatment function) to reconcile the waiting list.", fonts.bold(9,
                    Palette.ORANGE_TEXT), 4));
            return;
        }
        boolean first = true;
        for (Reconciliation r : plan.pack().reconciliations()) {
            if (!first) {
                doc.add(Blocks.paragraph(" ", fonts.regular(6), 0));
            }
            first = false;
            reconciliation(doc, r, plan.pack().smallNumbers());
        }
    }

    /**
     * The engine's count as printed: "*" when small-number suppression hides it. The published
     * figure is NHS England's, already public, and is shown; a difference beside a hidden engine
     * count would give it back, so it is hidden with it.
     */
    private static String engine(long count, SmallNumbers small) {
        return small.hides(count) ? SmallNumbers.SYMBOL : ValueFormat.count(count);
    }

    private static String difference(long engine, long difference, SmallNumbers small) {
        return small.hides(engine) ? SmallNumbers.SYMBOL : ValueFormat.signedCount(difference);
    }

    private static void reconciliation(PackDocument doc, Reconciliation r, SmallNumbers small) {
        PdfFonts fonts = doc.fonts();
        doc.keepSpace(160);
        doc.add(Blocks.heading(r.title() + ", " + Dates.month(r.month()), fonts, 11));
        if (!r.engineDefinition().isEmpty()) {
            doc.add(Blocks.paragraph(2 + 8.5f * 1.25f, 1, new Chunk("Engine: ", fonts.bold(8.5f)),
                    new Chunk(r.engineDefinition(), fonts.regular(8.5f))));
        }
        doc.add(Blocks.paragraph(2 + 8.5f * 1.25f, 4, new Chunk("Published: ", fonts.bold(8.5f)),
                new Chunk(r.publishedSource(), fonts.regular(8.5f))));

        PdfPTable totals = Blocks.table(470, 300, 100, 70);
        totals.setHeaderRows(1);
        totals.addCell(Blocks.header("", fonts, 8));
        totals.addCell(Blocks.headerNumber("Pathways", fonts, 8));
        totals.addCell(Blocks.headerNumber("", fonts, 8));
        totals.addCell(Blocks.cell("Engine", fonts.regular(9)));
        totals.addCell(Blocks.number(engine(r.engineTotal(), small), fonts.bold(9)));
        totals.addCell(Blocks.cell("", fonts.regular(9)));
        totals.addCell(Blocks.cell("Published return", fonts.regular(9)));
        totals.addCell(Blocks.number(ValueFormat.count(r.publishedTotal()), fonts.bold(9)));
        totals.addCell(Blocks.cell("", fonts.regular(9)));
        totals.addCell(Blocks.cell("Difference (published − engine)", fonts.bold(9)));
        totals.addCell(Blocks.number(difference(r.engineTotal(), r.difference(), small), fonts.bold(9)));
        totals.addCell(Blocks.number(r.engineTotal() == 0 || small.hides(r.engineTotal()) ? "" : ValueFormat.percent(
                (double) r.difference() / r.engineTotal(), 2), fonts.regular(8, Palette.MUTED)));
        for (ReconciliationItem item : r.explanations()) {
            PdfPCell reason = Blocks.cell(new com.lowagie.text.Phrase());
            reason.getPhrase().add(new Chunk("   " + item.cause().label() + ": ", fonts.regular(8.5f, Palette.MUTED)));
            reason.getPhrase().add(new Chunk(item.explanation(), fonts.regular(8.5f)));
            totals.addCell(reason);
            totals.addCell(Blocks.number(ValueFormat.signedCount(item.count()), fonts.regular(8.5f)));
            totals.addCell(Blocks.cell("", fonts.regular(8.5f)));
        }
        long unexplained = r.unexplained();
        totals.addCell(Blocks.cell("Unexplained", fonts.bold(9, unexplained == 0 ? Palette.TEXT : Palette.ORANGE_TEXT)));
        totals.addCell(Blocks.number(difference(r.engineTotal(), unexplained, small), fonts.bold(9, unexplained == 0
                ? Palette.TEXT : Palette.ORANGE_TEXT)));
        totals.addCell(Blocks.cell("", fonts.regular(9)));
        doc.add(totals);
        if (unexplained != 0) {
            doc.add(Blocks.paragraph("The unexplained difference needs investigating before the figures are "
                    + "relied on.", fonts.bold(8.5f, Palette.ORANGE_TEXT), 4));
        }
        if (r.rows().isEmpty()) {
            return;
        }
        PdfPTable rows = Blocks.table(600, 60, 300, 80, 80, 80);
        rows.setHeaderRows(1);
        rows.addCell(Blocks.header("Code", fonts, 8));
        rows.addCell(Blocks.header("Treatment function", fonts, 8));
        rows.addCell(Blocks.headerNumber("Engine", fonts, 8));
        rows.addCell(Blocks.headerNumber("Published", fonts, 8));
        rows.addCell(Blocks.headerNumber("Difference", fonts, 8));
        for (ReconciliationRow row : r.rows()) {
            rows.addCell(Blocks.cell(row.code(), fonts.regular(8.5f)));
            rows.addCell(Blocks.cell(row.name(), fonts.regular(8.5f)));
            rows.addCell(Blocks.number(engine(row.engine(), small), fonts.regular(8.5f)));
            rows.addCell(Blocks.number(ValueFormat.count(row.published()), fonts.regular(8.5f)));
            rows.addCell(Blocks.number(difference(row.engine(), row.difference(), small), fonts.regular(8.5f)));
        }
        rows.addCell(Blocks.cell("", fonts.bold(8.5f)));
        rows.addCell(Blocks.cell("Total", fonts.bold(8.5f)));
        rows.addCell(Blocks.number(ValueFormat.count(r.rows().stream().mapToLong(ReconciliationRow::engine).sum()),
                fonts.bold(8.5f)));
        rows.addCell(Blocks.number(ValueFormat.count(r.rows().stream().mapToLong(ReconciliationRow::published).sum()),
                fonts.bold(8.5f)));
        rows.addCell(Blocks.number(ValueFormat.signedCount(r.rows().stream().mapToLong(ReconciliationRow::difference)
                .sum()), fonts.bold(8.5f)));
        doc.add(rows);
    }
}
