package kpo.spc;

/**
 * The Making Data Count assurance icon: will the process meet its target? Read from the target
 * against the latest phase's process limits.
 */
public enum AssuranceIcon {
    /** The whole process lies on the good side of the target: it will consistently pass. */
    PASS("pass"),
    /** The whole process lies on the bad side: it will consistently fail until it changes. */
    FAIL("fail"),
    /** The target lies within the limits: it will be hit and missed at random. */
    HIT_AND_MISS("hit_and_miss"),
    /**
     * The latest phase's limits no longer describe the process (a sustained shift or trend runs up to
     * the latest point): the target cannot be judged against them until the chart is rebased.
     */
    NOT_ASSESSABLE("not_assessable"),
    /** No target, a neutral measure, or a chart without limits. */
    NONE("none");

    private final String code;

    AssuranceIcon(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
