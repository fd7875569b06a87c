package kpo.reports.pages;

import com.lowagie.text.Chunk;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kpo.reports.MeasureReport;
import kpo.reports.Rebase;
import kpo.reports.SmallNumbers;
import kpo.reports.format.ChartNames;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;
import kpo.reports.icons.MdcIcons;
import kpo.reports.narrative.Proposal;
import kpo.reports.pdf.Blocks;
import kpo.reports.pdf.PackDocument;
import kpo.reports.pdf.PdfFonts;
import kpo.reports.period.FinancialYear;
import kpo.reports.style.Marks;
import kpo.reports.style.Palette;
import kpo.spc.AssuranceIcon;
import kpo.spc.ChartSpec;
import kpo.spc.PointType;
import kpo.spc.RebaseProposal;
import kpo.spc.RuleSet;
import kpo.spc.VariationIcon;

/**
 * The methodology: how to read the charts (marks, lines, icons), which chart types and rule sets
 * this pack used and for how many measures, the rules themselves with the lengths in force, the
 * assurance, rebasing, financial-year and narrative conventions, and the data currency.
 */
final class MethodologyPage {

    static final String DESTINATION = "section:method";

    private MethodologyPage() {
    }

    static void render(PackDocument doc, PackPlan plan) {
        PdfFonts fonts = doc.fonts();
        Pages.start(doc, plan, "Methodology", DESTINATION, "Methodology");
        doc.add(Blocks.paragraph("Charts follow NHS England's Making Data Count (MDC) guidance: statistical process "
                + "control separates common cause variation (the noise of a stable process) from special cause "
                + "variation (a signal that something has changed). Every number, signal and icon comes from the "
                + "KPO SPC engine, which reproduces NHSRplotthedots 0.2.2 and qicharts2 0.8.1 exactly.",
                fonts.regular(8.5f), 4));

        doc.add(Blocks.heading("Reading a chart", fonts, 10));
        float[] widths = {22, 160, 22, 180, 22, 364};
        PdfPTable legend = Blocks.table(SummaryPage.sum(widths), widths);
        List<Object[]> items = new ArrayList<>();
        for (PointType type : PointType.values()) {
            items.add(new Object[] {Art.mark(doc, type, 11), Marks.label(type)});
        }
        items.add(new Object[] {line(doc, Palette.BLACK, null), "Mean (median on run and G charts)"});
        items.add(new Object[] {line(doc, Palette.GREY_LINE, new float[] {3, 2}), "Process limits (about 3σ)"});
        items.add(new Object[] {line(doc, Palette.RED, new float[] {2.5f, 1.5f}), "Target"});
        items.add(new Object[] {line(doc, Palette.PURPLE, new float[] {4, 1.5f, 1, 1.5f}), "Plan (trajectory)"});
        items.add(new Object[] {line(doc, Palette.PURPLE, new float[] {4, 2}), "Centre line of a phase with "
                + "non-random runs (Anhøj rules)"});
        items.add(new Object[] {null, "A solid vertical line is a rebase, labelled with its reason; numbered "
                + "dotted lines are PDSA cycles and other changes, listed under the chart."});
        for (int i = 0; i < items.size(); i += 3) {
            for (int j = i; j < i + 3; j++) {
                if (j < items.size()) {
                    Object[] item = items.get(j);
                    legend.addCell(item[0] == null ? Blocks.cell("", fonts.regular(8))
                            : Blocks.cell(new Phrase(Blocks.inline((PdfTemplate) item[0], 2))));
                    legend.addCell(Blocks.cell((String) item[1], fonts.regular(8)));
                } else {
                    legend.addCell(Blocks.cell("", fonts.regular(8)));
                    legend.addCell(Blocks.cell("", fonts.regular(8)));
                }
            }
        }
        doc.add(legend);

        doc.keepSpace(120);
        doc.add(Blocks.heading("Icons", fonts, 10));
        float[] iconWidths = {22, 110, 253, 22, 110, 253};
        PdfPTable icons = Blocks.table(SummaryPage.sum(iconWidths), iconWidths);
        VariationIcon[] variation = VariationIcon.values();
        AssuranceIcon[] assurance = AssuranceIcon.values();
        for (int i = 0; i < variation.length; i++) {
            icons.addCell(Blocks.cell(new Phrase(Blocks.inline(Art.icon(doc, variation[i], 16), 4))));
            icons.addCell(Blocks.cell(MdcIcons.label(variation[i]), fonts.bold(8)));
            icons.addCell(Blocks.cell(MdcIcons.meaning(variation[i]), fonts.regular(7.8f)));
            if (i < assurance.length) {
                icons.addCell(Blocks.cell(new Phrase(Blocks.inline(Art.icon(doc, assurance[i], 16), 4))));
                icons.addCell(Blocks.cell(MdcIcons.label(assurance[i]), fonts.bold(8)));
                icons.addCell(Blocks.cell(MdcIcons.meaning(assurance[i]), fonts.regular(7.8f)));
            } else {
                for (int k = 0; k < 3; k++) {
                    icons.addCell(Blocks.cell("", fonts.regular(8)));
                }
            }
        }
        doc.add(icons);

        doc.keepSpace(100);
        doc.add(Blocks.heading("Charts and rules in this pack", fonts, 10));
        Map<String, List<MeasureReport>> byChart = new LinkedHashMap<>();
        for (MeasureReport m : plan.measures()) {
            ChartSpec spec = m.chart().spec();
            byChart.computeIfAbsent(spec.chart().name() + "|" + spec.rules().name(), k -> new ArrayList<>()).add(m);
        }
        float[] chartWidths = {110, 170, 60, 430};
        PdfPTable charts = Blocks.table(SummaryPage.sum(chartWidths), chartWidths);
        charts.setHeaderRows(1);
        charts.addCell(Blocks.header("Chart", fonts, 7.5f));
        charts.addCell(Blocks.header("Rules", fonts, 7.5f));
        charts.addCell(Blocks.headerNumber("Measures (N)", fonts, 7.5f));
        charts.addCell(Blocks.header("What it is for; limits", fonts, 7.5f));
        for (List<MeasureReport> group : byChart.values()) {
            ChartSpec spec = group.get(0).chart().spec();
            charts.addCell(Blocks.cell(ChartNames.of(spec.chart()), fonts.regular(8)));
            charts.addCell(Blocks.cell(ChartNames.of(spec.rules()), fonts.regular(8)));
            charts.addCell(Blocks.number(String.valueOf(group.size()), fonts.bold(8)));
            charts.addCell(Blocks.cell(ChartNames.purpose(spec.chart()), fonts.regular(7.8f)));
        }
        doc.add(charts);

        doc.keepSpace(120);
        doc.add(Blocks.heading("Rules", fonts, 10));
        TreeSet<RuleSet> ruleSets = new TreeSet<>();
        plan.measures().forEach(m -> ruleSets.add(m.chart().spec().rules()));
        for (RuleSet rules : ruleSets) {
            List<ChartSpec> specs = plan.measures().stream().map(m -> m.chart().spec())
                    .filter(s -> s.rules() == rules).toList();
            com.lowagie.text.Paragraph name = Blocks.paragraph(8.5f * 1.3f, 1, new Chunk(ChartNames.of(rules) + ", "
                    + specs.size() + (specs.size() == 1 ? " measure" : " measures"), fonts.bold(8.5f)));
            name.setSpacingBefore(4);
            doc.add(name);
            for (String rule : rules(rules, specs)) {
                doc.add(Blocks.paragraph("•  " + rule, fonts.regular(8.2f), 0.5f));
            }
        }

        rebaseRegister(doc, plan);
        proposedRebases(doc, plan);
        definitions(doc, plan);

        FinancialYear year = FinancialYear.of(plan.pack().period());
        doc.keepSpace(100);
        doc.add(Blocks.heading("Conventions", fonts, 10));
        for (String note : List.of(
                "Variation icon: from the latest point with a value. Assurance icon: the target against the latest "
                        + "phase's process limits; under MDC rules a target exactly on a limit counts (target ≥ "
                        + "upper limit or ≤ lower limit), under the others it is hit and miss.",
                "Rebasing: a phase starts at the first point on or after its rebase date; each phase has its own "
                        + "centre and limits, and no rule looks across a rebase. Frozen baselines compute the limits "
                        + "from the first points of the phase and extend them.",
                "Periods follow the NHS financial year (April–March). Year to date (" + year.label() + ", April to "
                        + Dates.month(plan.pack().period()) + ") is shown only for measures that add up over time; "
                        + "a weekly measure's month is the sum of its weeks, a rate's month pools numerators and "
                        + "denominators, and a snapshot's month is its last value.",
                restatements(plan),
                suppression(plan),
                "The text beside each chart and the description under it are written by the engine from the "
                        + "chart's signals. They describe what the data did; they make no forecast and name no cause.",
                "Data currency: data to " + Dates.longDay(plan.pack().dataTo()) + ", reporting period "
                        + Dates.month(plan.pack().period()) + " (month " + year.monthNumber(plan.pack().period())
                        + " of " + year.label() + "). No date in this pack is taken from the day it was produced.")) {
            doc.add(Blocks.paragraph("•  " + note, fonts.regular(8.2f), 2));
        }
        if (!plan.comparisons().isEmpty()) {
            doc.add(Blocks.paragraph("•  Funnel plots (Spiegelhalter 2005) compare units on one measure: each "
                    + "unit's value over a span (a year of counts, or a waiting list's month-end snapshot) against "
                    + "all units together, with 95% and 99.8% limits from the binomial (proportions) or Poisson "
                    + "(rates) spread at the unit's size. A unit beyond the 99.8% limits differs by more than chance "
                    + "explains, and only then is it called worse or better; chance alone puts about 1 unit in 20 "
                    + "beyond the 95% limits. Where units vary more than chance would make them (φ above 1, tested "
                    + "against χ²), the page says so, and the limits allow for it only where the config asks "
                    + "(compare_overdispersion).", fonts.regular(8.2f), 2));
        }
    }

    /**
     * Every rebase of the pack's measures with its reason and who agreed it: a rebase resets what the
     * board is told is normal, so the register lets anyone check that each one was agreed.
     */
    private static void rebaseRegister(PackDocument doc, PackPlan plan) {
        PdfFonts fonts = doc.fonts();
        doc.keepSpace(80);
        doc.add(Blocks.heading("Rebase register", fonts, 10));
        List<Object[]> rows = new ArrayList<>();
        for (MeasureReport m : plan.measures()) {
            for (Rebase r : m.rebases().stream().sorted((a, b) -> a.date().compareTo(b.date())).toList()) {
                rows.add(new Object[] {m, r});
            }
        }
        if (rows.isEmpty()) {
            doc.add(Blocks.paragraph("No measure in this pack has been rebased: each chart's limits come from all "
                    + "its points.", fonts.regular(8.2f), 2));
            return;
        }
        doc.add(Blocks.paragraph("Each rebase starts a new phase with its own centre and limits. A rebase is made "
                + "only when a change to the process is known and agreed; these are all of this pack's.",
                fonts.regular(8.2f), 3));
        float[] widths = {220, 70, 300, 180};
        PdfPTable table = Blocks.table(SummaryPage.sum(widths), widths);
        table.setHeaderRows(1);
        for (String h : new String[] {"Measure", "From", "Reason", "Agreed by"}) {
            table.addCell(Blocks.header(h, fonts, 7.5f));
        }
        for (Object[] row : rows) {
            MeasureReport m = (MeasureReport) row[0];
            Rebase r = (Rebase) row[1];
            table.addCell(Blocks.cell(new Phrase(Blocks.link(m.title(), fonts.regular(8), PackPlan.destination(m)))));
            table.addCell(Blocks.cell(Dates.day(r.date()), fonts.regular(8)));
            table.addCell(Blocks.cell(r.reason(), fonts.regular(8)));
            table.addCell(Blocks.cell(r.agreedBy().isEmpty() ? "not recorded" : r.agreedBy(),
                    r.agreedBy().isEmpty() ? fonts.regular(8, Palette.ORANGE_TEXT) : fonts.regular(8)));
        }
        doc.add(table);
    }

    /**
     * The rebases the engine proposes, each for its owner to agree: a chart whose latest phase's limits
     * are out of date gives no assurance until it is rebased, and only the register above rebases it.
     */
    private static void proposedRebases(PackDocument doc, PackPlan plan) {
        List<MeasureReport> proposed = plan.measures().stream().filter(m -> m.chart().limitsOutOfDate()).toList();
        if (proposed.isEmpty()) {
            return;
        }
        PdfFonts fonts = doc.fonts();
        doc.keepSpace(80);
        doc.add(Blocks.heading("Rebases proposed for agreement", fonts, 10));
        doc.add(Blocks.paragraph("A sustained shift or trend runs to the latest point of these charts, so their limits "
                + "describe the process before the change and their assurance is not assessable. The engine proposes "
                + "a new phase from the run's first point; it changes no chart until the measure's owner agrees it "
                + "and the rebase is recorded in the config with its reason and who agreed.", fonts.regular(8.2f), 3));
        float[] widths = {220, 80, 260, 210};
        PdfPTable table = Blocks.table(SummaryPage.sum(widths), widths);
        table.setHeaderRows(1);
        for (String h : new String[] {"Measure", "From", "The new phase", "It would read"}) {
            table.addCell(Blocks.header(h, fonts, 7.5f));
        }
        for (MeasureReport m : proposed) {
            RebaseProposal p = m.chart().proposal();
            ValueFormat values = ValueFormat.of(m.unit(), m.chart());
            table.addCell(Blocks.cell(new Phrase(Blocks.link(m.title(), fonts.regular(8), PackPlan.destination(m)))));
            table.addCell(Blocks.cell(Dates.day(p.from()), fonts.regular(8)));
            table.addCell(Blocks.cell(Proposal.what(p).substring(2) + " since " + Proposal.from(m) + "; centre "
                    + values.format(p.centre()) + (Double.isNaN(p.upperLimit()) ? "" : ", limits "
                            + values.range(p.lowerLimit(), p.upperLimit())) + ", " + p.points() + " points",
                    fonts.regular(8)));
            table.addCell(Blocks.cell(MdcIcons.label(p.variation()) + (m.chart().spec().hasTarget()
                    ? "; " + MdcIcons.label(p.assurance()) : ""), fonts.regular(8)));
        }
        doc.add(table);
    }

    /**
     * Every measure's definition in one place: a measure's page prints its own beside the chart where
     * there is room at the body size, and this table always.
     */
    private static void definitions(PackDocument doc, PackPlan plan) {
        List<MeasureReport> defined = plan.measures().stream().filter(m -> !m.definition().isBlank()).toList();
        if (defined.isEmpty()) {
            return;
        }
        PdfFonts fonts = doc.fonts();
        doc.keepSpace(80);
        doc.add(Blocks.heading("Definitions of the measures", fonts, 10));
        float[] widths = {240, 530};
        PdfPTable table = Blocks.table(SummaryPage.sum(widths), widths);
        table.setHeaderRows(1);
        table.addCell(Blocks.header("Measure", fonts, 9));
        table.addCell(Blocks.header("Definition", fonts, 9));
        for (MeasureReport m : defined) {
            table.addCell(Blocks.cell(new Phrase(Blocks.link(m.title(), fonts.regular(9), PackPlan.destination(m)))));
            table.addCell(Blocks.cell(m.definition(), fonts.regular(9)));
        }
        doc.add(table);
    }

    private static String restatements(PackPlan plan) {
        return plan.pack().vintage() == null
                ? "Restatements: no earlier pack's series was stored, so \"what changed\" compares with this month's "
                        + "data cut at last month's end, and values corrected since last month cannot be seen."
                : "Restatements: each month's series is stored when its pack is published; this pack is compared "
                        + "with the " + Dates.month(plan.pack().vintage()) + " pack's, and any earlier value that "
                        + "differs (corrected, validated or late data) is listed under its chart and in \"what "
                        + "changed\".";
    }

    private static String suppression(PackPlan plan) {
        SmallNumbers small = plan.pack().smallNumbers();
        return small.on()
                ? "Small numbers: " + small.describe() + " (and rates whose numerator or denominator is such a count) "
                        + "are shown as *, and charts of measures with any such value are not drawn, so that no "
                        + "patient can be identified. Zero is shown."
                : "Small numbers: not suppressed in this pack (for internal use); counts of 1–7 must be suppressed "
                        + "before the figures are published.";
    }

    /** The rules of {@code rules} as applied to {@code specs}, with the shift and trend lengths in force. */
    static List<String> rules(RuleSet rules, List<ChartSpec> specs) {
        String shifts = lengths(specs, true);
        String trends = lengths(specs, false);
        return switch (rules) {
            case MDC, PTD -> List.of(
                    "A point beyond a process limit.",
                    "A shift: " + shifts + " or more consecutive points on one side of the mean (a point on the mean "
                            + "ends it).",
                    "A trend: " + trends + " or more consecutive points each higher (or each lower) than the one "
                            + "before.",
                    "Two of three consecutive points beyond two sigma on the same side (close to a limit)"
                            + (rules == RuleSet.MDC ? ", points beyond three sigma included." : ", beyond three "
                                    + "sigma not counted."),
                    rules == RuleSet.MDC ? "Improvement wins: a point that is both improvement and concern is shown "
                            + "as improvement." : "One label per point, in the order above.");
            case ANHOEJ -> List.of(
                    "A point beyond the 3σ process limits (control charts).",
                    "An unusually long run: the longest run of points on one side of the centre line is longer than "
                            + "round(log₂ n) + 3, where n is the number of useful points.",
                    "Too few crossings: the series crosses the centre line fewer times than qbinom(0.05, n − 1, 0.5).",
                    "Points on the centre line are not counted; either runs signal means non-random variation in "
                            + "the phase (Anhøj & Olesen 2014).");
            case IHI -> List.of("A shift of " + shifts + " points on one side of the median; a trend of " + trends
                    + " points; too few or too many runs; an astronomical point beyond the limits.");
            case WE -> List.of("One point beyond 3σ; 2 of 3 beyond 2σ on one side; 4 of 5 beyond 1σ on one side; "
                    + "8 in a row on one side (Western Electric, 1956).");
            case NELSON -> List.of("Nelson's eight tests (1984): beyond 3σ; 9 on one side; 6 rising or falling; 14 "
                    + "alternating; 2 of 3 beyond 2σ; 4 of 5 beyond 1σ; 15 within 1σ; 8 beyond 1σ.");
        };
    }

    private static String lengths(List<ChartSpec> specs, boolean shift) {
        TreeSet<Integer> values = new TreeSet<>();
        for (ChartSpec spec : specs) {
            int length = shift ? spec.shiftLength() : spec.trendLength();
            if (length > 0) {
                values.add(length);
            }
        }
        if (values.isEmpty()) {
            return "–";
        }
        List<String> text = values.stream().map(String::valueOf).toList();
        return text.size() == 1 ? text.get(0) : String.join(" or ", text);
    }

    private static PdfTemplate line(PackDocument doc, Color colour, float[] dash) {
        String key = "line:" + colour.getRGB() + ":" + java.util.Arrays.toString(dash);
        return doc.shared(key, 18, 8, (g, w, h) -> {
            g.setColor(colour);
            g.setStroke(dash == null ? new BasicStroke(1.1f) : new BasicStroke(1.1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, dash, 0f));
            g.draw(new Line2D.Double(0, h / 2, w, h / 2));
        });
    }
}
