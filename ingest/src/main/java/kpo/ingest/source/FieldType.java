package kpo.ingest.source;

/** How a field is read. */
public enum FieldType {
    /** Free text, trimmed. */
    TEXT,
    /** A code: trimmed and upper-cased (ODS codes, treatment functions). */
    CODE,
    /** A calendar date, ISO by default or in the source's date format. */
    DATE,
    /** A date and time, ISO by default or in the source's timestamp format; a bare date is midnight. */
    TIMESTAMP,
    /** A decimal number written plainly (no thousands separators, NaN or Inf). */
    DECIMAL,
    /** Yes or no: true/false, yes/no, y/n, 1/0. */
    BOOLEAN
}
