package kpo.spc.funnel;

import java.util.Locale;
import java.util.Optional;

/** What the value of a unit is, and so the spread expected of it at each size. */
public enum FunnelKind {
    /** A proportion (binomial): the variance of a unit's value is θ(1 − θ)/n. */
    PROPORTION("proportion"),
    /** A rate or an indirectly standardised ratio (Poisson): the variance is θ/n. */
    RATE("rate");

    private final String code;

    FunnelKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The variance of a unit's value of size {@code n} around the target {@code theta}. */
    double variance(double theta, double n) {
        return this == PROPORTION ? theta * (1 - theta) / n : theta / n;
    }

    public static Optional<FunnelKind> fromCode(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (FunnelKind kind : values()) {
            if (kind.code.equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
