package kpo.jobs.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import kpo.spc.RuleSet;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters whose errors say what was expected. */
public final class Converters {

    /** A plain decimal number: digits, an optional point and exponent. No NaN, Inf or thousands separators. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Converters() {
    }

    /**
     * The finite number written in {@code text}, or empty when it is not one. Locale-free: a decimal
     * comma, a thousands separator, NaN, NA, Inf and numbers too large for a double are all refused.
     */
    public static Optional<Double> finiteNumber(String text) {
        String trimmed = text.trim();
        if (!NUMBER.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        double value = Double.parseDouble(trimmed);
        return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    }

    /** An ISO date (2024-03-01) or a month (2024-03, its first day). */
    public static Optional<LocalDate> date(String text) {
        String trimmed = text.trim();
        try {
            if (trimmed.length() == 7) {
                return Optional.of(YearMonth.parse(trimmed).atDay(1));
            }
            return Optional.of(LocalDate.parse(trimmed));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static final class FiniteNumber implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return finiteNumber(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a number (write it like 212 or 0.92)"));
        }
    }

    public static final class IsoDate implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            return date(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a date (write it as YYYY-MM-DD)"));
        }
    }

    public static final class Chart implements ITypeConverter<ChartType> {
        @Override
        public ChartType convert(String value) {
            return ChartType.fromCode(value).orElseThrow(() -> new TypeConversionException(
                    "unknown chart '" + value + "'; expected one of " + codes(ChartType.values())));
        }
    }

    public static final class Rules implements ITypeConverter<RuleSet> {
        @Override
        public RuleSet convert(String value) {
            return RuleSet.fromCode(value).orElseThrow(() -> new TypeConversionException(
                    "unknown rule set '" + value + "'; expected one of " + codes(RuleSet.values())));
        }
    }

    public static final class Direction implements ITypeConverter<Improvement> {
        @Override
        public Improvement convert(String value) {
            return Improvement.fromCode(value).orElseThrow(() -> new TypeConversionException(
                    "unknown improvement direction '" + value + "'; expected increase, decrease or neutral"));
        }
    }

    private static String codes(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v instanceof ChartType c ? c.code() : ((RuleSet) v).code())
                .collect(Collectors.joining(", "));
    }
}
