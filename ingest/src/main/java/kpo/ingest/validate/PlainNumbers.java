package kpo.ingest.validate;

import java.util.regex.Pattern;

/**
 * Numbers as data files should write them: digits, an optional decimal point and exponent, no
 * thousands separators, no NaN, NA or Inf, and finite. One rule for every reader of kpo.
 */
public final class PlainNumbers {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private PlainNumbers() {
    }

    /** The finite number written in {@code text} (trimmed), or null when it is not one. */
    public static Double finite(String text) {
        String trimmed = text.trim();
        if (plainInteger(trimmed)) {
            // Exact as a double up to 15 digits; "-0" is left to parseDouble, whose −0.0 it is.
            return trimmed.charAt(0) == '-' ? Double.parseDouble(trimmed) : (double) Long.parseLong(trimmed);
        }
        if (!NUMBER.matcher(trimmed).matches()) {
            return null;
        }
        double value = Double.parseDouble(trimmed);
        return Double.isFinite(value) ? value : null;
    }

    /** Up to 15 digits with an optional minus sign: the common case, checked without a regex. */
    private static boolean plainInteger(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        int length = text.length() - start;
        if (length < 1 || length > 15) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
