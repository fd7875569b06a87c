package kpo.spc;

import java.time.LocalDate;

/**
 * Something the analyst should know about a chart that does not stop it. A closed set of values:
 * every page and output reads these, never the words of {@link #message()}, so that one rule stands
 * in one place (the short-phase rule is {@link ShortPhase#ENOUGH}, here and nowhere else).
 */
public sealed interface ChartWarning {

    /** The warning in words, as {@code kpo spc} prints it. */
    String message();

    /**
     * A phase with fewer than {@link #ENOUGH} points (missing and excluded ones counted, as
     * NHSRplotthedots counts them): its limits are trial limits, to be revised as points arrive.
     *
     * @param phase the phase, from 1
     * @param points its points
     */
    record ShortPhase(int phase, int points) implements ChartWarning {

        /** The points a phase needs before its limits stand (NHSRplotthedots warns below this). */
        public static final int ENOUGH = 13;

        @Override
        public String message() {
            return "phase " + phase + " has " + points + " points: its limits are trial limits, to be revised until "
                    + "it has " + ENOUGH + " or more";
        }
    }

    /**
     * A rebase date that starts no new phase.
     *
     * @param date the date as configured
     * @param why why it starts none
     */
    record IgnoredRebase(LocalDate date, Why why) implements ChartWarning {

        /** Why a rebase date starts no phase. */
        public enum Why {
            /** Under {@code ptd} only a point dated exactly on it starts a phase, as NHSRplotthedots. */
            NO_POINT_ON_IT,
            AFTER_THE_LAST_POINT,
            ON_OR_BEFORE_THE_FIRST_POINT,
            SAME_PHASE_AS_THE_ONE_BEFORE
        }

        @Override
        public String message() {
            return "rebase date " + date + switch (why) {
                case NO_POINT_ON_IT -> " matches no point and was ignored, as NHSRplotthedots does";
                case AFTER_THE_LAST_POINT -> " is after the last point and was ignored";
                case ON_OR_BEFORE_THE_FIRST_POINT -> " is on or before the first point, where the first phase starts "
                        + "anyway";
                case SAME_PHASE_AS_THE_ONE_BEFORE -> " starts the same phase as the rebase date before it and was "
                        + "ignored";
            };
        }
    }

    /**
     * An exclude date that matches no point.
     *
     * @param date the date as configured
     */
    record UnmatchedExclusion(LocalDate date) implements ChartWarning {

        @Override
        public String message() {
            return "exclude date " + date + " matches no point and was ignored";
        }
    }
}
