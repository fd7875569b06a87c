package kpo.ingest.nhse;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period labels of NHS England's published files: {@code RTT-April-2026},
 * {@code MSitAE-MARCH-2025}, a financial year and quarter ({@code 1994/95}, {@code 1} = April–June
 * 1994). Each becomes the first day of its month or quarter.
 */
public final class PublishedPeriods {

    private static final Pattern MONTH_YEAR = Pattern.compile("(?i).*-([A-Z]+)-(\\d{4})\\s*");
    private static final Pattern FINANCIAL_YEAR = Pattern.compile("\\s*(\\d{4})/(\\d{2})\\s*");

    private PublishedPeriods() {
    }

    /** {@code RTT-April-2026} or {@code MSitAE-MARCH-2025} → the first of that month. */
    public static Optional<LocalDate> month(String label) {
        if (label == null) {
            return Optional.empty();
        }
        Matcher m = MONTH_YEAR.matcher(label);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Month month = Month.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(2)), month, 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Financial year {@code 1994/95} and quarter 1–4 → the first day of the quarter (Q1 = April). */
    public static Optional<LocalDate> quarter(String financialYear, String quarter) {
        if (financialYear == null || quarter == null) {
            return Optional.empty();
        }
        Matcher m = FINANCIAL_YEAR.matcher(financialYear);
        if (!m.matches()) {
            return Optional.empty();
        }
        int q;
        try {
            q = Integer.parseInt(quarter.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (q < 1 || q > 4) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), 4, 1).plusMonths(3L * (q - 1)));
    }
}
