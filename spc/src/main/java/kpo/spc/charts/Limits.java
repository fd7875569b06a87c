package kpo.spc.charts;

import kpo.spc.ChartSpec;
import kpo.spc.ChartType;

/**
 * Centre line and process limits of every point, computed phase by phase from the phase's base
 * points (baseline and not excluded), before any scaling. Formulas as in
 * {@code shared/reference/ALGORITHMS.md}:
 *
 * <table>
 *   <caption>Centre and limits by chart</caption>
 *   <tr><th>chart</th><th>centre</th><th>limits</th></tr>
 *   <tr><td>run</td><td>median(y)</td><td>none</td></tr>
 *   <tr><td>xmr</td><td>mean(y)</td><td>CL ± 2.66·MR̄ (Making Data Count; NHSRplotthedots)</td></tr>
 *   <tr><td>i</td><td>mean(y)</td><td>CL ± 3·MR̄/1.128 (qicharts2)</td></tr>
 *   <tr><td>mr</td><td>MR̄</td><td>UCL = 3.267·MR̄, LCL = 0</td></tr>
 *   <tr><td>t</td><td>I chart on y^(1/3.6), raised to 3.6</td><td>a negative transformed LCL is 0 (Nelson 1994)</td></tr>
 *   <tr><td>p</td><td>Σy/Σn</td><td>CL ± 3·sqrt(CL(1−CL)/nᵢ), within 0..1</td></tr>
 *   <tr><td>pp</td><td>Σy/Σn</td><td>CL ± 3·σz·sqrt(CL(1−CL)/nᵢ), σz = MR̄ of z-scores/1.128 (Laney 2002)</td></tr>
 *   <tr><td>u</td><td>Σy/Σn</td><td>CL ± 3·sqrt(CL/nᵢ), LCL ≥ 0</td></tr>
 *   <tr><td>up</td><td>Σy/Σn</td><td>CL ± 3·σz·sqrt(CL/nᵢ) (Laney 2002)</td></tr>
 *   <tr><td>c</td><td>mean(y)</td><td>CL ± 3·sqrt(CL), LCL ≥ 0</td></tr>
 *   <tr><td>g</td><td>median(y)</td><td>m ± 3·sqrt(m(m+1)) with m = mean(y), LCL ≥ 0 (Benneyan 2001)</td></tr>
 *   <tr><td>xbar</td><td>Σnᵢȳᵢ/Σnᵢ</td><td>CL ± A3(nᵢ)·s̄, s̄ the mean SD (equal sizes) or pooled SD</td></tr>
 *   <tr><td>s</td><td>s̄</td><td>B3(nᵢ)·s̄ .. B4(nᵢ)·s̄</td></tr>
 *   <tr><td>ip</td><td>Σy/Σn</td><td>CL ± 3·s̄·sqrt(1/nᵢ), sⱼ = sqrt(π/2)·|pⱼ−pⱼ₋₁|/sqrt(1/nⱼ₋₁+1/nⱼ)</td></tr>
 * </table>
 *
 * <p>{@code sigma} holds the one-sigma width used by the zone rules where the limits are centre ±
 * 3σ (before any clipping at 0 or 1), NaN elsewhere. {@code upperTwo} and {@code lowerTwo} are
 * each chart's own 2σ lines, which the Making Data Count 2-of-3 test reads on every control chart:
 * centre ± 2σ where the zones are symmetric; on the charts whose limits are not centre ± 3σ, the 2σ
 * line built as the chart builds its limits (g: m ± 2·sqrt(m(m+1)); t: the I chart's 2σ line on
 * {@code y^(1/3.6)} transformed back; s: {@code (1 ± 2·c5/c4)·s̄}), as PowerBI-SPC draws its 95%
 * lines; NaN on run and moving-range charts.
 */
public final class Limits {

    /** The screening factor for moving ranges: D4 for n = 2 (3.267, as both reference packages round it). */
    static final double MR_SCREEN = 3.267;
    /** qicharts2's screening factor for the I′ chart. */
    static final double IP_SCREEN = 3.2665;
    /** d2 for n = 2. */
    static final double D2 = 1.128;
    /** The Making Data Count constant: 3/d2 rounded. */
    static final double MDC_FACTOR = 2.66;

    final double[] y;
    final double[] centre;
    final double[] upper;
    final double[] lower;
    final double[] sigma;
    final double[] upperTwo;
    final double[] lowerTwo;

    private Limits(double[] y) {
        int n = y.length;
        this.y = y;
        centre = new double[n];
        upper = new double[n];
        lower = new double[n];
        sigma = new double[n];
        upperTwo = new double[n];
        lowerTwo = new double[n];
    }

    public double[] y() {
        return y;
    }

    public double[] centre() {
        return centre;
    }

    public double[] upper() {
        return upper;
    }

    public double[] lower() {
        return lower;
    }

    public double[] sigma() {
        return sigma;
    }

    /** The 2σ line above the centre of each point (see the class comment), NaN where there is none. */
    public double[] upperTwo() {
        return upperTwo;
    }

    /** The 2σ line below the centre of each point, NaN where there is none. */
    public double[] lowerTwo() {
        return lowerTwo;
    }

    public static Limits compute(ChartSpec spec, Subgroups groups, PhasePlan plan) {
        ChartType chart = spec.chart();
        double[] y = chart == ChartType.MR ? movingRanges(groups.plotted) : groups.plotted.clone();
        Limits limits = new Limits(y);
        int[] base = new int[y.length];
        double[] scratch = new double[y.length];
        for (int p = 0; p < plan.phases(); p++) {
            int from = plan.start(p);
            int to = plan.end(p);
            int m = 0;
            for (int i = from; i < to; i++) {
                if (plan.baseline[i] && !plan.excluded[i]) {
                    base[m++] = i;
                }
            }
            limits.phase(spec, groups, from, to, base, m, scratch);
        }
        return limits;
    }

    /** {@code |yᵢ − yᵢ₋₁|} over the whole series; the first, and any next to a gap, is missing. */
    private static double[] movingRanges(double[] values) {
        double[] ranges = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            ranges[i] = i == 0 ? Double.NaN : Math.abs(values[i] - values[i - 1]);
        }
        return ranges;
    }

    private void phase(ChartSpec spec, Subgroups g, int from, int to, int[] base, int m, double[] scratch) {
        boolean screen = spec.screensOutliers();
        switch (spec.chart()) {
            case RUN -> constant(from, to, median(y, base, m, scratch), Double.NaN, Double.NaN);
            case XMR -> {
                double cl = mean(y, base, m, scratch);
                double mrBar = meanMovingRange(y, base, m, screen, MR_SCREEN, scratch);
                constant(from, to, cl, MDC_FACTOR * mrBar, MDC_FACTOR * mrBar / 3);
            }
            case I -> {
                double cl = mean(y, base, m, scratch);
                double s = meanMovingRange(y, base, m, screen, MR_SCREEN, scratch) / D2;
                constant(from, to, cl, 3 * s, s);
            }
            case MR -> {
                double cl = mean(y, base, m, scratch);
                for (int i = from; i < to; i++) {
                    centre[i] = cl;
                    upper[i] = MR_SCREEN * cl;
                    lower[i] = 0;
                    sigma[i] = Double.NaN;
                    upperTwo[i] = Double.NaN;
                    lowerTwo[i] = Double.NaN;
                }
            }
            case T -> timeBetween(from, to, base, m, screen, scratch);
            case P, U -> attribute(spec.chart(), g, from, to, base, m, 1.0);
            case PP, UP -> attribute(spec.chart(), g, from, to, base, m, laneySigmaZ(spec.chart(), g, base, m, screen, scratch));
            case C -> {
                double cl = mean(y, base, m, scratch);
                double s = Math.sqrt(cl);
                constant(from, to, cl, 3 * s, s);
                clipLower(from, to);
            }
            case G -> {
                double cl = median(y, base, m, scratch);
                double mean = mean(y, base, m, scratch);
                double s = Math.sqrt(mean * (mean + 1));
                double halfWidth = 3 * s;
                for (int i = from; i < to; i++) {
                    centre[i] = cl;
                    upper[i] = mean + halfWidth;
                    lower[i] = Math.max(0, mean - halfWidth);
                    sigma[i] = Double.NaN;
                    upperTwo[i] = mean + 2 * s;
                    lowerTwo[i] = Math.max(0, mean - 2 * s);
                }
            }
            case XBAR, S -> subgrouped(spec.chart(), g, from, to, base, m);
            case IP -> iPrime(g, from, to, base, m, screen, scratch);
        }
    }

    private void constant(int from, int to, double cl, double halfWidth, double s) {
        for (int i = from; i < to; i++) {
            centre[i] = cl;
            upper[i] = cl + halfWidth;
            lower[i] = cl - halfWidth;
            sigma[i] = s;
            twoSigma(i, cl, s);
        }
    }

    /** The symmetric 2σ lines, computed as the zone rules always have: {@code centre + 2.0·σ}. */
    private void twoSigma(int i, double cl, double s) {
        upperTwo[i] = cl + 2.0 * s;
        lowerTwo[i] = cl - 2.0 * s;
    }

    private void clipLower(int from, int to) {
        for (int i = from; i < to; i++) {
            lower[i] = Math.max(0, lower[i]);
        }
    }

    /** T chart: an I chart on {@code y^(1/3.6)}, which makes exponential times near symmetric, transformed back. */
    private void timeBetween(int from, int to, int[] base, int m, boolean screen, double[] scratch) {
        double[] transformed = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            transformed[i] = Math.pow(y[i], 1 / 3.6);
        }
        double cl = mean(transformed, base, m, scratch);
        double s = meanMovingRange(transformed, base, m, screen, MR_SCREEN, scratch) / D2;
        double lcl = cl - 3 * s;
        double lowerTwoSigma = cl - 2 * s;
        for (int i = from; i < to; i++) {
            centre[i] = Math.pow(cl, 3.6);
            upper[i] = Math.pow(cl + 3 * s, 3.6);
            lower[i] = lcl < 0 ? 0 : Math.pow(lcl, 3.6);
            sigma[i] = Double.NaN;
            upperTwo[i] = Math.pow(cl + 2 * s, 3.6);
            lowerTwo[i] = lowerTwoSigma < 0 ? 0 : Math.pow(lowerTwoSigma, 3.6);
        }
    }

    /** P, U and Laney's P′ and U′: the P or U σ of each point, times Laney's σz (1 for P and U). */
    private void attribute(ChartType chart, Subgroups g, int from, int to, int[] base, int m, double sigmaZ) {
        double cl = pooled(g, base, m);
        boolean proportion = chart.proportion();
        for (int i = from; i < to; i++) {
            double s = sigmaZ * pointSigma(proportion, cl, g.denominators[i]);
            centre[i] = cl;
            sigma[i] = s;
            twoSigma(i, cl, s);
            upper[i] = proportion ? Math.min(1, cl + 3 * s) : cl + 3 * s;
            lower[i] = Math.max(0, cl - 3 * s);
        }
    }

    private static double pointSigma(boolean proportion, double cl, double n) {
        return proportion ? Math.sqrt(cl * (1 - cl) / n) : Math.sqrt(cl / n);
    }

    /** Σy / Σn over the base points with a value. */
    private double pooled(Subgroups g, int[] base, int m) {
        double sum = 0;
        double n = 0;
        for (int k = 0; k < m; k++) {
            int i = base[k];
            if (!Double.isNaN(y[i])) {
                sum += g.values[i];
                n += g.denominators[i];
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Laney's σz: the z-scores {@code zⱼ = (pⱼ − CL)/σⱼ} of the base points, their moving ranges
     * (screened as asked), and {@code σz = MR̄z / 1.128} (Laney, Quality Engineering 14(4), 2002).
     */
    private double laneySigmaZ(ChartType chart, Subgroups g, int[] base, int m, boolean screen, double[] scratch) {
        double cl = pooled(g, base, m);
        boolean proportion = chart == ChartType.PP;
        double[] z = new double[y.length];
        for (int k = 0; k < m; k++) {
            int i = base[k];
            z[i] = (y[i] - cl) / pointSigma(proportion, cl, g.denominators[i]);
        }
        return meanMovingRange(z, base, m, screen, MR_SCREEN, scratch) / D2;
    }

    /** Xbar and S: s̄ is the mean subgroup SD when every base subgroup has the same size, else the pooled SD. */
    private void subgrouped(ChartType chart, Subgroups g, int from, int to, int[] base, int m) {
        double weighted = 0;
        double weights = 0;
        double sdSum = 0;
        int sdCount = 0;
        double pooledSquares = 0;
        double pooledDf = 0;
        int size = -1;
        boolean equalSizes = true;
        for (int k = 0; k < m; k++) {
            int i = base[k];
            int n = g.sizes[i];
            if (n == 0) {
                continue;
            }
            weighted += n * g.values[i];
            weights += n;
            if (size != -1 && n != size) {
                equalSizes = false;
            }
            size = n;
            double sd = g.deviations[i];
            if (!Double.isNaN(sd)) {
                sdSum += sd;
                sdCount++;
                pooledSquares += (n - 1) * sd * sd;
                pooledDf += n - 1;
            }
        }
        double sBar = equalSizes ? (sdCount == 0 ? Double.NaN : sdSum / sdCount)
                : (pooledDf == 0 ? Double.NaN : Math.sqrt(pooledSquares / pooledDf));
        double grandMean = weights == 0 ? Double.NaN : weighted / weights;
        for (int i = from; i < to; i++) {
            int n = g.sizes[i];
            if (chart == ChartType.XBAR) {
                double halfWidth = BiasCorrection.a3(n) * sBar;
                centre[i] = grandMean;
                upper[i] = grandMean + halfWidth;
                lower[i] = grandMean - halfWidth;
                sigma[i] = halfWidth / 3;
                twoSigma(i, grandMean, sigma[i]);
            } else {
                double spread = BiasCorrection.c5(n) / BiasCorrection.c4(n);
                centre[i] = sBar;
                upper[i] = BiasCorrection.b4(n) * sBar;
                lower[i] = BiasCorrection.b3(n) * sBar;
                sigma[i] = Double.NaN;
                upperTwo[i] = (1 + 2 * spread) * sBar;
                lowerTwo[i] = Math.max(0, 1 - 2 * spread) * sBar;
            }
        }
    }

    /**
     * I′ chart for proportions with varying denominators (qicharts2 0.8):
     * {@code sⱼ = sqrt(π/2)·|pⱼ − pⱼ₋₁| / sqrt(1/nⱼ₋₁ + 1/nⱼ)} over all consecutive points of the phase
     * (not only the base points: ALGORITHMS.md §2.3), screened at 3.2665·s̄ when asked, and
     * {@code σᵢ = s̄·sqrt(1/nᵢ)}; the centre comes from the base points.
     */
    private void iPrime(Subgroups g, int from, int to, int[] base, int m, boolean screen, double[] scratch) {
        double cl = pooled(g, base, m);
        int count = 0;
        for (int i = from + 1; i < to; i++) {
            scratch[count++] = Math.sqrt(Math.PI / 2) * Math.abs(y[i] - y[i - 1])
                    / Math.sqrt(1 / g.denominators[i - 1] + 1 / g.denominators[i]);
        }
        double sBar = Statistics.meanMovingRange(scratch, count, screen, IP_SCREEN);
        for (int i = from; i < to; i++) {
            double s = sBar * Math.sqrt(1 / g.denominators[i]);
            centre[i] = cl;
            sigma[i] = s;
            twoSigma(i, cl, s);
            upper[i] = cl + 3 * s;
            lower[i] = cl - 3 * s;
        }
    }

    private static double mean(double[] values, int[] base, int m, double[] scratch) {
        for (int k = 0; k < m; k++) {
            scratch[k] = values[base[k]];
        }
        return Statistics.mean(scratch, m);
    }

    private static double median(double[] values, int[] base, int m, double[] scratch) {
        for (int k = 0; k < m; k++) {
            scratch[k] = values[base[k]];
        }
        return Statistics.median(scratch, m);
    }

    /** MR̄ over consecutive base points: excluded points are already out, so a range bridges them; a gap is not bridged. */
    private static double meanMovingRange(double[] values, int[] base, int m, boolean screen, double factor,
            double[] scratch) {
        int count = 0;
        for (int k = 1; k < m; k++) {
            scratch[count++] = Math.abs(values[base[k]] - values[base[k - 1]]);
        }
        return Statistics.meanMovingRange(scratch, count, screen, factor);
    }
}
