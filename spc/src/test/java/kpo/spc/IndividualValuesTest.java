package kpo.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Individual values (each item's lead time in completion order): several share a date and are
 * kept apart and in order by their sequence. The engine needs nothing else for an XmR chart of
 * them: its limits and signals depend only on the order of the values, so the chart of the values
 * dated by their events (with ties) must equal, point for point, the chart of the same values
 * given one distinct date each, which is the engine's ordinary, reference-tested path.
 */
class IndividualValuesTest {

    /** Lead times of 60 items completed over about a month, several on the same day; a step down after item 40. */
    private static List<Observation> leadTimes() {
        Random random = new Random(20251031);
        List<Observation> items = new ArrayList<>();
        LocalDate day = LocalDate.of(2025, 10, 1);
        for (int i = 1; i <= 60; i++) {
            if (random.nextInt(3) == 0) {
                day = day.plusDays(1 + random.nextInt(2));
            }
            double level = i <= 40 ? 98 : 42;
            items.add(Observation.individual(day, i, Math.round(level + random.nextGaussian() * 12)));
        }
        return items;
    }

    /** The same values, in the same order, one distinct date each. */
    private static List<Observation> oneDateEach(List<Observation> items) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(Observation.of(LocalDate.of(2000, 1, 1).plusDays(i), items.get(i).value()));
        }
        return out;
    }

    private static void assertSameChart(ChartResult expected, ChartResult actual) {
        assertEquals(expected.points().size(), actual.points().size());
        for (int i = 0; i < expected.points().size(); i++) {
            ChartPoint e = expected.points().get(i);
            ChartPoint a = actual.points().get(i);
            String at = "point " + (i + 1);
            assertEquals(e.y(), a.y(), 0, at);
            assertEquals(e.centre(), a.centre(), 0, at);
            assertEquals(e.upperLimit(), a.upperLimit(), 0, at);
            assertEquals(e.lowerLimit(), a.lowerLimit(), 0, at);
            assertEquals(e.phase(), a.phase(), at);
            assertEquals(e.excluded(), a.excluded(), at);
            assertEquals(e.signals(), a.signals(), at);
            assertEquals(e.type(), a.type(), at);
        }
        assertEquals(expected.runs(), actual.runs());
        assertEquals(expected.variation(), actual.variation());
        assertEquals(expected.assurance(), actual.assurance());
    }

    @Test
    void anXmrChartOfIndividualValuesEqualsTheChartOfTheSameValuesOnDistinctDates() {
        List<Observation> items = leadTimes();
        assertTrue(items.stream().map(Observation::period).distinct().count() < items.size(), "the test needs ties");
        for (RuleSet rules : List.of(RuleSet.MDC, RuleSet.PTD, RuleSet.ANHOEJ)) {
            ChartSpec spec = ChartSpec.of(ChartType.XMR).rules(rules).improvement(Improvement.DECREASE).target(45);
            ChartResult byEvent = Spc.chart(spec, items);
            ChartResult byDate = Spc.chart(spec, oneDateEach(items));
            assertSameChart(byDate, byEvent);
            for (int i = 0; i < items.size(); i++) {
                assertEquals(items.get(i).period(), byEvent.points().get(i).period());
                assertEquals(i + 1, byEvent.points().get(i).sequence());
                assertTrue(byEvent.points().get(i).individual());
                assertFalse(byDate.points().get(i).individual());
            }
        }
    }

    @Test
    void individualValuesInAnyOrderAreChartedInDateThenSequenceOrder() {
        List<Observation> items = leadTimes();
        List<Observation> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(7));
        ChartSpec spec = ChartSpec.of(ChartType.XMR);
        assertSameChart(Spc.chart(spec, items), Spc.chart(spec, shuffled));
        List<ChartPoint> points = Spc.chart(spec, shuffled).points();
        for (int i = 0; i < points.size(); i++) {
            assertEquals(i + 1, points.get(i).sequence());
        }
    }

    @Test
    void aRebaseOnADateThatSeveralValuesShareStartsThePhaseAtTheFirstOfThem() {
        List<Observation> items = leadTimes();
        int firstOfDate = 40;
        while (firstOfDate > 0 && items.get(firstOfDate - 1).period().equals(items.get(firstOfDate).period())) {
            firstOfDate--;
        }
        LocalDate date = items.get(firstOfDate).period();
        for (RuleSet rules : List.of(RuleSet.MDC, RuleSet.PTD)) {
            ChartResult chart = Spc.chart(ChartSpec.of(ChartType.XMR).rules(rules).rebases(List.of(date)), items);
            assertEquals(1, chart.points().get(firstOfDate - 1).phase(), rules.name());
            assertEquals(2, chart.points().get(firstOfDate).phase(), rules.name());
            assertTrue(chart.warnings().stream().noneMatch(w -> w.message().contains("rebase")), chart.warnings().toString());
        }
    }

    @Test
    void anExcludeDateExcludesEveryValueOfThatDate() {
        List<Observation> items = leadTimes();
        LocalDate shared = null;
        for (int i = 1; i < items.size() && shared == null; i++) {
            if (items.get(i).period().equals(items.get(i - 1).period())) {
                shared = items.get(i).period();
            }
        }
        LocalDate date = shared;
        ChartResult chart = Spc.chart(ChartSpec.of(ChartType.XMR).excluded(List.of(date)), items);
        long onDate = items.stream().filter(o -> o.period().equals(date)).count();
        assertTrue(onDate >= 2);
        assertEquals(onDate, chart.points().stream().filter(ChartPoint::excluded).count());
        chart.points().stream().filter(ChartPoint::excluded).forEach(p -> assertEquals(date, p.period()));
    }

    @Test
    void aDateWithTheSameSequenceTwiceIsRefused() {
        LocalDate day = LocalDate.of(2025, 10, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Spc.chart(ChartSpec.of(ChartType.XMR),
                List.of(Observation.individual(day, 1, 10), Observation.individual(day, 1, 12))));
        assertTrue(e.getMessage().contains("sequence number 1 more than once"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Observation.individual(day, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Observation(day, 1, Double.NaN, -1));
    }
}
