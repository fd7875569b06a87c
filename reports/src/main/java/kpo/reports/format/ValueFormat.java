package kpo.reports.format;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import kpo.reports.Unit;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;

/**
 * How one measure's numbers are printed: the same number of decimals everywhere on its page (value,
 * mean, limits, target), chosen once from the unit and the size of the values, with UK separators
 * whatever the machine's locale, and a true minus sign (U+2212).
 *
 * <p>Decimals: proportions and percentages 1 (2 below 1%); counts of whole values 0 for the values
 * themselves; otherwise by the median size of the plotted values: 0 from 100, 1 from 10, 2 below.
 * Pounds are always whole.
 */
public final class ValueFormat {

    /** The minus sign a typesetter would use; the hyphen-minus looks like a dash in running text. */
    public static final char MINUS = '\u2212';

    private final Unit unit;
    private final int decimals;
    private final double multiply;

    private ValueFormat(Unit unit, int decimals, double multiply) {
        this.unit = unit;
        this.decimals = decimals;
        this.multiply = multiply;
    }

    /** The format for {@code chart}'s values in {@code unit}. */
    public static ValueFormat of(Unit unit, ChartResult chart) {
        return new ValueFormat(unit, decimals(unit, chart), chart.spec().multiply());
    }

    /** A fixed number of decimals, for tables that are not one chart's. */
    public static ValueFormat of(Unit unit, int decimals) {
        return new ValueFormat(unit, decimals, 1);
    }

    /** A fixed number of decimals for values shown at {@code multiply} (a rate per 1,000). */
    public static ValueFormat of(Unit unit, int decimals, double multiply) {
        return new ValueFormat(unit, decimals, multiply);
    }

    private static int decimals(Unit unit, ChartResult chart) {
        double[] magnitudes = chart.points().stream().mapToDouble(ChartPoint::y).filter(Double::isFinite)
                .map(Math::abs).sorted().toArray();
        double typical = magnitudes.length == 0 ? 0 : magnitudes[magnitudes.length / 2];
        return switch (unit) {
            case PROPORTION -> typical * 100 < 1 && typical > 0 ? 2 : 1;
            case PERCENT -> typical < 1 && typical > 0 ? 2 : 1;
            case POUNDS -> 0;
            case COUNT, DAYS, WEEKS, MINUTES, HOURS, RATE, NUMBER -> typical >= 100 ? 0 : typical >= 10 ? 1 : 2;
        };
    }

    public Unit unit() {
        return unit;
    }

    public int decimals() {
        return decimals;
    }

    /** A value in prose and tables: {@code 1,109}, {@code 19.0%}, {@code 42.5 days}, {@code £12,300}. */
    public String format(double value) {
        return format(value, places(value));
    }

    /**
     * An observed value: a whole number prints without decimals even on a measure whose mean and
     * limits need them (44 days, not 44.0 days), except for percentages, which keep theirs.
     */
    public String observed(double value) {
        return format(value);
    }

    private boolean whole(double value) {
        return Double.isFinite(value) && value == Math.rint(value);
    }

    /** Whole values (a total, a mean of 212.0) print without decimals, except percentages. */
    private int places(double value) {
        return whole(value) && !unit.percentage() ? 0 : decimals;
    }

    private String format(double value, int places) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return switch (unit) {
            case PROPORTION -> number(value * 100, places) + "%";
            case PERCENT -> number(value, places) + "%";
            case POUNDS -> (value < 0 ? MINUS + "£" : "£") + number(Math.abs(value), places);
            case RATE -> number(value, places) + (multiply == 1 ? "" : " per " + number(multiply, 0));
            // "1 day", not "1 days".
            case COUNT, NUMBER, DAYS, WEEKS, MINUTES, HOURS -> number(value, places) + (number(value, places).equals("1")
                    && unit.suffix().endsWith("s") ? unit.suffix().substring(0, unit.suffix().length() - 1)
                    : unit.suffix());
        };
    }

    /** A value without its unit words, for tight table cells: {@code 42.5}, {@code 19.0%}, {@code £12,300}. */
    public String compact(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return switch (unit) {
            case PROPORTION, PERCENT, POUNDS -> format(value);
            case RATE, NUMBER, COUNT, DAYS, WEEKS, MINUTES, HOURS -> number(value, places(value));
        };
    }

    /**
     * A value for a narrow cell: as {@link #compact} but thousands from 10,000 as {@code 420k} and
     * millions as {@code 1.2m} ({@code £420k} for pounds).
     */
    public String brief(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double size = Math.abs(value);
        if (unit.percentage() || size < 10_000) {
            return compact(value);
        }
        String sign = value < 0 ? String.valueOf(MINUS) : "";
        String number = size >= 1_000_000 ? number(size / 1_000_000, size >= 10_000_000 ? 0 : 1) + "m"
                : number(size / 1_000, 0) + "k";
        return sign + (unit == Unit.POUNDS ? "£" : "") + number;
    }

    /** A difference: {@code +3.1 percentage points}, {@code −401}, {@code −2.0 days}. */
    public String difference(double delta) {
        String sign = delta > 0 ? "+" : delta < 0 ? String.valueOf(MINUS) : "";
        double size = Math.abs(delta);
        return switch (unit) {
            case PROPORTION -> sign + number(size * 100, decimals) + " percentage points";
            case PERCENT -> sign + number(size, decimals) + " percentage points";
            case POUNDS -> sign + "£" + number(size, decimals);
            case RATE, NUMBER, COUNT, DAYS, WEEKS, MINUTES, HOURS -> sign + format(size);
        };
    }

    /** {@code 198–286}: a pair of process limits with an en dash, each as shown ({@link Unit#shown}). */
    public String range(double low, double high) {
        return compact(unit.shown(low)) + "–" + format(unit.shown(high));
    }

    /** A process limit as shown ({@link Unit#shown}): at the unit's bound when it lies beyond it. */
    public String limit(double value) {
        return format(unit.shown(value));
    }

    /** The value axis' tick format: bare numbers, percentages with %. */
    public NumberFormat axisFormat() {
        DecimalFormat format = switch (unit) {
            case PROPORTION -> new DecimalFormat("#,##0.##%", symbols());
            case PERCENT -> new DecimalFormat("#,##0.##'%'", symbols());
            case POUNDS -> new DecimalFormat("'£'#,##0.##", symbols());
            case COUNT, DAYS, WEEKS, MINUTES, HOURS, RATE, NUMBER -> new DecimalFormat("#,##0.##", symbols());
        };
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    /** {@code 1,234.5} with UK separators and a true minus sign. */
    public static String number(double value, int places) {
        DecimalFormat format = new DecimalFormat(places == 0 ? "#,##0" : "#,##0." + "0".repeat(places), symbols());
        format.setRoundingMode(RoundingMode.HALF_UP);
        String text = format.format(value);
        // "-0" after rounding a tiny negative reads as a sign error.
        return text.equals(MINUS + "0") || text.matches(MINUS + "0\\.0+") ? text.substring(1) : text;
    }

    /** A count: {@code 45,210}. */
    public static String count(long value) {
        return number(value, 0);
    }

    /** A signed count: {@code +401}, {@code −12}, {@code 0}. */
    public static String signedCount(long value) {
        return value > 0 ? "+" + count(value) : count(value);
    }

    /** A share: {@code 4.2%}. */
    public static String percent(double share, int places) {
        return number(share * 100, places) + "%";
    }

    private static DecimalFormatSymbols symbols() {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.UK);
        symbols.setMinusSign(MINUS);
        return symbols;
    }
}
