package kpo.reports.charts;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;
import kpo.reports.style.Marks;
import kpo.reports.style.Palette;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;
import kpo.spc.PointType;

/**
 * A word-sized chart for the summary matrix: the last points of a measure as a grey line, its
 * current centre line, and its special-cause points in their MDC colours and shapes, the latest
 * point always marked. Drawn directly with Java2D rather than through JFreeChart: a hundred of these
 * per pack would otherwise cost more than the full charts.
 */
public final class Sparkline {

    private Sparkline() {
    }

    /** Draws the last {@code window} points of {@code chart} in a {@code width} × {@code height} box. */
    public static void draw(Graphics2D g, ChartResult chart, double width, double height, int window) {
        List<ChartPoint> all = chart.points();
        if (all.isEmpty()) {
            return;
        }
        List<ChartPoint> points = all.subList(Math.max(0, all.size() - window), all.size());
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (ChartPoint p : points) {
            for (double v : new double[] {p.y(), p.centre()}) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (!Double.isFinite(low)) {
            return;
        }
        if (high == low) {
            high = low + 1;
            low = low - 1;
        }
        double mark = Math.min(height * 0.28, 3.2);
        double pad = mark * 0.7;
        double step = points.size() > 1 ? (width - 2 * pad) / (points.size() - 1) : 0;
        double spanY = height - 2 * pad;
        double lo = low;
        double hi = high;
        java.util.function.DoubleUnaryOperator y = v -> pad + (hi - v) / (hi - lo) * spanY;

        ChartPoint last = points.get(points.size() - 1);
        if (Double.isFinite(last.centre())) {
            g.setColor(Palette.RULE);
            g.setStroke(new BasicStroke(0.5f));
            g.draw(new Line2D.Double(pad, y.applyAsDouble(last.centre()), width - pad, y.applyAsDouble(last.centre())));
        }
        Path2D.Double line = new Path2D.Double();
        boolean drawing = false;
        for (int i = 0; i < points.size(); i++) {
            ChartPoint p = points.get(i);
            if (p.missing()) {
                drawing = false;
                continue;
            }
            double x = pad + i * step;
            if (drawing) {
                line.lineTo(x, y.applyAsDouble(p.y()));
            } else {
                line.moveTo(x, y.applyAsDouble(p.y()));
                drawing = true;
            }
        }
        g.setColor(Palette.GREY_LINE);
        g.setStroke(new BasicStroke(0.7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        int latest = -1;
        for (int i = points.size() - 1; i >= 0; i--) {
            if (!points.get(i).missing()) {
                latest = i;
                break;
            }
        }
        for (int i = 0; i < points.size(); i++) {
            ChartPoint p = points.get(i);
            if (p.missing() || (!p.specialCause() && i != latest)) {
                continue;
            }
            PointType type = p.type();
            double size = i == latest ? mark * 1.25 : mark;
            Shape shape = AffineTransform.getTranslateInstance(pad + i * step, y.applyAsDouble(p.y()))
                    .createTransformedShape(Marks.of(type, size));
            g.setColor(Palette.of(type));
            g.fill(shape);
            g.setColor(Palette.outline(type));
            g.setStroke(new BasicStroke(0.4f));
            g.draw(shape);
        }
    }
}
