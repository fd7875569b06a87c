package kpo.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kpo.ingest.measures.MeasureCatalogue;
import kpo.ingest.measures.SeriesRow;
import kpo.ingest.nhs.TreatmentFunctions;
import kpo.jobs.config.ConfigReader;
import kpo.reports.Comparison;
import kpo.reports.SmallNumbers;
import kpo.spc.Improvement;
import kpo.spc.funnel.FunnelPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Funnel plots from series rows with known sums: each unit's numerators and denominators over the
 * span (and only the span), named as the pack names them, hidden when small in a published pack,
 * left out with a reason when there is nothing to compare; a system's trusts compared on the rates
 * they share.
 */
class ComparisonsTest {

    private static final YearMonth PERIOD = YearMonth.of(2025, 10);

    /** The catalogue measures a run of these configs computes, by id. */
    private static final java.util.Map<String, kpo.ingest.measures.MeasureDefinition> BUILT_IN = java.util.stream.Stream
            .of("cancellation_rate", "wl_within_18_weeks").collect(java.util.stream.Collectors.toMap(id -> id,
                    id -> MeasureCatalogue.builtIn().get(id).orElseThrow()));

    @TempDir
    Path home;

    /** A config of {@code measure}, checked and read into types as a run reads it. */
    private CheckedConfig config(String measure) throws IOException {
        Path file = home.resolve("kpo.yaml");
        Files.writeString(file, """
                trust: {code: RR8, name: A trust}
                sources: [{name: theatres, kind: cancellations, paths: [x]}]
                measures:
                """ + measure);
        return ConfigCheck.check(ConfigReader.read(file), file);
    }

    /** A month of {@code unit}'s cancellation rate: {@code n} cancelled of {@code d}. */
    private static SeriesRow row(String type, String unit, YearMonth month, double n, double d) {
        return new SeriesRow("cancellation_rate", type, unit, month.atDay(1), n / d, n, d, null);
    }

    @Test
    void eachUnitsNumeratorsAndDenominatorsAreSummedOverTheSpanAndNoLonger() throws IOException {
        CheckedConfig config = config("""
                  - {id: cancel, measure: cancellation_rate, unit: {type: trust, code: RR8}, units: proportion,
                     improvement: decrease, compare: [site, specialty], compare_months: 3}
                """);
        List<SeriesRow> rows = new ArrayList<>();
        for (int back = 0; back < 6; back++) {
            YearMonth month = PERIOD.minusMonths(back);
            rows.add(row("site", "RR801", month, 10, 200));
            rows.add(row("site", "RR802", month, 30, 300));
            rows.add(row("site", "RR803", month, 2, 100));
            rows.add(row("specialty", "C_170", month, 12, 100));
            rows.add(row("specialty", "C_171", month, 9, 150));
        }
        rows.add(row("site", "RR801", PERIOD.plusMonths(1), 90, 100));
        Comparisons.Made made = Comparisons.ofTrust(config, PERIOD, rows, SmallNumbers.OFF,
                TreatmentFunctions.national(), BUILT_IN);
        assertEquals(List.of(), made.skipped());
        Comparison sites = made.comparisons().get(0);
        assertEquals("cancel:site", sites.id());
        assertEquals(List.of("cancel"), sites.measureIds());
        assertEquals("Aug 2025 to Oct 2025", sites.span());
        assertEquals(Improvement.DECREASE, sites.improvement());
        assertNull(sites.highlight(), "a trust measure compared across its sites has no site of its own");
        FunnelPoint rr802 = point(sites, "RR802");
        assertEquals(90, rr802.numerator(), "three months of 30, not six, nor November's");
        assertEquals(900, rr802.denominator());
        // The pooled value: (30 + 90 + 6) / (600 + 900 + 300).
        assertEquals(126.0 / 1800, sites.funnel().target(), 1e-15);
        Comparison specialties = made.comparisons().get(1);
        TreatmentFunctions national = TreatmentFunctions.national();
        assertEquals(List.of(PackAssembler.specialty("C_170", national), PackAssembler.specialty("C_171", national)),
                specialties.funnel().points().stream().map(FunnelPoint::unit).toList(),
                "specialties by name and code, as the pack names them");
        assertTrue(specialties.funnel().points().get(0).unit().endsWith(" (C_170)"));
    }

    @Test
    void aPublishedPackHidesUnitsWithSmallCountsButCountsThemInTheTotal() throws IOException {
        CheckedConfig config = config("""
                  - {id: cancel, measure: cancellation_rate, unit: {type: site, code: RR803}, units: proportion,
                     compare: [site], compare_months: 1}
                """);
        List<SeriesRow> rows = List.of(row("site", "RR801", PERIOD, 10, 200), row("site", "RR802", PERIOD, 30, 300),
                row("site", "RR803", PERIOD, 2, 100));
        Comparison sites = Comparisons.ofTrust(config, PERIOD, rows, new SmallNumbers(7),
                TreatmentFunctions.national(), BUILT_IN).comparisons().get(0);
        assertEquals(Set.of("RR803"), sites.hidden(), "2 cancellations is a small number");
        assertEquals(42.0 / 600, sites.funnel().target(), 1e-15);
        assertEquals("RR803", sites.highlight(), "the measure's own site");
    }

    @Test
    void fewerThanTwoUnitsWithCasesIsSaidAndNotDrawn() throws IOException {
        CheckedConfig config = config("""
                  - {id: cancel, measure: cancellation_rate, unit: {type: trust, code: RR8}, units: proportion,
                     title: Cancellations, compare: [site, csu]}
                """);
        List<SeriesRow> rows = List.of(row("site", "RR801", PERIOD, 10, 200), row("csu", "Surgery", PERIOD, 0, 50),
                row("csu", "Medicine", PERIOD, 0, 70));
        Comparisons.Made made = Comparisons.ofTrust(config, PERIOD, rows, SmallNumbers.OFF,
                TreatmentFunctions.national(), BUILT_IN);
        assertEquals(List.of(), made.comparisons());
        assertEquals(List.of("Cancellations is not compared across sites: 1 of them had cases in Nov 2024 to Oct 2025, "
                + "and a funnel plot needs two or more", "Cancellations is not compared across CSUs over Nov 2024 to "
                + "Oct 2025: every one of them is at 0, so there is nothing to tell them apart"),
                made.skipped());
    }

    /** A waiting list is a month-end snapshot of the same patients: its funnel is the month's, never a sum. */
    @Test
    void aWaitingListIsComparedOnTheMonthsSnapshot() throws IOException {
        CheckedConfig config = config("""
                  - {id: within18, measure: wl_within_18_weeks, unit: {type: trust, code: RR8}, units: proportion,
                     improvement: increase, compare: [site]}
                """);
        List<SeriesRow> rows = new ArrayList<>();
        for (int back = 0; back < 12; back++) {
            for (String site : List.of("RR801", "RR802")) {
                rows.add(new SeriesRow("wl_within_18_weeks", "site", site, PERIOD.minusMonths(back).atEndOfMonth(),
                        0.6, 600.0, 1000.0, null));
            }
        }
        Comparison sites = Comparisons.ofTrust(config, PERIOD, rows, SmallNumbers.OFF, TreatmentFunctions.national(),
                BUILT_IN).comparisons().get(0);
        assertTrue(sites.snapshot());
        assertEquals("Oct 2025", sites.span());
        assertEquals(1000, point(sites, "RR801").denominator(), "October's list, not twelve lists added up");
    }

    @Test
    void onlyARateComputedForTheUnitsCanBeCompared() throws IOException {
        MeasureCatalogue catalogue = MeasureCatalogue.builtIn();
        CheckedConfig count = config("""
                  - {id: list, measure: wl_size, unit: {type: trust, code: RR8}, units: proportion, compare: [site]}
                """);
        assertEquals(List.of("measure 'list' compares its units, but catalogue measure wl_size is a count: a funnel "
                + "plot compares a rate (a numerator over a denominator)"), Comparisons.problems(
                        count.measures().get(0), catalogue.get("wl_size").orElseThrow()));
        CheckedConfig rate = config("""
                  - {id: cancel, measure: cancellation_rate, unit: {type: trust, code: RR8}, units: proportion,
                     compare: [csu]}
                """);
        assertEquals(List.of(), Comparisons.problems(rate.measures().get(0),
                catalogue.get("cancellation_rate").orElseThrow()));
    }

    @Test
    void aSystemComparesItsTrustsOnTheRatesTheyShare() throws IOException {
        CheckedConfig rr8 = config("""
                  - {id: cancel, measure: cancellation_rate, unit: {type: trust, code: RR8}, units: proportion,
                     improvement: decrease, title: Cancellation rate}
                """);
        Path other = home.resolve("rae.yaml");
        Files.writeString(other, """
                trust: {code: RAE, name: Another trust}
                sources: [{name: theatres, kind: cancellations, paths: [x]}]
                measures:
                  - {id: canc, measure: cancellation_rate, unit: {type: trust, code: RAE}, units: proportion,
                     improvement: decrease}
                """);
        CheckedConfig rae = ConfigCheck.check(ConfigReader.read(other), other);
        List<SeriesRow> rr8Rows = List.of(row("trust", "RR8", PERIOD, 40, 500), row("site", "RR801", PERIOD, 40, 500));
        List<SeriesRow> raeRows = List.of(row("trust", "RAE", PERIOD, 90, 600), row("trust", "RAE",
                PERIOD.minusMonths(12), 1, 1000));
        Comparisons.Made made = Comparisons.ofSystem(List.of(new Comparisons.Member("RR8", rr8, rr8Rows, MeasureCatalogue.builtIn()),
                new Comparisons.Member("RAE", rae, raeRows, MeasureCatalogue.builtIn())), PERIOD, SmallNumbers.OFF);
        assertEquals(1, made.comparisons().size());
        Comparison trusts = made.comparisons().get(0);
        assertEquals("cancellation_rate:trust", trusts.id());
        assertEquals(List.of("RR8.cancel", "RAE.canc"), trusts.measureIds());
        assertEquals("Cancellation rate", trusts.title());
        assertEquals(130.0 / 1100, trusts.funnel().target(), 1e-15, "the 12 months only");
        assertEquals(List.of("RAE", "RR8"), trusts.funnel().points().stream().map(FunnelPoint::unit).toList());
    }

    private static FunnelPoint point(Comparison c, String unit) {
        return c.funnel().points().stream().filter(p -> p.unit().equals(unit)).findFirst().orElseThrow();
    }
}
