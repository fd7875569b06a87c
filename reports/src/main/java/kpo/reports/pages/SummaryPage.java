package kpo.reports.pages;

import com.lowagie.text.Chunk;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import java.time.LocalDate;
import java.util.List;
import kpo.reports.Commitment;
import kpo.reports.MeasureReport;
import kpo.reports.charts.Sparkline;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;
import kpo.reports.icons.MdcIcons;
import kpo.reports.narrative.Attention;
import kpo.reports.narrative.MonthlyActuals;
import kpo.reports.narrative.Narrative;
import kpo.reports.pdf.Blocks;
import kpo.reports.pdf.PackDocument;
import kpo.reports.pdf.PdfFonts;
import kpo.reports.period.FinancialYear;
import kpo.reports.period.Frequency;
import kpo.reports.style.Palette;
import kpo.spc.AssuranceIcon;
import kpo.spc.ChartPoint;
import kpo.spc.VariationIcon;

/**
 * The summary matrix: every commitment and under it its measures, each with its latest value,
 * target, variation and assurance icons (vectors, with their words), a sparkline, the financial
 * year to date where the measure sums, and the page of its chart. Within a commitment the measures
 * needing attention come first, and their rows carry an orange rule, so concerns stand out. Every
 * row links to its measure's page; every commitment heading to its A3.
 */
final class SummaryPage {

    static final String DESTINATION = "section:summary";
    private static final float[] WIDTHS = {208, 92, 72, 112, 118, 80, 52, 36};

    private SummaryPage() {
    }

    static void render(PackDocument doc, PackPlan plan) {
        PdfFonts fonts = doc.fonts();
        Pages.start(doc, plan, "Summary", DESTINATION, plan.a3s().isEmpty() ? "Summary: measures"
                : "Summary: commitments and measures");
        long attention = plan.measures().stream().filter(m -> Attention.of(m).needsAttention()).count();
        int a3s = plan.a3s().size();
        long domains = plan.groups().stream().filter(g -> g.domain() != null).count();
        String scope = a3s > 0 ? " under " + a3s + (plan.trustPack() ? (a3s == 1 ? " annual commitment"
                : " annual commitments") : (a3s == 1 ? " local A3" : " local A3s"))
                : domains > 0 ? " in " + domains + (domains == 1 ? " domain" : " domains") : "";
        doc.add(Blocks.paragraph(plan.measures().size() + " measures" + scope + "; " + attention
                + (attention == 1 ? " needs" : " need") + " attention (marked in orange). Within each "
                + (a3s > 0 ? "commitment" : "group") + " the most urgent come first: special cause concern, a failing target, stale data, hit and miss. "
                + "Select a measure to go to its chart.", fonts.regular(9), 4));
        doc.add(key(doc));

        FinancialYear year = FinancialYear.of(plan.pack().period());
        PdfPTable table = Blocks.table(sum(WIDTHS), WIDTHS);
        table.setHeaderRows(1);
        float size = 7.5f;
        for (String h : new String[] {"Measure", "Latest", "Target", "Variation", "Assurance", "Recent points"}) {
            table.addCell(Blocks.header(h, fonts, size));
        }
        table.addCell(Blocks.headerNumber("YTD " + year.label(), fonts, size));
        table.addCell(Blocks.headerNumber("Page", fonts, size));
        for (PackPlan.Group group : plan.groups()) {
            table.addCell(groupCell(doc, plan, group));
            for (MeasureReport measure : group.measures()) {
                row(doc, plan, table, measure);
            }
        }
        doc.add(table);
    }

    private static PdfPCell groupCell(PackDocument doc, PackPlan plan, PackPlan.Group group) {
        PdfFonts fonts = doc.fonts();
        Phrase phrase = new Phrase();
        Commitment c = group.commitment();
        long attention = group.measures().stream().filter(m -> Attention.of(m).needsAttention()).count();
        String counts = group.measures().size() + (group.measures().size() == 1 ? " measure" : " measures")
                + (attention > 0 ? ", " + attention + " needing attention" : "");
        if (c == null) {
            boolean onlyGroup = group.domain() == null && plan.groups().size() == 1;
            phrase.add(new Chunk(group.domain() != null ? group.domain() : onlyGroup ? "Measures" : "Other measures",
                    fonts.bold(9)));
            phrase.add(new Chunk("   " + counts, fonts.regular(7.5f, Palette.MUTED)));
        } else {
            phrase.add(Blocks.link(c.id() + " · " + c.title(), fonts.bold(9), PackPlan.destination(c)));
            phrase.add(new Chunk("   Sponsor: " + c.executiveSponsor() + " · " + counts,
                    fonts.regular(7.5f, Palette.MUTED)));
        }
        return Blocks.group(phrase, WIDTHS.length, Palette.BAND);
    }

    private static void row(PackDocument doc, PackPlan plan, PdfPTable table, MeasureReport m) {
        PdfFonts fonts = doc.fonts();
        ValueFormat values = ValueFormat.of(m.unit(), m.chart());
        Attention attention = Attention.of(m);
        String destination = PackPlan.destination(m);

        Phrase name = new Phrase();
        name.add(Blocks.link(m.title(), attention.needsAttention() ? fonts.bold(8.5f) : fonts.regular(8.5f),
                destination));
        String where = m.csu() == null ? "Trust-wide" : m.csu() + (m.specialty() == null ? "" : " · " + m.specialty());
        name.add(new Chunk("\n" + where + (m.stale() ? " · stale data" : ""), fonts.regular(7,
                m.stale() ? Palette.ORANGE_TEXT : Palette.MUTED)));
        PdfPCell nameCell = Blocks.cell(name);
        nameCell.setLeading(0, 1.15f);
        if (attention.needsAttention()) {
            Blocks.flag(nameCell, Palette.ORANGE);
        }
        table.addCell(nameCell);

        LocalDate latestPeriod = Narrative.latestPeriod(m.chart());
        Frequency frequency = Frequency.ofPoints(m.chart().points());
        Phrase latest = new Phrase();
        if (latestPeriod == null) {
            latest.add(new Chunk("No data", fonts.regular(8.5f, Palette.MUTED)));
        } else {
            ChartPoint point = Narrative.latestPoint(m.chart());
            latest.add(new Chunk(Pages.value(m, point, values), fonts.bold(8.5f)));
            latest.add(new Chunk("\n" + Dates.period(latestPeriod, frequency), fonts.regular(7, Palette.MUTED)));
        }
        PdfPCell latestCell = Blocks.cell(latest);
        latestCell.setLeading(0, 1.15f);
        table.addCell(latestCell);

        Phrase target = new Phrase();
        if (m.hasTarget()) {
            target.add(new Chunk(values.format(m.target()), fonts.regular(8.5f)));
            if (m.targetDate() != null) {
                target.add(new Chunk("\nby " + Dates.day(m.targetDate()), fonts.regular(7, Palette.MUTED)));
            }
        } else {
            target.add(new Chunk("–", fonts.regular(8.5f, Palette.MUTED)));
        }
        PdfPCell targetCell = Blocks.cell(target);
        targetCell.setLeading(0, 1.15f);
        table.addCell(targetCell);

        VariationIcon variation = m.chart().variation();
        table.addCell(iconCell(doc, Art.icon(doc, variation, 17), MdcIcons.label(variation),
                variation == VariationIcon.CONCERN_HIGH || variation == VariationIcon.CONCERN_LOW));
        table.addCell(iconCell(doc, Art.icon(doc, m.chart().assurance(), 17), MdcIcons.label(m.chart().assurance()),
                m.chart().assurance() == AssuranceIcon.FAIL));

        if (m.suppressed()) {
            // A sparkline shows the values' shape, and with the latest value the small numbers themselves.
            table.addCell(Blocks.cell("not shown", fonts.regular(7, Palette.MUTED)));
        } else {
            PdfTemplate spark = doc.vector(76, 18, (g, w, h) -> Sparkline.draw(g, m.chart(), w, h, 24));
            table.addCell(Blocks.cell(new Phrase(Blocks.inline(spark, 5))));
        }

        MonthlyActuals.YearToDate ytd = MonthlyActuals.yearToDate(m, plan.pack().period());
        table.addCell(Blocks.number(ytd == null ? "–" : Pages.total(m, ytd.actual(), values, plan.pack().smallNumbers()),
                ytd == null ? fonts.regular(8.5f, Palette.MUTED) : fonts.regular(8.5f)));

        table.addCell(Pages.pageCell(doc, destination, m.title(), 8.5f));
    }

    private static PdfPCell iconCell(PackDocument doc, PdfTemplate icon, String label, boolean strong) {
        Phrase phrase = new Phrase();
        phrase.add(Blocks.inline(icon, 5));
        phrase.add(new Chunk("  " + label, strong ? doc.fonts().bold(7.5f) : doc.fonts().regular(7.5f)));
        return Blocks.cell(phrase);
    }

    /** One line that says what the icons mean. */
    private static Paragraph key(PackDocument doc) {
        PdfFonts fonts = doc.fonts();
        Paragraph key = new Paragraph(14);
        key.setFont(fonts.regular(7.5f));
        key.add(new Chunk("Variation  ", fonts.bold(7.5f)));
        for (VariationIcon v : List.of(VariationIcon.COMMON_CAUSE, VariationIcon.IMPROVEMENT_HIGH,
                VariationIcon.CONCERN_HIGH, VariationIcon.NEUTRAL_HIGH)) {
            key.add(Blocks.inline(Art.icon(doc, v, 12), 3));
            key.add(new Chunk(" " + MdcIcons.label(v).replace(" (high)", "") + "   ", fonts.regular(7.5f)));
        }
        key.add(new Chunk("  H/L: higher or lower values      Assurance  ", fonts.bold(7.5f)));
        for (AssuranceIcon a : List.of(AssuranceIcon.PASS, AssuranceIcon.FAIL, AssuranceIcon.HIT_AND_MISS,
                AssuranceIcon.NOT_ASSESSABLE)) {
            key.add(Blocks.inline(Art.icon(doc, a, 12), 3));
            key.add(new Chunk(" " + MdcIcons.label(a) + "   ", fonts.regular(7.5f)));
        }
        key.setSpacingAfter(4);
        return key;
    }

    static float sum(float[] widths) {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        return total;
    }
}
