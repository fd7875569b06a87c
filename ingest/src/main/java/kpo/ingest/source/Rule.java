package kpo.ingest.source;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kpo.ingest.nhs.NhsNumber;

/**
 * One check a row of a source must pass, declared as data beside the source's fields
 * ({@link SourceKind#rules()}): a closed set of small records, each naming the field a failure is
 * reported against and the {@link Reason} it gives. The row reader runs a source's rules in their
 * declared order and the first that fails rejects the row, so the order is part of the contract:
 * every field is first required and typed (in field order), then the rules between fields run.
 * The same list prints the README's validation table and the data-quality page's, so neither can
 * drift from the code.
 *
 * <p>A rule is compiled once per source ({@link #bind}) into a {@link Check} with its fields'
 * positions resolved; the check reads the row's values ({@link String} before a field is typed,
 * its typed value after, null when empty) and may put a field's canonical form back in place
 * ({@code 171} → {@code C_171}, {@code Cancelled} → {@code cancelled}).
 */
public sealed interface Rule extends Serializable {

    /** The field a failure is reported against: the rejection's column. */
    String field();

    /** Why a row that fails is rejected. */
    Reason reason();

    /** What the rule asks, in a data owner's words. */
    String description();

    /** The check of one row, or null for a rule that spans rows ({@link UniqueWithinExtract}), which engines run. */
    Check bind(Positions at, ReadContext context);

    /** A compiled rule. */
    @FunctionalInterface
    interface Check extends Serializable {
        /** Whether the row passes; may replace a value with its canonical form. */
        boolean passes(Object[] values);
    }

    /** The positions of a source's fields in a row of values. */
    @FunctionalInterface
    interface Positions {
        int of(String field);
    }

    /** The value must not be empty. */
    record Required(String field) implements Rule {
        @Override
        public Reason reason() {
            return Reason.MISSING_REQUIRED;
        }

        @Override
        public String description() {
            return "must not be empty";
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(field);
            return v -> v[i] != null;
        }
    }

    /**
     * A date (or, for a timestamp field, a date and time) in ISO form or the source's own format;
     * parsing is the reader's, by the field's type, so this rule only records where it stands.
     */
    record ValidDate(String field, boolean withTime) implements Rule {
        @Override
        public Reason reason() {
            return Reason.BAD_DATE;
        }

        @Override
        public String description() {
            return withTime ? "a date and time (ISO, a bare date meaning midnight, or the source's timestamp_format)"
                    : "a date (ISO yyyy-MM-dd, or the source's date_format)";
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(field);
            return v -> v[i] == null || v[i] instanceof LocalDate || v[i] instanceof LocalDateTime;
        }
    }

    /** Not before 1990-01-01: earlier dates are defaults or slips ("1900-01-01"), not NHS activity. */
    record PlausibleDate(String field) implements Rule {
        /** The earliest date believed. */
        public static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

        @Override
        public Reason reason() {
            return Reason.IMPLAUSIBLE_DATE;
        }

        @Override
        public String description() {
            return "not before " + EARLIEST;
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(field);
            return v -> v[i] == null || !day(v[i]).isBefore(EARLIEST);
        }
    }

    /** A number written plainly: no thousands separators, NaN, NA or Inf. Typed by the reader. */
    record PlainNumber(String field) implements Rule {
        @Override
        public Reason reason() {
            return Reason.BAD_NUMBER;
        }

        @Override
        public String description() {
            return "a number written plainly (no thousands separators, NaN, NA or Inf)";
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(field);
            return v -> v[i] == null || v[i] instanceof Double;
        }
    }

    /** Yes or no: true/false, yes/no, y/n or 1/0. Typed by the reader. */
    record YesNo(String field) implements Rule {
        @Override
        public Reason reason() {
            return Reason.UNKNOWN_CODE;
        }

        @Override
        public String description() {
            return "yes or no (true/false, yes/no, y/n, 1/0)";
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(field);
            return v -> v[i] == null || v[i] instanceof Boolean;
        }
    }

    /** Not after the run's as-of date: a later date is a slip or a plan, not data. */
    record NotAfterAsOf(String field) implements Rule {
        @Override
        public Reason reason() {
            return Reason.FUTURE_DATE;
        }

        @Override
        public String description() {
            return "not after the as-of date";
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(field);
            LocalDate asOf = context.asOf();
            return v -> v[i] == null || !day(v[i]).isAfter(asOf);
        }
    }

    /** {@code field} is not later than {@code than} (a clock start after its snapshot). */
    record NotAfter(String field, String than, Reason reason) implements Rule {
        @Override
        public String description() {
            return "not after " + than;
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(field);
            int j = at.of(than);
            return v -> v[i] == null || v[j] == null || !instant(v[i]).isAfter(instant(v[j]));
        }
    }

    /** {@code field} is not earlier than {@code than} (an end before its start). */
    record NotBefore(String field, String than, Reason reason) implements Rule {
        @Override
        public String description() {
            return "not before " + than;
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(field);
            int j = at.of(than);
            return v -> v[i] == null || v[j] == null || !instant(v[i]).isBefore(instant(v[j]));
        }
    }

    /** At most {@code days} whole days between {@code field} and {@code other}: longer waits are not believed. */
    record MaxDuration(String field, String other, long days) implements Rule {
        /** Ten years: no wait or lead time is believed to be longer. */
        public static final long TEN_YEARS = 3653;

        @Override
        public Reason reason() {
            return Reason.ABSURD_DURATION;
        }

        @Override
        public String description() {
            return "at most " + days + " days from " + other;
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(field);
            int j = at.of(other);
            long limit = days;
            return v -> v[i] == null || v[j] == null
                    || Math.abs(ChronoUnit.DAYS.between(instant(v[j]), instant(v[i]))) <= limit;
        }
    }

    /**
     * An ODS organisation code of exactly {@code length} letters and digits: 3 for a trust (RR8), 5
     * for a trust's site (RR801). A site code in the trust column, or a trust code in the site
     * column, is a value in the wrong column.
     */
    record OdsCode(String field, int length) implements Rule {
        @Override
        public Reason reason() {
            return Reason.BAD_ODS_CODE;
        }

        @Override
        public String description() {
            return "an ODS code of " + length + " letters and digits";
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(field);
            int n = length;
            return v -> v[i] == null || kpo.ingest.nhs.OdsCode.ofLength((String) v[i], n);
        }
    }

    /** A site belongs to its trust: ODS site codes begin with their trust's code (RR801 is a site of RR8). */
    record SiteOfTrust(String field, String trust) implements Rule {
        @Override
        public Reason reason() {
            return Reason.BAD_ODS_CODE;
        }

        @Override
        public String description() {
            return "a site of the row's " + trust + " (begins with it)";
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(field);
            int j = at.of(trust);
            return v -> v[i] == null || v[j] == null || ((String) v[i]).startsWith((String) v[j]);
        }
    }

    /** A trust the config names: another trust's rows are not this trust's to report. */
    record NamedTrust(String field) implements Rule {
        @Override
        public Reason reason() {
            return Reason.OTHER_TRUST;
        }

        @Override
        public String description() {
            return "a trust the config names (every member of a system)";
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(field);
            java.util.Set<String> named = context.trusts();
            return v -> v[i] == null || named.isEmpty() || named.contains((String) v[i]);
        }
    }

    /**
     * One of {@code codes}, matched without regard to case and kept in the listed spelling; an empty
     * value becomes {@code ifEmpty} when one is given.
     */
    record AllowedCodes(String field, List<String> codes, String ifEmpty) implements Rule {
        public AllowedCodes {
            codes = List.copyOf(codes);
        }

        @Override
        public Reason reason() {
            return Reason.UNKNOWN_CODE;
        }

        @Override
        public String description() {
            return "one of " + String.join(", ", codes) + (ifEmpty == null ? "" : " (empty means " + ifEmpty + ")");
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(field);
            Map<String, String> spelling = new java.util.HashMap<>();
            codes.forEach(c -> spelling.put(c.toLowerCase(Locale.ROOT), c));
            String empty = ifEmpty;
            return v -> {
                if (v[i] == null) {
                    v[i] = empty;
                    return true;
                }
                String code = spelling.get(((String) v[i]).toLowerCase(Locale.ROOT));
                v[i] = code;
                return code != null;
            };
        }
    }

    /**
     * A national treatment function code (NHS Data Dictionary), an RTT reporting group, or a local
     * code the config adds, in any spelling the reader knows ({@code 171}, {@code C_171}); kept in
     * its canonical form {@code C_171}.
     */
    record TreatmentFunction(String field) implements Rule {
        @Override
        public Reason reason() {
            return Reason.UNKNOWN_TREATMENT_FUNCTION;
        }

        @Override
        public String description() {
            return "a national treatment function code, an RTT reporting group, or a local code in the config";
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(field);
            kpo.ingest.nhs.TreatmentFunctions known = context.treatmentFunctions();
            return v -> {
                if (v[i] == null) {
                    return true;
                }
                String code = known.canonical((String) v[i]).orElse(null);
                if (code == null) {
                    return false;
                }
                v[i] = code;
                return true;
            };
        }
    }

    /** A valid NHS number: ten digits whose last is the modulus 11 check digit. */
    record ValidNhsNumber(String field) implements Rule {
        @Override
        public Reason reason() {
            return Reason.INVALID_NHS_NUMBER;
        }

        @Override
        public String description() {
            return "ten digits with a valid modulus 11 check digit";
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(field);
            return v -> v[i] == null || NhsNumber.valid((String) v[i]);
        }
    }

    /**
     * The rule only applies to rows whose {@code when} field holds {@code equals} (after the rules
     * before it put it in canonical form).
     */
    record When(String when, String equals, Rule rule) implements Rule {
        @Override
        public String field() {
            return rule.field();
        }

        @Override
        public Reason reason() {
            return rule.reason();
        }

        @Override
        public String description() {
            return rule.description() + " when " + when + " is " + equals;
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            int i = at.of(when);
            String value = equals;
            Check inner = rule.bind(at, context);
            return v -> !value.equals(v[i]) || inner.passes(v);
        }
    }

    /**
     * No two accepted rows of one extract share {@code key}: the first (by line) is kept and later
     * ones are rejected against {@code field}. It spans rows, so each engine runs it over the rows
     * it has read (the row reader cannot).
     */
    record UniqueWithinExtract(List<String> key, String field) implements Rule {
        public UniqueWithinExtract {
            key = List.copyOf(key);
        }

        @Override
        public Reason reason() {
            return Reason.DUPLICATE_PATHWAY;
        }

        @Override
        public String description() {
            return "unique within its extract by " + String.join(", ", key) + " (the first is kept)";
        }

        @Override
        public Check bind(Positions at, ReadContext context) {
            return null;
        }
    }

    /** The day of a date or date-time value. */
    private static LocalDate day(Object value) {
        return value instanceof LocalDateTime time ? time.toLocalDate() : (LocalDate) value;
    }

    /** A date or date-time as a date-time (a date at midnight), for comparing one with the other. */
    private static LocalDateTime instant(Object value) {
        return value instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) value;
    }
}
