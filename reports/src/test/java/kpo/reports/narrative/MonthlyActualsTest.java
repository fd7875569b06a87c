package kpo.reports.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.NavigableMap;
import kpo.reports.MeasureReport;
import kpo.reports.Unit;
import kpo.reports.fixtures.Series;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Observation;
import kpo.spc.Spc;
import org.junit.jupiter.api.Test;

/** A measure's months for the bowling chart and the financial year to date. */
class MonthlyActualsTest {

    @Test
    void weeksOfASummingMeasureAddUp() {
        // Mondays 29 Sep, 6, 13, 20, 27 Oct 2025: one in September, four in October.
        MeasureReport m = Series.measure("w", Unit.COUNT, ChartSpec.of(ChartType.XMR),
                Series.weekly(LocalDate.of(2025, 9, 29), 10, 11, 12, 13, 14)).summable(true).build();
        NavigableMap<YearMonth, Double> months = MonthlyActuals.of(m);
        assertEquals(10, months.get(YearMonth.of(2025, 9)));
        assertEquals(50, months.get(YearMonth.of(2025, 10)));
    }

    @Test
    void aSnapshotTakesTheMonthsLastValue() {
        MeasureReport m = Series.measure("w", Unit.COUNT, ChartSpec.of(ChartType.XMR),
                Series.weekly(LocalDate.of(2025, 10, 6), 300, 280, 260, 240)).build();
        assertEquals(240, MonthlyActuals.of(m).get(YearMonth.of(2025, 10)));
    }

    @Test
    void aProportionPoolsNumeratorsAndDenominators() {
        List<Observation> weeks = List.of(Observation.of(LocalDate.of(2025, 10, 6), 10, 100),
                Observation.of(LocalDate.of(2025, 10, 13), 30, 100), Observation.of(LocalDate.of(2025, 10, 20), 5, 300));
        MeasureReport m = MeasureReport.builder("p", "P", Unit.PROPORTION, Spc.chart(ChartSpec.of(ChartType.P), weeks))
                .build();
        assertEquals(45 / 500.0, MonthlyActuals.of(m).get(YearMonth.of(2025, 10)), 1e-12);
    }

    @Test
    void theYearToDateRunsFromAprilAndSetsThePlanBesideIt() {
        MeasureReport.Builder builder = Series.measure("c", Unit.COUNT, ChartSpec.of(ChartType.XMR),
                Series.monthly(LocalDate.of(2025, 1, 1), 5, 5, 5, 10, 20, 30, 40, 50, 60, 70)).summable(true);
        for (int month = 4; month <= 10; month++) {
            builder.plan(YearMonth.of(2025, month), 25);
        }
        MonthlyActuals.YearToDate ytd = MonthlyActuals.yearToDate(builder.build(), YearMonth.of(2025, 10));
        assertEquals(10 + 20 + 30 + 40 + 50 + 60 + 70, ytd.actual());
        assertEquals(7 * 25, ytd.plan());
        assertEquals(7, ytd.months());
        assertEquals("2025/26", ytd.year().label());
        MonthlyActuals.YearToDate unplanned = MonthlyActuals.yearToDate(Series.measure("c", Unit.COUNT,
                ChartSpec.of(ChartType.XMR), Series.monthly(LocalDate.of(2025, 4, 1), 1, 2)).summable(true).build(),
                YearMonth.of(2025, 10));
        assertTrue(Double.isNaN(unplanned.plan()));
        assertNull(MonthlyActuals.yearToDate(Series.measure("s", Unit.COUNT, ChartSpec.of(ChartType.XMR),
                Series.monthly(LocalDate.of(2025, 4, 1), 1, 2)).build(), YearMonth.of(2025, 10)),
                "a snapshot has no year to date");
    }
}
