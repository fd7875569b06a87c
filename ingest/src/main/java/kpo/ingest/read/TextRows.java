package kpo.ingest.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import kpo.ingest.IngestException;
import kpo.ingest.source.Field;
import kpo.ingest.source.Reason;
import kpo.ingest.validate.ReadRow;
import kpo.ingest.validate.RowReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of one CSV or JSON-lines file as the {@link RowReader} reads them, with their physical
 * line numbers (the header is line 1), lazily so that a large extract is never held in memory.
 * CSV: RFC 4180 quotes, UTF-8 with or without a byte-order mark, LF or CRLF.
 */
public final class TextRows {

    /** Strict about repeated keys: which of two values for one field is meant cannot be guessed. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private TextRows() {
    }

    /**
     * The header of a CSV file, trimmed and lower-cased, or the keys of the first object of a
     * JSON-lines file (lines before it that are not objects are counted as malformed rows when read).
     */
    public static List<String> header(Path file, String format) {
        try (BufferedReader in = openUtf8(file)) {
            if ("json".equals(format)) {
                String text;
                boolean anyLine = false;
                while ((text = in.readLine()) != null) {
                    if (text.isBlank()) {
                        continue;
                    }
                    anyLine = true;
                    JsonNode first;
                    try {
                        first = JSON.readTree(text);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        continue;
                    }
                    if (first != null && first.isObject()) {
                        List<String> names = new ArrayList<>();
                        first.fieldNames().forEachRemaining(n -> names.add(key(n)));
                        return names;
                    }
                }
                if (anyLine) {
                    throw new IngestException(file + " holds no JSON object on any line; expected JSON lines, one "
                            + "object per line");
                }
                return List.of();
            }
            CSVParser parser = CSVParser.parse(in, CSVFormat.RFC4180);
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() ? records.next().toList().stream().map(TextRows::key).toList() : List.of();
        } catch (IOException | UncheckedIOException e) {
            throw new IngestException(notUtf8(e) ? Utf8Lines.notUtf8(file)
                    : file + " cannot be read as " + format + " (" + message(e) + ")");
        }
    }

    static boolean notUtf8(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        return cause instanceof java.nio.charset.CharacterCodingException;
    }

    static String key(String header) {
        return header.trim().toLowerCase(Locale.ROOT);
    }

    static String message(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** A UTF-8 reader of {@code file} that skips a byte-order mark and refuses malformed bytes. */
    public static BufferedReader openUtf8(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** The positions of the reader's fields in a header; −1 where the file has no such column. */
    static int[] positions(RowReader reader, List<String> header) {
        List<Field> fields = reader.kind().fields();
        int[] positions = new int[fields.size()];
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(key(header.get(i)), i);
        }
        for (int f = 0; f < fields.size(); f++) {
            positions[f] = byName.getOrDefault(key(reader.mapping().headerOf(fields.get(f).name())), -1);
        }
        return positions;
    }

    /** The rows of a whole file; a read failure part-way becomes an {@link IngestException} naming the file and line. */
    public static Iterator<ReadRow> rows(Path file, String format, RowReader reader) {
        return rows(new Chunk(file.toString(), 0, file.toFile().length(), 1), format, reader, null);
    }

    /**
     * The rows of one chunk of a file.
     *
     * @param header the file's header, for a chunk that does not start with it (null otherwise)
     */
    public static Iterator<ReadRow> rows(Chunk chunk, String format, RowReader reader, List<String> header) {
        return "json".equals(format) ? new JsonLines(chunk, reader) : new CsvLines(chunk, reader, header);
    }

    /** A UTF-8 reader of a chunk: the byte-order mark is skipped at the start of the file only. */
    static BufferedReader openUtf8(Chunk chunk) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(chunk.open(), decoder), 1 << 16);
        if (chunk.holdsHeader()) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
        }
        return reader;
    }

    /** Reads lazily and closes the file at the end. */
    private abstract static class Lazy implements Iterator<ReadRow> {
        final Path file;
        final String name;
        final RowReader reader;
        ReadRow next;
        boolean done;

        Lazy(Chunk chunk, RowReader reader) {
            this.file = Path.of(chunk.file());
            this.name = chunk.file();
            this.reader = reader;
        }

        abstract ReadRow advance() throws IOException;

        abstract void close() throws IOException;

        abstract long line();

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = advance();
                } catch (IOException | UncheckedIOException e) {
                    done = true;
                    closeQuietly();
                    if (notUtf8(e)) {
                        // The decoder works in blocks: its failure does not say which line to fix.
                        throw new IngestException(Utf8Lines.notUtf8(file));
                    }
                    throw new IngestException(name + ":" + (line() + 1) + ": the file cannot be read on from here ("
                            + message(e) + "); is it truncated, or has it an unclosed quote?");
                }
                if (next == null) {
                    done = true;
                    closeQuietly();
                }
            }
            return next != null;
        }

        @Override
        public ReadRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ReadRow row = next;
            next = null;
            return row;
        }

        private void closeQuietly() {
            try {
                close();
            } catch (IOException ignored) {
                // the rows are read; a failure to close a read-only file changes nothing
            }
        }
    }

    private static final class CsvLines extends Lazy {
        private final Reader in;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private int[] positions;
        private int width;
        /** Physical lines before the chunk. */
        private final long lineOffset;
        private long endOfPrevious;

        CsvLines(Chunk chunk, RowReader reader, List<String> header) {
            super(chunk, reader);
            try {
                in = openUtf8(chunk);
                parser = CSVParser.parse(in, CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get());
                records = parser.iterator();
            } catch (IOException e) {
                throw new IngestException(file + " cannot be read (" + message(e) + ")");
            }
            lineOffset = chunk.firstLine() - 1;
            if (!chunk.holdsHeader()) {
                positions = positions(reader, header);
                width = header.size();
            }
        }

        @Override
        long line() {
            return lineOffset + endOfPrevious;
        }

        @Override
        ReadRow advance() {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = lineOffset + endOfPrevious + 1;
                endOfPrevious = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (positions == null) {
                    positions = positions(reader, record.toList());
                    width = record.size();
                    continue;
                }
                if (record.size() < width) {
                    return reader.unreadable(name, line, Reason.SHORT_ROW);
                }
                if (record.size() > width && !extraFieldsBlank(record)) {
                    // An unquoted comma (a decimal comma, "Smith, J") shifts every later column.
                    return reader.unreadable(name, line, Reason.LONG_ROW);
                }
                String[] raw = new String[positions.length];
                for (int f = 0; f < positions.length; f++) {
                    raw[f] = positions[f] < 0 ? null : record.get(positions[f]);
                }
                return reader.read(name, line, raw);
            }
            return null;
        }

        /** Trailing empty fields (a spreadsheet's trailing commas) change nothing. */
        private boolean extraFieldsBlank(CSVRecord record) {
            for (int i = width; i < record.size(); i++) {
                if (!record.get(i).isBlank()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        void close() throws IOException {
            parser.close();
            in.close();
        }
    }

    private static final class JsonLines extends Lazy {
        private final BufferedReader in;
        private long line;

        JsonLines(Chunk chunk, RowReader reader) {
            super(chunk, reader);
            try {
                in = openUtf8(chunk);
            } catch (IOException e) {
                throw new IngestException(file + " cannot be read (" + message(e) + ")");
            }
            line = chunk.firstLine() - 1;
        }

        @Override
        long line() {
            return line;
        }

        @Override
        ReadRow advance() throws IOException {
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(text);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    return reader.unreadable(name, line, Reason.MALFORMED_ROW);
                }
                if (!node.isObject()) {
                    return reader.unreadable(name, line, Reason.MALFORMED_ROW);
                }
                List<Field> fields = reader.kind().fields();
                String[] raw = new String[fields.size()];
                for (int f = 0; f < raw.length; f++) {
                    JsonNode value = node.get(reader.mapping().headerOf(fields.get(f).name()));
                    // A nested object or array is kept as its JSON text, so that it fails as a value, not as missing.
                    raw[f] = value == null || value.isNull() ? (value == null ? null : "")
                            : value.isContainerNode() ? value.toString() : value.asText();
                }
                return reader.read(name, line, raw);
            }
            return null;
        }

        @Override
        void close() throws IOException {
            in.close();
        }
    }
}
