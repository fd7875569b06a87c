package kpo.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kpo.reports.Comparison;
import kpo.reports.format.ValueFormat;
import kpo.reports.narrative.ComparisonText;
import kpo.reports.style.Marks;
import kpo.reports.style.Palette;
import kpo.reports.style.Typeface;
import kpo.spc.PointType;
import kpo.spc.funnel.FunnelPoint;
import kpo.spc.funnel.FunnelResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A funnel plot: each unit's value (y) against its size (x), the pooled value as a black line, and
 * each pair of limits as curves that close in on it as size grows (the widest solid, the narrower
 * dashed), drawn at the unit's bounds where they pass them. Marks take the Making Data Count
 * colours: grey within the narrowest limits; beyond the widest, orange on the worse side, blue on
 * the better, purple for a measure with no better side; beyond a narrower pair only, a purple
 * outline (chance alone puts about 1 unit in 20 beyond 95% limits: neither concern nor improvement).
 * Units beyond a limit and the measure's own unit are named beside their mark.
 * Units hidden as small numbers are not drawn.
 */
public final class FunnelFigure {

    /** How many points each limit curve is drawn through, spaced evenly in √size (where they bend). */
    private static final int CURVE_POINTS = 120;

    private FunnelFigure() {
    }

    /** The funnel of {@code c} in {@code style} (its size, fonts and whether it has a legend). */
    public static JFreeChart of(Comparison c, FigureStyle style) {
        SpcFigure.init();
        FunnelResult f = c.funnel();
        ValueFormat values = ComparisonText.values(c);
        Font tick = Typeface.regular(style.font());
        Font small = Typeface.regular(style.smallFont());
        float line = style.font() / 8f;
        List<FunnelPoint> shown = f.points().stream().filter(p -> !c.hidden(p)).toList();

        double maxSize = f.points().stream().mapToDouble(FunnelPoint::denominator).max().orElse(1);
        double minSize = f.points().stream().mapToDouble(FunnelPoint::denominator).min().orElse(1);
        // The curves open out to the left of the smallest unit, so that a funnel of similar-sized units
        // still reads as a funnel; the value axis stops at the widest limits three quarters of the way
        // to it, beyond which the curves run off the plot.
        double from = Math.min(minSize * 0.5, maxSize / 10);
        double reach = minSize * 0.75;
        double to = maxSize * 1.06;
        double lowBound = c.unit().lowerBound() / scaleOf(c);
        double highBound = c.unit().upperBound() / scaleOf(c);

        XYSeriesCollection lines = new XYSeriesCollection();
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        // One path per curve, so that the 95% curves' dashes run along them rather than restart at each point.
        lineRenderer.setDrawSeriesLineAsPath(true);
        LegendItemCollection legend = new LegendItemCollection();
        double low = f.target();
        double high = f.target();
        List<Double> levels = f.spec().levels();
        for (int i = levels.size() - 1; i >= 0; i--) {
            double level = levels.get(i);
            boolean widest = i == levels.size() - 1;
            XYSeries upper = new XYSeries("upper " + level, false, true);
            XYSeries lower = new XYSeries("lower " + level, false, true);
            for (int k = 0; k <= CURVE_POINTS; k++) {
                double root = Math.sqrt(from) + (Math.sqrt(to) - Math.sqrt(from)) * k / CURVE_POINTS;
                double n = root * root;
                upper.add(n * 1.0, Math.min(highBound, f.upper(level, n)) * c.multiply());
                lower.add(n * 1.0, Math.max(lowBound, f.lower(level, n)) * c.multiply());
            }
            low = Math.min(low, Math.max(lowBound, f.lower(level, reach)));
            high = Math.max(high, Math.min(highBound, f.upper(level, reach)));
            Stroke stroke = widest ? new BasicStroke(line * 1.1f)
                    : new BasicStroke(line * 1.1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                            new float[] {line * 5, line * 3}, 0);
            for (XYSeries s : List.of(upper, lower)) {
                int index = lines.getSeriesCount();
                lines.addSeries(s);
                lineRenderer.setSeriesPaint(index, Palette.GREY_LINE);
                lineRenderer.setSeriesStroke(index, stroke);
            }
            legend.add(new LegendItem(ComparisonText.level(level) + " limits", null, null, null,
                    new Line2D.Double(-9, 0, 9, 0), stroke, Palette.GREY_LINE));
        }
        XYSeries centre = new XYSeries("all", false, true);
        centre.add(0.0, f.target() * c.multiply());
        centre.add(to, f.target() * c.multiply());
        int centreIndex = lines.getSeriesCount();
        lines.addSeries(centre);
        lineRenderer.setSeriesPaint(centreIndex, Palette.BLACK);
        Stroke centreStroke = new BasicStroke(line * 1.2f);
        lineRenderer.setSeriesStroke(centreIndex, centreStroke);
        legend.add(new LegendItem("All " + c.plural() + " together", null, null, null, new Line2D.Double(-9, 0, 9, 0),
                centreStroke, Palette.BLACK));

        // One series per kind of mark, so that each draws and is keyed in its own colour.
        Map<String, XYSeries> kinds = new LinkedHashMap<>();
        Map<String, Color[]> colours = new LinkedHashMap<>();
        for (FunnelPoint p : shown) {
            low = Math.min(low, p.value());
            high = Math.max(high, p.value());
            String kind = kind(c, p);
            kinds.computeIfAbsent(kind, k -> new XYSeries(k, false, true)).add(p.denominator(),
                    p.value() * c.multiply());
            colours.putIfAbsent(kind, colours(c, p));
        }
        XYSeriesCollection marks = new XYSeriesCollection();
        XYLineAndShapeRenderer markRenderer = new XYLineAndShapeRenderer(false, true);
        markRenderer.setUseOutlinePaint(true);
        markRenderer.setUseFillPaint(true);
        markRenderer.setDrawOutlines(true);
        double size = style.mark() * 1.15;
        Shape circle = Marks.circle(size);
        LegendItemCollection markKeys = new LegendItemCollection();
        for (Map.Entry<String, XYSeries> e : kinds.entrySet()) {
            int index = marks.getSeriesCount();
            marks.addSeries(e.getValue());
            Color[] fillAndOutline = colours.get(e.getKey());
            markRenderer.setSeriesShape(index, circle);
            markRenderer.setSeriesFillPaint(index, fillAndOutline[0]);
            markRenderer.setSeriesOutlinePaint(index, fillAndOutline[1]);
            markRenderer.setSeriesOutlineStroke(index, new BasicStroke(line * 1.3f));
            markKeys.add(new LegendItem(e.getKey(), null, null, null, true, circle, true, fillAndOutline[0], true,
                    fillAndOutline[1], new BasicStroke(line * 1.3f), false, new Line2D.Double(), new BasicStroke(),
                    Color.BLACK));
        }

        NumberAxis domain = new NumberAxis(style.valueAxisLabel() ? "Size: the denominator, " + c.span() : null);
        domain.setRange(0, to);
        domain.setNumberFormatOverride(ValueFormat.of(kpo.reports.Unit.COUNT, 0).axisFormat());
        domain.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis range = new NumberAxis(style.valueAxisLabel() ? c.unit().axisLabel() : null);
        range.setAutoRangeIncludesZero(false);
        range.setNumberFormatOverride(values.axisFormat());
        double spread = Math.max(high - low, Math.abs(f.target()) * 0.05);
        double bottom = Math.max(lowBound, low - spread * 0.06);
        double top = Math.min(highBound, high + spread * 0.06);
        range.setRange(bottom * c.multiply(), top * c.multiply());
        for (NumberAxis axis : List.of(domain, range)) {
            axis.setTickLabelFont(tick);
            axis.setTickLabelPaint(Palette.MUTED);
            axis.setLabelFont(small);
            axis.setLabelPaint(Palette.MUTED);
            axis.setAxisLinePaint(Palette.GREY_LINE);
            axis.setTickMarkPaint(Palette.GREY_LINE);
        }

        XYPlot plot = new XYPlot(lines, domain, range, lineRenderer);
        plot.setDataset(1, marks);
        plot.setRenderer(1, markRenderer);
        SpcFigure.plain(plot, style, line, 8);
        for (FunnelPoint p : shown) {
            if (p.outlier() || p.unit().equals(c.highlight())) {
                XYTextAnnotation label = new XYTextAnnotation(" " + SpcFigure.fit(p.unit(), 30),
                        p.denominator(), p.value() * c.multiply());
                label.setFont(small);
                label.setPaint(Palette.TEXT);
                label.setTextAnchor(p.denominator() > maxSize * 0.7 ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
                plot.addAnnotation(label);
            }
        }
        LegendItemCollection all = new LegendItemCollection();
        all.addAll(markKeys);
        all.addAll(legend);
        plot.setFixedLegendItems(all);

        JFreeChart figure = new JFreeChart(null, tick, plot, false);
        figure.setBackgroundPaint(Color.WHITE);
        figure.setBorderVisible(false);
        figure.setPadding(new RectangleInsets(2, 2, 2, 2));
        figure.setAntiAlias(true);
        figure.setTextAntiAlias(true);
        if (style.legend()) {
            figure.addSubtitle(SpcFigure.legend(plot, small));
        }
        return figure;
    }

    /** Values are stored as numerator over denominator; a unit's bounds are in shown units (100 for percent). */
    private static double scaleOf(Comparison c) {
        return c.unit() == kpo.reports.Unit.PROPORTION ? 1 : c.multiply();
    }

    /** The key of a unit's mark: where it lies, and on which side. */
    private static String kind(Comparison c, FunnelPoint p) {
        if (!p.outlier()) {
            return "Within the " + ComparisonText.level(ComparisonText.narrowest(c)) + " limits";
        }
        boolean widest = p.beyond() == c.widest();
        String where = "Beyond " + ComparisonText.level(p.beyond()) + (widest ? "" : " only");
        if (c.worse(p)) {
            return where + ": worse";
        }
        if (c.better(p)) {
            return where + ": better";
        }
        return where + (p.side() > 0 ? ": higher" : ": lower");
    }

    /** A mark's fill and outline: the MDC colour of its side, filled beyond the widest limits only. */
    private static Color[] colours(Comparison c, FunnelPoint p) {
        if (!p.outlier()) {
            return new Color[] {Palette.of(PointType.COMMON_CAUSE), Palette.outline(PointType.COMMON_CAUSE)};
        }
        PointType type = c.worse(p) ? PointType.SPECIAL_CAUSE_CONCERN : c.better(p)
                ? PointType.SPECIAL_CAUSE_IMPROVEMENT : PointType.SPECIAL_CAUSE_NEUTRAL_HIGH;
        // Beyond a narrower pair only: an outline in purple, neither concern nor improvement.
        return new Color[] {p.beyond() == c.widest() ? Palette.of(type) : Color.WHITE, Palette.outline(type)};
    }
}
