package kpo.spc.funnel;

import java.util.List;

/**
 * A funnel: the target, the overdispersion found, each unit placed, and the limits at any size
 * ({@link #lower}, {@link #upper}) to draw the funnel's curves. Limits are as computed: a lower limit
 * below 0 is for a reader to show at 0.
 *
 * @param target θ, the value units are compared with
 * @param phi the overdispersion ratio φ (mean squared winsorised z-score); reported whatever the method
 * @param tau2 the between-unit variance τ² of the additive method (0 for the others)
 * @param scale the factor on the standard error: √φ (multiplicative, where φ > 1), σz (Laney), else 1
 * @param points the units, in the order given
 */
public record FunnelResult(FunnelSpec spec, double target, double phi, double tau2, double scale,
        List<FunnelPoint> points) {

    public FunnelResult {
        points = List.copyOf(points);
    }

    /** The lower limit of the {@code level} pair at size {@code n}. */
    public double lower(double level, double n) {
        return target - Funnel.quantile(level) * spread(n);
    }

    /** The upper limit of the {@code level} pair at size {@code n}. */
    public double upper(double level, double n) {
        return target + Funnel.quantile(level) * spread(n);
    }

    /** The standard error the limits use at size {@code n}, with the method's allowance. */
    double spread(double n) {
        double variance = spec.kind().variance(target, n);
        return spec.overdispersion() == Overdispersion.ADDITIVE ? Math.sqrt(variance + tau2)
                : scale * Math.sqrt(variance);
    }

    /** The units beyond the widest limits, in the order given. */
    public List<FunnelPoint> outliers() {
        return points.stream().filter(FunnelPoint::outlier).toList();
    }
}
