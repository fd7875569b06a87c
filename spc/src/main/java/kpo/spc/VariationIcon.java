package kpo.spc;

/**
 * The Making Data Count variation icon, read from the latest point: is the process changing, and
 * which way?
 */
public enum VariationIcon {
    COMMON_CAUSE("common_cause"),
    IMPROVEMENT_HIGH("improvement_high"),
    IMPROVEMENT_LOW("improvement_low"),
    CONCERN_HIGH("concern_high"),
    CONCERN_LOW("concern_low"),
    NEUTRAL_HIGH("neutral_high"),
    NEUTRAL_LOW("neutral_low");

    private final String code;

    VariationIcon(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * The icon for a point of type {@code type} on a measure where {@code improvement} is better:
     * improvement on an increase measure is high, concern on it is low, and the reverse for a
     * decrease measure.
     */
    public static VariationIcon of(PointType type, Improvement improvement) {
        return switch (type) {
            case COMMON_CAUSE -> COMMON_CAUSE;
            case SPECIAL_CAUSE_IMPROVEMENT -> improvement == Improvement.DECREASE ? IMPROVEMENT_LOW : IMPROVEMENT_HIGH;
            case SPECIAL_CAUSE_CONCERN -> improvement == Improvement.DECREASE ? CONCERN_HIGH : CONCERN_LOW;
            case SPECIAL_CAUSE_NEUTRAL_HIGH -> NEUTRAL_HIGH;
            case SPECIAL_CAUSE_NEUTRAL_LOW -> NEUTRAL_LOW;
        };
    }
}
