package kpo.spc.funnel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Funnel plots for comparing units, after Spiegelhalter DJ, "Funnel plots for comparing institutional
 * performance", Statistics in Medicine 2005;24:1185–1202: each unit's value y = numerator/denominator
 * against a target θ (the pooled value unless one is given), with limits θ ± z·s(n) at each level's
 * normal quantile z (1.96 for 95%, 3.09 for 99.8%), s(n) = √(θ(1 − θ)/n) for a proportion and √(θ/n)
 * for a rate, widened for overdispersion as {@link Overdispersion} says. A unit beyond a pair of
 * limits is named with the widest it passes, never "worse" without it. The normal approximation is
 * the paper's; for small denominators (expected counts under about 5) exact binomial or Poisson
 * limits would differ a little, and are not drawn here.
 */
public final class Funnel {

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private Funnel() {
    }

    /** The two-sided normal quantile of {@code level}: 1.959964 for 0.95. */
    public static double quantile(double level) {
        return NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
    }

    /**
     * The funnel of {@code units}.
     *
     * @throws IllegalArgumentException with a sentence when there are fewer than two units, a name
     *     repeats, a proportion's numerator exceeds its denominator, or the target is 0 (nothing to
     *     compare: every value is 0)
     */
    public static FunnelResult of(FunnelSpec spec, List<FunnelUnit> units) {
        if (units.size() < 2) {
            throw new IllegalArgumentException("a funnel compares two or more units; got " + units.size());
        }
        Set<String> names = new HashSet<>();
        double numerators = 0;
        double denominators = 0;
        for (FunnelUnit u : units) {
            if (!names.add(u.unit())) {
                throw new IllegalArgumentException("unit '" + u.unit() + "' appears twice");
            }
            if (spec.kind() == FunnelKind.PROPORTION && u.numerator() > u.denominator()) {
                throw new IllegalArgumentException("unit '" + u.unit() + "': the numerator " + u.numerator()
                        + " is above the denominator " + u.denominator() + ", so the value is not a proportion");
            }
            numerators += u.numerator();
            denominators += u.denominator();
        }
        double target = spec.pooledTarget() ? numerators / denominators : spec.target();
        if (!(target > 0) || (spec.kind() == FunnelKind.PROPORTION && !(target < 1))) {
            throw new IllegalArgumentException("the pooled value is " + target + ", so there is no spread to compare "
                    + "the units by; give a target");
        }
        int count = units.size();
        double[] z = new double[count];
        double[] weights = new double[count];
        for (int i = 0; i < count; i++) {
            FunnelUnit u = units.get(i);
            double variance = spec.kind().variance(target, u.denominator());
            z[i] = (u.value() - target) / Math.sqrt(variance);
            weights[i] = 1 / variance;
        }
        double phi = phi(z);
        double tau2 = 0;
        double scale = 1;
        switch (spec.overdispersion()) {
            case MULTIPLICATIVE -> scale = Math.sqrt(Math.max(1, phi));
            case ADDITIVE -> {
                double sum = Arrays.stream(weights).sum();
                double squares = Arrays.stream(weights).map(w -> w * w).sum();
                tau2 = Math.max(0, (count * phi - (count - 1)) / (sum - squares / sum));
            }
            case LANEY -> scale = laneySigma(units, z);
            case NONE -> {
            }
        }
        FunnelResult shape = new FunnelResult(spec, target, phi, tau2, scale, List.of());
        List<FunnelPoint> points = new ArrayList<>();
        for (FunnelUnit u : units) {
            double value = u.value();
            double adjustedZ = (value - target) / shape.spread(u.denominator());
            double beyond = 0;
            int side = 0;
            for (double level : spec.levels()) {
                if (Math.abs(adjustedZ) > quantile(level)) {
                    beyond = level;
                    side = adjustedZ > 0 ? 1 : -1;
                }
            }
            points.add(new FunnelPoint(u.unit(), u.numerator(), u.denominator(), value, adjustedZ, beyond, side));
        }
        return new FunnelResult(spec, target, phi, tau2, scale, points);
    }

    /** φ: the mean of the squared z-scores, winsorised at their 10th and 90th percentiles. */
    static double phi(double[] z) {
        double low = quantile7(z, 0.1);
        double high = quantile7(z, 0.9);
        double sum = 0;
        for (double v : z) {
            double w = Math.min(Math.max(v, low), high);
            sum += w * w;
        }
        return sum / z.length;
    }

    /** R's default quantile (type 7): linear between the order statistics around (n − 1)p. */
    static double quantile7(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = (int) Math.ceil(h);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    /** Laney's σz: the mean moving range of the z-scores, units in order of size, over d2 = 1.128. */
    private static double laneySigma(List<FunnelUnit> units, double[] z) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> units.get(i).denominator()).thenComparingInt(i -> i));
        double ranges = 0;
        for (int k = 1; k < order.size(); k++) {
            ranges += Math.abs(z[order.get(k)] - z[order.get(k - 1)]);
        }
        return ranges / (order.size() - 1) / 1.128;
    }
}
