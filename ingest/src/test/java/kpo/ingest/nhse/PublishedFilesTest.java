package kpo.ingest.nhse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kpo.ingest.measures.SeriesRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NHS England files in shared/data, read as a user downloads them: every row accepted, and the
 * totals SCHEMAS.md computed from them reproduced.
 */
class PublishedFilesTest {

    private static final Path DATA = Path.of(System.getProperty("kpo.shared.dir", "../../shared"), "data");
    private static final LocalDate APRIL_2026 = LocalDate.of(2026, 4, 1);

    @TempDir
    Path folder;



    private static double value(PublishedSeries series, String measure, String unitType, String unit, LocalDate period) {
        return series.rows().stream().filter(r -> r.measureId().equals(measure) && r.unitType().equals(unitType)
                        && r.unitCode().equals(unit) && r.period().equals(period)).mapToDouble(r -> r.value())
                .findFirst().orElseThrow(() -> new AssertionError(measure + " " + unit + " " + period + " missing"));
    }

    private static double total(PublishedSeries series, String measure, String unitType) {
        return series.rows().stream().filter(r -> r.measureId().equals(measure) && r.unitType().equals(unitType))
                .mapToDouble(r -> r.value()).sum();
    }

    @Test
    void rttIncompleteByProviderAndSpecialty() {
        PublishedSeries series = RttProviderFile.read(DATA.resolve("rtt_incomplete_provider_tfc_2026-04.csv"));
        assertEquals(4122, series.read());
        assertEquals(series.read(), series.accepted(), series.rejectedByReason().toString());
        assertEquals(7_123_980, total(series, "wl_size", "provider"), "the national sum (SCHEMAS.md part C)");
        assertEquals(39_237, value(series, "wl_size", "provider", "RD1", APRIL_2026));
        assertEquals(100_665, total(series, "wl_52_plus", "provider"));
        assertEquals(7_702, total(series, "wl_65_plus", "provider"));
        assertEquals(2_421, total(series, "wl_78_plus", "provider"));
        assertEquals(576, total(series, "wl_104_plus", "provider"));
        assertEquals(total(series, "wl_size", "provider"), total(series, "wl_size", "provider_specialty"),
                "C_999 is the sum of the specialties");
        double median = value(series, "wl_median_weeks", "provider", "RD1", APRIL_2026);
        assertTrue(median > 5 && median < 30, "RD1 median weeks " + median);
    }

    @Test
    void theFullExtractIsSummedOverCommissioners() {
        PublishedSeries full = RttProviderFile.read(DATA.resolve("rtt_full_extract_2026-04_RD1.csv"));
        assertEquals(891, full.read());
        assertEquals(full.read(), full.accepted(), full.rejectedByReason().toString());
        assertEquals(39_237, value(full, "wl_size", "provider", "RD1", APRIL_2026),
                "the same as the published provider table: every commissioner's row counted");
        PublishedSeries table = RttProviderFile.read(DATA.resolve("rtt_incomplete_provider_tfc_2026-04.csv"));
        assertEquals(value(table, "wl_within_18_weeks", "provider", "RD1", APRIL_2026),
                value(full, "wl_within_18_weeks", "provider", "RD1", APRIL_2026), 1e-12);
    }

    @Test
    void theAdmittedListAndAllParts() {
        PublishedSeries dta = RttProviderFile.read(DATA.resolve("rtt_incomplete_dta_provider_tfc_2026-04.csv"));
        assertEquals(dta.read(), dta.accepted());
        assertEquals(1_188_227, total(dta, "wl_dta_size", "provider"));
        PublishedSeries parts = RttProviderFile.read(DATA.resolve("rtt_provider_totals_all_parts_2026-04.csv"));
        assertEquals(parts.read(), parts.accepted(), parts.rejectedByReason().toString());
        assertEquals(7_123_980, total(parts, "wl_size", "provider"));
        assertEquals(1_769_634, total(parts, "rtt_new_periods", "provider"), "new clock starts (SCHEMAS.md part C)");
    }

    @Test
    void aBandTotalThatDoesNotAddUpIsRejectedWithItsLine() throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve("rtt_incomplete_provider_tfc_2026-04.csv"));
        String broken = lines.get(2).replaceFirst(",(\\d+)$", ",999999");
        Path file = folder.resolve("broken.csv");
        Files.write(file, List.of(lines.get(0), lines.get(1), broken, "RTT-Smarch-2026" + lines.get(3).substring(
                lines.get(3).indexOf(','))));
        PublishedSeries series = RttProviderFile.read(file);
        assertEquals(3, series.read());
        assertEquals(Map.of(kpo.ingest.source.Reason.BAD_TOTAL, 1L, kpo.ingest.source.Reason.BAD_DATE, 1L),
                series.rejectedByReason());
        assertEquals(3, series.rejections().get(0).line());
        assertEquals("Total All", series.rejections().get(0).column());
    }

    @Test
    void theNationalTimeSeries() {
        PublishedSeries series = RttNationalTimeSeries.read(DATA.resolve("rtt_national_timeseries_2007-04_to_2023-08.csv"));
        assertEquals(197, series.read());
        assertEquals(series.read(), series.accepted(), series.rejectedByReason().toString());
        assertEquals(7_745_030, value(series, "wl_size", "country", "England", LocalDate.of(2023, 8, 1)));
        assertFalse(series.rows().stream().anyMatch(r -> r.measureId().equals("wl_65_plus")
                && r.period().isBefore(LocalDate.of(2021, 4, 1))), "no 65+ figure before April 2021");
        long within = series.rows().stream().filter(r -> r.measureId().equals("wl_within_18_weeks")).count();
        assertTrue(within >= 190, "% within 18 weeks for most months: " + within);
    }

    @Test
    void cancelledOperationsByQuarter() {
        PublishedSeries series = CancelledOperations.read(DATA.resolve(
                "cancelled_ops_national_quarterly_1994-95_to_2019-20Q3.csv"));
        assertEquals(103, series.read());
        assertEquals(series.read(), series.accepted());
        assertEquals(11_603, value(series, "last_minute_cancellations", "country", "England", LocalDate.of(1994, 4, 1)));
        assertEquals(23_503, value(series, "last_minute_cancellations", "country", "England", LocalDate.of(2019, 10, 1)),
                "2019/20 Q3 is October to December");
        assertEquals(2138.0 / 23503, value(series, "not_rebooked_28_days_rate", "country", "England",
                LocalDate.of(2019, 10, 1)), 1e-12);
    }

    @Test
    void theMonthlyAeFileWithoutItsTotalRow() {
        PublishedSeries series = AeMonthlyProvider.read(DATA.resolve("ae_monthly_provider_2025-03.csv"));
        assertEquals(series.read(), series.accepted(), series.rejectedByReason().toString());
        Map<String, Long> providers = series.rows().stream().filter(r -> r.measureId().equals("ae_attendances"))
                .collect(Collectors.groupingBy(r -> r.unitCode(), Collectors.counting()));
        assertFalse(providers.containsKey("TOTAL"));
        double all = total(series, "ae_attendances", "provider");
        assertEquals(1418235 + 50646 + 830779 + 32451 + 591 + 56362, all, "the providers add up to the TOTAL row");
        LocalDate march = LocalDate.of(2025, 3, 1);
        double rj1 = value(series, "ed_within_4_hours", "provider", "RJ1", march);
        assertEquals((10247 + 727 + 7130 - 3568 - 12 - 199) / (double) (10247 + 727 + 7130), rj1, 1e-12);
        assertEquals(5, series.rows().stream().filter(r -> r.unitCode().equals("RJ1")).count());
    }
}
