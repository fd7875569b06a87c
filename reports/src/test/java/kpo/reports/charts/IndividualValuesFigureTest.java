package kpo.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kpo.reports.MeasureReport;
import kpo.reports.Unit;
import kpo.reports.narrative.Narrative;
import kpo.reports.period.Frequency;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import kpo.spc.Observation;
import kpo.spc.Spc;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/**
 * A chart of individual values (lead times of posts in order of appointment, several a day): one
 * x position per value, by its sequence; ticks labelled with the dates of the values there;
 * rebases and annotations placed before the first value on or after their dates; the latest value
 * found by its place, not by its date.
 */
class IndividualValuesFigureTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 4, 1);
    private static final LocalDate REBASE = LocalDate.of(2024, 10, 1);

    /** 300 posts, 5 every 4 days from 1 April 2024 (to late November), several on the last day. */
    private static List<Observation> posts() {
        List<Observation> posts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            LocalDate day = FIRST.plusDays(i / 5 * 4);
            posts.add(Observation.individual(day, i + 1, (day.isBefore(REBASE) ? 98 : 42) + (i * 37 % 23) - 11));
        }
        return posts;
    }

    private static MeasureReport measure() {
        ChartResult chart = Spc.chart(ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE).target(45)
                .rebases(List.of(REBASE)), posts());
        return MeasureReport.builder("recruitment_each", "Recruitment lead time of each post", Unit.DAYS, chart)
                .rebase(REBASE, "New process").annotate(LocalDate.of(2024, 7, 15), "PDSA 1").build();
    }

    @Test
    void theLatestValueIsTheLastInOrderNotTheFirstOfItsDate() {
        ChartResult chart = measure().chart();
        ChartPoint latest = Narrative.latestPoint(chart);
        assertEquals(300, latest.sequence());
        assertEquals(chart.points().get(299).y(), latest.y());
        assertEquals(Frequency.INDIVIDUAL, Frequency.ofPoints(chart.points()));
        assertTrue(chart.points().stream().filter(p -> p.period().equals(latest.period())).count() > 1);
    }

    @Test
    void valuesArePlacedByTheirSequenceAndTheAxisIsLabelledWithTheirDates() {
        JFreeChart figure = SpcFigure.of(measure(), FigureStyle.PAGE);
        XYPlot plot = (XYPlot) figure.getPlot();
        XYDataset values = plot.getDataset(1);
        assertEquals(300, values.getItemCount(0));
        for (int i = 0; i < 300; i++) {
            assertEquals(i + 1, values.getXValue(0, i), "value " + (i + 1) + " at its sequence");
        }
        SequenceAxis axis = (SequenceAxis) plot.getDomainAxis();
        assertEquals(0.5, axis.getLowerBound(), 1e-9);
        assertTrue(axis.getLabel().contains("300 values"), axis.getLabel());

        BufferedImage image = new BufferedImage(800, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        @SuppressWarnings("unchecked")
        List<NumberTick> ticks = axis.refreshTicks(g, new org.jfree.chart.axis.AxisState(),
                new Rectangle2D.Double(0, 0, 700, 300), RectangleEdge.BOTTOM);
        g.dispose();
        assertTrue(ticks.size() >= 3, ticks.toString());
        for (NumberTick tick : ticks) {
            int sequence = (int) tick.getValue();
            LocalDate date = posts().get(sequence - 1).period();
            assertEquals(kpo.reports.format.Dates.axisMonth(date), tick.getText(), "tick at value " + sequence);
        }
    }

    @Test
    void rebasesAndAnnotationsFallJustBeforeTheFirstValueOnOrAfterTheirDates() {
        List<Observation> posts = posts();
        int firstAfterRebase = 0;
        while (posts.get(firstAfterRebase).period().isBefore(REBASE)) {
            firstAfterRebase++;
        }
        int firstAfterAnnotation = 0;
        while (posts.get(firstAfterAnnotation).period().isBefore(LocalDate.of(2024, 7, 15))) {
            firstAfterAnnotation++;
        }
        XYPlot plot = (XYPlot) SpcFigure.of(measure(), FigureStyle.PAGE).getPlot();
        List<Double> at = new ArrayList<>();
        for (Object m : plot.getDomainMarkers(Layer.BACKGROUND)) {
            at.add(((ValueMarker) m).getValue());
        }
        // The phase break sits between the last value before the rebase and the first after it.
        assertTrue(at.contains(firstAfterRebase + 0.5), at + " should hold " + (firstAfterRebase + 0.5));
        assertTrue(at.contains(firstAfterAnnotation + 0.5), at + " should hold " + (firstAfterAnnotation + 0.5));
    }

    @Test
    void smallMultiplesLeaveTheAxisLabelOut() {
        XYPlot plot = (XYPlot) SpcFigure.of(measure(), FigureStyle.SMALL).getPlot();
        assertNull(plot.getDomainAxis().getLabel());
    }

    @Test
    void tickStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, SequenceAxis.step(5, 10));
        assertEquals(50, SequenceAxis.step(300, 10));
        assertEquals(200, SequenceAxis.step(1249, 8));
        assertEquals(1000, SequenceAxis.step(5000, 6));
    }
}
