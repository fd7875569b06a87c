package kpo.ingest.nhse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import kpo.ingest.read.CsvTable;
import kpo.ingest.source.Reason;

/**
 * NHS England's national RTT time series (shared/data/SCHEMAS.md A3), as measures for England:
 * list size, % within 18 weeks, 52/65/78/104+ week waiters, median and 92nd percentile weeks and
 * new clock starts, using the figures without estimates for missing trusts. An empty cell is a
 * month the figure did not exist (65+ weeks before April 2021), and a top-coded cell such as
 * {@code 52+} (the 92nd percentile in 2007–08) a bound rather than a value: either gives no point,
 * and is not a rejection.
 */
public final class RttNationalTimeSeries {

    private record Measure(String id, String column) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("wl_size", "Incomplete - Total waiting (mil)"),
            new Measure("wl_52_plus", "Incomplete - No. > 52 weeks"),
            new Measure("wl_65_plus", "Incomplete - No. > 65 weeks"),
            new Measure("wl_78_plus", "Incomplete - No. > 78 weeks"),
            new Measure("wl_104_plus", "Incomplete - No. > 104 weeks"),
            new Measure("wl_median_weeks", "Incomplete - Median wait (weeks)"),
            new Measure("wl_p92_weeks", "Incomplete - 92nd percentile (weeks)"),
            new Measure("rtt_new_periods", "New RTT periods - No. of new RTT periods"));

    private RttNationalTimeSeries() {
    }

    public static PublishedSeries read(Path path) {
        PublishedFile file = PublishedFile.read(path);
        int month = file.column("Month");
        int within = file.column("Incomplete - No. within 18 weeks");
        int total = file.column("Incomplete - Total waiting (mil)");
        int[] columns = MEASURES.stream().mapToInt(m -> file.column(m.column())).toArray();
        PublishedSeries series = new PublishedSeries("rtt_national");
        String name = path.toString();
        for (CsvTable.Line line : file.lines) {
            series.row();
            LocalDate period;
            try {
                period = LocalDate.parse(line.text(month));
            } catch (java.time.format.DateTimeParseException e) {
                series.reject(name, line.number(), "Month", line.text(month), Reason.BAD_DATE);
                continue;
            }
            double[] values = new double[columns.length];
            boolean bad = false;
            for (int i = 0; i < columns.length && !bad; i++) {
                String text = line.text(columns[i]);
                if (text.matches("\\d+\\+")) {
                    values[i] = Double.NaN; // top-coded ("52+" in 2007-08): a bound, not a value; no point
                    continue;
                }
                OptionalDouble v = PublishedNumbers.parse(text);
                if (v == null) {
                    series.reject(name, line.number(), MEASURES.get(i).column(), line.text(columns[i]),
                            Reason.BAD_NUMBER);
                    bad = true;
                }
                values[i] = v == null || v.isEmpty() ? Double.NaN : v.getAsDouble();
            }
            OptionalDouble in18 = PublishedNumbers.parse(line.text(within));
            OptionalDouble all = PublishedNumbers.parse(line.text(total));
            if (bad || in18 == null || all == null) {
                if (!bad) {
                    series.reject(name, line.number(), in18 == null ? "Incomplete - No. within 18 weeks"
                            : "Incomplete - Total waiting (mil)", "", Reason.BAD_NUMBER);
                }
                continue;
            }
            for (int i = 0; i < columns.length; i++) {
                if (!Double.isNaN(values[i])) {
                    series.value(MEASURES.get(i).id(), "country", "England", period, values[i]);
                }
            }
            if (in18.isPresent() && all.isPresent()) {
                series.rate("wl_within_18_weeks", "country", "England", period, in18.getAsDouble(), all.getAsDouble());
            }
        }
        return series;
    }
}
