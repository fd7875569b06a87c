package kpo.ingest.source;

import java.io.Serializable;
import java.util.Map;

/**
 * How a trust's own export maps onto a source's default schema: its column names, its date and
 * timestamp formats, and its code values. Everything unmapped keeps the default.
 *
 * @param columns default field name → the file's header for it, e.g. {@code clock_start_date →
 *     "RTT Start Date"}
 * @param dateFormat a {@link java.time.format.DateTimeFormatter} pattern such as {@code dd/MM/yyyy},
 *     or null for ISO dates
 * @param timestampFormat a pattern for timestamps, or null for ISO date-times
 * @param codes default field name → (file value → value), e.g. {@code specialty → {"110" → "C_110"}}
 */
public record SourceMapping(Map<String, String> columns, String dateFormat, String timestampFormat,
        Map<String, Map<String, String>> codes) implements Serializable {

    public static final SourceMapping NONE = new SourceMapping(Map.of(), null, null, Map.of());

    public SourceMapping {
        columns = Map.copyOf(columns);
        codes = Map.copyOf(codes);
    }

    /** The header the file uses for {@code field}. */
    public String headerOf(String field) {
        return columns.getOrDefault(field, field);
    }

    /** {@code value} after the code map of {@code field}. */
    public String code(String field, String value) {
        Map<String, String> map = codes.get(field);
        if (map == null || value == null) {
            return value;
        }
        return map.getOrDefault(value, value);
    }
}
