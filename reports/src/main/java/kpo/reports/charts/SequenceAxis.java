package kpo.reports.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kpo.reports.format.Dates;
import kpo.spc.ChartPoint;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * The x axis of individual values (each patient's wait in order of referral, each item's lead time
 * in order of completion): a point's position is its sequence number, so that every value gets the
 * same width however many share a date. Ticks fall every 1, 2 or 5 × 10ᵏ values, as many as fit,
 * and are labelled with the date of the value there ({@code Apr 25} over a span of three months or
 * more, {@code 30 Oct} over a shorter one): the reader sees when as well as which, and a month
 * that holds many values repeats its label.
 */
final class SequenceAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;

    private final int first;
    private final LocalDate[] dates;
    private final boolean byMonth;

    /** An axis over {@code points} (individual values, in sequence order) with {@code pad} either side. */
    SequenceAxis(List<ChartPoint> points, double pad) {
        this.first = points.get(0).sequence();
        int last = points.get(points.size() - 1).sequence();
        this.dates = new LocalDate[last - first + 1];
        for (ChartPoint p : points) {
            dates[p.sequence() - first] = p.period();
        }
        // A value with no point of its own (none in a series as built) takes the date of the one before.
        for (int i = 1; i < dates.length; i++) {
            if (dates[i] == null) {
                dates[i] = dates[i - 1];
            }
        }
        this.byMonth = ChronoUnit.DAYS.between(points.get(0).period(), points.get(points.size() - 1).period()) >= 90;
        setAutoRange(false);
        setRange(first - pad, last + pad);
        setLabel(first == 1
                ? String.format(Locale.UK, "Each value in order, labelled with its date (%,d values)", last)
                : String.format(Locale.UK, "Values %,d to %,d in order, labelled with their dates (the earlier ones "
                        + "are not kept)", first, last));
    }

    @Override
    @SuppressWarnings("rawtypes") // JFreeChart's signature
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        int last = first + dates.length - 1;
        // No ticks in the space kept after the last point for the edge labels.
        int to = (int) Math.floor(Math.min(getUpperBound(), last));
        Font font = getTickLabelFont();
        double labelWidth = g2.getFontMetrics(font).stringWidth("Sep 25") * 1.8;
        int fit = Math.max(2, (int) (dataArea.getWidth() / labelWidth));
        long step = step(to - first + 1, fit);
        List<NumberTick> ticks = new ArrayList<>();
        for (long s = Math.max(step, (first + step - 1) / step * step); s <= to; s += step) {
            LocalDate date = dates[(int) s - first];
            ticks.add(new NumberTick((double) s, byMonth ? Dates.axisMonth(date) : Dates.axisDay(date),
                    TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
        }
        return ticks;
    }

    /** The smallest step of 1, 2 or 5 × 10ᵏ values that puts at most {@code fit} ticks on {@code span} values. */
    static long step(long span, int fit) {
        for (long scale = 1; ; scale *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                if (span / (m * scale) + 1 <= fit) {
                    return m * scale;
                }
            }
        }
    }
}
