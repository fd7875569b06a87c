package kpo.spc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-made series for the rule and edge-case tests: one observation a month from January 2020,
 * so that point {@code i} is dated {@link #period(int) period(i)}; {@code NaN} is a missing value.
 *
 * <p>{@link #QUIET_BASELINE} gives charts whose limits are known exactly, so that a pattern planted
 * after it lands in the zone it was meant for. It is three times {@code 8, 10, 12, 14, 12, 10}:
 * mean 11 and every moving range 2 (so MR̄ = 2 with or without screening). Its lines:
 *
 * <table>
 *   <caption>Lines of the quiet baseline</caption>
 *   <tr><th>line</th><th>XmR (σ = 2.66·MR̄/3)</th><th>I (σ = MR̄/1.128)</th><th>pattern values used</th></tr>
 *   <tr><td>centre</td><td>11</td><td>11</td><td>11</td></tr>
 *   <tr><td>±1σ</td><td>9.2267 / 12.7733</td><td>9.2270 / 12.7730</td><td>within: 9.5 .. 12.5</td></tr>
 *   <tr><td>±2σ</td><td>7.4533 / 14.5467</td><td>7.4539 / 14.5461</td><td>1σ..2σ: 8, 8.5, 9 / 13, 13.5, 14</td></tr>
 *   <tr><td>±3σ (limits)</td><td>5.68 / 16.32</td><td>5.6809 / 16.3191</td><td>2σ..3σ: 6, 7 / 15, 16; beyond: ≤ 5 / ≥ 17</td></tr>
 * </table>
 *
 * <p>On its own it raises no point signal under any rule set: no run longer than 3 on one side, no
 * rise or fall longer than 3 moves, no value beyond 2σ, one value beyond 1σ in every three, and no
 * alternation longer than 3. Its tail is {@code 14, 12, 10}: the last point is 1 below the centre
 * and ends a fall of two moves, which a planted pattern has to bear in mind.
 */
final class Series {

    static final LocalDate START = LocalDate.of(2020, 1, 1);
    static final double[] QUIET_BASELINE = {8, 10, 12, 14, 12, 10, 8, 10, 12, 14, 12, 10, 8, 10, 12, 14, 12, 10};
    static final int BASELINE_LENGTH = QUIET_BASELINE.length;

    private Series() {
    }

    /** The date of point {@code i}: the first of the month, {@code i} months after January 2020. */
    static LocalDate period(int i) {
        return START.plusMonths(i);
    }

    /** One observation per value, monthly; NaN is a missing value. */
    static List<Observation> of(double... values) {
        List<Observation> observations = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            observations.add(Observation.of(period(i), values[i]));
        }
        return observations;
    }

    /** Counts out of denominators, monthly. */
    static List<Observation> of(double[] values, double[] denominators) {
        List<Observation> observations = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            observations.add(Observation.of(period(i), values[i], denominators[i]));
        }
        return observations;
    }

    /** One subgroup per month: every value of {@code groups[i]} is dated {@code period(i)}. */
    static List<Observation> subgroups(double[]... groups) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            for (double value : groups[i]) {
                observations.add(Observation.of(period(i), value));
            }
        }
        return observations;
    }

    /** The quiet baseline followed by {@code pattern}: pattern point k is point {@code BASELINE_LENGTH + k}. */
    static List<Observation> afterQuietBaseline(double... pattern) {
        return of(concat(QUIET_BASELINE, pattern));
    }

    /** The values of {@code parts}, one after another. */
    static double[] concat(double[]... parts) {
        int length = 0;
        for (double[] part : parts) {
            length += part.length;
        }
        double[] all = new double[length];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /**
     * The points of {@code chart} that carry {@code signal}, numbered from the first pattern point
     * after the quiet baseline (baseline points come out negative: −1 is its last point).
     */
    static List<Integer> flaggedInPattern(ChartResult chart, Signal signal) {
        List<Integer> flagged = new ArrayList<>();
        for (int i = 0; i < chart.points().size(); i++) {
            if (chart.points().get(i).signals().contains(signal)) {
                flagged.add(i - BASELINE_LENGTH);
            }
        }
        return flagged;
    }

    /** Pattern indices {@code from..to}, both included. */
    static List<Integer> range(int from, int to) {
        List<Integer> indices = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            indices.add(k);
        }
        return indices;
    }
}
