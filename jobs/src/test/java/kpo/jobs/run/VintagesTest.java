package kpo.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import kpo.ingest.measures.SeriesRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vintages: stored exactly, and the comparison always with the latest month before the period. */
class VintagesTest {

    @TempDir
    Path out;

    private static List<SeriesRow> rows(double value) {
        return List.of(
                new SeriesRow("wl_size", "csu", "Children's, \"Services\"", LocalDate.of(2025, 3, 1), value, null,
                        null, null),
                new SeriesRow("rate", "trust", "RR8", LocalDate.of(2025, 3, 1), 0.1 + 0.2, 3.0, 10.0, null),
                new SeriesRow("rate", "trust", "RR8", LocalDate.of(2025, 4, 1), null, null, null, null));
    }

    @Test
    void aVintageReadsBackAsTheSameRowsAndNumbers() throws IOException {
        Vintages.write(out, YearMonth.of(2025, 9), rows(1.0 / 3));
        Vintages.Vintage v = Vintages.latestBefore(out, YearMonth.of(2025, 10)).orElseThrow();
        assertEquals(YearMonth.of(2025, 9), v.month());
        assertEquals(rows(1.0 / 3), v.rows(), "every double round-trips exactly; quotes and commas survive");
    }

    @Test
    void theComparisonIsWithTheLatestEarlierMonthNeverTheMonthItself() throws IOException {
        Vintages.write(out, YearMonth.of(2025, 7), rows(1));
        Vintages.write(out, YearMonth.of(2025, 9), rows(2));
        Vintages.write(out, YearMonth.of(2025, 10), rows(3));
        Files.writeString(out.resolve("vintages").resolve("notes.csv"), "not a vintage");
        Files.writeString(out.resolve("vintages").resolve(".2025-09.csv.partial"), "left by a killed run");
        assertEquals(YearMonth.of(2025, 9), Vintages.latestBefore(out, YearMonth.of(2025, 10)).orElseThrow().month());
        assertEquals(2.0, Vintages.latestBefore(out, YearMonth.of(2025, 10)).orElseThrow().rows().get(0).value());
        assertEquals(YearMonth.of(2025, 10), Vintages.latestBefore(out, YearMonth.of(2026, 1)).orElseThrow().month());
        assertEquals(YearMonth.of(2025, 7), Vintages.latestBefore(out, YearMonth.of(2025, 9)).orElseThrow().month());
        assertFalse(Vintages.latestBefore(out, YearMonth.of(2025, 7)).isPresent(), "nothing earlier than July");
    }

    @Test
    void aRerunReplacesItsOwnVintage() throws IOException {
        Vintages.write(out, YearMonth.of(2025, 9), rows(2));
        Vintages.write(out, YearMonth.of(2025, 9), rows(5));
        assertEquals(5.0, Vintages.latestBefore(out, YearMonth.of(2025, 10)).orElseThrow().rows().get(0).value());
        try (var files = Files.list(out.resolve("vintages"))) {
            assertTrue(files.allMatch(f -> f.getFileName().toString().equals("2025-09.csv")), "no temporary left");
        }
    }

    @Test
    void asOfDefaultsToTheEndOfTheMonthAfterAGivenPeriodElseTheRunDate() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        KpoConfigs configs = new KpoConfigs();
        assertEquals(new MonthlyJob.AsOf(LocalDate.of(2025, 11, 30), "period"), MonthlyJob.AsOf.of(
                new MonthlyJob.Options(YearMonth.of(2025, 10), null, true), configs.with(null, null), today));
        assertEquals(new MonthlyJob.AsOf(LocalDate.of(2026, 3, 31), "period"), MonthlyJob.AsOf.of(
                new MonthlyJob.Options(null, null, true), configs.with(YearMonth.of(2026, 2), null), today),
                "the config's period, to the end of a leap-free February's next month");
        assertEquals(new MonthlyJob.AsOf(today, "run_date"), MonthlyJob.AsOf.of(
                new MonthlyJob.Options(null, null, true), configs.with(null, null), today));
        assertEquals(new MonthlyJob.AsOf(LocalDate.of(2025, 11, 5), "config"), MonthlyJob.AsOf.of(
                new MonthlyJob.Options(YearMonth.of(2025, 10), null, true), configs.with(null,
                        LocalDate.of(2025, 11, 5)), today));
        assertEquals(new MonthlyJob.AsOf(LocalDate.of(2025, 11, 6), "option"), MonthlyJob.AsOf.of(
                new MonthlyJob.Options(YearMonth.of(2025, 10), null, true, LocalDate.of(2025, 11, 6)),
                configs.with(null, LocalDate.of(2025, 11, 5)), today));
    }

    /** Configs that differ only in period and as_of. */
    private static final class KpoConfigs {
        kpo.jobs.config.KpoConfig with(YearMonth period, LocalDate asOf) {
            return new kpo.jobs.config.KpoConfig(null, period, asOf, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null);
        }
    }
}
