package kpo.jobs.spc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kpo.jobs.cli.Converters;
import kpo.spc.ChartType;
import kpo.spc.Observation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The {@code kpo spc} input: a CSV file with the columns {@code period} and {@code value}, and
 * optionally {@code denominator} and {@code series}, matched by name in any order (extra columns
 * are ignored). UTF-8 with or without a byte-order mark, LF or CRLF line ends, RFC 4180 quotes.
 *
 * <p>Every row is checked; an empty field is a missing value, anything else that is not a plain
 * finite number is a problem ({@code NaN}, {@code NA}, {@code Inf}, {@code 1e400} and
 * {@code 1,234} included). Problems are collected with their physical line, up to
 * {@link #MAX_PROBLEMS}.
 */
public final class SeriesFile {

    /** More problems than this are counted, not listed: the first ones are what the user fixes first. */
    public static final int MAX_PROBLEMS = 10;

    /** The optional column of an individual value's sequence number (the series table's {@code seq}). */
    static final String SEQUENCE = "seq";

    /** The series id used when the file has no {@code series} column. */
    public static final String DEFAULT_SERIES = "series";

    private final String name;
    private final ChartType chart;
    private final ColumnNames names;
    private final Map<String, Builder> series = new LinkedHashMap<>();
    private final List<InputProblem> problems = new ArrayList<>();
    private int problemCount;
    /** Whether the advice to name series columns has been given: once is enough. */
    private boolean hinted;
    private long rows;

    /** One series of the file: its observations and the line each came from. */
    public record Series(String id, List<Observation> observations, long[] lines) {
    }

    private static final class Builder {
        final List<Observation> observations = new ArrayList<>();
        long[] lines = new long[16];
        /** Built only once the rows stop coming in period order: until then a repeat cannot happen. */
        Map<Place, Long> firstLineOfPeriod;

        void add(Observation observation, long line) {
            if (observations.size() == lines.length) {
                lines = java.util.Arrays.copyOf(lines, lines.length * 2);
            }
            lines[observations.size()] = line;
            observations.add(observation);
        }

        /**
         * The line where {@code period} (with {@code sequence}, for an individual value) was first
         * given, or null; remembers it for {@code line} otherwise.
         */
        Long repeatOf(LocalDate period, int sequence, long line) {
            int n = observations.size();
            Place place = new Place(period, sequence);
            if (firstLineOfPeriod == null) {
                if (n == 0 || Observation.IN_ORDER.compare(new Observation(period, 0, 0, sequence),
                        observations.get(n - 1)) > 0) {
                    return null;
                }
                firstLineOfPeriod = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    firstLineOfPeriod.putIfAbsent(new Place(observations.get(i).period(),
                            observations.get(i).sequence()), lines[i]);
                }
            }
            return firstLineOfPeriod.putIfAbsent(place, line);
        }
    }

    /**
     * The header names of the columns: by default {@code period}, {@code value}, {@code denominator}
     * and {@code series}; a file with other names (an NHS England download) maps its own. Several
     * series columns make one id, joined with " / ".
     */
    public record ColumnNames(String period, String value, String denominator, List<String> series) {

        public static final ColumnNames DEFAULT = new ColumnNames("period", "value", "denominator", List.of("series"));

        public ColumnNames {
            period = key(period);
            value = key(value);
            denominator = key(denominator);
            series = series.stream().map(SeriesFile::key).toList();
        }

        /** Whether the series columns are the default, which may be absent. */
        boolean defaultSeries() {
            return series.equals(DEFAULT.series);
        }
    }

    private static String key(String header) {
        return header.trim().toLowerCase(Locale.ROOT);
    }

    private SeriesFile(String name, ChartType chart, ColumnNames names) {
        this.name = name;
        this.chart = chart;
        this.names = names;
    }

    /**
     * Reads and checks a CSV file.
     *
     * @param name the file name to print in messages
     */
    public static SeriesFile readCsv(String name, InputStream in, ChartType chart, ColumnNames names) {
        SeriesFile file = new SeriesFile(name, chart, names);
        byte[] start;
        try {
            start = in.readNBytes(FAST_LIMIT + 1);
        } catch (IOException e) {
            file.unreadable(e);
            return file;
        }
        if (start.length <= FAST_LIMIT && PlainCsv.applies(start)) {
            file.parsePlain(start);
        } else {
            file.parse(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(start), in));
        }
        return file;
    }

    /** Reads a CSV file as it streams in, with the RFC 4180 parser alone (the tests compare the two readers). */
    static SeriesFile readCsvStreaming(String name, InputStream in, ChartType chart, ColumnNames names) {
        SeriesFile file = new SeriesFile(name, chart, names);
        file.parse(in);
        return file;
    }

    /**
     * The largest file read whole and parsed on every core (256 MB, some 300,000 series of 36 points);
     * a larger one is parsed as it streams in.
     */
    private static final int FAST_LIMIT = 256 << 20;

    /** Somewhere a row's problems wait to be told, in the order they were found. */
    interface Problems {
        void add(long line, String field, String message);
    }

    /** A problem found in a row read apart from the file's (on another core), told when its turn comes. */
    private record Pending(long line, String field, String message) {
    }

    /**
     * A data row checked on its own, before its series is known to the file: its numbers, period,
     * sequence and series id, or the problems that keep it out.
     */
    private record Checked(long line, LocalDate period, double value, double denominator, int sequence, String id,
            List<Pending> problems) {
    }

    /**
     * The common file, with no quote and every line ended by LF or CRLF (PlainCsv): its lines cut into
     * as many runs as there are cores, each run's rows checked on its own core, then kept in file order
     * here, so the problems, their order and the series are as the streaming reader makes them.
     */
    private void parsePlain(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            unreadable(e);
            return;
        }
        PlainCsv csv = new PlainCsv(text);
        List<String> header = null;
        long line = 0;
        while (header == null && csv.hasLine()) {
            line = csv.lineNumber();
            List<String> fields = csv.nextFields();
            if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                header = fields;
            }
        }
        if (header == null) {
            problem(1, null, "the file is empty; expected a header line with the columns period and value");
            return;
        }
        Columns columns = header(header, line);
        if (columns == null) {
            return;
        }
        List<PlainCsv.Run> runs = csv.runs(Math.max(1, Runtime.getRuntime().availableProcessors()) * 4);
        List<List<Checked>> checked = runs.parallelStream().map(run -> checkRun(run, columns)).toList();
        for (List<Checked> rowsOfRun : checked) {
            for (Checked row : rowsOfRun) {
                rows++;
                for (Pending p : row.problems()) {
                    problem(p.line(), p.field(), p.message());
                }
                if (row.problems().isEmpty()) {
                    keep(row.line(), row.period(), row.value(), row.denominator(), row.sequence(), row.id());
                }
            }
        }
        noRowsCheck();
    }

    /** The rows of one run of lines, each checked as {@link #row} checks it, problems held back. */
    private List<Checked> checkRun(PlainCsv.Run run, Columns columns) {
        List<Checked> out = new ArrayList<>();
        // One list for the problems of the row at hand: most rows have none, and keep List.of().
        List<Pending> found = new ArrayList<>();
        Problems sink = (l, f, m) -> found.add(new Pending(l, f, m));
        String previousId = null;
        while (run.hasLine()) {
            long line = run.lineNumber();
            List<String> fields = run.nextFields();
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            found.clear();
            if (fields.size() < columns.width) {
                sink.add(line, null, "expected " + columns.width + " fields as in the header, found " + fields.size());
                out.add(new Checked(line, null, Double.NaN, Double.NaN, 0, null, List.copyOf(found)));
                continue;
            }
            double value = number(fields.get(columns.value), line, "value", sink);
            double denominator = columns.denominator < 0 ? Double.NaN
                    : number(fields.get(columns.denominator), line, "denominator", sink);
            String id = id(columns, fields);
            // Rows of a series come together: one id object for them all, so that finding its series is quick.
            if (id.equals(previousId)) {
                id = previousId;
            }
            previousId = id;
            int sequence = columns.sequence < 0 ? 0 : sequence(fields.get(columns.sequence), line, sink);
            LocalDate period = period(line, fields.get(columns.period), sink);
            if (found.isEmpty()) {
                checkForChart(value, denominator, line, sink);
            }
            out.add(new Checked(line, period, value, denominator, sequence, id, found.isEmpty() ? List.of()
                    : List.copyOf(found)));
        }
        return out;
    }

    /**
     * Reads and checks a JSON file: an array of rows, or an object whose {@code input} array holds
     * them (the format of the reference cases in {@code shared/reference/cases}). A row is an object
     * with {@code period}, {@code value} and optionally {@code denominator} and {@code series}.
     */
    public static SeriesFile readJson(String name, InputStream in, ChartType chart, ColumnNames names) {
        SeriesFile file = new SeriesFile(name, chart, names);
        JsonRows.read(file, in);
        return file;
    }

    public String name() {
        return name;
    }

    /** Every series in the order of its first row. */
    public List<Series> series() {
        List<Series> result = new ArrayList<>(series.size());
        series.forEach((id, b) -> result.add(new Series(id, List.copyOf(b.observations),
                java.util.Arrays.copyOf(b.lines, b.observations.size()))));
        return result;
    }

    /** The first {@link #MAX_PROBLEMS} problems. */
    public List<InputProblem> problems() {
        return problems;
    }

    /** All problems, listed or not. */
    public int problemCount() {
        return problemCount;
    }

    public long rows() {
        return rows;
    }

    private void problem(long line, String field, String message) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new InputProblem(name, line, field, message));
        }
    }

    private void parse(InputStream in) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        try (Reader reader = utf8WithoutBom(in); CSVParser parser = CSVParser.parse(reader, format)) {
            long endOfPrevious = 0;
            Columns columns = null;
            for (CSVRecord record : parser) {
                long line = endOfPrevious + 1;
                endOfPrevious = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a blank line
                }
                if (columns == null) {
                    columns = header(record.toList(), line);
                    if (columns == null) {
                        return;
                    }
                    continue;
                }
                rows++;
                row(columns, record, line);
            }
            if (columns == null && problemCount == 0) {
                problem(1, null, "the file is empty; expected a header line with the columns period and value");
            } else if (columns != null) {
                noRowsCheck();
            }
        } catch (UncheckedIOException e) {
            unreadable(e.getCause());
        } catch (IOException e) {
            unreadable(e);
        }
    }

    void noRowsCheck() {
        if (rows == 0) {
            problem(1, null, "the file has a header but no data rows");
        }
    }

    void unreadable(IOException e) {
        if (e instanceof CharacterCodingException) {
            problem(notUtf8Line(), null, "the file is not UTF-8 text; save it as CSV UTF-8");
        } else {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            // commons-csv reports an unclosed quote as an IOException naming the line; keep its words.
            problem(rows + 2, null, "the CSV cannot be parsed (" + why + "); check for an unclosed quote");
        }
    }

    /**
     * The line to fix: the decoder fails a block at a time, so for a file it is found by reading the
     * file again; standard input cannot be, and its guess is the line after the last row read.
     */
    private long notUtf8Line() {
        java.nio.file.Path path = java.nio.file.Path.of(name);
        if (!name.equals("<stdin>") && java.nio.file.Files.isRegularFile(path)) {
            try {
                java.util.OptionalLong line = kpo.ingest.read.Utf8Lines.firstMalformed(path);
                if (line.isPresent()) {
                    return line.getAsLong();
                }
            } catch (IOException ignored) {
                // fall back to the guess
            }
        }
        return rows + 2;
    }

    /** A field as quoted in a message: a 5,000-digit "number" is shown by its start. */
    static String quoted(String text) {
        return "'" + (text.length() <= 40 ? text : text.substring(0, 40) + "…' (" + text.length() + " characters)")
                + (text.length() <= 40 ? "'" : "");
    }

    private static Reader utf8WithoutBom(InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** A period and, for an individual value, its sequence: where a row sits in its series. */
    private record Place(LocalDate period, int sequence) {
    }

    /** Column positions; −1 where absent. */
    private record Columns(int period, int value, int denominator, int sequence, int[] series, int width) {
    }

    private Columns header(List<String> headers, long line) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            byName.putIfAbsent(key(headers.get(i)), i);
        }
        // A wide download (the RTT series has 39 columns) is named in part: enough to find the right column.
        String found = headers.size() <= 12 ? String.join(", ", headers)
                : String.join(", ", headers.subList(0, 12)) + ", … " + headers.size() + " columns in all";
        int period = column(byName, names.period(), "period", "--period-column", line, found);
        int value = column(byName, names.value(), "value", "--value-column", line, found);
        int denominator = byName.getOrDefault(names.denominator(), -1);
        if (denominator < 0 && (chart.needsDenominator() || !names.denominator().equals("denominator"))) {
            problem(line, "denominator", "missing column '" + names.denominator() + "': a " + chart.code()
                    + " chart needs one (the header has: " + found + "); name it with --denominator-column");
        }
        int[] series = new int[names.series().size()];
        for (int k = 0; k < series.length; k++) {
            series[k] = byName.getOrDefault(names.series().get(k), -1);
            if (series[k] < 0 && !names.defaultSeries()) {
                problem(line, "series", "missing column '" + names.series().get(k) + "' (the header has: " + found + ")");
            }
        }
        if (names.defaultSeries() && series[0] < 0) {
            series = new int[0];
        }
        // Individual values (a series table's rows of an "each" measure) share dates and are ordered by seq.
        int sequence = byName.getOrDefault(SEQUENCE, -1);
        return problemCount == 0 ? new Columns(period, value, denominator, sequence, series, headers.size()) : null;
    }

    private int column(Map<String, Integer> byName, String wanted, String role, String option, long line,
            String found) {
        Integer index = byName.get(wanted);
        if (index == null) {
            problem(line, role, "missing column '" + wanted + "' (the header has: " + found + "); name the column to "
                    + "use with " + option);
            return -1;
        }
        return index;
    }

    private void row(Columns columns, CSVRecord record, long line) {
        if (record.size() < columns.width) {
            problem(line, null, "expected " + columns.width + " fields as in the header, found " + record.size());
            return;
        }
        int before = problemCount;
        double value = number(record.get(columns.value), line, "value");
        double denominator = columns.denominator < 0 ? Double.NaN : number(record.get(columns.denominator), line,
                "denominator");
        String id = id(columns, record.toList());
        int sequence = columns.sequence < 0 ? 0 : sequence(record.get(columns.sequence), line);
        accept(line, record.get(columns.period), value, denominator, sequence, id, before);
    }

    /** A row's series id: its series columns' trimmed text joined by " / ", or the default id. */
    private static String id(Columns columns, List<String> fields) {
        if (columns.series.length == 0) {
            return DEFAULT_SERIES;
        }
        if (columns.series.length == 1) {
            return fields.get(columns.series[0]).trim();
        }
        StringBuilder id = new StringBuilder();
        for (int column : columns.series) {
            id.append(id.length() == 0 ? "" : " / ").append(fields.get(column).trim());
        }
        return id.toString();
    }

    /** An individual value's sequence number: empty for none (0), else a whole number of 1 or more. */
    int sequence(String field, long line) {
        return sequence(field, line, this::problem);
    }

    private static int sequence(String field, long line, Problems problems) {
        String text = field.trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            int sequence = Integer.parseInt(text);
            if (sequence >= 1) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(line, SEQUENCE, "'" + text + "' is not a sequence number; write a whole number of 1 or more, or "
                + "leave it empty");
        return 0;
    }

    /**
     * Checks one row whose numbers are already read and keeps it.
     *
     * @param problemsBefore the problem count before this row was read: a row with problems is not kept
     */
    void accept(long line, String periodField, double value, double denominator, int sequence, String id,
            int problemsBefore) {
        LocalDate period = period(line, periodField, this::problem);
        if (problemCount > problemsBefore || !checkForChart(value, denominator, line, this::problem)) {
            return;
        }
        keep(line, period, value, denominator, sequence, id);
    }

    /** A row's period, or null with why told to {@code problems}. */
    private static LocalDate period(long line, String periodField, Problems problems) {
        String periodText = periodField == null ? "" : periodField.trim();
        if (periodText.isEmpty()) {
            problems.add(line, "period", "the period is empty");
            return null;
        }
        Optional<LocalDate> period = Converters.date(periodText);
        if (period.isEmpty()) {
            problems.add(line, "period", quoted(periodText) + " is not a date; write it as YYYY-MM-DD");
            return null;
        }
        return period.get();
    }

    /** The series of the last row kept, and its id: rows of a series come together. */
    private Builder lastBuilder;
    private String lastId;

    /** Keeps a checked row in its series, unless its period (and sequence) is there already. */
    private void keep(long line, LocalDate period, double value, double denominator, int sequence, String id) {
        Builder builder = id == lastId && lastBuilder != null ? lastBuilder : series.computeIfAbsent(id,
                k -> new Builder());
        lastId = id;
        lastBuilder = builder;
        if (!chart.subgrouped()) {
            Long first = builder.repeatOf(period, sequence, line);
            if (first != null) {
                boolean hint = !seriesToldApart() && !hinted && sequence == 0;
                hinted |= hint;
                problem(line, "period", "period " + period + (sequence > 0 ? " with seq " + sequence : "")
                        + " appears again in series '" + id
                        + "' (first on line " + first + ")" + (hint ? "; only xbar and s charts take several rows per "
                        + "period: name the columns that tell series apart with --series-column" : ""));
                return;
            }
        }
        builder.add(new Observation(period, value, denominator, sequence), line);
    }

    /** Whether the rows carry series ids, so that a repeated period is not for want of them. */
    private boolean seriesToldApart() {
        return !names.defaultSeries() || !series.containsKey(DEFAULT_SERIES);
    }

    ColumnNames names() {
        return names;
    }

    int problemCountNow() {
        return problemCount;
    }

    void countRow() {
        rows++;
    }

    void problemAt(long line, String field, String message) {
        problem(line, field, message);
    }

    double number(String field, long line, String column) {
        return number(field, line, column, this::problem);
    }

    private static double number(String field, long line, String column, Problems problems) {
        String text = field.trim();
        if (text.isEmpty()) {
            return Double.NaN;
        }
        Optional<Double> number = Converters.finiteNumber(text);
        if (number.isEmpty()) {
            problems.add(line, column, quoted(text) + " is not a number; write plain digits with a decimal point, "
                    + "or leave the field empty for a missing value");
            return Double.NaN;
        }
        return number.get();
    }

    /** Whether the numbers suit the chart; if not, why is told to {@code problems}. */
    private boolean checkForChart(double value, double denominator, long line, Problems problems) {
        boolean hasValue = !Double.isNaN(value);
        boolean hasDenominator = !Double.isNaN(denominator);
        if (hasDenominator && denominator <= 0) {
            problems.add(line, "denominator", "the denominator is " + plain(denominator)
                    + "; a denominator must be greater than 0");
        } else if (Math.abs(value) > 1e100 || Math.abs(denominator) > 1e100) {
            problems.add(line, Math.abs(value) > 1e100 ? "value" : "denominator",
                    "numbers larger than 1e100 in size cannot be charted");
        } else if (chart.proportion() && hasValue && hasDenominator && (value < 0 || value > denominator)) {
            problems.add(line, "value", "the value " + plain(value) + " is outside 0.." + plain(denominator)
                    + " (the denominator); a " + chart.code() + " chart counts cases out of the denominator");
        } else if ((chart.rate() || chart == ChartType.C || chart == ChartType.G) && hasValue && value < 0) {
            problems.add(line, "value", "the value " + plain(value) + " is negative; a " + chart.code()
                    + " chart needs counts of 0 or more");
        } else if (chart == ChartType.T && hasValue && value <= 0) {
            problems.add(line, "value", "the value " + plain(value) + " is not greater than 0; a t chart needs the "
                    + "time between events to be positive");
        } else {
            return true;
        }
        return false;
    }

    private static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number)
                : Double.toString(number);
    }
}
