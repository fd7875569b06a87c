package kpo.ingest.nhse;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import kpo.ingest.IngestException;
import kpo.ingest.read.CsvTable;
import kpo.ingest.read.Workbook;
import kpo.ingest.measures.SeriesRow;
import kpo.ingest.source.Reason;

/**
 * The measure-data sheets of the NHS-R community's SPCreporter, as its {@code data.xlsx} holds them
 * (read sheet by sheet, {@link Workbook}) or saved as CSV files. An aggregated sheet has one row per
 * measure ({@code ref}, {@code measure_name}, {@code comment}, optional {@code aggregation} and
 * {@code measure_prefix}) and one column per period, headed {@code YYYY-MM-DD}, {@code dd/mm/yyyy}
 * or with the 5-digit Excel serial of the date (as Excel saves a date heading). Each non-blank cell
 * is one value read: a cell that is not a number is rejected with the row's line and the period's
 * heading as its column; a blank cell, or one reading {@code NA} (R's {@code write.csv} writes a
 * missing value so), is a period with no data.
 * <p>
 * The series come out as the series table's rows with unit type {@code unit} (as pre-aggregated
 * measures do), the unit code given, and measure id {@code spcr_<ref>_<aggregation>}, the
 * aggregation being the row's own, else the sheet's (SPCreporter names sheets {@code week},
 * {@code month}, ...).
 * <p>
 * SPCreporter's {@code events} sheet has one row per event ({@code ref},
 * {@code event_date_or_datetime}), from which SPCreporter draws a t chart of the time between
 * events. Each measure's events are put in time order and each event after the first becomes a
 * point of measure {@code spcr_<ref>_none}: the days since the event before it (fractions of a day
 * where times are given; SPCreporter rounds down to whole days), dated by the event and numbered in
 * event order, as individual values are. An event at the same time as the one before it is rejected
 * ({@code no_time_since_last_event}), as a t chart cannot show a time of zero. The point SPCreporter
 * adds from the last event to its report's cut-off is made once the reporting month is known
 * ({@link #sinceLastEvent}).
 */
public final class SpcReporterData {

    /** Excel's day zero for serial dates (serial 1 = 1900-01-01, counting the fictitious 1900-02-29). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private static final List<String> LABELS = List.of("ref", "measure_name", "comment", "aggregation",
            "measure_prefix");

    /** The events sheet's name. */
    static final String EVENTS = "events";

    /** The sheet names SPCreporter reads: its aggregations, and the events sheet. */
    private static final List<String> SHEET_NAMES = List.of("week", "month", "day", "calendar_year",
            "financial_year", EVENTS);

    /** The events sheet's column of event times. */
    static final String EVENT_COLUMN = "event_date_or_datetime";

    /** A date as a UK spreadsheet writes it. */
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private SpcReporterData() {
    }

    /** The measure id a sheet's row becomes. */
    public static String measureId(String ref, String aggregation) {
        return "spcr_" + ref.trim() + "_" + aggregation.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * What a sheet gave.
     *
     * @param series its values as series rows, with every value read, accepted and rejected
     * @param comments each measure id's comment, where its row has one
     * @param events each events measure's event times, in time order (the events sheet only), from
     *     which the point up to a report's cut-off is made ({@link #sinceLastEvent})
     */
    public record Values(PublishedSeries series, Map<String, String> comments,
            Map<String, List<LocalDateTime>> events) {

        public Values {
            comments = Map.copyOf(comments);
            events = Map.copyOf(events);
        }
    }

    /**
     * One sheet of measure data: a CSV file, or a sheet of a workbook.
     *
     * @param table its rows
     * @param aggregation the sheet's aggregation (week, month, ...; "events" for the events sheet),
     *     from the sheet's name or the CSV file's, "" when the name is none of these
     */
    public record Sheet(CsvTable table, String aggregation) {
    }

    /**
     * The measure-data sheets of a file. A CSV file is one sheet, its aggregation taken from its name
     * ({@code week.csv}) where that is one; a workbook's sheets are those named as SPCreporter names
     * them ({@code week}, {@code month}, {@code day}, {@code calendar_year}, {@code financial_year},
     * {@code events}), others (notes, lookups) being left alone.
     *
     * @throws IngestException naming the file when it cannot be read, or is a workbook with no such sheet
     */
    public static List<Sheet> sheets(Path file) {
        if (!Workbook.is(file)) {
            return List.of(new Sheet(CsvTable.read(file), aggregationOf(file.getFileName().toString()
                    .replaceFirst("\\.[^.]*$", ""))));
        }
        List<Sheet> sheets = new ArrayList<>();
        Map<String, CsvTable> tables = Workbook.read(file);
        tables.forEach((name, table) -> {
            String aggregation = aggregationOf(name);
            if (!aggregation.isEmpty()) {
                sheets.add(new Sheet(table, aggregation));
            }
        });
        if (sheets.isEmpty()) {
            throw new IngestException(file + " has no sheet named " + String.join(", ", SHEET_NAMES)
                    + " (SPCreporter's sheet names); its sheets are " + String.join(", ", tables.keySet()));
        }
        return sheets;
    }

    /** The aggregation a sheet's name gives (week, month, ..., events), or "". */
    static String aggregationOf(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        return SHEET_NAMES.contains(key) ? key : "";
    }

    /**
     * Reads one sheet.
     *
     * @param unitCode the unit the values are for (the trust's code)
     * @throws IngestException naming the sheet when it lacks {@code ref} or has no period column
     */
    public static Values read(Sheet sheet, String unitCode) {
        CsvTable table = sheet.table();
        String name = table.name();
        int ref = table.column("ref").orElseThrow(() -> new IngestException(name
                + " has no column 'ref': is it an SPCreporter measure-data sheet?"));
        Optional<Integer> events = table.column(EVENT_COLUMN);
        if (events.isPresent()) {
            return events(table, name, ref, events.get(), unitCode);
        }
        if (sheet.aggregation().equals(EVENTS)) {
            throw new IngestException(name + " line 1: the events sheet has no column '" + EVENT_COLUMN + "'");
        }
        String sheetAggregation = sheet.aggregation();
        int aggregation = table.column("aggregation").orElse(-1);
        int comment = table.column("comment").orElse(-1);
        List<Integer> periodColumns = new ArrayList<>();
        List<LocalDate> periods = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int at = 0; at < table.header().size(); at++) {
            String heading = table.header().get(at).trim();
            if (LABELS.contains(CsvTable.key(heading)) || heading.isEmpty()) {
                continue;
            }
            LocalDate date = period(heading);
            if (date == null) {
                throw new IngestException(name + " line 1: column '" + heading + "' is neither an SPCreporter label "
                        + "nor a period (YYYY-MM-DD, dd/mm/yyyy or an Excel date number)");
            }
            if (!seen.add(date)) {
                throw new IngestException(name + " line 1: the period " + date + " has two columns");
            }
            periodColumns.add(at);
            periods.add(date);
            headings.add(heading);
        }
        if (periodColumns.isEmpty()) {
            throw new IngestException(name + " has no period columns (headed YYYY-MM-DD)");
        }
        PublishedSeries series = new PublishedSeries("spcreporter");
        Map<String, String> comments = new TreeMap<>();
        for (CsvTable.Line line : table.lines()) {
            String measure = line.text(ref);
            String agg = line.text(aggregation).isEmpty() ? sheetAggregation : line.text(aggregation);
            for (int i = 0; i < periodColumns.size(); i++) {
                String cell = line.text(periodColumns.get(i));
                if (cell.isEmpty() || cell.equalsIgnoreCase("NA")) {
                    continue;
                }
                series.row();
                if (measure.isEmpty()) {
                    series.reject(name, line.number(), "ref", "", Reason.MISSING_REQUIRED);
                    continue;
                }
                OptionalDouble value = PublishedNumbers.parse(cell);
                if (value == null) {
                    series.reject(name, line.number(), headings.get(i), cell, Reason.BAD_NUMBER);
                    continue;
                }
                series.value(measureId(measure, agg), "unit", unitCode, periods.get(i), value.getAsDouble());
            }
            if (!measure.isEmpty() && !line.text(comment).isEmpty()) {
                comments.put(measureId(measure, agg), line.text(comment));
            }
        }
        return new Values(series, comments, Map.of());
    }

    /** A period heading: an ISO date, an Excel serial date of 5 digits, or {@code dd/mm/yyyy}; null otherwise. */
    static LocalDate period(String heading) {
        if (heading.matches("\\d{5}")) {
            return EXCEL_EPOCH.plusDays(Long.parseLong(heading));
        }
        try {
            return heading.contains("/") ? LocalDate.parse(heading, UK_DATE) : LocalDate.parse(heading);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The events sheet: each measure's time between events ({@link SpcReporterData} says how).
     */
    private static Values events(CsvTable table, String name, int ref, int when, String unitCode) {
        PublishedSeries series = new PublishedSeries("spcreporter");
        record Event(String ref, LocalDateTime at, long line) {
        }
        Map<String, List<Event>> byRef = new TreeMap<>();
        for (CsvTable.Line line : table.lines()) {
            String measure = line.text(ref);
            String cell = line.text(when);
            if (measure.isEmpty() && (cell.isEmpty() || cell.equalsIgnoreCase("NA"))) {
                continue; // a blank line
            }
            series.row();
            if (measure.isEmpty()) {
                series.reject(name, line.number(), "ref", "", Reason.MISSING_REQUIRED);
                continue;
            }
            if (cell.isEmpty() || cell.equalsIgnoreCase("NA")) {
                series.reject(name, line.number(), EVENT_COLUMN, cell, Reason.MISSING_REQUIRED);
                continue;
            }
            LocalDateTime at = eventTime(cell);
            if (at == null) {
                series.reject(name, line.number(), EVENT_COLUMN, cell, Reason.BAD_DATE);
                continue;
            }
            byRef.computeIfAbsent(measure, k -> new ArrayList<>()).add(new Event(measure, at, line.number()));
        }
        Map<String, List<LocalDateTime>> times = new TreeMap<>();
        for (List<Event> list : byRef.values()) {
            list.sort(Comparator.comparing(Event::at).thenComparingLong(Event::line));
            times.put(measureId(list.get(0).ref(), "none"), list.stream().map(Event::at).distinct().toList());
            int seq = 0;
            for (int i = 1; i < list.size(); i++) {
                Event event = list.get(i);
                double days = Duration.between(list.get(i - 1).at(), event.at()).toSeconds() / 86_400.0;
                if (days <= 0) {
                    series.reject(name, event.line(), EVENT_COLUMN, event.at().toString(),
                            Reason.NO_TIME_SINCE_LAST_EVENT);
                    continue;
                }
                series.individual(measureId(event.ref(), "none"), "unit", unitCode, event.at().toLocalDate(), days,
                        ++seq);
            }
        }
        return new Values(series, Map.of(), times);
    }

    /**
     * SPCreporter's last point of a t chart: the days from the last event up to the report's cut-off,
     * as if an event happened then, so that a long quiet spell shows on the chart (and the chart is as
     * up to date as the report) rather than ending at the last event. Dated by the cut-off's day and
     * numbered after the events before it; none when no event is before the cut-off.
     *
     * @param times the measure's event times, in time order
     * @param cutoff the end of the reporting period (events after it are not counted, as SPCreporter
     *     leaves them out of a retrospective report)
     */
    public static Optional<SeriesRow> sinceLastEvent(String measureId, String unitCode, List<LocalDateTime> times,
            LocalDateTime cutoff) {
        List<LocalDateTime> before = times.stream().filter(t -> t.isBefore(cutoff)).toList();
        if (before.isEmpty()) {
            return Optional.empty();
        }
        double days = Duration.between(before.get(before.size() - 1), cutoff).toSeconds() / 86_400.0;
        // The cut-off's own day: the day that ends at it when it is a midnight.
        LocalDate day = cutoff.toLocalTime().equals(LocalTime.MIDNIGHT) ? cutoff.toLocalDate().minusDays(1)
                : cutoff.toLocalDate();
        return Optional.of(new SeriesRow(measureId, "unit", unitCode, day, days, null, null, before.size()));
    }

    /**
     * An event's date or date and time: ISO ({@code 2024-03-05}, {@code 2024-03-05 14:30},
     * {@code 2024-03-05T14:30:00}), {@code dd/mm/yyyy} with an optional {@code HH:mm}, or an Excel
     * serial (days, with the time as a fraction); null when it is none of these.
     */
    static LocalDateTime eventTime(String cell) {
        String text = cell.trim();
        if (text.matches("\\d{5}(\\.\\d+)?")) {
            double serial = Double.parseDouble(text);
            long days = (long) Math.floor(serial);
            long seconds = Math.round((serial - days) * 86_400);
            return EXCEL_EPOCH.plusDays(days).atStartOfDay().plusSeconds(seconds);
        }
        String iso = text.replace(' ', 'T');
        try {
            if (text.contains("/")) {
                String[] parts = text.split("\\s+", 2);
                LocalDate date = LocalDate.parse(parts[0], UK_DATE);
                return parts.length == 1 ? date.atStartOfDay()
                        : date.atTime(LocalTime.parse(parts[1]));
            }
            return iso.contains("T") ? LocalDateTime.parse(iso) : LocalDate.parse(iso).atStartOfDay();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
