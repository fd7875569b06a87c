package kpo.jobs.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kpo.ingest.nhs.RttWaits;

/**
 * A small RTT provider × treatment function file in NHS England's published layout (the headers
 * the reader matches, 105 week bands, Total All as their sum), written by the tests: the demo's
 * synthetic trust has no real published return to reconcile with.
 */
final class RttProviderFixture {

    /** One row: a commissioner's incomplete pathways of one treatment function, by week band. */
    record Line(YearMonth month, String provider, String commissioner, String treatmentFunction, long[] bands) {
    }

    private RttProviderFixture() {
    }

    /** {@code count} pathways in band {@code band} (waited more than {@code band} weeks, up to one more). */
    static long[] bands(int band, long count, int otherBand, long otherCount) {
        long[] bands = new long[RttWaits.BANDS];
        bands[band] += count;
        bands[otherBand] += otherCount;
        return bands;
    }

    static void write(Path file, List<Line> lines) throws IOException {
        List<String> header = new ArrayList<>(List.of("Period", "Provider Org Code", "Commissioner Org Code",
                "RTT Part Type", "Treatment Function Code"));
        for (int k = 0; k < RttWaits.BANDS; k++) {
            header.add(RttWaits.bandColumn(k));
        }
        header.add("Total All");
        StringBuilder csv = new StringBuilder(String.join(",", header)).append("\r\n");
        for (Line line : lines) {
            String month = line.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            csv.append("RTT-").append(month).append('-').append(line.month().getYear()).append(',')
                    .append(line.provider()).append(',').append(line.commissioner()).append(",Part_2,")
                    .append(line.treatmentFunction());
            long total = 0;
            for (long count : line.bands()) {
                csv.append(',').append(count);
                total += count;
            }
            csv.append(',').append(total).append("\r\n");
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }
}
