package kpo.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import kpo.reports.EventMeasure;
import kpo.reports.MeasureReport;
import kpo.reports.Remeasure;
import kpo.reports.format.ValueFormat;
import kpo.reports.narrative.EventText;
import kpo.reports.style.Palette;
import kpo.reports.style.Typeface;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Before and after an improvement event as bars: the baseline in grey, each measured re-measure in
 * the Making Data Count colour of what it shows (blue where it meets the target, or with none beats
 * the baseline; orange where it is no better than before; grey between), with the target as a red
 * dashed line. A re-measure not yet due, or due without data, has no bar: its label says so.
 */
public final class EventFigure {

    private EventFigure() {
    }

    public static JFreeChart of(MeasureReport m, EventMeasure em, FigureStyle style) {
        SpcFigure.init();
        Font tick = Typeface.regular(style.font());
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(Double.isNaN(em.baseline()) ? null : em.baseline(), "value", "Before");
        for (Remeasure r : em.remeasures()) {
            String label = r.days() + " days";
            data.addValue(r.state() == Remeasure.State.MEASURED ? r.value() : null, "value", label);
        }
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(tick);
        categories.setTickLabelPaint(Palette.MUTED);
        categories.setAxisLinePaint(Palette.GREY_LINE);
        categories.setCategoryMargin(0.25);
        NumberAxis values = new NumberAxis();
        values.setTickLabelFont(tick);
        values.setTickLabelPaint(Palette.MUTED);
        values.setNumberFormatOverride(ValueFormat.of(m.unit(), m.chart()).axisFormat());
        values.setAxisLineVisible(false);
        values.setTickMarksVisible(false);
        double high = em.hasTarget() ? em.target() : 0;
        for (int i = 0; i < data.getColumnCount(); i++) {
            Number v = data.getValue(0, i);
            high = v == null ? high : Math.max(high, v.doubleValue());
        }
        values.setRange(Math.min(0, m.unit().lowerBound()), high <= 0 ? 1 : high * 1.3);
        BarRenderer bars = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                if (column == 0) {
                    return Palette.GREY;
                }
                Remeasure r = em.remeasures().get(column - 1);
                return em.held(r) ? Palette.BLUE : !em.betterThanBaseline(r.value()) ? Palette.ORANGE : Palette.GREY;
            }
        };
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.16);
        bars.setDrawBarOutline(false);
        // Labels as the table beside the bars prints the values.
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            private static final long serialVersionUID = 1L;

            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                Number value = dataset.getValue(row, column);
                return value == null ? null : EventText.value(m, value.doubleValue());
            }
        });
        bars.setDefaultItemLabelsVisible(!m.suppressed());
        bars.setDefaultItemLabelFont(Typeface.regular(style.smallFont()));
        bars.setDefaultItemLabelPaint(Palette.TEXT);
        CategoryPlot plot = new CategoryPlot(data, categories, values, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xEBEBEB));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        if (em.hasTarget()) {
            ValueMarker target = new ValueMarker(em.target(), Palette.RED, new BasicStroke(style.font() / 6f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0));
            plot.addRangeMarker(target);
        }
        JFreeChart chart = new JFreeChart(null, tick, plot, false);
        if (em.hasTarget()) {
            // Said under the bars rather than on the line, where it would sit on a bar's own label.
            org.jfree.chart.title.TextTitle key = new org.jfree.chart.title.TextTitle("Dashed red line: the event's "
                    + "target, " + EventText.value(m, em.target()), Typeface.regular(style.smallFont()));
            key.setPaint(Palette.RED_TEXT);
            key.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
            key.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
            chart.addSubtitle(key);
        }
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(2, 2, 2, 2));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /** The figure's text alternative. */
    public static String description(MeasureReport m, EventMeasure em) {
        StringBuilder text = new StringBuilder("Bars of " + m.title() + " before the event ("
                + EventText.value(m, em.baseline()) + ", " + em.baselineBasis() + ")");
        for (Remeasure r : em.remeasures()) {
            text.append("; ").append(r.days()).append(" days: ").append(EventText.cell(m, r));
        }
        if (em.hasTarget()) {
            text.append("; the target, ").append(EventText.value(m, em.target())).append(", as a dashed line");
        }
        return text.append('.').toString();
    }
}
