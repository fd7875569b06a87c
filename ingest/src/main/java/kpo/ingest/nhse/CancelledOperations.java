package kpo.ingest.nhse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalDouble;
import kpo.ingest.read.CsvTable;
import kpo.ingest.source.Reason;

/**
 * NHS England's quarterly cancelled elective operations for England (SCHEMAS.md A4): last-minute
 * cancellations for non-clinical reasons, as a count and as a rate of elective admissions, and the
 * patients not treated within 28 days, as a count and as a share of cancellations. Periods are the
 * first day of the quarter (Q1 = April).
 */
public final class CancelledOperations {

    private CancelledOperations() {
    }

    public static PublishedSeries read(Path path) {
        PublishedFile file = PublishedFile.read(path);
        int year = file.column("Year");
        int quarter = file.column("Quarter");
        int cancelled = file.column("Number of cancelled elective operations");
        int breaches = file.column("Patients not treated within 28 days of cancellation.");
        int admissions = file.column("Elective admissions");
        PublishedSeries series = new PublishedSeries("cancelled_operations");
        String name = path.toString();
        for (CsvTable.Line line : file.lines) {
            series.row();
            Optional<LocalDate> period = PublishedPeriods.quarter(line.text(year),
                    line.text(quarter));
            if (period.isEmpty()) {
                series.reject(name, line.number(), "Quarter", line.text(year) + " Q"
                        + line.text(quarter), Reason.BAD_DATE);
                continue;
            }
            OptionalDouble n = PublishedNumbers.parse(line.text(cancelled));
            OptionalDouble b = PublishedNumbers.parse(line.text(breaches));
            OptionalDouble a = PublishedNumbers.parse(line.text(admissions));
            if (n == null || b == null || a == null || n.isEmpty() || a.isEmpty()) {
                String column = n == null || n.isEmpty() ? "Number of cancelled elective operations"
                        : a == null || a.isEmpty() ? "Elective admissions" : "Patients not treated within 28 days of cancellation.";
                series.reject(name, line.number(), column, "", n == null || a == null || b == null ? Reason.BAD_NUMBER
                        : Reason.MISSING_REQUIRED);
                continue;
            }
            LocalDate p = period.get();
            series.value("last_minute_cancellations", "country", "England", p, n.getAsDouble());
            series.rate("last_minute_cancellation_rate", "country", "England", p, n.getAsDouble(), a.getAsDouble());
            if (b.isPresent()) {
                series.value("not_rebooked_28_days", "country", "England", p, b.getAsDouble());
                series.rate("not_rebooked_28_days_rate", "country", "England", p, b.getAsDouble(), n.getAsDouble());
            }
        }
        return series;
    }
}
