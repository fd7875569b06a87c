package kpo.spc;

import java.time.LocalDate;

/**
 * A rebase the engine proposes, never applies: the latest phase's limits no longer describe the
 * process, because a sustained shift or trend runs up to the latest point. The proposal starts a
 * new phase at the run's first point and says what the chart would then show, so that the
 * measure's owner can agree it (a rebase is only ever made by recording it, with a reason and who
 * agreed, in the config's rebase register).
 *
 * @param from the period of the run's first point: the proposed rebase date
 * @param signal what made the limits out of date: {@link Signal#SHIFT} or a trend
 * @param points the points the new phase would have (missing ones included)
 * @param centre the new phase's centre line, scaled as the chart
 * @param upperLimit the new phase's upper process limit at its latest point
 * @param lowerLimit the new phase's lower process limit at its latest point
 * @param variation the variation icon the chart would give after the rebase
 * @param assurance the assurance icon it would give
 */
public record RebaseProposal(LocalDate from, Signal signal, int points, double centre, double upperLimit,
        double lowerLimit, VariationIcon variation, AssuranceIcon assurance) {
}
