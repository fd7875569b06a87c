package kpo.spc;

import java.time.LocalDate;
import java.util.List;

/**
 * One point of a chart. Numbers that do not exist (a missing value, undefined limits) are
 * {@code NaN}.
 *
 * @param period the period (for subgroups, the period they share)
 * @param value the observation (the subgroup mean for Xbar and S charts), NaN when missing
 * @param denominator the denominator, NaN when there is none
 * @param y the plotted value: value/denominator where there is a denominator, the subgroup mean
 *     for Xbar, the SD for S, the moving range for MR; scaled by the chart's multiplier
 * @param centre the centre line of the point's phase
 * @param upperLimit the upper process limit (3σ)
 * @param lowerLimit the lower process limit
 * @param phase phase number, from 1
 * @param baseline whether the point is one the limits were computed from (a frozen baseline)
 * @param excluded whether the point was left out of the centre line, the limits and the runs
 * @param signals every signal on the point, in the rule set's priority order
 * @param type the point's colour class
 * @param sequence for an individual value, its position in the series (1, 2, …; see
 *     {@link Observation#sequence()}); 0 for a point of an aggregated series
 */
public record ChartPoint(LocalDate period, double value, double denominator, double y, double centre,
        double upperLimit, double lowerLimit, int phase, boolean baseline, boolean excluded, List<Signal> signals,
        PointType type, int sequence) {

    /** Whether the point is an individual value (placed by its sequence rather than its period alone). */
    public boolean individual() {
        return sequence > 0;
    }

    public boolean missing() {
        return Double.isNaN(y);
    }

    public boolean specialCause() {
        return type.specialCause();
    }
}
