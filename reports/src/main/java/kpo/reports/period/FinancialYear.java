package kpo.reports.period;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * An NHS financial year, 1 April to 31 March, named as the NHS writes it: {@code 2025/26}.
 *
 * @param startYear the calendar year in which it starts (April)
 */
public record FinancialYear(int startYear) {

    /** The financial year {@code month} falls in: April 2025 to March 2026 are 2025/26. */
    public static FinancialYear of(YearMonth month) {
        return new FinancialYear(month.getMonthValue() >= Month.APRIL.getValue() ? month.getYear()
                : month.getYear() - 1);
    }

    public static FinancialYear of(LocalDate date) {
        return of(YearMonth.from(date));
    }

    public LocalDate start() {
        return LocalDate.of(startYear, Month.APRIL, 1);
    }

    public LocalDate end() {
        return LocalDate.of(startYear + 1, Month.MARCH, 31);
    }

    public YearMonth firstMonth() {
        return YearMonth.of(startYear, Month.APRIL);
    }

    /** The twelve months, April first. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>(12);
        for (int i = 0; i < 12; i++) {
            months.add(firstMonth().plusMonths(i));
        }
        return months;
    }

    /** Months elapsed to the end of {@code month}, 1 for April; {@code month} must be in this year. */
    public int monthNumber(YearMonth month) {
        if (!contains(month.atDay(1))) {
            throw new IllegalArgumentException(month + " is not in financial year " + label());
        }
        return (int) (firstMonth().until(month, java.time.temporal.ChronoUnit.MONTHS) + 1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** {@code 2025/26}. */
    public String label() {
        return startYear + "/" + String.format(java.util.Locale.ROOT, "%02d", (startYear + 1) % 100);
    }

    @Override
    public String toString() {
        return label();
    }
}
