package kpo.reports.pages;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kpo.reports.BoardPack;
import kpo.reports.MeasureReport;
import kpo.reports.SmallNumbers;
import kpo.reports.format.Dates;
import kpo.reports.icons.MdcIcons;
import kpo.reports.narrative.Attention;
import kpo.reports.pdf.Blocks;
import kpo.reports.pdf.PackDocument;
import kpo.reports.pdf.PdfFonts;
import kpo.reports.period.FinancialYear;
import kpo.reports.style.Palette;
import kpo.spc.AssuranceIcon;
import kpo.spc.VariationIcon;

/**
 * The cover: trust, pack, reporting period and its place in the financial year, data currency, the
 * month at a glance (how many measures show each icon), and the contents with page numbers. Every
 * date on it comes from the reporting period and the data-to date.
 */
final class CoverPage {

    private CoverPage() {
    }

    static void render(PackDocument doc, PackPlan plan, List<Section> sections) {
        BoardPack pack = plan.pack();
        PdfFonts fonts = doc.fonts();
        float width = PackDocument.PAGE.getWidth();
        float height = PackDocument.PAGE.getHeight();
        // The cover is page 1, which the running frame leaves bare.
        doc.newPage("Cover");
        doc.destination("section:cover", height - 20);

        doc.decoration(cb -> {
            cb.saveState();
            cb.setColorFill(Palette.NHS_BLUE);
            cb.rectangle(0, height - 170, width, 170);
            cb.fill();
            cb.restoreState();
        });
        float x = PackDocument.MARGIN;
        doc.line(pack.trust().name(), fonts.bold(18, Color.WHITE), x, height - 46, Element.ALIGN_LEFT);
        doc.line("Kaizen Promotion Office · " + pack.trust().code(), fonts.regular(11, Color.WHITE), x,
                height - 66, Element.ALIGN_LEFT);
        String title = plan.trustPack() ? "Board pack: improvement and performance"
                : plan.csu() + " CSU pack: improvement and performance";
        // A CSU's long name must not run off the page: the title shrinks to fit (26 pt down to 16).
        float size = 26;
        while (size > 16 && fonts.boldBase().getWidthPoint(title, size) > width - 2 * x) {
            size -= 0.5f;
        }
        doc.headingLine(1, title, fonts.bold(size, Color.WHITE), x, height - 112, Element.ALIGN_LEFT);
        doc.line(Dates.month(pack.period()), fonts.regular(18, Color.WHITE), x, height - 142,
                Element.ALIGN_LEFT);

        YearMonth period = pack.period();
        FinancialYear year = FinancialYear.of(period);
        List<Element> facts = new ArrayList<>();
        facts.add(Blocks.paragraph(11 * 1.3f, 3, new Chunk("Reporting period  ", fonts.bold(11)),
                new Chunk(Dates.longDay(period.atDay(1)) + " to " + Dates.longDay(period.atEndOfMonth())
                        + " (month " + year.monthNumber(period) + " of " + year.label() + ")", fonts.regular(11))));
        facts.add(Blocks.paragraph(11 * 1.3f, 3, new Chunk("Data to  ", fonts.bold(11)),
                new Chunk(Dates.longDay(pack.dataTo()), fonts.regular(11))));
        // Which edition this is, where no reader can miss it: a pack with small numbers shown must not be
        // published by mistake.
        facts.add(Blocks.paragraph(11 * 1.3f, 3, new Chunk("Edition  ", fonts.bold(11)),
                new Chunk(pack.smallNumbers().on() ? "for publication: counts of 1 to " + pack.smallNumbers().threshold()
                        + " are shown as " + SmallNumbers.SYMBOL : "for use within the trust: small numbers are shown, "
                        + "so not for publication", fonts.regular(11))));
        long local = plan.trustPack() ? pack.commitments().stream().filter(c -> c.local()).count() : 0;
        facts.add(Blocks.paragraph(11 * 1.3f, 12, new Chunk("Contents  ", fonts.bold(11)),
                new Chunk(plan.measures().size() + " measures · " + plan.a3s().size()
                        + (plan.trustPack() ? " annual commitments" : plan.a3s().size() == 1 ? " local A3"
                                : " local A3s")
                        + (local > 0 ? " · " + local + " CSU A3s in the CSU packs" : ""), fonts.regular(11))));
        long attention = plan.measures().stream().filter(m -> Attention.of(m).needsAttention()).count();
        facts.add(Blocks.heading("At a glance", fonts, 12));
        facts.add(Blocks.paragraph(attention + (attention == 1 ? " measure needs" : " measures need")
                + " attention this month (special cause concern, a failing target or stale data).", fonts.regular(10),
                6));
        float y = doc.column(x, height - 196, 400, 60, facts);
        glance(doc, plan.measures(), x, y - 4);

        contents(doc, sections, 470, height - 196);
        doc.column(x, 76, width - 2 * x, 30, List.of(Blocks.paragraph("Charts and icons follow NHS England's "
                + "Making Data Count guidance. Every figure is the trust's own data to " + Dates.longDay(pack.dataTo())
                + "; the methodology page at the end says how each chart and rule works.", fonts.regular(8.5f,
                        Palette.MUTED), 0)));
    }

    /** Two small tables: how many measures show each variation icon, and each assurance icon. */
    private static void glance(PackDocument doc, List<MeasureReport> measures, float x, float top) {
        PdfFonts fonts = doc.fonts();
        Map<VariationIcon, Integer> variation = new EnumMap<>(VariationIcon.class);
        Map<AssuranceIcon, Integer> assurance = new EnumMap<>(AssuranceIcon.class);
        for (MeasureReport m : measures) {
            variation.merge(m.chart().variation(), 1, Integer::sum);
            assurance.merge(m.chart().assurance(), 1, Integer::sum);
        }
        PdfPTable table = Blocks.table(400, 20, 138, 42, 20, 138, 42);
        table.setHeaderRows(1);
        for (String header : new String[] {"Variation", "Assurance"}) {
            PdfPCell name = Blocks.header(header, fonts, 8);
            name.setColspan(2);
            table.addCell(name);
            table.addCell(Blocks.headerNumber("Count", fonts, 8));
        }
        List<VariationIcon> vs = List.of(VariationIcon.CONCERN_HIGH, VariationIcon.CONCERN_LOW,
                VariationIcon.IMPROVEMENT_HIGH, VariationIcon.IMPROVEMENT_LOW, VariationIcon.NEUTRAL_HIGH,
                VariationIcon.NEUTRAL_LOW, VariationIcon.COMMON_CAUSE);
        List<AssuranceIcon> as = List.of(AssuranceIcon.FAIL, AssuranceIcon.HIT_AND_MISS, AssuranceIcon.PASS,
                AssuranceIcon.NOT_ASSESSABLE, AssuranceIcon.NONE);
        for (int row = 0; row < vs.size(); row++) {
            VariationIcon v = vs.get(row);
            table.addCell(iconCell(Blocks.inline(Art.icon(doc, v, 14), 3)));
            table.addCell(Blocks.cell(MdcIcons.label(v), fonts.regular(9)));
            table.addCell(Blocks.number(String.valueOf(variation.getOrDefault(v, 0)), fonts.bold(9)));
            if (row < as.size()) {
                AssuranceIcon a = as.get(row);
                table.addCell(iconCell(Blocks.inline(Art.icon(doc, a, 14), 3)));
                table.addCell(Blocks.cell(MdcIcons.label(a), fonts.regular(9)));
                table.addCell(Blocks.number(String.valueOf(assurance.getOrDefault(a, 0)), fonts.bold(9)));
            } else {
                for (int i = 0; i < 3; i++) {
                    PdfPCell blank = Blocks.cell("", fonts.regular(9));
                    blank.setBorder(Rectangle.NO_BORDER);
                    table.addCell(blank);
                }
            }
        }
        doc.table(table, x, top);
    }

    private static PdfPCell iconCell(Chunk icon) {
        PdfPCell cell = Blocks.cell(new Phrase(icon));
        cell.setPaddingLeft(0);
        return cell;
    }

    /** The contents: each section with its page, linked. */
    private static void contents(PackDocument doc, List<Section> sections, float x, float top) {
        PdfFonts fonts = doc.fonts();
        PdfPTable table = Blocks.table(336, 290, 46);
        table.setHeaderRows(1);
        PdfPCell heading = Blocks.cell(new Phrase("Contents", fonts.bold(12, Palette.NHS_BLUE)));
        heading.setColspan(2);
        heading.setBorderColor(Palette.NHS_BLUE);
        table.addCell(heading);
        for (Section section : sections) {
            table.addCell(Blocks.cell(new Phrase(Blocks.link(section.title(), fonts.regular(10.5f),
                    section.destination()))));
            Chunk number = Blocks.link(Blocks.inline(doc.pageRef(section.destination(), 30, 10.5f, Palette.TEXT),
                    2.5f), section.destination(), "Go to " + section.title());
            PdfPCell page = Blocks.cell(new Phrase(number));
            page.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(page);
        }
        doc.table(table, x, top);
    }

    /** A contents entry. */
    record Section(String title, String destination) {
    }
}
