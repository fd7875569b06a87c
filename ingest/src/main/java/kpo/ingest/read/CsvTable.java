package kpo.ingest.read;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kpo.ingest.IngestException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A small CSV file read whole on the driver (a published NHS England table, a sheet people fill
 * in): its header, then its rows, each with the physical line it starts on so that every message
 * can name it. UTF-8 with or without a BOM, CRLF or LF, quoted fields with line breaks; blank
 * lines are skipped; headers are matched after trimming, folding runs of spaces and ignoring case.
 *
 * @param file the file
 * @param name the table as messages name it: the file, or a workbook's sheet ({@link Workbook})
 * @param header the header's cells as written
 * @param columns the position of each header, by {@link #key(String)} (the first, where one repeats)
 * @param lines the rows after the header
 */
public record CsvTable(Path file, String name, List<String> header, Map<String, Integer> columns, List<Line> lines) {

    /** One row and the line it started on (a sheet's row number). */
    public record Line(long number, List<String> cells) {

        public Line {
            cells = List.copyOf(cells);
        }

        /** The trimmed text of a field, "" where the row is short. */
        public String text(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column).trim() : "";
        }
    }

    public CsvTable {
        header = List.copyOf(header);
        columns = Map.copyOf(columns);
        lines = List.copyOf(lines);
    }

    /**
     * Reads a file whole.
     *
     * @throws IngestException naming the file when it cannot be read, is not UTF-8 or has no header
     */
    public static CsvTable read(Path file) {
        long endOfPrevious = 0;
        try (Reader in = TextRows.openUtf8(file);
                CSVParser parser = CSVParser.parse(in, CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get())) {
            List<Line> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                long line = endOfPrevious + 1;
                endOfPrevious = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                rows.add(new Line(line, record.toList()));
            }
            return of(file, file.toString(), rows);
        } catch (IOException | UncheckedIOException e) {
            if (TextRows.notUtf8(e)) {
                throw new IngestException(Utf8Lines.notUtf8(file));
            }
            throw new IngestException(file + ":" + (endOfPrevious + 1) + ": the file cannot be read on from here ("
                    + TextRows.message(e) + "); is it truncated, or has it an unclosed quote?");
        }
    }

    /**
     * A table of rows read (blank lines left out): the first is the header.
     *
     * @throws IngestException naming the table when there is no row
     */
    public static CsvTable of(Path file, String name, List<Line> rows) {
        Map<String, Integer> columns = null;
        List<String> header = List.of();
        List<Line> lines = new ArrayList<>();
        for (Line row : rows) {
            if (columns == null) {
                header = row.cells();
                columns = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    columns.putIfAbsent(key(header.get(i)), i);
                }
                continue;
            }
            lines.add(row);
        }
        if (columns == null) {
            throw new IngestException(name + " is empty; expected a header line");
        }
        return new CsvTable(file, name, header, columns, lines);
    }

    /** A header as matched: trimmed, runs of white space as one space, lower case. */
    public static String key(String header) {
        return header.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The position of a column, if the header has it. */
    public Optional<Integer> column(String header) {
        return Optional.ofNullable(columns.get(key(header)));
    }

    public boolean has(String header) {
        return columns.containsKey(key(header));
    }
}
