package kpo.ingest.nhse;

import java.util.OptionalDouble;

/** Numbers as NHS England writes them: plain decimals; an empty cell is "not available". */
final class PublishedNumbers {

    private PublishedNumbers() {
    }

    /** Empty for an empty cell; null for text that is not a number (a rejection). */
    static OptionalDouble parse(String text) {
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        Double number = kpo.ingest.validate.PlainNumbers.finite(text);
        return number == null ? null : OptionalDouble.of(number);
    }
}
