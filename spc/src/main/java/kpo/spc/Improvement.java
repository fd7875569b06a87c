package kpo.spc;

import java.util.Locale;
import java.util.Optional;

/** Which way is better for a measure. Neutral measures get neutral colours and no assurance. */
public enum Improvement {
    INCREASE, DECREASE, NEUTRAL;

    /** The name on the command line and in configs: {@code increase}, {@code decrease}, {@code neutral}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Improvement> fromCode(String code) {
        for (Improvement value : values()) {
            if (value.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The opposite direction; neutral stays neutral. */
    public Improvement flipped() {
        return switch (this) {
            case INCREASE -> DECREASE;
            case DECREASE -> INCREASE;
            case NEUTRAL -> NEUTRAL;
        };
    }
}
