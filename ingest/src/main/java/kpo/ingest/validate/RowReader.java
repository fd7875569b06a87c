package kpo.ingest.validate;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kpo.ingest.nhs.RttWaits;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.CuratedColumn;
import kpo.ingest.source.Field;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.Reason;
import kpo.ingest.source.Rule;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceSpec;

/**
 * Reads one row of a source into its curated, typed form or into a rejection: the loop over the
 * source's declared {@link SourceKind#rules() rules}. Each field's text is trimmed, mapped through
 * the source's code map and typed by the field's type (a text that does not parse stays text, for
 * its rule to reject); then the rules run in order and the first that fails names the reason, the
 * field and its value as the file has it. Identifiers are replaced by their pseudonym once every
 * rule has passed, and masked in a rejection. Both engines read every row through this class.
 */
public final class RowReader implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final SourceKind kind;
    private final kpo.ingest.source.SourceMapping mapping;
    private final Pseudonymiser pseudonymiser;
    private final Rule[] rules;
    private final Rule.Check[] checks;
    /** The position of each rule's field, for its rejection. */
    private final int[] ruleField;
    private final int width;
    private final int periodAt;
    private final int[] at;
    private transient DateTimeFormatter dates;
    private transient DateTimeFormatter timestamps;

    /**
     * @param pseudonymiser replaces identifiers; null only for a source whose files carry none
     */
    public RowReader(SourceSpec spec, ReadContext context, Pseudonymiser pseudonymiser) {
        this.source = spec.name();
        this.kind = spec.kind();
        this.mapping = spec.mapping();
        this.pseudonymiser = pseudonymiser;
        Map<String, Integer> positions = new HashMap<>();
        List<Field> fields = kind.fields();
        for (int i = 0; i < fields.size(); i++) {
            positions.put(fields.get(i).name(), i);
        }
        Rule.Positions of = name -> {
            Integer i = positions.get(name);
            if (i == null) {
                throw new IllegalArgumentException(kind.code() + " has no field " + name);
            }
            return i;
        };
        List<Rule> rowRules = kind.rules().stream().filter(r -> r.bind(of, context) != null).toList();
        this.rules = rowRules.toArray(Rule[]::new);
        this.checks = rowRules.stream().map(r -> r.bind(of, context)).toArray(Rule.Check[]::new);
        this.ruleField = rowRules.stream().mapToInt(r -> of.of(r.field())).toArray();
        this.width = CuratedColumn.of(kind).size() - 2; // the lineage columns travel beside the values
        this.periodAt = width - 1;
        this.at = new int[] {positions.getOrDefault("snapshot_date", -1), positions.getOrDefault("clock_start_date", -1),
            positions.getOrDefault("status", -1), positions.getOrDefault("scheduled_date", -1),
            positions.getOrDefault("start_ts", -1), positions.getOrDefault("end_ts", -1),
            positions.getOrDefault("period", -1)};
    }

    public SourceKind kind() {
        return kind;
    }

    public kpo.ingest.source.SourceMapping mapping() {
        return mapping;
    }

    /** The source's name in the config, which every rejection carries. */
    public String source() {
        return source;
    }

    /** A line that could not be split into fields: too few of them, or not the file's format. */
    public ReadRow.Rejected unreadable(String file, long line, Reason reason) {
        return new ReadRow.Rejected(new Rejection(source, file, line, null, null, reason));
    }

    /**
     * Reads one row.
     *
     * @param raw the raw text of each of the kind's fields, in {@link SourceKind#fields()} order;
     *     null where the file has no such column
     */
    public ReadRow read(String file, long line, String[] raw) {
        List<Field> fields = kind.fields();
        Object[] v = new Object[width];
        for (int i = 0; i < raw.length; i++) {
            String text = raw[i] == null ? null : raw[i].trim();
            if (text == null || text.isEmpty()) {
                continue;
            }
            text = mapping.code(fields.get(i).name(), text);
            if (text != null && !text.isEmpty()) {
                v[i] = typed(fields.get(i), text);
            }
        }
        for (int r = 0; r < checks.length; r++) {
            if (!checks[r].passes(v)) {
                return reject(file, line, rules[r], ruleField[r], raw);
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).identifier() && v[i] != null) {
                if (pseudonymiser == null) {
                    // The engines refuse such a file before reading it; this is the last line of defence.
                    throw new IllegalStateException("an identifier reached the reader without a pseudonym key");
                }
                v[i] = pseudonymiser.pseudonym((String) v[i]);
            }
        }
        derive(v);
        return new ReadRow.Accepted(file, line, v);
    }

    private ReadRow.Rejected reject(String file, long line, Rule rule, int field, String[] raw) {
        Field f = kind.fields().get(field);
        String value = raw[field] == null ? "" : raw[field].trim();
        return new ReadRow.Rejected(new Rejection(source, file, line, mapping.headerOf(f.name()),
                f.identifier() ? Pseudonymiser.mask(value) : value, rule.reason()));
    }

    /** A field's value by its type, or its text when the text does not parse (its rule rejects it). */
    private Object typed(Field f, String text) {
        return switch (f.type()) {
            case TEXT -> text;
            case CODE -> text.toUpperCase(Locale.ROOT);
            case DATE -> date(text);
            case TIMESTAMP -> timestamp(text);
            case DECIMAL -> {
                Double number = PlainNumbers.finite(text);
                yield number == null ? text : number;
            }
            case BOOLEAN -> bool(text);
        };
    }

    private Object date(String text) {
        try {
            if (mapping.dateFormat() != null) {
                return LocalDate.parse(text, dates());
            }
            LocalDate plain = isoDate(text);
            return plain != null ? plain : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    /**
     * {@code yyyy-MM-dd} read digit by digit, as ISO's strict parser reads it but without its cost
     * (a microsecond a date, twice a row); null for any other text, which ISO's parser then reads,
     * and {@link DateTimeParseException} for a date that does not exist.
     */
    private static LocalDate isoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = 0;
        int month = 0;
        int day = 0;
        for (int i = 0; i < 10; i++) {
            if (i == 4 || i == 7) {
                continue;
            }
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return null;
            }
            if (i < 4) {
                year = year * 10 + digit;
            } else if (i < 7) {
                month = month * 10 + digit;
            } else {
                day = day * 10 + digit;
            }
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new DateTimeParseException("no such date", text, 0);
        }
    }

    private Object timestamp(String text) {
        try {
            if (mapping.timestampFormat() != null) {
                return LocalDateTime.parse(text, timestamps());
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static Object bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> text;
        };
    }

    private DateTimeFormatter dates() {
        if (dates == null) {
            dates = DateTimeFormatter.ofPattern(mapping.dateFormat().replace('y', 'u'), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
        }
        return dates;
    }

    private DateTimeFormatter timestamps() {
        if (timestamps == null) {
            timestamps = DateTimeFormatter.ofPattern(mapping.timestampFormat().replace('y', 'u'), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
        }
        return timestamps;
    }

    /** Fills the derived columns ({@link CuratedColumn#derived}) and the period of an accepted row. */
    private void derive(Object[] v) {
        int d = kind.fields().size();
        LocalDate periodDate;
        switch (kind) {
            case WAITING_LIST -> {
                LocalDate snapshot = (LocalDate) v[at[0]];
                long days = ChronoUnit.DAYS.between((LocalDate) v[at[1]], snapshot);
                v[d] = (int) days;
                v[d + 1] = RttWaits.band(days);
                v[d + 2] = RttWaits.within18Weeks(days);
                periodDate = snapshot;
            }
            case CANCELLATIONS -> {
                v[d] = "cancelled".equals(v[at[2]]);
                periodDate = (LocalDate) v[at[3]];
            }
            case LEAD_TIMES -> {
                LocalDateTime from = (LocalDateTime) v[at[4]];
                LocalDateTime to = (LocalDateTime) v[at[5]];
                double minutes = ChronoUnit.SECONDS.between(from, to) / 60.0;
                v[d] = minutes / (24 * 60);
                v[d + 1] = minutes;
                periodDate = to.toLocalDate();
            }
            case MEASURES -> periodDate = (LocalDate) v[at[6]];
            default -> throw new IllegalStateException();
        }
        v[periodAt] = periodDate.toString().substring(0, 7);
    }
}
