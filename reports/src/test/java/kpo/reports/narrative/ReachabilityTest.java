package kpo.reports.narrative;

import static kpo.reports.fixtures.Series.concat;
import static kpo.reports.fixtures.Series.stable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import kpo.reports.MeasureReport;
import kpo.reports.Unit;
import kpo.reports.fixtures.Series;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import org.junit.jupiter.api.Test;

/** Whether a target can be reached by its date, and where a measure started. */
class ReachabilityTest {

    private static final ChartSpec UP = ChartSpec.of(ChartType.XMR).improvement(Improvement.INCREASE);
    private static final LocalDate DUE = LocalDate.of(2026, 3, 31);

    private static MeasureReport measure(ChartSpec spec, double... values) {
        return Series.measure("m", Unit.PERCENT, spec, Series.monthly(LocalDate.of(2024, 1, 1), values))
                .targetDate(DUE).build();
    }

    @Test
    void theVerdictFollowsTheTargetAgainstTheCurrentLimits() {
        double[] process = stable(20, 80, 3);
        assertEquals(Reachability.Verdict.ON_TRACK, Reachability.of(measure(UP.target(60), process)).verdict());
        assertEquals(Reachability.Verdict.AT_RISK, Reachability.of(measure(UP.target(80), process)).verdict());
        Reachability fail = Reachability.of(measure(UP.target(95), process));
        assertEquals(Reachability.Verdict.NOT_REACHABLE, fail.verdict());
        assertTrue(fail.text().startsWith("Not reachable by 31 Mar 2026 as things stand: the whole process (limits "),
                fail.text());
        assertTrue(fail.text().contains("lies on the wrong side of the target of 95.0%"), fail.text());
        assertEquals(Reachability.Verdict.NOT_ASSESSED, Reachability.of(measure(UP, process)).verdict());
        assertEquals(Reachability.Verdict.NOT_ASSESSED,
                Reachability.of(measure(ChartSpec.of(ChartType.RUN).target(80), process)).verdict());
    }

    @Test
    void aShiftedProcessIsNotJudgedByItsOldLimits() {
        Reachability r = Reachability.of(measure(UP.baseline(12).target(95), concat(stable(12, 80, 2),
                stable(9, 92, 2))));
        assertEquals(Reachability.Verdict.LIMITS_OUT_OF_DATE, r.verdict());
        assertTrue(r.text().startsWith("Not assessable: a shift since December 2024 means the process has moved away "
                + "from the limits it was judged by"), r.text());
        assertTrue(r.text().contains("A rebase from December 2024 is proposed"), r.text());
    }

    @Test
    void theBaselineIsTheFirstPhaseOrTheFirstTwelveValues() {
        double[] values = concat(stable(12, 80, 2), stable(9, 92, 2));
        Baseline rebased = Baseline.of(measure(UP.rebases(List.of(LocalDate.of(2025, 1, 1))), values));
        assertEquals("mean of phase 1", rebased.basis());
        assertEquals(80, rebased.value(), 1);
        Baseline frozen = Baseline.of(measure(UP.baseline(12), values));
        assertEquals("mean of the baseline period", frozen.basis());
        assertEquals(LocalDate.of(2024, 12, 1), frozen.last().period());
        Baseline plain = Baseline.of(measure(UP, values));
        assertEquals("mean of the first 12 months", plain.basis());
        assertEquals(80, plain.value(), 1);
    }
}
