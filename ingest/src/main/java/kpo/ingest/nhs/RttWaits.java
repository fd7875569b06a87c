package kpo.ingest.nhs;

/**
 * RTT waiting-time arithmetic (NHS England, Recording and reporting RTT waiting times, v5.0,
 * 2025, §10.1.7; shared/data/SCHEMAS.md B1). Waits are whole days from clock start to the census
 * date; weekly bands are {@code Gt 00 To 01} = 0–7 days, then 7k+1..7k+7 days, and {@code Gt 104}
 * from 729 days.
 */
public final class RttWaits {

    /** 18 weeks: a wait of 126 days is within 18 weeks, 127 is not. */
    public static final int EIGHTEEN_WEEKS_DAYS = 126;
    /** The published bands: 104 one-week bands and the open band for 104+ weeks. */
    public static final int BANDS = 105;

    private RttWaits() {
    }

    /** The band of a wait of {@code days}: {@code days ≤ 7 ? 0 : min(104, (days − 1) / 7)}. */
    public static int band(long days) {
        return days <= 7 ? 0 : (int) Math.min(104, (days - 1) / 7);
    }

    /** The first band counted as waiting {@code weeks} or more: 52 weeks = band 52 (365 days and more). */
    public static int firstBandOfAtLeast(int weeks) {
        return weeks;
    }

    /** Whether a wait of {@code days} is within 18 weeks. */
    public static boolean within18Weeks(long days) {
        return days <= EIGHTEEN_WEEKS_DAYS;
    }

    /**
     * The days at which a wait counts as {@code weeks} or more by the published bands: the first day
     * of band {@code weeks}, {@code 7·weeks + 1} (52 → 365, 65 → 456, 78 → 547, 104 → 729).
     */
    public static long daysForWeeksOrMore(int weeks) {
        return 7L * weeks + 1;
    }

    /**
     * The published band column name of band {@code k}: {@code Gt 00 To 01 Weeks SUM 1} … 
     * {@code Gt 103 To 104 Weeks SUM 1}, {@code Gt 104 Weeks SUM 1}.
     */
    public static String bandColumn(int k) {
        if (k == 104) {
            return "Gt 104 Weeks SUM 1";
        }
        return String.format(java.util.Locale.ROOT, "Gt %02d To %02d Weeks SUM 1", k, k + 1);
    }

    /**
     * A percentile of weeks waited from band counts, by linear interpolation inside the band that
     * holds it, as NHS England estimates medians and 92nd percentiles from the weekly bands: the
     * value where the cumulative count reaches {@code p·total}, band k spanning weeks k..k+1.
     * NaN for an empty list.
     */
    public static double percentileWeeks(long[] bandCounts, double p) {
        long total = 0;
        for (long c : bandCounts) {
            total += c;
        }
        if (total == 0) {
            return Double.NaN;
        }
        double target = p * total;
        long cumulative = 0;
        for (int k = 0; k < bandCounts.length; k++) {
            long count = bandCounts[k];
            if (count > 0 && cumulative + count >= target) {
                return k + (target - cumulative) / count;
            }
            cumulative += count;
        }
        return bandCounts.length - 1;
    }
}
