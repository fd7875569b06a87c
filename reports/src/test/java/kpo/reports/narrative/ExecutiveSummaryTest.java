package kpo.reports.narrative;

import static kpo.reports.fixtures.Series.concat;
import static kpo.reports.fixtures.Series.stable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kpo.reports.BoardPack;
import kpo.reports.Commentary;
import kpo.reports.MeasureReport;
import kpo.reports.SmallNumbers;
import kpo.reports.Unit;
import kpo.reports.fixtures.FixturePack;
import kpo.reports.fixtures.Series;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import kpo.spc.Spc;
import org.junit.jupiter.api.Test;

/** The executive summary: ranked, each measure once, read from the judgements every page prints. */
class ExecutiveSummaryTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final ChartSpec XMR_DOWN = ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE);

    /** Twenty stable months, then the latest month far above the limits: new concern this month. */
    private static MeasureReport.Builder newConcern(String id) {
        double[] values = concat(stable(20, 100, 2), new double[] {140});
        List<kpo.spc.Observation> series = Series.monthly(START, values);
        return Series.measure(id, Unit.COUNT, XMR_DOWN, series)
                .previous(Spc.chart(XMR_DOWN, series.subList(0, series.size() - 1)));
    }

    @Test
    void aNewConcernComesFirstAndSaysWhenTheOwnerWroteNothing() {
        MeasureReport stableOne = Series.measure("calm", Unit.COUNT, XMR_DOWN, Series.monthly(START, stable(21, 100,
                2))).build();
        MeasureReport silent = newConcern("silent").build();
        MeasureReport explained = newConcern("explained").commentary(new Commentary("Up in the latest month.",
                "Longer waits.", "Extra lists.", "A. Owner", null, null)).build();
        ExecutiveSummary summary = ExecutiveSummary.of(List.of(stableOne, silent, explained), List.of(),
                SmallNumbers.OFF);
        assertEquals(2, summary.items().size(), summary.items().toString());
        assertEquals(ExecutiveSummary.Kind.NEW_CONCERN, summary.items().get(0).kind());
        assertTrue(summary.items().get(0).text().contains("special cause concern in"), summary.items().toString());
        ExecutiveSummary.Item silentItem = summary.items().stream().filter(i -> i.measure() == silent).findFirst()
                .orElseThrow();
        assertTrue(silentItem.noCommentary());
        assertFalse(summary.items().stream().filter(i -> i.measure() == explained).findFirst().orElseThrow()
                .noCommentary());
    }

    /** A target the process is wholly on the wrong side of is named with its target. */
    @Test
    void aFailingTargetIsNamedWithTheTarget() {
        MeasureReport failing = Series.measure("f", Unit.COUNT, XMR_DOWN.target(50), Series.monthly(START,
                stable(20, 100, 2))).build();
        ExecutiveSummary summary = ExecutiveSummary.of(List.of(failing), List.of(), SmallNumbers.OFF);
        assertEquals(ExecutiveSummary.Kind.FAILING, summary.items().get(0).kind());
        assertTrue(summary.items().get(0).text().contains("will not meet its target of 50"), summary.toString());
    }

    /** Limits out of date: not failing, not passing, and the proposal's icon named. */
    @Test
    void staleLimitsAreNeverCalledFailing() {
        MeasureReport moved = Series.measure("m", Unit.COUNT, XMR_DOWN.target(80), Series.monthly(START,
                concat(stable(20, 100, 2), stable(8, 60, 2)))).build();
        ExecutiveSummary summary = ExecutiveSummary.of(List.of(moved), List.of(), SmallNumbers.OFF);
        assertEquals(ExecutiveSummary.Kind.LIMITS_OUT_OF_DATE, summary.items().get(0).kind());
        assertTrue(summary.items().get(0).text().contains("cannot be judged until its owner agrees the proposed "
                + "rebase"), summary.toString());
    }

    /** A plan missed for the latest month, with its commitment. */
    @Test
    void aMissedPlanNamesItsCommitment() {
        MeasureReport behind = Series.measure("b", Unit.COUNT, XMR_DOWN, Series.monthly(START, stable(21, 100, 2)))
                .plan(YearMonth.from(START.plusMonths(20)), 80).build();
        ExecutiveSummary summary = ExecutiveSummary.of(List.of(behind), List.of(), SmallNumbers.OFF);
        assertEquals(ExecutiveSummary.Kind.BEHIND_PLAN, summary.items().get(0).kind());
        assertTrue(summary.items().get(0).text().contains("is behind its plan of 80 for September 2025"),
                summary.toString());
    }

    /** On the fixture pack: ranked, each measure at most once, at most eight. */
    @Test
    void theFixturePackIsRankedWithEachMeasureOnce() {
        BoardPack pack = FixturePack.trust();
        ExecutiveSummary summary = ExecutiveSummary.of(pack.measures(), pack.commitments(), pack.smallNumbers());
        assertFalse(summary.items().isEmpty());
        assertTrue(summary.items().size() <= ExecutiveSummary.MOST);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < summary.items().size(); i++) {
            assertTrue(seen.add(summary.items().get(i).measure().id()), "once: " + summary.items().get(i));
            if (i > 0) {
                assertTrue(summary.items().get(i - 1).kind().compareTo(summary.items().get(i).kind()) <= 0);
            }
        }
    }
}
