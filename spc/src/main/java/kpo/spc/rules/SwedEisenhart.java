package kpo.spc.rules;

import java.math.BigInteger;

/**
 * Limits for the number of runs about the centre line from their exact distribution (Swed &
 * Eisenhart, Ann. Math. Statist. 1943), for n useful observations split as the median splits them
 * (⌊n/2⌋ and ⌈n/2⌉): fewer runs than {@link #fewestRuns} or more than {@link #mostRuns} is a signal,
 * with at most 2.5% risk in each tail, about 5% in all. This is the table Perla, Provost & Murray
 * (2011) reprint for the IHI rules (e.g. n = 10: 3–9; n = 30: 11–21; n = 60: 24–38); the printed
 * table may round a few rows more conservatively.
 */
final class SwedEisenhart {

    /** 1 / (risk in one tail): a tail of 2.5%. */
    private static final BigInteger ONE_IN = BigInteger.valueOf(40);

    /** Limits are cached up to this many useful observations: each costs O(n²) big-integer work. */
    private static final int CACHED = 2048;
    private static final java.util.concurrent.atomic.AtomicIntegerArray FEWEST =
            new java.util.concurrent.atomic.AtomicIntegerArray(CACHED);
    private static final java.util.concurrent.atomic.AtomicIntegerArray MOST =
            new java.util.concurrent.atomic.AtomicIntegerArray(CACHED);

    private SwedEisenhart() {
    }

    /** The fewest runs that are not a signal. */
    static int fewestRuns(int useful) {
        return cached(FEWEST, useful, true);
    }

    /** The most runs that are not a signal. */
    static int mostRuns(int useful) {
        return cached(MOST, useful, false);
    }

    private static int cached(java.util.concurrent.atomic.AtomicIntegerArray cache, int useful, boolean fewest) {
        if (useful >= CACHED) {
            return fewest ? computeFewest(useful) : computeMost(useful);
        }
        int value = cache.get(useful);
        if (value == 0) {
            value = fewest ? computeFewest(useful) : computeMost(useful);
            cache.set(useful, value); // benign race: every thread computes the same number
        }
        return value;
    }

    private static int computeFewest(int useful) {
        int below = useful / 2;
        int above = useful - below;
        BigInteger total = choose(useful, below);
        BigInteger cumulative = BigInteger.ZERO;
        for (int r = 2; r <= useful; r++) {
            cumulative = cumulative.add(ways(below, above, r));
            if (exceeds(cumulative, total)) {
                return r;
            }
        }
        return 1;
    }

    private static int computeMost(int useful) {
        int below = useful / 2;
        int above = useful - below;
        BigInteger total = choose(useful, below);
        BigInteger cumulative = BigInteger.ZERO;
        for (int r = useful; r >= 2; r--) {
            cumulative = cumulative.add(ways(below, above, r));
            if (exceeds(cumulative, total)) {
                return r;
            }
        }
        return useful;
    }

    /** Whether cumulative/total exceeds the tail probability, exactly. */
    private static boolean exceeds(BigInteger cumulative, BigInteger total) {
        return cumulative.multiply(ONE_IN).compareTo(total) > 0;
    }

    /** Number of arrangements of a and b points with exactly r runs. */
    private static BigInteger ways(int a, int b, int r) {
        if (a == 0 || b == 0) {
            return r == 1 ? BigInteger.ONE : BigInteger.ZERO;
        }
        int k = r / 2;
        if (r % 2 == 0) {
            return choose(a - 1, k - 1).multiply(choose(b - 1, k - 1)).shiftLeft(1);
        }
        return choose(a - 1, k - 1).multiply(choose(b - 1, k)).add(choose(a - 1, k).multiply(choose(b - 1, k - 1)));
    }

    private static BigInteger choose(int n, int k) {
        if (k < 0 || k > n || n < 0) {
            return BigInteger.ZERO;
        }
        BigInteger result = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            result = result.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return result;
    }
}
