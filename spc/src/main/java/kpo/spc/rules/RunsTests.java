package kpo.spc.rules;

import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import kpo.spc.RunsAnalysis;

/**
 * Runs analysis of one phase: how the useful observations (included, non-missing, not on the
 * centre line) fall into runs on either side of the centre line.
 */
public final class RunsTests {

    /** Crossings limits are cached up to this many useful observations; longer phases compute theirs. */
    private static final int CACHED = 4096;
    private static final AtomicIntegerArray CROSSINGS_MIN = new AtomicIntegerArray(CACHED);

    private RunsTests() {
    }

    /**
     * Anhøj's runs analysis (Anhøj & Olesen, PLoS ONE 2014): signal when the longest run exceeds
     * {@code round(log2 n) + 3} or the number of crossings is below {@code qbinom(0.05, n − 1, ½)}.
     *
     * @param signalAllowed false for charts whose runs analysis never signals (MR)
     */
    public static RunsAnalysis anhoej(int phase, double[] y, double[] centre, int from, int to, boolean[] excluded,
            boolean signalAllowed) {
        Runs runs = Runs.count(y, centre, from, to, excluded);
        if (runs.useful == 0) {
            return new RunsAnalysis(phase, runs.observations, 0, null, null, null, null, null, false);
        }
        int longestMax = longestRunMax(runs.useful);
        int crossingsMin = crossingsMin(runs.useful);
        boolean signal = signalAllowed && (runs.longest > longestMax || runs.crossings < crossingsMin);
        return new RunsAnalysis(phase, runs.observations, runs.useful, runs.longest, longestMax, runs.crossings,
                crossingsMin, null, signal);
    }

    /**
     * The IHI runs test (Perla, Provost & Murray, BMJ Qual Saf 2011): signal when the number of runs
     * is outside the limits of {@link SwedEisenhart} for the number of useful observations. The longest
     * run is reported, but the IHI rules judge it through the shift rule, so it has no maximum here.
     */
    public static RunsAnalysis ihi(int phase, double[] y, double[] centre, int from, int to, boolean[] excluded,
            boolean signalAllowed) {
        Runs runs = Runs.count(y, centre, from, to, excluded);
        if (runs.useful == 0) {
            return new RunsAnalysis(phase, runs.observations, 0, null, null, null, null, null, false);
        }
        int fewest = SwedEisenhart.fewestRuns(runs.useful);
        int most = SwedEisenhart.mostRuns(runs.useful);
        int count = runs.crossings + 1;
        boolean signal = signalAllowed && (count < fewest || count > most);
        return new RunsAnalysis(phase, runs.observations, runs.useful, runs.longest, null, runs.crossings,
                fewest - 1, most - 1, signal);
    }

    /** {@code round(log2 n) + 3}: log2 of an integer is never exactly x.5, so rounding halves does not arise. */
    public static int longestRunMax(int useful) {
        return (int) Math.round(Math.log(useful) / Math.log(2)) + 3;
    }

    /**
     * {@code qbinom(0.05, n − 1, 0.5)}: the smallest c with P(Bin(n − 1, ½) ≤ c) ≥ 0.05, computed in
     * exact integer arithmetic: {@code 20 · Σₖ≤c C(n−1, k) ≥ 2^(n−1)}.
     */
    public static int crossingsMin(int useful) {
        if (useful < CACHED) {
            int cached = CROSSINGS_MIN.get(useful);
            if (cached != 0) {
                return cached - 1;
            }
        }
        int trials = useful - 1;
        BigInteger target = BigInteger.ONE.shiftLeft(trials);
        BigInteger term = BigInteger.ONE;
        BigInteger cumulative = BigInteger.ZERO;
        BigInteger twenty = BigInteger.valueOf(20);
        int c = 0;
        while (true) {
            cumulative = cumulative.add(term);
            if (cumulative.multiply(twenty).compareTo(target) >= 0) {
                break;
            }
            term = term.multiply(BigInteger.valueOf(trials - c)).divide(BigInteger.valueOf(c + 1));
            c++;
        }
        if (useful < CACHED) {
            CROSSINGS_MIN.set(useful, c + 1);
        }
        return c;
    }

    /** Observations, useful observations, longest run and crossings of one phase. */
    private record Runs(int observations, int useful, int longest, int crossings) {

        static Runs count(double[] y, double[] centre, int from, int to, boolean[] excluded) {
            int observations = 0;
            int useful = 0;
            int longest = 0;
            int crossings = 0;
            int current = 0;
            int lastSide = 0;
            for (int i = from; i < to; i++) {
                if (excluded[i]) {
                    continue;
                }
                observations++;
                double v = y[i];
                double c = centre[i];
                if (Double.isNaN(v) || Double.isNaN(c) || v == c) {
                    continue;
                }
                int side = v > c ? 1 : -1;
                useful++;
                if (side == lastSide) {
                    current++;
                } else {
                    if (lastSide != 0) {
                        crossings++;
                    }
                    current = 1;
                    lastSide = side;
                }
                longest = Math.max(longest, current);
            }
            return new Runs(observations, useful, longest, crossings);
        }
    }
}
