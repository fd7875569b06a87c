package kpo.reports;

import java.util.List;
import kpo.spc.Improvement;

/**
 * One measure an improvement event set out to move: its figure before the event, the target, and
 * the re-measures after it.
 *
 * @param measureId the pack measure
 * @param baseline the measure's value before the event (NaN when it had no points before it)
 * @param baselineBasis how the baseline was found, in words ("set in the config", "median of the 6
 *     months before the event")
 * @param target the event's target for the measure, or NaN for none
 * @param improvement which direction is better for the measure
 * @param remeasures at 30, 60 and 90 days, in that order (empty for an event that has not run)
 * @param improvementSinceEvent whether the measure's chart shows special cause improvement at or
 *     after the event's date
 */
public record EventMeasure(String measureId, double baseline, String baselineBasis, double target,
        Improvement improvement, List<Remeasure> remeasures, boolean improvementSinceEvent) {

    public EventMeasure {
        Checks.text(measureId, "event measure id");
        baselineBasis = Checks.optional(baselineBasis);
        Checks.required(improvement, "event measure improvement");
        remeasures = List.copyOf(remeasures);
    }

    public boolean hasTarget() {
        return !Double.isNaN(target);
    }

    /** The re-measure at {@code days}, or null. */
    public Remeasure remeasure(int days) {
        return remeasures.stream().filter(r -> r.days() == days).findFirst().orElse(null);
    }

    /** Whether {@code value} meets the target on the measure's better side (a neutral measure: never). */
    public boolean meetsTarget(double value) {
        if (!hasTarget() || Double.isNaN(value)) {
            return false;
        }
        return improvement == Improvement.DECREASE ? value <= target
                : improvement == Improvement.INCREASE && value >= target;
    }

    /** Whether {@code value} is better than the baseline (a neutral measure: never). */
    public boolean betterThanBaseline(double value) {
        if (Double.isNaN(baseline) || Double.isNaN(value)) {
            return false;
        }
        return improvement == Improvement.DECREASE ? value < baseline
                : improvement == Improvement.INCREASE && value > baseline;
    }

    /** Whether a measured re-measure shows the change held: at its target, or with none, better than before. */
    public boolean held(Remeasure r) {
        return r.state() == Remeasure.State.MEASURED && (hasTarget() ? meetsTarget(r.value())
                : betterThanBaseline(r.value()));
    }
}
