package kpo.jobs.spc;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV text with no quote character and every line ended by LF or CRLF, the shape nearly every
 * series file has: its lines are cut at commas with nothing else to look for, and the rows after the
 * header can be cut into runs of whole lines, each read on a core of its own. Anything else (a quote,
 * a line ended by CR alone) is for the RFC 4180 parser.
 */
final class PlainCsv {

    private final String text;
    /** The lines not yet read: the header's first, then the rows, which {@link #runs} hands out. */
    private final Run rest;

    PlainCsv(String text) {
        this.text = text;
        // A byte-order mark is not part of the first column's name.
        this.rest = new Run(text, text.startsWith("\uFEFF") ? 1 : 0, text.length(), 1);
    }

    /** Whether {@code bytes} are plain: no quote, and every CR the first half of a CRLF. */
    static boolean applies(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '"' || b == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
                return false;
            }
        }
        return true;
    }

    boolean hasLine() {
        return rest.hasLine();
    }

    /** The number of the line {@link #nextFields} reads next (the first is 1). */
    long lineNumber() {
        return rest.lineNumber();
    }

    /** The next line's fields. */
    List<String> nextFields() {
        return rest.nextFields();
    }

    /** The lines left, cut into about {@code count} runs of whole lines, in order. */
    List<Run> runs(int count) {
        List<Run> runs = new ArrayList<>();
        int length = text.length();
        int step = Math.max(1, (length - rest.position) / Math.max(1, count));
        long line = rest.line;
        int start = rest.position;
        while (start < length) {
            int cut = Math.min(length, start + step);
            if (cut < length) {
                int newline = text.indexOf('\n', cut);
                cut = newline < 0 ? length : newline + 1;
            }
            runs.add(new Run(text, start, cut, line));
            for (int i = start; i < cut; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            start = cut;
        }
        rest.position = length;
        return runs;
    }

    /** A run of whole lines of the text, read line by line with their numbers. */
    static final class Run {
        private final String text;
        private final int end;
        private int position;
        private long line;

        Run(String text, int start, int end, long firstLine) {
            this.text = text;
            this.position = start;
            this.end = end;
            this.line = firstLine;
        }

        boolean hasLine() {
            return position < end;
        }

        /** The number of the line {@link #nextFields} reads next. */
        long lineNumber() {
            return line;
        }

        List<String> nextFields() {
            int lineEnd = lineEnd(text, position, end);
            List<String> fields = fields(text, position, lineEnd);
            position = Math.min(end, lineEnd + 1);
            line++;
            return fields;
        }
    }

    /** Where the line from {@code from} ends: its LF, or {@code limit}. */
    private static int lineEnd(String text, int from, int limit) {
        int newline = text.indexOf('\n', from);
        return newline < 0 || newline >= limit ? limit : newline;
    }

    /** The fields of the line {@code [from, to)}, without its CR. */
    private static List<String> fields(String text, int from, int to) {
        if (to > from && text.charAt(to - 1) == '\r') {
            to--;
        }
        List<String> fields = new ArrayList<>(4);
        int start = from;
        while (true) {
            int comma = text.indexOf(',', start);
            if (comma < 0 || comma >= to) {
                fields.add(text.substring(start, to));
                return fields;
            }
            fields.add(text.substring(start, comma));
            start = comma + 1;
        }
    }
}
