package kpo.spc.charts;

import org.apache.commons.math3.special.Gamma;

/**
 * The bias-correction constants of the Xbar and S charts for subgroups of size n (Montgomery,
 * Introduction to Statistical Quality Control, appendix VI; as qicharts2 computes them).
 */
final class BiasCorrection {

    private BiasCorrection() {
    }

    /** {@code c4(n) = sqrt(2/(n−1)) · Γ(n/2) / Γ((n−1)/2)}: E[s] = c4·σ. NaN for n ≤ 1. */
    static double c4(int n) {
        if (n <= 1) {
            return Double.NaN;
        }
        return Math.sqrt(2.0 / (n - 1)) * Math.exp(Gamma.logGamma(n / 2.0) - Gamma.logGamma((n - 1) / 2.0));
    }

    /** {@code c5(n) = sqrt(1 − c4(n)²)}: SD[s] = c5·σ. */
    static double c5(int n) {
        double c4 = c4(n);
        return Math.sqrt(1 - c4 * c4);
    }

    /** {@code A3(n) = 3 / (c4(n)·√n)}: Xbar limits are x̿ ± A3·s̄. */
    static double a3(int n) {
        return 3 / (c4(n) * Math.sqrt(n));
    }

    /** {@code B3(n) = max(0, 1 − 3·c5/c4)}: the S chart's lower limit is B3·s̄. */
    static double b3(int n) {
        return Math.max(0, 1 - 3 * c5(n) / c4(n));
    }

    /** {@code B4(n) = 1 + 3·c5/c4}: the S chart's upper limit is B4·s̄. */
    static double b4(int n) {
        return 1 + 3 * c5(n) / c4(n);
    }
}
