package kpo.spc.rules;

import kpo.spc.ChartSpec;
import kpo.spc.RuleSet;
import kpo.spc.Signal;

/**
 * The point rules of each rule set. Every rule runs inside one phase (no rule crosses a rebase)
 * over the phase's points that are not excluded; a missing value occupies its place and breaks a
 * window, except where a rule set says otherwise. Outside-limits is tested on every point,
 * excluded ones included (as qicharts2 does).
 *
 * <p>Conventions (ALGORITHMS.md): comparisons with limits and sigma lines are strict; a point on
 * the centre line breaks a shift ({@code ptd}, {@code mdc}, {@code we}, {@code nelson}) or is
 * skipped ({@code ihi}); equal neighbours break a trend, except under {@code ihi} where they
 * neither make nor break one; a trend of N points has N − 1 rises or falls.
 */
public final class PointRules {

    private static final int MISSING = 2;

    private final double[] y;
    private final double[] centre;
    private final double[] sigma;
    private final double[] upperTwo;
    private final double[] lowerTwo;
    private final PointMarks marks;
    private int[] seq;
    /** Side of the centre of each position of the sequence ({@link #side(int)}). */
    private int[] sides;
    /** Side beyond the chart's own 2σ line of each position ({@link #beyondTwoSigma(int)}). */
    private int[] beyondTwo;
    private int length;

    private PointRules(double[] y, double[] centre, double[] sigma, double[] upperTwo, double[] lowerTwo) {
        this.y = y;
        this.centre = centre;
        this.sigma = sigma;
        this.upperTwo = upperTwo;
        this.lowerTwo = lowerTwo;
        this.marks = new PointMarks(y.length);
        this.seq = new int[y.length];
        this.sides = new int[y.length];
        this.beyondTwo = new int[y.length];
    }

    /**
     * The signals of every point.
     *
     * @param y plotted values (NaN for missing)
     * @param centre, upper, lower the centre and limits of each point
     * @param sigma one sigma of each point, NaN where the chart has no symmetric sigma zones
     * @param upperTwo, lowerTwo the chart's own 2σ lines of each point (NaN where it has none)
     * @param starts phase k is {@code [starts[k], starts[k+1])}
     * @param excluded points left out of the rules but still tested against the limits
     */
    public static PointMarks evaluate(ChartSpec spec, double[] y, double[] centre, double[] upper, double[] lower,
            double[] sigma, double[] upperTwo, double[] lowerTwo, int[] starts, boolean[] excluded) {
        PointRules rules = new PointRules(y, centre, sigma, upperTwo, lowerTwo);
        RuleSet set = spec.rules();
        if (set.signals().contains(Signal.OUTSIDE_LIMITS)) {
            for (int i = 0; i < y.length; i++) {
                if (y[i] > upper[i]) {
                    rules.marks.mark(i, Signal.OUTSIDE_LIMITS.bit(), 1);
                } else if (y[i] < lower[i]) {
                    rules.marks.mark(i, Signal.OUTSIDE_LIMITS.bit(), -1);
                }
            }
        }
        for (int p = 0; p + 1 < starts.length; p++) {
            rules.sequence(starts[p], starts[p + 1], excluded);
            rules.phase(spec, upper, lower);
        }
        return rules.marks;
    }

    /** The phase's points that take part in the rules, with their sides worked out once. */
    private void sequence(int from, int to, boolean[] excluded) {
        length = 0;
        for (int i = from; i < to; i++) {
            if (!excluded[i]) {
                sides[length] = side(i);
                beyondTwo[length] = beyondTwoSigma(i);
                seq[length++] = i;
            }
        }
    }

    private void phase(ChartSpec spec, double[] upper, double[] lower) {
        switch (spec.rules()) {
            case PTD -> {
                plotTheDotsTrend(spec.trendLength());
                plotTheDotsTwoOfThree(upper, lower);
                shift(spec.shiftLength(), Signal.SHIFT);
            }
            case MDC -> {
                trend(spec.trendLength(), Signal.TREND, null);
                twoOfThreeSameSide();
                shift(spec.shiftLength(), Signal.SHIFT);
            }
            case ANHOEJ -> {
                // 3-sigma limits only; the runs analysis is a phase signal.
            }
            case IHI -> {
                shiftSkippingCentre(spec.shiftLength());
                trendSkippingTies(spec.trendLength());
            }
            case WE -> {
                beyondInWindow(3, 2, 2.0, Signal.TWO_OF_THREE);
                beyondInWindow(5, 4, 1.0, Signal.FOUR_OF_FIVE);
                shift(spec.shiftLength(), Signal.SHIFT);
            }
            case NELSON -> {
                shift(spec.shiftLength(), Signal.SHIFT);
                trend(spec.trendLength(), Signal.SIX_TREND, null);
                alternating(14);
                beyondInWindow(3, 2, 2.0, Signal.TWO_OF_THREE);
                beyondInWindow(5, 4, 1.0, Signal.FOUR_OF_FIVE);
                zoneRun(15, true, Signal.FIFTEEN_WITHIN_ONE_SIGMA);
                zoneRun(8, false, Signal.EIGHT_BEYOND_ONE_SIGMA);
            }
        }
    }

    /** +1 above the centre, −1 below, 0 on it, {@link #MISSING} for a missing value. */
    private int side(int i) {
        double v = y[i];
        double c = centre[i];
        if (Double.isNaN(v) || Double.isNaN(c)) {
            return MISSING;
        }
        return v > c ? 1 : v < c ? -1 : 0;
    }

    /** +1 beyond {@code k} sigma above the centre, −1 below, else 0 (strict; NaN sigma never beyond). */
    private int beyond(int i, double k) {
        double v = y[i];
        if (v > centre[i] + k * sigma[i]) {
            return 1;
        }
        if (v < centre[i] - k * sigma[i]) {
            return -1;
        }
        return 0;
    }

    /**
     * +1 beyond the chart's own 2σ line above the centre, −1 below, else 0 (strict; NaN never
     * beyond). On a chart with symmetric zones this is {@link #beyond(int, double)} with k = 2.
     */
    private int beyondTwoSigma(int i) {
        double v = y[i];
        if (v > upperTwo[i]) {
            return 1;
        }
        if (v < lowerTwo[i]) {
            return -1;
        }
        return 0;
    }

    private void markRange(int fromPos, int toPos, int bit, int side) {
        for (int k = fromPos; k <= toPos; k++) {
            marks.mark(seq[k], bit, side);
        }
    }

    /** N points in a row strictly on one side; a point on the centre or a missing value breaks the run. */
    private void shift(int n, Signal signal) {
        int runSide = 0;
        int runStart = 0;
        for (int k = 0; k < length; k++) {
            int s = sides[k];
            if (s == 1 || s == -1) {
                if (s != runSide) {
                    runSide = s;
                    runStart = k;
                }
                int runLength = k - runStart + 1;
                if (runLength == n) {
                    markRange(runStart, k, signal.bit(), s);
                } else if (runLength > n) {
                    marks.mark(seq[k], signal.bit(), s);
                }
            } else {
                runSide = 0;
            }
        }
    }

    /**
     * N points in a row each strictly higher (or lower) than the one before; a tie or a missing value
     * breaks it. Points at the top of a rise that starts a fall carry both directions. When
     * {@code inTrend} is given, only membership is recorded there and nothing is marked.
     */
    private void trend(int n, Signal signal, boolean[] inTrend) {
        int rises = 0;
        int falls = 0;
        for (int k = 1; k < length; k++) {
            double d = y[seq[k]] - y[seq[k - 1]];
            if (d > 0) {
                rises++;
                falls = 0;
            } else if (d < 0) {
                falls++;
                rises = 0;
            } else {
                rises = 0;
                falls = 0;
            }
            int run = Math.max(rises, falls);
            if (run >= n - 1) {
                int side = rises > 0 ? 1 : -1;
                int fromPos = run == n - 1 ? k - run : k;
                for (int q = fromPos; q <= k; q++) {
                    if (inTrend != null) {
                        inTrend[q] = true;
                    } else {
                        marks.mark(seq[q], signal.bit(), side);
                    }
                }
            }
        }
    }

    /**
     * NHSRplotthedots' trend label: a point in a trend takes its direction from the difference to the
     * next point when that point is in a trend too, else from the difference to the previous point;
     * a positive difference is increasing, anything else decreasing. So the top of a rising trend that
     * ties into a falling one reads "decreasing" (ALGORITHMS.md 1.5).
     */
    private void plotTheDotsTrend(int n) {
        boolean[] inTrend = new boolean[length];
        trend(n, Signal.TREND, inTrend);
        for (int k = 0; k < length; k++) {
            if (!inTrend[k]) {
                continue;
            }
            double d = k + 1 < length && inTrend[k + 1] ? y[seq[k + 1]] - y[seq[k]] : y[seq[k]] - y[seq[k - 1]];
            marks.mark(seq[k], Signal.TREND.bit(), d > 0 ? 1 : -1);
        }
    }

    /**
     * NHSRplotthedots 0.2.2: in a window of three points all strictly on one side, at least two are
     * "close to the limits" (beyond the 2σ line but not beyond the 3σ limit); only those are flagged.
     */
    private void plotTheDotsTwoOfThree(double[] upper, double[] lower) {
        for (int k = 0; k + 2 < length; k++) {
            int s = sides[k];
            if ((s != 1 && s != -1) || sides[k + 1] != s || sides[k + 2] != s) {
                continue;
            }
            int close = 0;
            for (int q = k; q <= k + 2; q++) {
                if (closeToLimits(q, upper, lower)) {
                    close++;
                }
            }
            if (close >= 2) {
                for (int q = k; q <= k + 2; q++) {
                    if (closeToLimits(q, upper, lower)) {
                        marks.mark(seq[q], Signal.TWO_OF_THREE.bit(), s);
                    }
                }
            }
        }
    }

    /** Beyond the 2σ line but not beyond the 3σ limit, at sequence position {@code q}. */
    private boolean closeToLimits(int q, double[] upper, double[] lower) {
        int i = seq[q];
        boolean outside = y[i] > upper[i] || y[i] < lower[i];
        return !outside && beyondTwo[q] != 0;
    }

    /**
     * Making Data Count since November 2023: in a window of three points all strictly on one side, at
     * least two beyond the 2σ line on that side, beyond 3σ included; those are flagged.
     */
    private void twoOfThreeSameSide() {
        for (int k = 0; k + 2 < length; k++) {
            int s = sides[k];
            if ((s != 1 && s != -1) || sides[k + 1] != s || sides[k + 2] != s) {
                continue;
            }
            int count = (beyondTwo[k] == s ? 1 : 0) + (beyondTwo[k + 1] == s ? 1 : 0) + (beyondTwo[k + 2] == s ? 1 : 0);
            if (count >= 2) {
                for (int q = k; q <= k + 2; q++) {
                    if (beyondTwo[q] == s) {
                        marks.mark(seq[q], Signal.TWO_OF_THREE.bit(), s);
                    }
                }
            }
        }
    }

    /**
     * Western Electric zone tests: in a window of {@code window} points, at least {@code needed}
     * beyond {@code k}σ on the same side (the others anywhere); those are flagged.
     */
    private void beyondInWindow(int window, int needed, double k, Signal signal) {
        for (int start = 0; start + window <= length; start++) {
            for (int s = -1; s <= 1; s += 2) {
                int count = 0;
                for (int q = start; q < start + window; q++) {
                    if (beyond(seq[q], k) == s) {
                        count++;
                    }
                }
                if (count >= needed) {
                    for (int q = start; q < start + window; q++) {
                        if (beyond(seq[q], k) == s) {
                            marks.mark(seq[q], signal.bit(), s);
                        }
                    }
                }
            }
        }
    }

    /** Nelson 7 and 8: {@code n} points in a row all within 1σ of the centre, or all beyond it (either side). */
    private void zoneRun(int n, boolean within, Signal signal) {
        int run = 0;
        for (int k = 0; k < length; k++) {
            int i = seq[k];
            double distance = Math.abs(y[i] - centre[i]);
            boolean in = within ? distance < sigma[i] : distance > sigma[i];
            run = in ? run + 1 : 0;
            if (run == n) {
                markRange(k - n + 1, k, signal.bit(), 0);
            } else if (run > n) {
                marks.mark(i, signal.bit(), 0);
            }
        }
    }

    /** Nelson 4: {@code n} points in a row alternating up and down (a tie or a gap breaks it). */
    private void alternating(int n) {
        int run = 1;
        double previous = 0;
        for (int k = 1; k < length; k++) {
            double d = y[seq[k]] - y[seq[k - 1]];
            if (d > 0 || d < 0) {
                run = previous != 0 && Math.signum(d) != Math.signum(previous) ? run + 1 : 2;
                previous = d;
            } else {
                run = 1;
                previous = 0;
            }
            if (run == n) {
                markRange(k - n + 1, k, Signal.FOURTEEN_ALTERNATING.bit(), 0);
            } else if (run > n) {
                marks.mark(seq[k], Signal.FOURTEEN_ALTERNATING.bit(), 0);
            }
        }
    }

    /**
     * IHI shift: N points on one side of the centre line; points on it neither add to nor break the
     * shift (and are not flagged); a missing value breaks it.
     */
    private void shiftSkippingCentre(int n) {
        int runSide = 0;
        int count = 0;
        int runStart = 0;
        for (int k = 0; k < length; k++) {
            int s = sides[k];
            if (s == 0) {
                continue;
            }
            if (s == MISSING) {
                runSide = 0;
                count = 0;
                continue;
            }
            if (s != runSide) {
                runSide = s;
                runStart = k;
                count = 0;
            }
            count++;
            if (count >= n) {
                for (int q = count == n ? runStart : k; q <= k; q++) {
                    if (sides[q] == s) {
                        marks.mark(seq[q], Signal.SHIFT.bit(), s);
                    }
                }
            }
        }
    }

    /**
     * IHI trend: N points all going up (or down), where a value equal to the one before neither makes
     * nor breaks the trend; a missing value breaks it. The repeated values are flagged with the trend.
     */
    private void trendSkippingTies(int n) {
        int direction = 0;
        int moves = 0;
        int runStart = 0;
        int plateauStart = 0;
        for (int k = 0; k < length; k++) {
            double v = y[seq[k]];
            if (Double.isNaN(v)) {
                direction = 0;
                moves = 0;
                runStart = k + 1;
                plateauStart = k + 1;
                continue;
            }
            if (k == runStart) {
                continue;
            }
            double d = v - y[seq[k - 1]];
            if (d == 0) {
                // a repeat: part of whatever run is going on
            } else if ((d > 0 ? 1 : -1) == direction) {
                moves++;
                plateauStart = k;
            } else {
                direction = d > 0 ? 1 : -1;
                moves = 1;
                runStart = plateauStart;
                plateauStart = k;
            }
            if (direction != 0 && moves >= n - 1) {
                markRange(runStart, k, Signal.TREND.bit(), direction);
            }
        }
    }
}
