package kpo.ingest.source;

import java.util.Locale;

/** Why a row was rejected: a closed set, written in the rejects file and counted in the manifest. */
public enum Reason {
    /** A required field is empty. */
    MISSING_REQUIRED("a required field is empty"),
    /** A date that does not parse or does not exist (31 February). */
    BAD_DATE("not a date in the expected format"),
    /** A date after the extract's as-of date. */
    FUTURE_DATE("a date in the future"),
    /** A date before 1990: a default or a typing slip, not an NHS pathway. */
    IMPLAUSIBLE_DATE("a date before 1990"),
    /** An RTT clock that starts after the snapshot it is counted in. */
    CLOCK_START_AFTER_SNAPSHOT("the clock starts after the snapshot date"),
    /** An end before its start (cancellation before booking, departure before arrival). */
    END_BEFORE_START("the end is before the start"),
    /** A wait or lead time longer than anyone plausibly waits (over ten years). */
    ABSURD_DURATION("a duration over ten years"),
    /** A number that does not parse, or is negative where only counts make sense. */
    BAD_NUMBER("not a valid number"),
    /** A treatment function code in neither the national list, the RTT groups nor the config's local codes. */
    UNKNOWN_TREATMENT_FUNCTION("not a treatment function code"),
    /** A value outside the column's allowed codes (status, priority, list type, yes/no). */
    UNKNOWN_CODE("not one of the allowed codes"),
    /**
     * A trust code that is not three letters and digits, or a site code that is not five or not a
     * site of the row's trust: an ODS code in the wrong column, or not an ODS code.
     */
    BAD_ODS_CODE("not an ODS code of the column's kind"),
    /** A trust the config does not name: another trust's rows in this trust's extract. */
    OTHER_TRUST("a trust the config does not name"),
    /** An NHS number whose modulus 11 check fails. */
    INVALID_NHS_NUMBER("not a valid NHS number"),
    /** The same pathway twice in one snapshot: the first is kept. */
    DUPLICATE_PATHWAY("the pathway appears earlier in the same extract and snapshot"),
    /** A line with fewer fields than the header. */
    SHORT_ROW("fewer fields than the header"),
    /** A line with more non-empty fields than the header: an unquoted comma shifted its columns. */
    LONG_ROW("more fields than the header"),
    /** A line that is not a row of the file's format (a broken JSON object). */
    MALFORMED_ROW("not a row of the file's format"),
    /** Published counts whose week bands do not add up to their total. */
    BAD_TOTAL("the bands do not add up to the total"),
    /** An event at the same time as the measure's event before it: a t chart has no time between them to chart. */
    NO_TIME_SINCE_LAST_EVENT("at the same time as the event before it");

    private final String meaning;

    Reason(String meaning) {
        this.meaning = meaning;
    }

    /** The code in the rejects file, e.g. {@code bad_date}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason of a code from the rejects file, e.g. {@code bad_date}. */
    public static java.util.Optional<Reason> fromCode(String code) {
        for (Reason r : values()) {
            if (r.code().equals(code)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }

    /** A few words a data owner understands. */
    public String meaning() {
        return meaning;
    }
}
