package kpo.ingest.nhse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
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
 * The series come out as the series table's rows with unit type {@code unit} (as pre-aggregated
 * measures do), the unit code given, and measure id {@code spcr_<ref>_<aggregation>}, the
 * aggregation being the row's own, else the sheet's (SPCreporter names sheets {@code week},
 * {@code month}, ...).
 */
public final class SpcReporterData {

    /** Excel's day zero for serial dates (serial 1 = 1900-01-01, counting the fictitious 1900-02-29). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private static final List<String> LABELS = List.of("ref", "measure_name", "comment", "aggregation",
            "measure_prefix");

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
                if (cell.isEmpty()) {
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

    /** A period heading: an ISO date, or an Excel serial date of 5 digits; null otherwise. */
    static LocalDate period(String heading) {
        if (heading.matches("\\d{5}")) {
            return EXCEL_EPOCH.plusDays(Long.parseLong(heading));
        }
        try {
            return LocalDate.parse(heading);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
