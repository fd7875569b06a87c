package kpo.spc.funnel;

import java.util.List;

/**
 * How to draw a funnel.
 *
 * @param kind proportion (binomial) or rate (Poisson)
 * @param overdispersion the allowance for units varying more than chance ({@link Overdispersion})
 * @param levels the two-sided coverage of each pair of limits, e.g. 0.95 and 0.998 (about 2 and 3σ)
 * @param target the value units are compared with, or NaN for the pooled value (Σ numerators over
 *     Σ denominators)
 */
public record FunnelSpec(FunnelKind kind, Overdispersion overdispersion, List<Double> levels, double target) {

    /** The default levels: 95% and 99.8%, the warning and control limits of Spiegelhalter (2005). */
    public static final List<Double> DEFAULT_LEVELS = List.of(0.95, 0.998);

    public FunnelSpec {
        if (kind == null || overdispersion == null) {
            throw new IllegalArgumentException("a funnel needs its kind and overdispersion method");
        }
        levels = levels.stream().distinct().sorted().toList();
        if (levels.isEmpty() || levels.stream().anyMatch(l -> !(l > 0 && l < 1))) {
            throw new IllegalArgumentException("funnel levels are shares between 0 and 1, e.g. 0.95; got " + levels);
        }
        if (!Double.isNaN(target) && !(target > 0 && (kind == FunnelKind.RATE || target < 1))) {
            throw new IllegalArgumentException("a funnel's target is " + (kind == FunnelKind.PROPORTION
                    ? "a proportion between 0 and 1" : "a rate above 0") + "; got " + target);
        }
    }

    /** A funnel of {@code kind} with chance-only limits at 95% and 99.8% around the pooled value. */
    public static FunnelSpec of(FunnelKind kind) {
        return new FunnelSpec(kind, Overdispersion.NONE, DEFAULT_LEVELS, Double.NaN);
    }

    public FunnelSpec overdispersion(Overdispersion value) {
        return new FunnelSpec(kind, value, levels, target);
    }

    public FunnelSpec levels(List<Double> value) {
        return new FunnelSpec(kind, overdispersion, value, target);
    }

    public FunnelSpec target(double value) {
        return new FunnelSpec(kind, overdispersion, levels, value);
    }

    public boolean pooledTarget() {
        return Double.isNaN(target);
    }
}
