package kpo.reports.narrative;

import java.util.Comparator;
import kpo.reports.MeasureReport;
import kpo.spc.AssuranceIcon;
import kpo.spc.VariationIcon;

/**
 * How urgently a measure needs the board's attention, for sorting the summary so that concerns stand
 * out: special cause concern with a failing target first, then concern, a failing target, stale
 * data, hit and miss, neither-direction special causes, stable measures, improvement, and last those
 * consistently passing.
 */
public enum Attention {
    CONCERN_AND_FAILING("Concern, failing target"),
    CONCERN("Concern"),
    FAILING("Failing target"),
    STALE("Stale data"),
    HIT_AND_MISS("Hit and miss"),
    UNUSUAL("Unusual variation"),
    STABLE("Stable"),
    IMPROVING("Improving"),
    PASSING("Passing");

    /** Most urgent first. */
    public static final Comparator<MeasureReport> ORDER = Comparator.comparing(Attention::of);

    private final String label;

    Attention(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the board should look at it: concerns, failing targets and stale data. */
    public boolean needsAttention() {
        return compareTo(STALE) <= 0;
    }

    public static Attention of(MeasureReport measure) {
        VariationIcon variation = measure.chart().variation();
        AssuranceIcon assurance = measure.chart().assurance();
        boolean concern = variation == VariationIcon.CONCERN_HIGH || variation == VariationIcon.CONCERN_LOW;
        boolean failing = assurance == AssuranceIcon.FAIL;
        if (concern && failing) {
            return CONCERN_AND_FAILING;
        }
        if (concern) {
            return CONCERN;
        }
        if (failing) {
            return FAILING;
        }
        if (measure.stale()) {
            return STALE;
        }
        if (assurance == AssuranceIcon.HIT_AND_MISS) {
            return HIT_AND_MISS;
        }
        if (variation == VariationIcon.COMMON_CAUSE && RunsRules.latestPhaseSignals(measure.chart())) {
            // Non-random runs are special cause where the runs rules judge the chart, though the
            // variation icon (read from the latest point alone) says common cause.
            return UNUSUAL;
        }
        return switch (variation) {
            case NEUTRAL_HIGH, NEUTRAL_LOW -> UNUSUAL;
            case IMPROVEMENT_HIGH, IMPROVEMENT_LOW -> IMPROVING;
            case COMMON_CAUSE -> assurance == AssuranceIcon.PASS ? PASSING : STABLE;
            case CONCERN_HIGH, CONCERN_LOW -> CONCERN;
        };
    }
}
