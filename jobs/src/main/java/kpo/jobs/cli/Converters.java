package kpo.jobs.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import kpo.ingest.validate.PlainNumbers;
import kpo.ingest.generate.TrustGenerator;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import kpo.spc.RuleSet;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters whose errors say what was expected. */
public final class Converters {

    private Converters() {
    }

    /**
     * The finite number written in {@code text}, or empty when it is not one. Locale-free: a decimal
     * comma, a thousands separator, NaN, NA, Inf and numbers too large for a double are all refused.
     */
    public static Optional<Double> finiteNumber(String text) {
        return Optional.ofNullable(PlainNumbers.finite(text));
    }

    /** An ISO date (2024-03-01) or a month (2024-03, its first day). */
    public static Optional<LocalDate> date(String text) {
        String trimmed = text.trim();
        if (trimmed.length() == 10 && trimmed.charAt(4) == '-' && trimmed.charAt(7) == '-') {
            // The common case without DateTimeFormatter, which costs a microsecond a row on large files.
            int year = digits(trimmed, 0, 4);
            int month = digits(trimmed, 5, 7);
            int day = digits(trimmed, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return Optional.of(LocalDate.of(year, month, day));
                } catch (java.time.DateTimeException e) {
                    return Optional.empty();
                }
            }
        }
        try {
            if (trimmed.length() == 7) {
                return Optional.of(YearMonth.parse(trimmed).atDay(1));
            }
            return Optional.of(LocalDate.parse(trimmed));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The number written in {@code text[from, to)} as plain digits, or −1. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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

    /** The generated trust's size, for {@code kpo generate}, {@code kpo demo} and {@code kpo bench job}. */
    public static final class Scale implements ITypeConverter<TrustGenerator.Scale> {
        @Override
        public TrustGenerator.Scale convert(String value) {
            return TrustGenerator.Scale.fromCode(value).orElseThrow(() -> new TypeConversionException(
                    "unknown scale '" + value + "'; expected small, large, x4 or x16"));
        }
    }

    private static String codes(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v instanceof ChartType c ? c.code() : ((RuleSet) v).code())
                .collect(Collectors.joining(", "));
    }
}
