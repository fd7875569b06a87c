package kpo.ingest.nhse;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kpo.ingest.IngestException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A file NHS England publishes, read as the user downloads it: a header, then rows, each with its
 * physical line; headers matched after trimming and ignoring case (the A&E file has stray spaces).
 * These files are small (a few thousand rows), so they are read on the driver.
 */
final class PublishedFile {

    /** One row and the line it started on. */
    record Line(long number, CSVRecord record) {
    }

    final Path file;
    final Map<String, Integer> columns;
    final List<Line> lines;

    private PublishedFile(Path file, Map<String, Integer> columns, List<Line> lines) {
        this.file = file;
        this.columns = columns;
        this.lines = lines;
    }

    static PublishedFile read(Path file) {
        try (Reader in = kpo.ingest.read.TextRows.openUtf8(file);
                CSVParser parser = CSVParser.parse(in, CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get())) {
            Map<String, Integer> columns = null;
            List<Line> lines = new ArrayList<>();
            long endOfPrevious = 0;
            for (CSVRecord record : parser) {
                long line = endOfPrevious + 1;
                endOfPrevious = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (columns == null) {
                    columns = new HashMap<>();
                    for (int i = 0; i < record.size(); i++) {
                        columns.putIfAbsent(key(record.get(i)), i);
                    }
                    continue;
                }
                lines.add(new Line(line, record));
            }
            if (columns == null) {
                throw new IngestException(file + " is empty; expected NHS England's header line");
            }
            return new PublishedFile(file, columns, lines);
        } catch (IOException | UncheckedIOException e) {
            throw new IngestException(file + " cannot be read as CSV: " + e.getMessage());
        }
    }

    static String key(String header) {
        return header.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The position of a column, or an error naming the file and the column. */
    int column(String header) {
        Integer at = columns.get(key(header));
        if (at == null) {
            throw new IngestException(file + " has no column '" + header + "': is it the NHS England file it is "
                    + "configured as?");
        }
        return at;
    }

    boolean has(String header) {
        return columns.containsKey(key(header));
    }

    /** The trimmed text of a field, "" where the row is short. */
    static String text(CSVRecord record, int column) {
        return column < record.size() ? record.get(column).trim() : "";
    }
}
