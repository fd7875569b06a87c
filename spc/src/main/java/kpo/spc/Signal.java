package kpo.spc;

/**
 * Point signals, a closed set. Runs-analysis signals (long runs, too few or too many crossings)
 * belong to a phase and are reported in {@link RunsAnalysis}, not here.
 */
public enum Signal {
    /** A point beyond a 3σ process limit (strictly). */
    OUTSIDE_LIMITS("outside_limits"),
    /** N points in a row on one side of the centre line. */
    SHIFT("shift"),
    /** N points in a row, each higher (or each lower) than the one before. */
    TREND("trend"),
    /** Two of three points in a row beyond the 2σ line on one side. */
    TWO_OF_THREE("two_of_three"),
    /** Four of five points in a row beyond the 1σ line on one side (Western Electric rule 3, Nelson 6). */
    FOUR_OF_FIVE("four_of_five"),
    /** Eight points in a row with none within 1σ of the centre, either side (Nelson 8). */
    EIGHT_BEYOND_ONE_SIGMA("eight_beyond_one_sigma"),
    /** Fifteen points in a row within 1σ of the centre, either side (Nelson 7). */
    FIFTEEN_WITHIN_ONE_SIGMA("fifteen_within_one_sigma"),
    /** Fourteen points in a row alternating up and down (Nelson 4). */
    FOURTEEN_ALTERNATING("fourteen_alternating"),
    /** Six points in a row steadily increasing or decreasing (Nelson 3). */
    SIX_TREND("six_trend");

    private final String code;

    Signal(String code) {
        this.code = code;
    }

    /** The name in the outputs. */
    public String code() {
        return code;
    }

    /** This signal's bit in a signal mask. */
    public int bit() {
        return 1 << ordinal();
    }

    /**
     * Whether the signal says which way the process moved. Oscillation, stratification and
     * mixture patterns do not: they colour a point neutral whatever the improvement direction.
     */
    public boolean directional() {
        return switch (this) {
            case OUTSIDE_LIMITS, SHIFT, TREND, TWO_OF_THREE, FOUR_OF_FIVE, SIX_TREND -> true;
            case EIGHT_BEYOND_ONE_SIGMA, FIFTEEN_WITHIN_ONE_SIGMA, FOURTEEN_ALTERNATING -> false;
        };
    }
}
