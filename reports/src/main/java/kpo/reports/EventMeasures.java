package kpo.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kpo.reports.period.Frequency;
import kpo.spc.ChartPoint;
import kpo.spc.PointType;

/**
 * An event's measures re-measured from their charts: the baseline (as given, or the median of the
 * points before the event), and at 30, 60 and 90 days the value of the period that holds the day,
 * each only once the data reach it.
 */
public final class EventMeasures {

    /** The days after an event at which its measures are re-measured. */
    public static final List<Integer> DAYS = List.of(30, 60, 90);

    /** How many points before an event a computed baseline is the median of, when the config does not say. */
    public static final int BASELINE_POINTS = 6;

    private EventMeasures() {
    }

    /**
     * One measure of an event.
     *
     * @param measure the pack measure, with its chart
     * @param eventDate the event's date
     * @param status where the event stands: one that ran (done, sustaining) is re-measured; a planned
     *     one's re-measures are all not yet due, each with its date; an abandoned one has none
     * @param baseline the baseline the config gives, or null to compute it
     * @param baselinePoints how many points before the event a computed baseline is the median of
     * @param target the event's target, or NaN
     * @param dataTo the last day the pack's data cover: a re-measure due after it is not yet due
     */
    public static EventMeasure of(MeasureReport measure, LocalDate eventDate, ImprovementEvent.Status status,
            Double baseline,
            int baselinePoints, double target, LocalDate dataTo) {
        List<ChartPoint> points = measure.chart().points();
        Frequency frequency = Frequency.ofPoints(points);
        double before;
        String basis;
        if (baseline != null) {
            before = baseline;
            basis = "as set for the event";
        } else {
            // Only periods over before the event: the month it ran in is partly after it.
            List<ChartPoint> earlier = points.stream().filter(p -> end(frequency, p.period()).isBefore(eventDate)
                    && !p.missing()).toList();
            List<ChartPoint> last = earlier.subList(Math.max(0, earlier.size() - baselinePoints), earlier.size());
            before = median(last.stream().mapToDouble(ChartPoint::y).toArray());
            basis = last.isEmpty() ? "no values before the event" : "median of the " + (last.size() == 1 ? ""
                    : last.size() + " ") + frequency.nouns(last.size()) + " before the event";
        }
        boolean ran = status.ran();
        List<Remeasure> remeasures = new ArrayList<>();
        for (int days : status == ImprovementEvent.Status.ABANDONED ? List.<Integer>of() : DAYS) {
            LocalDate due = eventDate.plusDays(days);
            remeasures.add(ran ? remeasure(points, frequency, days, due, dataTo)
                    : new Remeasure(days, due, Remeasure.State.NOT_DUE, null, Double.NaN, 0));
        }
        boolean improvement = points.stream().anyMatch(p -> !end(frequency, p.period()).isBefore(eventDate)
                && !p.missing() && p.type() == PointType.SPECIAL_CAUSE_IMPROVEMENT);
        return new EventMeasure(measure.id(), before, basis, target, measure.improvement(), remeasures,
                ran && improvement);
    }

    private static Remeasure remeasure(List<ChartPoint> points, Frequency frequency, int days, LocalDate due,
            LocalDate dataTo) {
        if (due.isAfter(dataTo)) {
            return new Remeasure(days, due, Remeasure.State.NOT_DUE, null, Double.NaN, 0);
        }
        LocalDate period = periodHolding(points, frequency, due);
        List<ChartPoint> in = new ArrayList<>();
        for (ChartPoint p : points) {
            if (!p.missing() && holds(frequency, p.period(), period, due)) {
                in.add(p);
            }
        }
        if (in.isEmpty()) {
            return new Remeasure(days, due, Remeasure.State.NO_DATA, period, Double.NaN, 0);
        }
        return new Remeasure(days, due, Remeasure.State.MEASURED, period,
                median(in.stream().mapToDouble(ChartPoint::y).toArray()), in.size());
    }

    /** The last day of the period starting {@code period}: a month's last day, a week's sixth day after. */
    private static LocalDate end(Frequency frequency, LocalDate period) {
        return switch (frequency) {
            case MONTHLY -> YearMonth.from(period).atEndOfMonth();
            case QUARTERLY -> YearMonth.from(period).plusMonths(2).atEndOfMonth();
            case WEEKLY -> period.plusDays(6);
            case DAILY, IRREGULAR, INDIVIDUAL -> period;
        };
    }

    /** The first day of the period that holds {@code day}: its month, or the point's own week or day. */
    private static LocalDate periodHolding(List<ChartPoint> points, Frequency frequency, LocalDate day) {
        return switch (frequency) {
            case MONTHLY, INDIVIDUAL -> YearMonth.from(day).atDay(1);
            case QUARTERLY -> YearMonth.from(day).minusMonths((day.getMonthValue() - 1) % 3).atDay(1);
            default -> {
                LocalDate holding = day;
                for (ChartPoint p : points) {
                    if (!p.period().isAfter(day)) {
                        holding = p.period();
                    }
                }
                yield holding;
            }
        };
    }

    /** Whether a point of {@code pointPeriod} is in the period starting {@code period} that holds {@code day}. */
    private static boolean holds(Frequency frequency, LocalDate pointPeriod, LocalDate period, LocalDate day) {
        return switch (frequency) {
            case MONTHLY, QUARTERLY -> pointPeriod.equals(period);
            case INDIVIDUAL -> YearMonth.from(pointPeriod).equals(YearMonth.from(period));
            case WEEKLY -> pointPeriod.equals(period) && day.isBefore(period.plusDays(7));
            case DAILY -> pointPeriod.equals(day);
            case IRREGULAR -> pointPeriod.equals(period);
        };
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
