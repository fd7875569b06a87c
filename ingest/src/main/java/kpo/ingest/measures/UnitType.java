package kpo.ingest.measures;

import java.util.Locale;
import java.util.Optional;

/** The organisational units a measure is reported for, and the column that names each. */
public enum UnitType {
    TRUST("trust_code"), SITE("site_code"), CSU("csu"), SPECIALTY("specialty");

    private final String column;

    UnitType(String column) {
        this.column = column;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The curated column holding the unit's code. */
    public String column() {
        return column;
    }

    public static Optional<UnitType> fromCode(String code) {
        for (UnitType u : values()) {
            if (u.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
