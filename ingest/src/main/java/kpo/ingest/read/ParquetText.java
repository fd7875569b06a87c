package kpo.ingest.read;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A Parquet value as the text the row reader reads, whichever engine took it from the file: both
 * hand over the typed value (a date, a timestamp, a number) and this one function writes it, so that
 * the same file gives the same rows, rejections and values on either engine. Dates are ISO; a
 * timestamp is ISO date-time, one adjusted to UTC given in UTC; numbers are written plainly.
 */
public final class ParquetText {

    private ParquetText() {
    }

    /** The text of a value, null for none. */
    public static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof LocalDateTime time) {
            return time.toString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString();
        }
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double number) {
            return Double.toString(number);
        }
        if (value instanceof Float number) {
            return Float.toString(number);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString(); // whole numbers, booleans
    }
}
