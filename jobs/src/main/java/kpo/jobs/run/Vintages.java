package kpo.jobs.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import kpo.jobs.cli.UserError;
import kpo.jobs.spc.ResultFormat;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import kpo.ingest.measures.SeriesRow;

/**
 * The series each month's pack was drawn from, kept as that month's vintage in
 * {@code <output>/vintages/YYYY-MM.csv}, so that a later pack can compare its history with what the
 * board was shown and flag restated values (source data corrected, validated or late since then).
 *
 * <p>A vintage holds the rows of the series table for the pack's measures (catalogue measure × unit)
 * up to the reporting month: {@code measure_id, unit_type, unit_code, period, value, numerator,
 * denominator}, sorted, numbers in their shortest round-trip form (so a value read back is the same
 * double). CSV rather than Parquet: a few thousand rows that an analyst can open and diff. Vintages
 * hold the true values, before any small-number suppression: they are the job's memory, not a
 * published output.
 *
 * <p>A run writes its own month's vintage right after its output folder is committed, under the same
 * lock, as a temporary file renamed into place; a rerun of the month replaces it. The comparison is
 * always with the latest vintage <em>before</em> the reporting month, never with the month's own.
 */
final class Vintages {

    static final String FOLDER = "vintages";
    private static final String HEADER = "measure_id,unit_type,unit_code,period,value,numerator,denominator";

    /** A stored vintage: its month and its series rows, in the series table's shape. */
    record Vintage(YearMonth month, Path file, List<SeriesRow> rows) {
    }

    private Vintages() {
    }

    /** The latest vintage of a month before {@code period} under {@code output}, if any. */
    static Optional<Vintage> latestBefore(Path output, YearMonth period) {
        Path folder = output.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Optional<YearMonth> latest;
        try (Stream<Path> files = Files.list(folder)) {
            latest = files.map(f -> month(f.getFileName().toString())).flatMap(Optional::stream)
                    .filter(m -> m.isBefore(period)).max(Comparator.naturalOrder());
        } catch (IOException e) {
            throw UserError.failure("cannot list the stored vintages in " + folder + ": " + e.getMessage());
        }
        return latest.map(m -> read(folder.resolve(m + ".csv"), m));
    }

    /** The month of a vintage file name ({@code 2025-09.csv}), empty for any other file. */
    static Optional<YearMonth> month(String fileName) {
        if (!fileName.matches("\\d{4}-\\d{2}\\.csv")) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(fileName.substring(0, 7)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Vintage read(Path file, YearMonth month) {
        List<SeriesRow> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                        .get())) {
            for (CSVRecord r : csv) {
                try {
                    rows.add(new SeriesRow(r.get("measure_id"), r.get("unit_type"), r.get("unit_code"),
                            LocalDate.parse(r.get("period")), number(r.get("value")), number(r.get("numerator")),
                            number(r.get("denominator")), null));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw UserError.badInput(file + ":" + csv.getCurrentLineNumber() + ": the stored vintage is "
                            + "damaged (" + e.getMessage() + "); delete it to compare with this month's data instead");
                }
            }
        } catch (IOException e) {
            throw UserError.failure("cannot read the stored vintage " + file + ": " + e.getMessage());
        }
        return new Vintage(month, file, rows);
    }

    private static Double number(String text) {
        return text.isEmpty() ? null : Double.valueOf(text);
    }

    /** Writes {@code period}'s vintage: {@code rows} in the series table's shape, sorted by series and period. */
    static Path write(Path output, YearMonth period, List<SeriesRow> rows) throws IOException {
        Path folder = Files.createDirectories(output.resolve(FOLDER));
        Path file = folder.resolve(period + ".csv");
        Path partial = folder.resolve("." + period + ".csv.partial");
        try (BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (SeriesRow r : rows) {
                w.write(ResultFormat.csvField(r.measureId()) + "," + ResultFormat.csvField(r.unitType()) + ","
                        + ResultFormat.csvField(r.unitCode()) + "," + r.period() + "," + text(r.value()) + ","
                        + text(r.numerator()) + "," + text(r.denominator()) + "\n");
            }
        }
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static String text(Double value) {
        return value == null ? "" : ResultFormat.number(value);
    }
}
