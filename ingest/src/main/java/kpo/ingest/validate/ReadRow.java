package kpo.ingest.validate;

/**
 * A row after the row reader: its curated values, or why it was rejected. Every row read becomes
 * exactly one of the two, which is what makes {@code read = accepted + rejected} hold.
 */
public sealed interface ReadRow {

    /** The file the row came from. */
    String file();

    /** Its physical line (the header is line 1); for Parquet its row number from 1. */
    long line();

    /**
     * An accepted row.
     *
     * @param values the curated values in {@link kpo.ingest.source.CuratedColumn#of} order, but for
     *     the lineage columns ({@code _file}, {@code _line}), which are {@link #file()} and {@link #line()}
     */
    record Accepted(String file, long line, Object[] values) implements ReadRow {
    }

    /** A rejected row. */
    record Rejected(Rejection rejection) implements ReadRow {

        @Override
        public String file() {
            return rejection.file();
        }

        @Override
        public long line() {
            return rejection.line();
        }
    }
}
