package kpo.spc;

/** The colour class of a point, as Making Data Count names it. */
public enum PointType {
    COMMON_CAUSE("common_cause"),
    SPECIAL_CAUSE_IMPROVEMENT("special_cause_improvement"),
    SPECIAL_CAUSE_CONCERN("special_cause_concern"),
    SPECIAL_CAUSE_NEUTRAL_HIGH("special_cause_neutral_high"),
    SPECIAL_CAUSE_NEUTRAL_LOW("special_cause_neutral_low");

    private final String code;

    PointType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean specialCause() {
        return this != COMMON_CAUSE;
    }
}
