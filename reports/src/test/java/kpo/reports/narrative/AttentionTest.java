package kpo.reports.narrative;

import static kpo.reports.fixtures.Series.concat;
import static kpo.reports.fixtures.Series.stable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import kpo.reports.MeasureReport;
import kpo.reports.Unit;
import kpo.reports.fixtures.FixturePack;
import kpo.reports.fixtures.Series;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import org.junit.jupiter.api.Test;

class AttentionTest {

    private static MeasureReport measure(ChartSpec spec, double[] values, boolean stale) {
        return Series.measure("m", Unit.COUNT, spec, Series.monthly(LocalDate.of(2023, 1, 1), values)).stale(stale)
                .build();
    }

    @Test
    void concernsAndFailingTargetsComeFirst() {
        ChartSpec down = ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE);
        double[] stable = stable(20, 100, 4);
        assertEquals(Attention.CONCERN_AND_FAILING, Attention.of(measure(down.target(50), concat(stable,
                new double[] {160}), false)));
        assertEquals(Attention.CONCERN, Attention.of(measure(down, concat(stable, new double[] {160}), false)));
        assertEquals(Attention.FAILING, Attention.of(measure(down.target(50), stable, false)));
        assertEquals(Attention.STALE, Attention.of(measure(down, stable, true)));
        assertEquals(Attention.HIT_AND_MISS, Attention.of(measure(down.target(100), stable, false)));
        assertEquals(Attention.STABLE, Attention.of(measure(down, stable, false)));
        assertEquals(Attention.IMPROVING, Attention.of(measure(down, concat(stable, new double[] {40}), false)));
        assertEquals(Attention.PASSING, Attention.of(measure(down.target(150), stable, false)));
        assertTrue(Attention.STALE.needsAttention());
        assertTrue(!Attention.HIT_AND_MISS.needsAttention());
    }

    @Test
    void sortsTheFixtureWithConcernsOnTop() {
        List<MeasureReport> sorted = FixturePack.trust().measures().stream().sorted(Attention.ORDER).toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(Attention.of(sorted.get(i - 1)).compareTo(Attention.of(sorted.get(i))) <= 0);
        }
        assertTrue(Attention.of(sorted.get(0)).needsAttention());
    }
}
