package kpo.reports.pages;

import com.lowagie.text.pdf.PdfOutline;
import java.util.ArrayList;
import java.util.List;
import kpo.reports.BoardPack;
import kpo.reports.Commitment;
import kpo.reports.MeasureReport;
import kpo.reports.format.Dates;
import kpo.reports.page.PageModel;
import kpo.reports.pdf.PackDocument;

/**
 * Writes a pack, page by page, in the order a board reads it: cover, summary matrix, what changed,
 * the A3 of each commitment, the improvement portfolio and a page per event, a page per measure, the funnel plots comparing units, small multiples, the reconciliation (trust pack),
 * the data-quality appendix and the methodology.
 */
public final class PackRenderer {

    private PackRenderer() {
    }

    /** The PDF of {@code plan}. */
    public static byte[] render(PackPlan plan) {
        return renderBoth(plan).pdf();
    }

    /**
     * The PDF of {@code plan}, the page model its layout recorded (for the HTML pack), and the first
     * words of any text a page had no room for (none, when every layout measures right).
     */
    public record Rendered(byte[] pdf, PageModel model, List<String> cut) {
    }

    /** The PDF and the page model of {@code plan}, from one layout. */
    public static Rendered renderBoth(PackPlan plan) {
        BoardPack pack = plan.pack();
        String month = Dates.month(pack.period());
        String name = plan.trustPack() ? "Board pack" : plan.csu() + " CSU pack";
        PackDocument doc = PackDocument.open(new PackDocument.Info(
                pack.trust().name() + ": " + (plan.trustPack() ? "board pack" : plan.csu() + " CSU pack") + ", "
                        + month,
                "Monthly improvement and performance report: Making Data Count charts, A3 commitments, data quality",
                pack.trust().name(),
                "board pack, SPC, Making Data Count, KPO, " + pack.trust().code() + ", " + pack.period(),
                pack.trust().name() + "  ·  " + name + "  ·  " + month,
                "Data to " + Dates.day(pack.dataTo()) + "  ·  KPO analytics engine",
                pack.period().plusMonths(1).atDay(1)));

        List<CoverPage.Section> sections = new ArrayList<>();
        sections.add(new CoverPage.Section("Executive summary", ExecutiveSummaryPage.DESTINATION));
        sections.add(new CoverPage.Section("Summary: commitments and measures", SummaryPage.DESTINATION));
        sections.add(new CoverPage.Section("What changed since last month", ChangesPage.DESTINATION));
        if (!plan.a3s().isEmpty()) {
            sections.add(new CoverPage.Section(plan.trustPack() ? "Annual commitments (A3s)" : "Local A3s",
                    A3Page.DESTINATION));
        }
        if (!plan.events().isEmpty()) {
            sections.add(new CoverPage.Section("Improvement portfolio and events", PortfolioPage.DESTINATION));
        }
        if (!plan.measures().isEmpty()) {
            sections.add(new CoverPage.Section("Measures, one page each", "section:measures"));
        }
        if (!plan.comparisons().isEmpty()) {
            sections.add(new CoverPage.Section(ComparisonPage.SECTION + ": funnel plots", ComparisonPage.DESTINATION));
        }
        if (!plan.multiples().isEmpty()) {
            sections.add(new CoverPage.Section(plan.trustPack() ? "CSUs at a glance" : "Specialties at a glance",
                    SmallMultiplesPage.DESTINATION));
        }
        if (plan.trustPack()) {
            sections.add(new CoverPage.Section("Reconciliation with published returns",
                    ReconciliationPage.DESTINATION));
        }
        sections.add(new CoverPage.Section("Data quality", DataQualityPage.DESTINATION));
        sections.add(new CoverPage.Section("Methodology", MethodologyPage.DESTINATION));

        CoverPage.render(doc, plan, sections);
        doc.bookmark(null, "Cover", "section:cover", false);
        ExecutiveSummaryPage.render(doc, plan);
        SummaryPage.render(doc, plan);
        ChangesPage.render(doc, plan);
        if (!plan.a3s().isEmpty()) {
            PdfOutline a3s = null;
            for (Commitment commitment : plan.a3s()) {
                a3s = A3Page.render(doc, plan, commitment, a3s);
            }
        }
        if (!plan.events().isEmpty()) {
            PdfOutline events = PortfolioPage.render(doc, plan);
            for (kpo.reports.ImprovementEvent event : plan.events()) {
                EventPage.render(doc, plan, event, events);
            }
        }
        PdfOutline measures = plan.measures().isEmpty() ? null
                : doc.bookmark(null, "Measures", "section:measures", false);
        boolean first = true;
        for (MeasureReport measure : plan.measures()) {
            MeasurePage.render(doc, plan, measure, measures);
            if (first) {
                doc.destination("section:measures", doc.top());
                first = false;
            }
        }
        if (!plan.comparisons().isEmpty()) {
            ComparisonPage.render(doc, plan);
        }
        if (!plan.multiples().isEmpty()) {
            SmallMultiplesPage.render(doc, plan);
        }
        if (plan.trustPack()) {
            ReconciliationPage.render(doc, plan);
        }
        DataQualityPage.render(doc, plan);
        MethodologyPage.render(doc, plan);
        byte[] pdf = doc.finish();
        return new Rendered(pdf, doc.model(), doc.cut());
    }
}
