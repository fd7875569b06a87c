package kpo.reports.format;

import java.time.LocalDate;
import java.time.YearMonth;
import kpo.reports.period.Frequency;

/**
 * Dates as a UK board reads them ({@code 31 Oct 2025}). Month names are spelt out here rather than
 * taken from the JDK's locale data, which writes "Sept" for en-GB and differs between releases: the
 * same inputs must print the same text.
 */
public final class Dates {

    private static final String[] SHORT = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final String[] LONG = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private Dates() {
    }

    /** {@code 31 Oct 2025}. */
    public static String day(LocalDate date) {
        return date.getDayOfMonth() + " " + SHORT[date.getMonthValue() - 1] + " " + date.getYear();
    }

    /** {@code 31 October 2025}, for the cover. */
    public static String longDay(LocalDate date) {
        return date.getDayOfMonth() + " " + LONG[date.getMonthValue() - 1] + " " + date.getYear();
    }

    /** {@code October 2025}. */
    public static String month(YearMonth month) {
        return LONG[month.getMonthValue() - 1] + " " + month.getYear();
    }

    /** {@code Oct 2025}. */
    public static String shortMonth(YearMonth month) {
        return SHORT[month.getMonthValue() - 1] + " " + month.getYear();
    }

    /** {@code Oct}. */
    public static String monthName(YearMonth month) {
        return SHORT[month.getMonthValue() - 1];
    }

    /** {@code Oct 25}: a date-axis tick at the start of a month. */
    public static String axisMonth(LocalDate date) {
        return SHORT[date.getMonthValue() - 1] + " " + String.format(java.util.Locale.ROOT, "%02d",
                date.getYear() % 100);
    }

    /** {@code 2 Jan}: a date-axis tick inside a short span. */
    public static String axisDay(LocalDate date) {
        return date.getDayOfMonth() + " " + SHORT[date.getMonthValue() - 1];
    }

    /**
     * A period as its frequency names it: {@code w/c 30 Oct 2023} for a week (NHS "week commencing"),
     * {@code Oct 2025} for a month, {@code Jul–Sep 2025} for a quarter, the day otherwise.
     */
    public static String period(LocalDate period, Frequency frequency) {
        return switch (frequency) {
            case WEEKLY -> "w/c " + day(period);
            case MONTHLY -> shortMonth(YearMonth.from(period));
            case QUARTERLY -> SHORT[period.getMonthValue() - 1] + "–"
                    + SHORT[period.plusMonths(2).getMonthValue() - 1] + " " + period.plusMonths(2).getYear();
            case DAILY, IRREGULAR, INDIVIDUAL -> day(period);
        };
    }

    /** A period in a sentence: "the week beginning 30 Oct 2023", "October 2025". */
    public static String periodInProse(LocalDate period, Frequency frequency) {
        return switch (frequency) {
            case WEEKLY -> "the week beginning " + day(period);
            case MONTHLY -> month(YearMonth.from(period));
            case QUARTERLY -> "the quarter " + period(period, frequency);
            case DAILY, IRREGULAR, INDIVIDUAL -> day(period);
        };
    }

    /** A period after "in" or "ending": "the week beginning 30 Oct 2023", "October 2025", "31 Oct 2025". */
    public static String inPeriod(LocalDate period, Frequency frequency) {
        return switch (frequency) {
            case WEEKLY, MONTHLY, QUARTERLY -> "in " + periodInProse(period, frequency);
            case DAILY, IRREGULAR, INDIVIDUAL -> "on " + day(period);
        };
    }

    /** A short column heading for a period: {@code 30 Oct} for weeks and days, {@code Oct 25} for months. */
    public static String periodHeading(LocalDate period, Frequency frequency) {
        return switch (frequency) {
            case WEEKLY, DAILY, IRREGULAR, INDIVIDUAL -> axisDay(period);
            case MONTHLY, QUARTERLY -> axisMonth(period);
        };
    }
}
