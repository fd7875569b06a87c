package kpo.ingest.embedded;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import kpo.ingest.source.CuratedColumn;
import kpo.ingest.validate.ReadRow;
import kpo.ingest.validate.Rejection;

/**
 * One chunk's accepted rows as a file of typed text that DuckDB's own CSV reader loads (several
 * times faster than appending row by row through JDBC), its rejections put aside for the caller.
 * Every column of the curated table but {@code _file} (the chunk's file, given when loading) is
 * written in a form DuckDB reads back exactly: dates ISO, timestamps to the microsecond, doubles
 * in their shortest round-trip form, an empty field for null, text quoted when it must be.
 *
 * @param file the extract the rows came from
 * @param path the staged rows
 * @param rows how many accepted rows it holds
 */
record StagedRows(String file, Path path, long rows) {

    /** Reads {@code rows} and writes its accepted rows to {@code out}; rejections go to {@code rejections}. */
    static StagedRows write(Iterator<ReadRow> rows, String file, Path out, List<CuratedColumn> columns,
            List<Rejection> rejections) throws IOException {
        long n = 0;
        int width = columns.size() - 2; // the lineage columns come from the row, not its values
        StringBuilder line = new StringBuilder(256);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            while (rows.hasNext()) {
                ReadRow row = rows.next();
                if (row instanceof ReadRow.Rejected rejected) {
                    rejections.add(rejected.rejection());
                    continue;
                }
                Object[] values = ((ReadRow.Accepted) row).values();
                line.setLength(0);
                for (int i = 0; i < width; i++) {
                    append(line, columns.get(i).type(), values[i]);
                    line.append(',');
                }
                line.append(row.line()).append('\n');
                w.append(line);
                n++;
            }
        }
        return new StagedRows(file, out, n);
    }

    /**
     * The insert of every staged file at once (DuckDB reads them in parallel; one insert per file is
     * several times slower): every curated column but {@code _file}, typed, read from the files,
     * then {@code _file} and {@code extract} from the table {@code _chunks (path, file, extract)}.
     */
    static String insert(List<StagedRows> chunks, List<CuratedColumn> columns) {
        List<CuratedColumn> staged = columns.stream().filter(c -> !c.name().equals(CuratedColumn.FILE)).toList();
        String names = staged.stream().map(CuratedColumn::name).collect(Collectors.joining(", "));
        String types = staged.stream().map(c -> "'" + c.name() + "': '" + c.type().sql() + "'")
                .collect(Collectors.joining(", "));
        String paths = chunks.stream().map(c -> "'" + c.path().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        return "(" + names + ", " + CuratedColumn.FILE + ", extract) SELECT r.* EXCLUDE (filename), c.file, c.extract "
                + "FROM read_csv([" + paths + "], header = false, auto_detect = false, columns = {" + types
                + "}, delim = ',', quote = '\"', escape = '\"', nullstr = '', allow_quoted_nulls = false, "
                + "filename = true) r JOIN _chunks c ON r.filename = c.path";
    }

    private static void append(StringBuilder line, CuratedColumn.Type type, Object v) {
        if (v == null) {
            return;
        }
        switch (type) {
            case TEXT -> text(line, (String) v);
            case DATE -> line.append((LocalDate) v);
            case TIMESTAMP -> timestamp(line, (LocalDateTime) v);
            case DOUBLE -> line.append((double) (Double) v);
            case INTEGER, LONG, BOOLEAN -> line.append(v);
        }
    }

    /** Text as it is, or quoted (quotes doubled) when it holds a comma, a quote or a line break. */
    private static void text(StringBuilder line, String text) {
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote && !text.isEmpty()) {
            line.append(text);
            return;
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.ffffff]}: every second written, which ISO's shortest form leaves out. */
    private static void timestamp(StringBuilder line, LocalDateTime t) {
        line.append(t.toLocalDate()).append(' ');
        two(line, t.getHour()).append(':');
        two(line, t.getMinute()).append(':');
        two(line, t.getSecond());
        int micros = t.getNano() / 1000;
        if (micros > 0) {
            String digits = Integer.toString(micros);
            line.append('.').append("000000", 0, 6 - digits.length()).append(digits);
        }
    }

    private static StringBuilder two(StringBuilder line, int value) {
        return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
