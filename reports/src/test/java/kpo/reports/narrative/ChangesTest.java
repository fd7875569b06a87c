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
import kpo.spc.Observation;
import kpo.spc.Spc;
import org.junit.jupiter.api.Test;

/** What changed since last month, from this month's chart and last month's. */
class ChangesTest {

    private static final LocalDate MONTH = LocalDate.of(2023, 1, 1);
    private static final ChartSpec SPEC = ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE).target(100);

    private static MeasureReport measure(String id, ChartSpec before, double[] lastMonth, ChartSpec now,
            double[] thisMonth) {
        List<Observation> previous = Series.monthly(MONTH, lastMonth);
        return MeasureReport.builder(id, "Measure " + id, Unit.COUNT, Spc.chart(now, Series.monthly(MONTH, thisMonth)))
                .previous(Spc.chart(before, previous)).build();
    }

    @Test
    void aNewConcernPointAndTheIconsItMovesAreConcerns() {
        double[] before = stable(24, 100, 4);
        double[] now = concat(before, new double[] {150});
        List<Change> changes = Changes.of(measure("a", SPEC, before, SPEC, now));
        assertTrue(changes.stream().anyMatch(c -> c.kind() == Change.Kind.NEW_SPECIAL_CAUSE
                && c.level() == Change.Level.CONCERN && c.text().equals("1 new point of special cause concern "
                        + "(Jan 2025).")), changes.toString());
        assertTrue(changes.stream().anyMatch(c -> c.kind() == Change.Kind.VARIATION && c.level() == Change.Level.CONCERN
                && c.text().equals("Variation changed from common cause to concern (high).")), changes.toString());
    }

    @Test
    void aNewRebaseIsReportedWithItsReason() {
        double[] values = stable(24, 100, 4);
        LocalDate rebase = MONTH.plusMonths(12);
        MeasureReport m = MeasureReport.builder("r", "R", Unit.COUNT, Spc.chart(SPEC.rebases(List.of(rebase)),
                Series.monthly(MONTH, values))).previous(Spc.chart(SPEC, Series.monthly(MONTH, values)))
                .rebase(rebase, "New triage process").build();
        List<Change> changes = Changes.of(m);
        assertTrue(changes.stream().anyMatch(c -> c.kind() == Change.Kind.REBASE
                && c.text().equals("Rebased from 1 Jan 2024: New triage process. New limits from that date.")),
                changes.toString());
    }

    @Test
    void staleDataAndNewMeasuresAreListed() {
        MeasureReport fresh = Series.measure("n", Unit.COUNT, SPEC, Series.monthly(MONTH, stable(12, 100, 4)))
                .stale(true).build();
        List<Change> changes = Changes.of(fresh);
        assertEquals(List.of(Change.Kind.STALE, Change.Kind.NEW_MEASURE), changes.stream().map(Change::kind).toList());
        assertEquals("Data is out of date: the latest value is for Dec 2023.", changes.get(0).text());
    }

    @Test
    void mostSeriousFirstThenInTheMeasuresOrder() {
        double[] stableValues = stable(24, 100, 4);
        MeasureReport quiet = measure("quiet", SPEC, stableValues, SPEC, concat(stableValues, new double[] {101}));
        MeasureReport better = measure("better", SPEC, stableValues, SPEC, concat(stableValues, new double[] {50}));
        MeasureReport worse = measure("worse", SPEC, stableValues, SPEC, concat(stableValues, new double[] {150}));
        List<Change> changes = Changes.of(List.of(quiet, better, worse));
        assertEquals("worse", changes.get(0).measure().id());
        assertEquals(Change.Level.GOOD_NEWS, changes.get(changes.size() - 1).level());
        assertTrue(changes.stream().noneMatch(c -> c.measure() == quiet), "nothing changed for quiet");
    }
}
