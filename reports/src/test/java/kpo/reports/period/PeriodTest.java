package kpo.reports.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void theFinancialYearRunsFromAprilToMarch() {
        FinancialYear year = FinancialYear.of(YearMonth.of(2025, 10));
        assertEquals("2025/26", year.label());
        assertEquals(FinancialYear.of(YearMonth.of(2026, 3)), year);
        assertEquals("2024/25", FinancialYear.of(YearMonth.of(2025, 3)).label());
        assertEquals(7, year.monthNumber(YearMonth.of(2025, 10)));
        assertEquals(12, year.monthNumber(YearMonth.of(2026, 3)));
        assertEquals(YearMonth.of(2025, 4), year.months().get(0));
        assertEquals(12, year.months().size());
        assertTrue(year.contains(LocalDate.of(2026, 3, 31)));
        assertFalse(year.contains(LocalDate.of(2026, 4, 1)));
        assertEquals("1999/00", FinancialYear.of(YearMonth.of(1999, 4)).label());
        assertThrows(IllegalArgumentException.class, () -> year.monthNumber(YearMonth.of(2026, 4)));
    }

    @Test
    void frequencyIsReadFromTheSpacingOfThePeriods() {
        LocalDate d = LocalDate.of(2025, 1, 6);
        assertEquals(Frequency.WEEKLY, Frequency.of(List.of(d, d.plusWeeks(1), d.plusWeeks(2))));
        assertEquals(Frequency.MONTHLY, Frequency.of(List.of(d.withDayOfMonth(1), d.withDayOfMonth(1).plusMonths(1),
                d.withDayOfMonth(1).plusMonths(2))));
        assertEquals(Frequency.DAILY, Frequency.of(List.of(d, d.plusDays(1), d.plusDays(2))));
        assertEquals(Frequency.QUARTERLY, Frequency.of(List.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1),
                LocalDate.of(2025, 7, 1))));
        assertEquals(Frequency.IRREGULAR, Frequency.of(List.of(d, d.plusDays(3), d.plusDays(40), d.plusDays(41))));
        assertEquals(Frequency.MONTHLY, Frequency.of(List.of(d)), "a lone point reads as the usual monthly cadence");
        assertEquals("weeks", Frequency.WEEKLY.nouns(2));
        assertEquals("week", Frequency.WEEKLY.nouns(1));
    }
}
