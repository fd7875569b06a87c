package kpo.ingest.validate;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kpo.ingest.nhs.NhsNumber;
import kpo.ingest.nhs.OdsCode;
import kpo.ingest.nhs.RttWaits;
import kpo.ingest.nhs.TreatmentFunctions;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.Field;
import kpo.ingest.source.FieldType;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceMapping;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Reads one row of a source into its curated, typed form, or into a rejection: every field is
 * parsed by its type, then the source's rules run in their declared order and the first that
 * fails names the reason. Identifiers are checked (NHS numbers by modulus 11) and replaced by their
 * pseudonym before anything else sees them; a rejected identifier is masked.
 *
 * <p>Every output row has the curated columns, then lineage and outcome: {@code _file},
 * {@code _line}, and for a rejection {@code _reason}, {@code _column}, {@code _value}.
 */
public final class RowReader implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Dates before this are defaults or slips ("1900-01-01"), not NHS activity. */
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    /** Waits and lead times longer than ten years are not believed. */
    static final long ABSURD_DAYS = 3653;
    private static final Set<String> PRIORITIES = Set.of("P1A", "P1B", "P2", "P3", "P4", "P5", "P6");
    private static final Set<String> LIST_TYPES = Set.of("rtt", "diagnostic", "planned");
    private static final Set<String> STATUSES = Set.of("done", "cancelled");
    private static final Set<String> CANCELLED_BY = Set.of("hospital", "patient");

    private final SourceKind kind;
    private final SourceMapping mapping;
    private final LocalDate asOf;
    private final Pseudonymiser pseudonymiser;
    private final int columnCount;
    // Positions of the fields the rules use, looked up once: the rules run for every row.
    private final int cancelledByAt;
    private final int cancelledDateAt;
    private final int clockStartDateAt;
    private final int endTsAt;
    private final int listTypeAt;
    private final int nhsNumberAt;
    private final int periodAt;
    private final int priorityAt;
    private final int rebookedDateAt;
    private final int scheduledDateAt;
    private final int siteCodeAt;
    private final int snapshotDateAt;
    private final int specialtyAt;
    private final int startTsAt;
    private final int statusAt;
    private final int trustCodeAt;
    private transient DateTimeFormatter dates;
    private transient DateTimeFormatter timestamps;

    /**
     * @param asOf the extract's as-of date: later dates are in the future
     * @param pseudonymiser replaces identifiers; null only for a source whose files carry none
     */
    public RowReader(SourceKind kind, SourceMapping mapping, LocalDate asOf, Pseudonymiser pseudonymiser) {
        this.kind = kind;
        this.mapping = mapping;
        this.asOf = asOf;
        this.pseudonymiser = pseudonymiser;
        this.columnCount = schema(kind).size();
        java.util.Map<String, Integer> at = new java.util.HashMap<>();
        for (int i = 0; i < kind.fields().size(); i++) {
            at.put(kind.fields().get(i).name(), i);
        }
        this.cancelledByAt = at.getOrDefault("cancelled_by", -1);
        this.cancelledDateAt = at.getOrDefault("cancelled_date", -1);
        this.clockStartDateAt = at.getOrDefault("clock_start_date", -1);
        this.endTsAt = at.getOrDefault("end_ts", -1);
        this.listTypeAt = at.getOrDefault("list_type", -1);
        this.nhsNumberAt = at.getOrDefault("nhs_number", -1);
        this.periodAt = at.getOrDefault("period", -1);
        this.priorityAt = at.getOrDefault("priority", -1);
        this.rebookedDateAt = at.getOrDefault("rebooked_date", -1);
        this.scheduledDateAt = at.getOrDefault("scheduled_date", -1);
        this.siteCodeAt = at.getOrDefault("site_code", -1);
        this.snapshotDateAt = at.getOrDefault("snapshot_date", -1);
        this.specialtyAt = at.getOrDefault("specialty", -1);
        this.startTsAt = at.getOrDefault("start_ts", -1);
        this.statusAt = at.getOrDefault("status", -1);
        this.trustCodeAt = at.getOrDefault("trust_code", -1);
    }

    public SourceKind kind() {
        return kind;
    }

    public SourceMapping mapping() {
        return mapping;
    }

    /** The columns derived from the typed fields, by source. */
    private static List<StructField> derived(SourceKind kind) {
        return switch (kind) {
            case WAITING_LIST -> List.of(field("days_waiting", DataTypes.IntegerType),
                    field("week_band", DataTypes.IntegerType), field("within_18_weeks", DataTypes.BooleanType));
            case CANCELLATIONS -> List.of(field("cancelled", DataTypes.BooleanType));
            case LEAD_TIMES -> List.of(field("lead_time_days", DataTypes.DoubleType),
                    field("lead_time_minutes", DataTypes.DoubleType));
            case MEASURES -> List.of();
        };
    }

    /** The curated schema: typed fields, derived columns, {@code period} (yyyy-MM), lineage and outcome. */
    public static StructType schema(SourceKind kind) {
        List<StructField> columns = new ArrayList<>();
        for (Field f : kind.fields()) {
            columns.add(field(f.name(), sparkType(f.type())));
        }
        columns.addAll(derived(kind));
        columns.add(field("period", DataTypes.StringType));
        columns.add(field("_file", DataTypes.StringType));
        columns.add(field("_line", DataTypes.LongType));
        columns.add(field("_reason", DataTypes.StringType));
        columns.add(field("_column", DataTypes.StringType));
        columns.add(field("_value", DataTypes.StringType));
        return new StructType(columns.toArray(StructField[]::new));
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    private static DataType sparkType(FieldType type) {
        return switch (type) {
            case TEXT, CODE -> DataTypes.StringType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampNTZType;
            case DECIMAL -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }

    /** A row that failed: why, where, and the offending value (masked if it identifies a patient). */
    private Object[] reject(String file, long line, Reason reason, Field field, String value) {
        Object[] values = new Object[columnCount];
        int n = values.length;
        values[n - 5] = file;
        values[n - 4] = line;
        values[n - 3] = reason.code();
        values[n - 2] = field == null ? null : mapping.headerOf(field.name());
        values[n - 1] = field != null && field.identifier() ? Pseudonymiser.mask(value) : value;
        return values;
    }

    /** A line that could not be split into fields: too few of them, or not the file's format. */
    public Row unreadable(String file, long line, Reason reason) {
        return RowFactory.create(reject(file, line, reason, null, null));
    }

    /** {@link #unreadable(String, long, Reason)} in Spark's internal form, as {@link #readInternal} gives it. */
    public InternalRow unreadableInternal(UTF8String file, long line, Reason reason) {
        return internal(reject(null, line, reason, null, null), file);
    }

    /**
     * {@link #read(String, long, String[])} in Spark's internal form: text as {@code UTF8String},
     * dates as days since 1970-01-01, timestamps as microseconds. Spark takes such rows without
     * converting every value of every row again, which an external {@link Row} costs.
     *
     * @param file the file's name, converted once per file by the caller rather than once per row
     */
    public InternalRow readInternal(UTF8String file, long line, String[] raw) {
        return internal(values(null, line, raw), file);
    }

    private InternalRow internal(Object[] values, UTF8String file) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof String text) {
                values[i] = UTF8String.fromString(text);
            } else if (v instanceof LocalDate date) {
                values[i] = (int) date.toEpochDay();
            } else if (v instanceof LocalDateTime time) {
                values[i] = DateTimeUtils.localDateTimeToMicros(time);
            }
        }
        values[values.length - 5] = file;
        return new GenericInternalRow(values);
    }

    /**
     * Reads one row.
     *
     * @param raw the raw text of each of the kind's fields, in {@link SourceKind#fields()} order;
     *     null where the file has no such column
     */
    public Row read(String file, long line, String[] raw) {
        return RowFactory.create(values(file, line, raw));
    }

    /** The row's values as {@link #read} gives them: curated, derived, lineage and outcome columns. */
    private Object[] values(String file, long line, String[] raw) {
        List<Field> fields = kind.fields();
        Object[] typed = new Object[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String text = raw[i] == null ? null : raw[i].trim();
            if (text != null && !text.isEmpty()) {
                text = mapping.code(f.name(), text);
            }
            if (text == null || text.isEmpty()) {
                if (f.required()) {
                    return reject(file, line, Reason.MISSING_REQUIRED, f, "");
                }
                continue;
            }
            Object value = parse(f, text);
            if (value instanceof Reason reason) {
                return reject(file, line, reason, f, text);
            }
            typed[i] = value;
        }
        Check failed = rules(typed);
        if (failed != null) {
            Field f = fields.get(failed.field);
            return reject(file, line, failed.reason, f, raw[failed.field] == null ? "" : raw[failed.field].trim());
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).identifier() && typed[i] != null) {
                if (pseudonymiser == null) {
                    // SourceReader refuses such a file before reading it; this is the last line of defence.
                    throw new IllegalStateException("an identifier reached the reader without a pseudonym key");
                }
                typed[i] = pseudonymiser.pseudonym((String) typed[i]);
            }
        }
        return accept(file, line, typed);
    }

    private Object parse(Field f, String text) {
        return switch (f.type()) {
            case TEXT -> text;
            case CODE -> text.toUpperCase(Locale.ROOT);
            case DATE -> date(text);
            case TIMESTAMP -> timestamp(text);
            case DECIMAL -> {
                Double number = PlainNumbers.finite(text);
                yield number == null ? Reason.BAD_NUMBER : number;
            }
            case BOOLEAN -> bool(text);
        };
    }

    private Object date(String text) {
        try {
            LocalDate date = mapping.dateFormat() == null ? LocalDate.parse(text) : LocalDate.parse(text, dates());
            return date.isBefore(EARLIEST) ? Reason.IMPLAUSIBLE_DATE : date;
        } catch (DateTimeParseException e) {
            return Reason.BAD_DATE;
        }
    }

    private Object timestamp(String text) {
        try {
            LocalDateTime time;
            if (mapping.timestampFormat() != null) {
                time = LocalDateTime.parse(text, timestamps());
            } else if (text.length() == 10) {
                time = LocalDate.parse(text).atStartOfDay();
            } else {
                time = LocalDateTime.parse(text.replace(' ', 'T'));
            }
            return time.toLocalDate().isBefore(EARLIEST) ? Reason.IMPLAUSIBLE_DATE : time;
        } catch (DateTimeParseException e) {
            return Reason.BAD_DATE;
        }
    }

    private static Object bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> Reason.UNKNOWN_CODE;
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

    /** A failed rule: the field it names and why. */
    private record Check(int field, Reason reason) {
    }

    /**
     * The source's rules, in order; the first that fails rejects the row. Declared per source so
     * that the rejects file and the manifest can say exactly which rule a row broke.
     */
    private Check rules(Object[] v) {
        return switch (kind) {
            case WAITING_LIST -> waitingList(v);
            case CANCELLATIONS -> cancellations(v);
            case LEAD_TIMES -> leadTimes(v);
            case MEASURES -> measures(v);
        };
    }

    /** A pre-aggregated measure reports a period that has begun: a later one is a slip or a plan, not data. */
    private Check measures(Object[] v) {
        return ((LocalDate) v[periodAt]).isAfter(asOf) ? new Check(periodAt, Reason.FUTURE_DATE) : null;
    }

    private Check common(Object[] v) {
        if ((trustCodeAt >= 0) && v[trustCodeAt] != null && !OdsCode.organisation((String) v[trustCodeAt])) {
            return new Check(trustCodeAt, Reason.BAD_ODS_CODE);
        }
        if ((siteCodeAt >= 0) && v[siteCodeAt] != null && !OdsCode.site((String) v[siteCodeAt])) {
            return new Check(siteCodeAt, Reason.BAD_ODS_CODE);
        }
        if ((specialtyAt >= 0) && v[specialtyAt] != null) {
            var code = TreatmentFunctions.canonical((String) v[specialtyAt]);
            if (code.isEmpty()) {
                return new Check(specialtyAt, Reason.UNKNOWN_TREATMENT_FUNCTION);
            }
            v[specialtyAt] = code.get();
        }
        return null;
    }

    private Check waitingList(Object[] v) {
        int snapshot = snapshotDateAt;
        int clockStart = clockStartDateAt;
        int nhsNumber = nhsNumberAt;
        LocalDate snapshotDate = (LocalDate) v[snapshot];
        LocalDate start = (LocalDate) v[clockStart];
        if (snapshotDate.isAfter(asOf)) {
            return new Check(snapshot, Reason.FUTURE_DATE);
        }
        Check common = common(v);
        if (common != null) {
            return common;
        }
        if (v[nhsNumber] != null && !NhsNumber.valid((String) v[nhsNumber])) {
            return new Check(nhsNumber, Reason.INVALID_NHS_NUMBER);
        }
        if (start.isAfter(snapshotDate)) {
            return new Check(clockStart, Reason.CLOCK_START_AFTER_SNAPSHOT);
        }
        if (ChronoUnit.DAYS.between(start, snapshotDate) > ABSURD_DAYS) {
            return new Check(clockStart, Reason.ABSURD_DURATION);
        }
        int priority = priorityAt;
        if (v[priority] != null) {
            String p = ((String) v[priority]).toUpperCase(Locale.ROOT);
            if (!PRIORITIES.contains(p)) {
                return new Check(priority, Reason.UNKNOWN_CODE);
            }
            v[priority] = p.replace("A", "a").replace("B", "b");
        }
        int listType = listTypeAt;
        String type = v[listType] == null ? "rtt" : ((String) v[listType]).toLowerCase(Locale.ROOT);
        if (!LIST_TYPES.contains(type)) {
            return new Check(listType, Reason.UNKNOWN_CODE);
        }
        v[listType] = type;
        return null;
    }

    private Check cancellations(Object[] v) {
        Check common = common(v);
        if (common != null) {
            return common;
        }
        int status = statusAt;
        String s = ((String) v[status]).toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(s)) {
            return new Check(status, Reason.UNKNOWN_CODE);
        }
        v[status] = s;
        LocalDate scheduled = (LocalDate) v[scheduledDateAt];
        if ("done".equals(s) && scheduled.isAfter(asOf)) {
            return new Check(scheduledDateAt, Reason.FUTURE_DATE);
        }
        int cancelledDate = cancelledDateAt;
        if ("cancelled".equals(s) && v[cancelledDate] == null) {
            return new Check(cancelledDate, Reason.MISSING_REQUIRED);
        }
        if (v[cancelledDate] != null && ((LocalDate) v[cancelledDate]).isAfter(asOf)) {
            return new Check(cancelledDate, Reason.FUTURE_DATE);
        }
        int by = cancelledByAt;
        if (v[by] != null) {
            String who = ((String) v[by]).toLowerCase(Locale.ROOT);
            if (!CANCELLED_BY.contains(who)) {
                return new Check(by, Reason.UNKNOWN_CODE);
            }
            v[by] = who;
        }
        int rebooked = rebookedDateAt;
        if (v[rebooked] != null && v[cancelledDate] != null
                && ((LocalDate) v[rebooked]).isBefore((LocalDate) v[cancelledDate])) {
            return new Check(rebooked, Reason.END_BEFORE_START);
        }
        return null;
    }

    private Check leadTimes(Object[] v) {
        Check common = common(v);
        if (common != null) {
            return common;
        }
        int start = startTsAt;
        int end = endTsAt;
        LocalDateTime from = (LocalDateTime) v[start];
        LocalDateTime to = (LocalDateTime) v[end];
        if (to.toLocalDate().isAfter(asOf)) {
            return new Check(end, Reason.FUTURE_DATE);
        }
        if (to.isBefore(from)) {
            return new Check(end, Reason.END_BEFORE_START);
        }
        if (ChronoUnit.DAYS.between(from, to) > ABSURD_DAYS) {
            return new Check(end, Reason.ABSURD_DURATION);
        }
        return null;
    }

    private Object[] accept(String file, long line, Object[] typed) {
        List<Field> fields = kind.fields();
        Object[] values = new Object[columnCount];
        System.arraycopy(typed, 0, values, 0, typed.length);
        int d = typed.length;
        LocalDate periodDate;
        switch (kind) {
            case WAITING_LIST -> {
                LocalDate snapshot = (LocalDate) typed[snapshotDateAt];
                long days = ChronoUnit.DAYS.between((LocalDate) typed[clockStartDateAt], snapshot);
                values[d] = (int) days;
                values[d + 1] = RttWaits.band(days);
                values[d + 2] = RttWaits.within18Weeks(days);
                periodDate = snapshot;
            }
            case CANCELLATIONS -> {
                values[d] = "cancelled".equals(typed[statusAt]);
                periodDate = (LocalDate) typed[scheduledDateAt];
            }
            case LEAD_TIMES -> {
                LocalDateTime from = (LocalDateTime) typed[startTsAt];
                LocalDateTime to = (LocalDateTime) typed[endTsAt];
                double minutes = ChronoUnit.SECONDS.between(from, to) / 60.0;
                values[d] = minutes / (24 * 60);
                values[d + 1] = minutes;
                periodDate = to.toLocalDate();
            }
            case MEASURES -> periodDate = (LocalDate) typed[periodAt];
            default -> throw new IllegalStateException();
        }
        int p = columnCount - 6; // period, then lineage and outcome
        values[p] = periodDate.toString().substring(0, 7);
        values[p + 1] = file;
        values[p + 2] = line;
        return values;
    }
}
