package kpo.reports.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import kpo.reports.Unit;
import kpo.reports.fixtures.Series;
import kpo.reports.period.Frequency;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Spc;
import org.junit.jupiter.api.Test;

/** Numbers and dates as the pack prints them, under the test run's de-DE locale and Chatham time zone. */
class ValueFormatTest {

    @Test
    void unitsPrintTheWayABoardPaperWritesThem() {
        assertEquals("19.0%", ValueFormat.of(Unit.PROPORTION, 1).format(0.19));
        assertEquals("92.1%", ValueFormat.of(Unit.PERCENT, 1).format(92.14));
        assertEquals("£12,300", ValueFormat.of(Unit.POUNDS, 0).format(12_300));
        assertEquals("−£1,250", ValueFormat.of(Unit.POUNDS, 0).format(-1_250));
        assertEquals("42.5 days", ValueFormat.of(Unit.DAYS, 1).format(42.5));
        assertEquals("1 day", ValueFormat.of(Unit.DAYS, 1).format(1));
        assertEquals("1,109", ValueFormat.of(Unit.COUNT, 0).format(1109));
        assertEquals("212", ValueFormat.of(Unit.COUNT, 1).format(212.0), "whole counts drop their decimals");
        assertEquals("212.5", ValueFormat.of(Unit.COUNT, 1).format(212.5));
    }

    @Test
    void differencesCarrySignsAndPercentagePoints() {
        assertEquals("+3.1 percentage points", ValueFormat.of(Unit.PROPORTION, 1).difference(0.031));
        assertEquals("−401", ValueFormat.of(Unit.COUNT, 0).difference(-401));
        assertEquals("+£3,700", ValueFormat.of(Unit.POUNDS, 0).difference(3_700));
        assertEquals("0", ValueFormat.number(-0.0001, 0), "no minus zero");
    }

    @Test
    void narrowCellsAbbreviateThousands() {
        assertEquals("£420k", ValueFormat.of(Unit.POUNDS, 0).brief(420_000));
        assertEquals("1.2m", ValueFormat.of(Unit.COUNT, 0).brief(1_234_567));
        assertEquals("9,999", ValueFormat.of(Unit.COUNT, 0).brief(9_999));
        assertEquals("74.5%", ValueFormat.of(Unit.PROPORTION, 1).brief(0.745));
    }

    @Test
    void decimalsFollowTheSizeOfTheValues() {
        var chart = Spc.chart(ChartSpec.of(ChartType.XMR), Series.monthly(LocalDate.of(2025, 1, 1), 5.1, 5.3, 4.9));
        assertEquals(2, ValueFormat.of(Unit.DAYS, chart).decimals());
        var big = Spc.chart(ChartSpec.of(ChartType.XMR), Series.monthly(LocalDate.of(2025, 1, 1), 510, 530, 490));
        assertEquals(0, ValueFormat.of(Unit.COUNT, big).decimals());
    }

    @Test
    void axisTicksUseUkSeparatorsWhateverTheLocale() {
        NumberFormat axis = ValueFormat.of(Unit.COUNT, 0).axisFormat();
        assertEquals("1,200", axis.format(1200));
        assertEquals("5%", ValueFormat.of(Unit.PROPORTION, 1).axisFormat().format(0.05));
        assertEquals("£600,000", ValueFormat.of(Unit.POUNDS, 0).axisFormat().format(600_000));
    }

    @Test
    void datesAreWrittenWithoutTheJdkLocaleData() {
        assertEquals("30 Sep 2025", Dates.day(LocalDate.of(2025, 9, 30)), "Sep, not en-GB's Sept");
        assertEquals("September 2025", Dates.month(YearMonth.of(2025, 9)));
        assertEquals("w/c 27 Oct 2025", Dates.period(LocalDate.of(2025, 10, 27), Frequency.WEEKLY));
        assertEquals("Oct 2025", Dates.period(LocalDate.of(2025, 10, 1), Frequency.MONTHLY));
        assertEquals("Jul–Sep 2025", Dates.period(LocalDate.of(2025, 7, 1), Frequency.QUARTERLY));
        assertEquals("the week beginning 27 Oct 2025", Dates.periodInProse(LocalDate.of(2025, 10, 27),
                Frequency.WEEKLY));
        assertEquals("on 31 Oct 2025", Dates.inPeriod(LocalDate.of(2025, 10, 31), Frequency.DAILY));
        assertEquals("Apr 25", Dates.axisMonth(LocalDate.of(2025, 4, 1)));
    }

    @Test
    void chartNamesUseThePrime() {
        assertEquals("Laney P′ chart", ChartNames.of(ChartType.PP));
        assertEquals("Median", ChartNames.centre(ChartType.RUN));
        assertEquals("Making Data Count (mdc-2023.11)", ChartNames.of(kpo.spc.RuleSet.MDC));
    }
}
