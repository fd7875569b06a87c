package kpo.ingest.nhse;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** Numbers as NHS England writes them: plain decimals; an empty cell is "not available". */
final class PublishedNumbers {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private PublishedNumbers() {
    }

    /** Empty for an empty cell; null for text that is not a number (a rejection). */
    static OptionalDouble parse(String text) {
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (!NUMBER.matcher(text).matches()) {
            return null;
        }
        return OptionalDouble.of(Double.parseDouble(text));
    }
}
