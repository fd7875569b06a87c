package kpo.spc.charts;

import java.util.Arrays;

/** Summary statistics that skip missing values (NaN), as R's {@code na.rm = TRUE} does. */
final class Statistics {

    private Statistics() {
    }

    /** Mean of the non-missing values of {@code values[0..count)}; NaN when there are none. */
    static double mean(double[] values, int count) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < count; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Median of the non-missing values (the mean of the middle two for an even count); NaN when none. */
    static double median(double[] values, int count) {
        double[] kept = new double[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (!Double.isNaN(values[i])) {
                kept[n++] = values[i];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(kept, 0, n);
        return n % 2 == 1 ? kept[n / 2] : (kept[n / 2 - 1] + kept[n / 2]) / 2;
    }

    /**
     * Mean of the non-missing moving ranges, screened when asked: ranges at or above
     * {@code factor · mean} are dropped and the mean is taken once more from the rest (one pass, no
     * iteration; NHSRplotthedots and qicharts2 both use 3.267, qicharts2's I′ chart 3.2665). A
     * constant series screens away every range (none is below 0) and has no mean.
     */
    static double meanMovingRange(double[] ranges, int count, boolean screen, double factor) {
        double mean = mean(ranges, count);
        if (!screen || Double.isNaN(mean)) {
            return mean;
        }
        double threshold = factor * mean;
        double sum = 0;
        int n = 0;
        for (int i = 0; i < count; i++) {
            double r = ranges[i];
            if (r < threshold) {
                sum += r;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
