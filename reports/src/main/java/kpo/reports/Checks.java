package kpo.reports;

import java.util.Collection;

/** Argument checks for the input model; messages name the field so the config author can fix it. */
final class Checks {

    private Checks() {
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
        return value;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static long count(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be 0 or more; got " + value);
        }
        return value;
    }

    static <T> void noNulls(Collection<T> values, String field) {
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(field + " must not contain null");
            }
        }
    }

    /** Null becomes blank text: optional free-text fields print as nothing rather than "null". */
    static String optional(String value) {
        return value == null ? "" : value.strip();
    }
}
