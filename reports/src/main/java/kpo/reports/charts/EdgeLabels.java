package kpo.reports.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kpo.reports.style.Palette;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * The values of the mean, process limits and target written at the right edge of the plot, in the
 * space the domain axis leaves after the last point. Labels that would overlap are pushed apart, so
 * a target close to a limit stays readable; placing them here rather than as data-space text
 * annotations is what lets the overlap be resolved in points.
 */
final class EdgeLabels extends AbstractXYAnnotation {

    private static final long serialVersionUID = 1L;

    record Label(double value, String text, Color colour) {
    }

    private final List<Label> labels;
    private final Font font;

    EdgeLabels(List<Label> labels, Font font) {
        this.labels = List.copyOf(labels);
        this.font = font;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        g2.setFont(font);
        FontMetrics metrics = g2.getFontMetrics(font);
        double lineHeight = metrics.getAscent() + 1;
        List<Label> sorted = new ArrayList<>(labels);
        sorted.removeIf(l -> !Double.isFinite(l.value()) || !rangeAxis.getRange().contains(l.value()));
        sorted.sort(Comparator.comparingDouble(l -> -l.value()));
        int n = sorted.size();
        double[] baselines = new double[n];
        double highest = dataArea.getMinY() + metrics.getAscent();
        double lowest = dataArea.getMaxY() - 1;
        // Each label's baseline just above its line, then pushed down past the one above it and kept
        // inside the plot, then pushed up again from the bottom if the stack ran off it.
        for (int i = 0; i < n; i++) {
            double y = rangeAxis.valueToJava2D(sorted.get(i).value(), dataArea, plot.getRangeAxisEdge());
            baselines[i] = Math.max(y - 1.5, highest);
            if (i > 0) {
                baselines[i] = Math.max(baselines[i], baselines[i - 1] + lineHeight);
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            baselines[i] = Math.min(baselines[i], i == n - 1 ? lowest : baselines[i + 1] - lineHeight);
        }
        for (int i = 0; i < n; i++) {
            Label label = sorted.get(i);
            double baseline = baselines[i];
            float width = metrics.stringWidth(label.text());
            float x = (float) (dataArea.getMaxX() - width - 2);
            // A white box from the cap height to just below the line the label names: the line stops
            // at the label instead of underlining it.
            g2.setColor(Color.WHITE);
            g2.fill(new Rectangle2D.Double(x - 2, baseline - metrics.getAscent(), width + 4,
                    metrics.getAscent() + 3.5));
            // The line's colour, in its text variant where that colour is too light for text.
            g2.setColor(Palette.text(label.colour()));
            g2.drawString(label.text(), x, (float) baseline);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EdgeLabels that && that.labels.equals(labels) && that.font.equals(font);
    }

    @Override
    public int hashCode() {
        return labels.hashCode();
    }
}
