package kpo.spc.funnel;

import java.util.Locale;
import java.util.Optional;

/**
 * How the limits allow for units that vary more than chance alone would make them (case mix,
 * coding, the many things no model holds), named and versioned as the rule sets are. With none,
 * a big enough unit is "beyond the limits" for differences no one could act on.
 */
public enum Overdispersion {
    /** Limits from chance alone: θ ± z·s(n). */
    NONE("none", ""),
    /**
     * Spiegelhalter (2005) §4.3, multiplicative: φ is the mean of the squared z-scores after
     * winsorising them at their 10th and 90th percentiles (R's quantile type 7), and where φ > 1 the
     * limits are θ ± z·√φ·s(n) and each unit's z-score is divided by √φ (under-dispersion is not
     * deflated).
     */
    MULTIPLICATIVE("multiplicative", "spiegelhalter-2005"),
    /**
     * Spiegelhalter (2005) §4.4, additive random effects: τ² = max(0, (Iφ − (I − 1)) / (Σw − Σw²/Σw))
     * with w = 1/s², from the same winsorised φ; the limits are θ ± z·√(s(n)² + τ²) and each unit's
     * z-score is (y − θ)/√(s² + τ²). The usual choice for comparing trusts (NHS Digital's SHMI
     * method, FunnelPlotR's default).
     */
    ADDITIVE("additive", "spiegelhalter-2005"),
    /**
     * Laney (2002), as on the P′ and U′ charts: σz is the mean moving range of the z-scores over 1.128
     * (d2 for n = 2), the units taken in order of size (then as given); the limits are θ ± z·σz·s(n)
     * and each z-score is divided by σz. Unlike the others it deflates too, where σz < 1.
     */
    LANEY("laney", "2002");

    private final String code;
    private final String version;

    Overdispersion(String code, String version) {
        this.code = code;
        this.version = version;
    }

    public String code() {
        return code;
    }

    /** The method's source and year, as outputs name it ({@code additive-spiegelhalter-2005}). */
    public String label() {
        return version.isEmpty() ? code : code + "-" + version;
    }

    public static Optional<Overdispersion> fromCode(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Overdispersion o : values()) {
            if (o.code.equals(key) || o.label().equals(key)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
