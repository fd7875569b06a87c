package kpo.reports.period;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import kpo.spc.ChartPoint;

/** How often a series has a point, read from the spacing of its periods. */
public enum Frequency {
    DAILY("day", "daily"),
    WEEKLY("week", "weekly"),
    MONTHLY("month", "monthly"),
    QUARTERLY("quarter", "quarterly"),
    IRREGULAR("point", "irregular"),
    /**
     * Individual values in order (each patient's wait in order of referral, each item's lead time in
     * order of completion): dated by their events, placed by their sequence, several to a date.
     */
    INDIVIDUAL("value", "individual values");

    private final String noun;
    private final String adjective;

    Frequency(String noun, String adjective) {
        this.noun = noun;
        this.adjective = adjective;
    }

    /** "week", for "the last 8 weeks". */
    public String noun() {
        return noun;
    }

    /** "weeks" or "week". */
    public String nouns(long count) {
        return count == 1 ? noun : noun + "s";
    }

    /** "weekly". */
    public String adjective() {
        return adjective;
    }

    /** The frequency of a chart's points: {@link #INDIVIDUAL} for individual values, else {@link #of(List)} of their periods. */
    public static Frequency ofPoints(List<ChartPoint> points) {
        if (!points.isEmpty() && points.get(0).individual()) {
            return INDIVIDUAL;
        }
        return of(points.stream().map(ChartPoint::period).toList());
    }

    /**
     * The frequency of periods in date order, from the median gap in days: 1 daily, 6–8 weekly, 28–31
     * monthly, 89–92 quarterly, anything else irregular. One period or none is monthly, the usual
     * board cadence.
     */
    public static Frequency of(List<LocalDate> periods) {
        if (periods.size() < 2) {
            return MONTHLY;
        }
        long[] gaps = new long[periods.size() - 1];
        for (int i = 1; i < periods.size(); i++) {
            gaps[i - 1] = ChronoUnit.DAYS.between(periods.get(i - 1), periods.get(i));
        }
        Arrays.sort(gaps);
        long median = gaps[gaps.length / 2];
        if (median == 1) {
            return DAILY;
        }
        if (median >= 6 && median <= 8) {
            return WEEKLY;
        }
        if (median >= 28 && median <= 31) {
            return MONTHLY;
        }
        if (median >= 89 && median <= 92) {
            return QUARTERLY;
        }
        return IRREGULAR;
    }
}
