package kpo.reports.pages;

import com.lowagie.text.pdf.PdfPTable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import kpo.reports.DataQualityRating;
import kpo.reports.MeasureReport;
import kpo.reports.RejectCount;
import kpo.reports.RowRule;
import kpo.reports.SourceQuality;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;
import kpo.reports.narrative.Narrative;
import kpo.reports.pdf.Blocks;
import kpo.reports.pdf.PackDocument;
import kpo.reports.pdf.PdfFonts;
import kpo.reports.period.Frequency;
import kpo.reports.style.Palette;
import kpo.spc.ChartPoint;

/**
 * The data-quality appendix: for each source, rows read, accepted and rejected (read = accepted +
 * rejected, always), the reject rate, how current it is and which periods are missing; the rejected
 * rows by reason; and each measure's data-quality rating and currency.
 */
final class DataQualityPage {

    static final String DESTINATION = "section:quality";
    private static final List<DataQualityRating> WORST_FIRST = List.of(DataQualityRating.POOR,
            DataQualityRating.LIMITED, DataQualityRating.NOT_RATED, DataQualityRating.REASONABLE,
            DataQualityRating.GOOD);

    private DataQualityPage() {
    }

    static void render(PackDocument doc, PackPlan plan) {
        PdfFonts fonts = doc.fonts();
        Pages.start(doc, plan, "Data quality", DESTINATION, "Data-quality appendix");
        List<SourceQuality> sources = plan.pack().dataQuality();
        doc.add(Blocks.paragraph("Every row read from each source was either accepted or rejected with a reason; "
                + "nothing was dropped silently, so for every source rows read = accepted + rejected. Data to "
                + Dates.day(plan.pack().dataTo()) + ".", fonts.regular(9), 6));
        if (sources.isEmpty()) {
            doc.add(Blocks.paragraph("No source summaries were supplied with this pack.", fonts.regular(9,
                    Palette.MUTED), 6));
        } else {
            float[] widths = {150, 118, 58, 58, 58, 52, 72, 132, 72};
            PdfPTable table = Blocks.table(SummaryPage.sum(widths), widths);
            table.setHeaderRows(1);
            table.addCell(Blocks.header("Source", fonts, 7.5f));
            table.addCell(Blocks.header("File", fonts, 7.5f));
            for (String h : new String[] {"Rows read", "Accepted", "Rejected", "Reject rate"}) {
                table.addCell(Blocks.headerNumber(h, fonts, 7.5f));
            }
            for (String h : new String[] {"Latest data", "Missing periods", "Status"}) {
                table.addCell(Blocks.header(h, fonts, 7.5f));
            }
            for (SourceQuality s : sources) {
                table.addCell(Blocks.cell(s.source(), fonts.regular(8)));
                table.addCell(Blocks.cell(s.file(), fonts.regular(7.5f, Palette.MUTED)));
                table.addCell(Blocks.number(ValueFormat.count(s.read()), fonts.regular(8)));
                table.addCell(Blocks.number(ValueFormat.count(s.accepted()), fonts.regular(8)));
                table.addCell(Blocks.number(ValueFormat.count(s.rejectedRows()), fonts.regular(8)));
                table.addCell(Blocks.number(ValueFormat.percent(s.rejectRate(), 2), fonts.regular(8)));
                table.addCell(Blocks.cell(s.latestPeriod() == null ? "none" : Dates.day(s.latestPeriod()),
                        fonts.regular(8)));
                table.addCell(Blocks.cell(s.missingPeriods().isEmpty() ? "none" : periods(s.missingPeriods()),
                        s.missingPeriods().isEmpty() ? fonts.regular(8) : fonts.bold(8, Palette.ORANGE_TEXT)));
                table.addCell(Blocks.cell(s.stale() ? "Stale" : "Current", s.stale() ? fonts.bold(8, Palette.ORANGE_TEXT)
                        : fonts.regular(8)));
            }
            doc.add(table);

            doc.keepSpace(80);
            doc.add(Blocks.heading("Rejected rows by reason", fonts, 10));
            float[] reasonWidths = {170, 160, 300, 70, 70};
            PdfPTable reasons = Blocks.table(SummaryPage.sum(reasonWidths), reasonWidths);
            reasons.setHeaderRows(1);
            for (String h : new String[] {"Source", "Reason code", "Reason"}) {
                reasons.addCell(Blocks.header(h, fonts, 7.5f));
            }
            reasons.addCell(Blocks.headerNumber("Rows", fonts, 7.5f));
            reasons.addCell(Blocks.headerNumber("Of rows read", fonts, 7.5f));
            boolean any = false;
            for (SourceQuality s : sources) {
                for (RejectCount r : s.rejected()) {
                    any = true;
                    reasons.addCell(Blocks.cell(s.source(), fonts.regular(8)));
                    reasons.addCell(Blocks.cell(r.reason(), fonts.regular(7.5f, Palette.MUTED)));
                    reasons.addCell(Blocks.cell(r.description(), fonts.regular(8)));
                    reasons.addCell(Blocks.number(ValueFormat.count(r.rows()), fonts.regular(8)));
                    reasons.addCell(Blocks.number(s.read() == 0 ? "" : ValueFormat.percent((double) r.rows()
                            / s.read(), 2), fonts.regular(8)));
                }
            }
            if (any) {
                doc.add(reasons);
            } else {
                doc.add(Blocks.paragraph("No rows were rejected.", fonts.regular(9), 6));
            }
        }

        if (sources.stream().anyMatch(s -> !s.rules().isEmpty())) {
            doc.keepSpace(80);
            doc.add(Blocks.heading("The rules every row is checked against", fonts, 10));
            doc.add(Blocks.paragraph("In the order they run: the first a row fails is the reason it is rejected.",
                    fonts.regular(8, Palette.MUTED), 4));
            float[] ruleWidths = {150, 130, 330, 160};
            PdfPTable rules = Blocks.table(SummaryPage.sum(ruleWidths), ruleWidths);
            rules.setHeaderRows(1);
            for (String h : new String[] {"Source", "Column", "Rule", "Reason code"}) {
                rules.addCell(Blocks.header(h, fonts, 7.5f));
            }
            for (SourceQuality s : sources) {
                for (RowRule r : s.rules()) {
                    rules.addCell(Blocks.cell(s.source(), fonts.regular(8)));
                    rules.addCell(Blocks.cell(r.column(), fonts.regular(8)));
                    rules.addCell(Blocks.cell(r.rule(), fonts.regular(8)));
                    rules.addCell(Blocks.cell(r.reason(), fonts.regular(7.5f, Palette.MUTED)));
                }
            }
            doc.add(rules);
        }

        doc.keepSpace(80);
        doc.add(Blocks.heading("Data quality of each measure", fonts, 10));
        float[] widths = {230, 200, 70, 270};
        PdfPTable measures = Blocks.table(SummaryPage.sum(widths), widths);
        measures.setHeaderRows(1);
        for (String h : new String[] {"Measure", "Owner", "Rating", "Currency"}) {
            measures.addCell(Blocks.header(h, fonts, 7.5f));
        }
        List<MeasureReport> sorted = plan.measures().stream()
                .sorted(Comparator.comparing((MeasureReport m) -> !m.stale())
                        .thenComparing(m -> WORST_FIRST.indexOf(m.dataQuality())))
                .toList();
        for (MeasureReport m : sorted) {
            measures.addCell(Blocks.cell(new com.lowagie.text.Phrase(Blocks.link(m.title(), fonts.regular(8),
                    PackPlan.destination(m)))));
            measures.addCell(Blocks.cell(m.owner(), fonts.regular(7.5f, Palette.MUTED)));
            measures.addCell(Blocks.cell(m.dataQuality().label(), fonts.regular(8)));
            LocalDate latest = Narrative.latestPeriod(m.chart());
            Frequency frequency = Frequency.ofPoints(m.chart().points());
            String currency = (m.stale() ? "Stale: " : "") + (latest == null ? "no data" : "latest value "
                    + Dates.period(latest, frequency));
            measures.addCell(Blocks.cell(currency, m.stale() ? fonts.bold(8, Palette.ORANGE_TEXT) : fonts.regular(8)));
        }
        doc.add(measures);
        doc.add(Blocks.paragraph("Ratings: " + String.join("; ", java.util.Arrays.stream(DataQualityRating.values())
                .map(r -> r.label() + ", " + r.meaning()).toList()) + ".", fonts.regular(7.5f, Palette.MUTED), 0));
    }

    /** Months as {@code Sep 2025}, other dates as days. */
    private static String periods(List<LocalDate> dates) {
        return String.join(", ", dates.stream().map(d -> d.getDayOfMonth() == 1 ? Dates.shortMonth(YearMonth.from(d))
                : Dates.day(d)).toList());
    }
}
