package kpo.reports.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import kpo.reports.format.Dates;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A date axis whose values are epoch days, ticked at the starts of months (or of weeks in a short
 * span) and labelled {@code Apr 25}. Steps of 3, 6 and 12 months fall on the NHS financial year's
 * quarters (April, July, October, January). Written instead of JFreeChart's DateAxis, which works in
 * {@code java.util.Date} milliseconds in the JVM's time zone and formats months by locale: a test
 * run in Pacific/Chatham or de-DE must draw the same axis as production.
 */
final class CalendarAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;
    private static final int[] MONTH_STEPS = {1, 2, 3, 6, 12, 24};
    private static final int[] WEEK_STEPS = {1, 2, 4, 8, 13};

    private final LocalDate first;
    private final LocalDate last;

    /** An axis from {@code from} to {@code to} with {@code padDays} either side; week ticks start at {@code from}. */
    CalendarAxis(LocalDate from, LocalDate to, double padDays) {
        this.first = from;
        this.last = to;
        setAutoRange(false);
        setRange(from.toEpochDay() - padDays, to.toEpochDay() + padDays);
    }

    static double x(LocalDate date) {
        return date.toEpochDay();
    }

    @Override
    @SuppressWarnings("rawtypes") // JFreeChart's signature
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        LocalDate from = LocalDate.ofEpochDay((long) Math.ceil(getLowerBound()));
        LocalDate weeksFrom = first.isBefore(from) ? from : first;
        // No ticks in the space kept after the last point for the edge labels.
        LocalDate to = LocalDate.ofEpochDay((long) Math.floor(Math.min(getUpperBound(), last.toEpochDay() + 16)));
        Font font = getTickLabelFont();
        double labelWidth = g2.getFontMetrics(font).stringWidth("Sep 25") * 1.8;
        int fit = Math.max(2, (int) (dataArea.getWidth() / labelWidth));
        // Spans of three months or more are ticked by month (even if only one or two ticks fit);
        // shorter ones by week, where month starts would leave the axis nearly bare.
        if (ChronoUnit.DAYS.between(from, to) >= 90) {
            return monthTicks(from, to, fit);
        }
        return weekTicks(weeksFrom, to, fit);
    }

    private static List<NumberTick> monthTicks(LocalDate from, LocalDate to, int fit) {
        LocalDate start = from.withDayOfMonth(1);
        if (start.isBefore(from)) {
            start = start.plusMonths(1);
        }
        long months = ChronoUnit.MONTHS.between(start, to) + 1;
        int step = MONTH_STEPS[MONTH_STEPS.length - 1];
        for (int candidate : MONTH_STEPS) {
            if (months / candidate + 1 <= fit) {
                step = candidate;
                break;
            }
        }
        List<NumberTick> ticks = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(to); d = d.plusMonths(1)) {
            // Counted from April: a step of 3 lands on the financial quarters, 12 on April.
            int sinceApril = d.getYear() * 12 + d.getMonthValue() - 4;
            if (Math.floorMod(sinceApril, step) == 0) {
                ticks.add(tick(d, Dates.axisMonth(d)));
            }
        }
        return ticks;
    }

    private static List<NumberTick> weekTicks(LocalDate from, LocalDate to, int fit) {
        long weeks = ChronoUnit.WEEKS.between(from, to) + 1;
        int step = WEEK_STEPS[WEEK_STEPS.length - 1];
        for (int candidate : WEEK_STEPS) {
            if (weeks / candidate + 1 <= fit) {
                step = candidate;
                break;
            }
        }
        List<NumberTick> ticks = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusWeeks(step)) {
            ticks.add(tick(d, Dates.axisDay(d)));
        }
        return ticks;
    }

    private static NumberTick tick(LocalDate date, String label) {
        return new NumberTick(x(date), label, TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0);
    }
}
