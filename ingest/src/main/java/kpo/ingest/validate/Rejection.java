package kpo.ingest.validate;

import kpo.ingest.source.Reason;

/**
 * A row that did not pass, with where it came from and why: a value, collected and reported,
 * never an exception. Identifiers in {@code value} are masked before a rejection is made.
 *
 * @param source the source name in the config, e.g. {@code waiting_list}
 * @param file the file the row came from
 * @param line its physical line (the header is line 1); for Parquet the row number
 * @param column the field that failed, in the file's own name
 * @param value the offending value (masked for identifiers)
 * @param reason why
 */
public record Rejection(String source, String file, long line, String column, String value, Reason reason) {
}
