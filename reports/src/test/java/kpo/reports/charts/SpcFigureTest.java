package kpo.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kpo.reports.MeasureReport;
import kpo.reports.Unit;
import kpo.reports.fixtures.FixturePack;
import kpo.reports.fixtures.ReferenceSeries;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Spc;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The chart itself: what its legend and markers carry, and that every chart type draws. */
class SpcFigureTest {

    private static List<String> legend(JFreeChart chart) {
        LegendItemCollection items = ((XYPlot) chart.getPlot()).getFixedLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        return labels;
    }

    @Test
    void theLegendNamesThePointTypesPresentThenTheLines() {
        JFreeChart chart = SpcFigure.of(FixturePack.trust().measure("wl_paeds"), FigureStyle.PAGE);
        assertEquals(List.of("Common cause", "Special cause: improvement", "Mean", "Process limits", "Plan (trajectory)",
                "Target"), legend(chart));
    }

    @Test
    void aRunChartWithARunsSignalShowsItsMedianAndLongestRun() {
        JFreeChart chart = SpcFigure.of(FixturePack.trust().measure("ae_admissions"), FigureStyle.PAGE);
        assertEquals(List.of("Longest run", "Common cause", "Median: non-random variation"), legend(chart));
        XYPlot plot = (XYPlot) chart.getPlot();
        assertEquals(1, plot.getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND).size(), "the longest run shaded");
    }

    @Test
    void phaseBreaksCarryTheirRebaseReasonAndAnnotationsTheirNumbers() {
        JFreeChart chart = SpcFigure.of(FixturePack.trust().measure("wl_paeds"), FigureStyle.PAGE);
        List<String> labels = ((XYPlot) chart.getPlot()).getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND)
                .stream().map(m -> ((org.jfree.chart.plot.Marker) m).getLabel()).toList();
        assertTrue(labels.contains("New level after validation and triage"), labels.toString());
        assertTrue(labels.containsAll(List.of("1", "2", "3")), labels.toString());
    }

    /**
     * Lead times in days, so scattered that the XmR lower limit falls below zero (mean 20, MR̄ 26.1,
     * LPL 20 − 2.66·26.1 = −49.5): the limit is drawn and labelled at 0 and the axis stops there; a
     * proportion's upper limit past 100% is drawn at 100%.
     */
    @Test
    void limitsPastANaturalBoundAreShownAtIt() {
        MeasureReport days = kpo.reports.fixtures.Series.measure("lead", Unit.DAYS, ChartSpec.of(ChartType.XMR),
                kpo.reports.fixtures.Series.monthly(java.time.LocalDate.of(2024, 4, 1), 5, 35, 8, 30, 4, 36, 10, 28,
                        6, 38)).build();
        assertTrue(days.chart().latest().lowerLimit() < -20, "the computed limit is below zero");
        XYPlot plot = (XYPlot) SpcFigure.of(days, FigureStyle.PAGE).getPlot();
        assertEquals(0, plot.getRangeAxis().getLowerBound(), 0);
        String range = kpo.reports.format.ValueFormat.of(Unit.DAYS, days.chart())
                .range(days.chart().latest().lowerLimit(), days.chart().latest().upperLimit());
        assertTrue(range.startsWith("0–89"), range);
        MeasureReport share = kpo.reports.fixtures.Series.measure("share", Unit.PROPORTION, ChartSpec.of(ChartType.XMR),
                kpo.reports.fixtures.Series.monthly(java.time.LocalDate.of(2024, 4, 1), 0.99, 0.80, 0.98, 0.82, 0.99,
                        0.81, 0.97, 0.83)).build();
        assertTrue(share.chart().latest().upperLimit() > 1, "the computed limit is past 100%");
        assertEquals(1, ((XYPlot) SpcFigure.of(share, FigureStyle.PAGE).getPlot()).getRangeAxis().getUpperBound(), 0);
    }

    /** Limits out of date: the proposed rebase's centre is drawn dotted, as a proposal, and no phase begins. */
    @Test
    void aProposedRebaseIsDrawnAsAProposalOnly() {
        MeasureReport moved = kpo.reports.fixtures.Series.measure("moved", Unit.COUNT, ChartSpec.of(ChartType.XMR)
                .improvement(kpo.spc.Improvement.DECREASE).target(80), kpo.reports.fixtures.Series.monthly(
                        java.time.LocalDate.of(2023, 1, 1), kpo.reports.fixtures.Series.concat(
                                kpo.reports.fixtures.Series.stable(20, 100, 2),
                                kpo.reports.fixtures.Series.stable(8, 60, 2)))).build();
        assertTrue(moved.chart().limitsOutOfDate());
        JFreeChart chart = SpcFigure.of(moved, FigureStyle.PAGE);
        assertTrue(legend(chart).contains("Proposed rebase: its mean (not agreed)"), legend(chart).toString());
        assertEquals(0, ((XYPlot) chart.getPlot()).getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND) == null ? 0
                : ((XYPlot) chart.getPlot()).getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND).size(),
                "no phase break");
        MeasureReport settled = kpo.reports.fixtures.Series.measure("settled", Unit.COUNT, ChartSpec.of(ChartType.XMR),
                kpo.reports.fixtures.Series.monthly(java.time.LocalDate.of(2023, 1, 1),
                        kpo.reports.fixtures.Series.stable(20, 100, 2))).build();
        assertTrue(legend(SpcFigure.of(settled, FigureStyle.PAGE)).stream().noneMatch(l -> l.startsWith("Proposed")));
    }

    @Test
    void rotatedTextIsDrawnAsTextNotOutlines() {
        SpcFigure.init();
        assertTrue(!TextUtils.isUseDrawRotatedStringWorkaround());
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("kpo.shared.dir", "../../shared"), "reference",
                "cases"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
        }
    }

    /** Every reference case (every chart type, n = 2, constant series, gaps, rebases) draws without failing. */
    @ParameterizedTest
    @MethodSource("cases")
    void everyReferenceCaseDraws(String id) {
        var series = ReferenceSeries.of(id);
        ChartType type = ChartType.fromCode(id.split("_")[1]).orElse(ChartType.XMR);
        if (id.startsWith("ptd_")) {
            type = ChartType.XMR;
        }
        MeasureReport m = MeasureReport.builder("case", id, Unit.COUNT, Spc.chart(ChartSpec.of(type), series)).build();
        BufferedImage image = new BufferedImage(480, 270, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (FigureStyle style : List.of(FigureStyle.PAGE, FigureStyle.SMALL)) {
            SpcFigure.of(m, style).draw(g, new Rectangle2D.Double(0, 0, 480, 270));
        }
        g.dispose();
    }
}
