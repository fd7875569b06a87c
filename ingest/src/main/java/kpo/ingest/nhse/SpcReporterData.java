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
import kpo.ingest.source.Reason;

/**
 * A measure-data sheet of the NHS-R community's SPCreporter, saved as CSV: one row per measure
 * ({@code ref}, {@code measure_name}, {@code comment}, optional {@code aggregation} and
 * {@code measure_prefix}) and one column per period, headed {@code YYYY-MM-DD} or with the
 * 5-digit Excel serial of the date (as Excel saves a date heading). Each non-blank cell is one
 * value read: a cell that is not a number is rejected with the row's line and the period's
 * heading as its column; a blank cell is a period with no data.
 * <p>
 * Cells reading {@code NA} (R's {@code write.csv} writes a missing value so) are blank. Period
 * headings may also be written {@code dd/mm/yyyy}, as a UK spreadsheet shows a date.
 * <p>
 * The series come out as the series table's rows with unit type {@code unit} (as pre-aggregated
 * measures do), the unit code given, and measure id {@code spcr_<ref>_<aggregation>}, the
 * aggregation being the row's own, else the sheet's (SPCreporter names sheets {@code week},
 * {@code month}, ...).
 * <p>
 * SPCreporter's {@code events} sheet is read too: one row per event ({@code ref},
 * {@code event_date_or_datetime}), from which SPCreporter draws a t chart of the time between
 * events. Each measure's events are put in time order and each event after the first becomes a point
 * of measure {@code spcr_<ref>_none}: the days since the event before it (fractions of a day where
 * times are given), dated by the event and numbered in event order, as individual values are. An
 * event at the same time as the one before it is rejected ({@code no_time_since_last_event}), as a
 * t chart cannot show a time of zero. SPCreporter also adds a last point from the last event to its
 * report's cut-off date; this reader does not, so the latest point is the latest event.
 */
public final class SpcReporterData {

    /** Excel's day zero for serial dates (serial 1 = 1900-01-01, counting the fictitious 1900-02-29). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private static final List<String> LABELS = List.of("ref", "measure_name", "comment", "aggregation",
            "measure_prefix");

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
     * Reads one sheet.
     *
     * @param sheetAggregation the sheet's aggregation (week, month, ...), used where a row has none
     * @param unitCode the unit the values are for (the trust's code)
     * @param comments filled with each measure id's latest comment, where the row has one
     * @throws IngestException naming the file when it lacks {@code ref} or has no period column
     */
    public static PublishedSeries read(Path path, String sheetAggregation, String unitCode,
            Map<String, String> comments) {
        CsvTable table = CsvTable.read(path);
        String name = path.toString();
        int ref = table.column("ref").orElseThrow(() -> new IngestException(path
                + " has no column 'ref': is it an SPCreporter measure-data sheet saved as CSV?"));
        Optional<Integer> events = table.column(EVENT_COLUMN);
        if (events.isPresent()) {
            return events(table, name, ref, events.get(), unitCode);
        }
        int aggregation = table.column("aggregation").orElse(-1);
        int comment = table.column("comment").orElse(-1);
        List<Integer> periodColumns = new ArrayList<>();
        List<LocalDate> periods = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int at = 0; at < table.header().size(); at++) {
            String heading = table.header().get(at).trim();
            if (LABELS.contains(CsvTable.key(heading))) {
                continue;
            }
            LocalDate date = period(heading);
            if (date == null) {
                throw new IngestException(path + " line 1: column '" + heading + "' is neither an SPCreporter label "
                        + "nor a period (YYYY-MM-DD or an Excel date number)");
            }
            if (!seen.add(date)) {
                throw new IngestException(path + " line 1: the period " + date + " has two columns");
            }
            periodColumns.add(at);
            periods.add(date);
            headings.add(heading);
        }
        if (periodColumns.isEmpty()) {
            throw new IngestException(path + " has no period columns (headed YYYY-MM-DD)");
        }
        PublishedSeries series = new PublishedSeries("spcreporter");
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
        return series;
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
    private static PublishedSeries events(CsvTable table, String name, int ref, int when, String unitCode) {
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
        for (List<Event> list : byRef.values()) {
            list.sort(Comparator.comparing(Event::at).thenComparingLong(Event::line));
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
        return series;
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
