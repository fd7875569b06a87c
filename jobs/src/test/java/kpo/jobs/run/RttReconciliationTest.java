package kpo.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import kpo.ingest.nhs.TreatmentFunctions;
import kpo.jobs.cli.UserError;
import kpo.reports.Reconciliation;
import kpo.reports.ReconciliationRow;
import kpo.ingest.measures.SeriesRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The waiting list set beside a published RTT provider file built here, figure by figure. */
class RttReconciliationTest {

    @TempDir
    Path dir;

    private static SeriesRow row(String measure, String unitType, String unit, LocalDate period, double value) {
        return SeriesRow.value(measure, unitType, unit, period, value);
    }

    @Test
    void theLatestPublishedMonthIsSetBesideTheEnginesSnapshotOfThatMonth() throws IOException {
        YearMonth sep = YearMonth.of(2025, 9);
        YearMonth oct = YearMonth.of(2025, 10);
        Path file = dir.resolve("rtt.csv");
        // Two commissioners for C_110 (the reader sums them), one for X04 (Other - Paediatric Services), a
        // national code the return never holds (C_420: rejected by the reader), another provider ignored,
        // and a later month (November) that the October pack must not use.
        RttProviderFixture.write(file, List.of(
                new RttProviderFixture.Line(sep, "RR8", "15F", "C_110", RttProviderFixture.bands(3, 90, 60, 4)),
                new RttProviderFixture.Line(sep, "RR8", "03G", "C_110", RttProviderFixture.bands(10, 30, 70, 2)),
                new RttProviderFixture.Line(sep, "RR8", "15F", "C_420", RttProviderFixture.bands(1, 50, 2, 0)),
                new RttProviderFixture.Line(sep, "RR8", "15F", "X04", RttProviderFixture.bands(1, 12, 2, 0)),
                new RttProviderFixture.Line(sep, "RR8", "15F", "C_999", RttProviderFixture.bands(3, 170, 60, 6)),
                new RttProviderFixture.Line(sep, "RAE", "15F", "C_999", RttProviderFixture.bands(3, 999, 60, 99)),
                new RttProviderFixture.Line(YearMonth.of(2025, 11), "RR8", "15F", "C_999",
                        RttProviderFixture.bands(3, 1, 60, 1))));
        LocalDate early = LocalDate.of(2025, 9, 7);
        LocalDate last = LocalDate.of(2025, 9, 28);
        List<SeriesRow> series = List.of(
                row("wl_size", "trust", "RR8", early, 500),
                row("wl_size", "trust", "RR8", last, 171),
                row("wl_size", "specialty", "C_110", last, 121),
                row("wl_size", "specialty", "C_420", last, 48),
                row("wl_size", "specialty", "C_300", last, 2),
                row("wl_size", "specialty", "C_171", last, 7),
                row("wl_size", "specialty", "C_214", last, 3),
                row("wl_size", "specialty", "C_850", last, 1),
                row("wl_size", "specialty", "C_110", early, 400),
                row("wl_52_plus", "trust", "RR8", last, 6),
                row("wl_52_plus", "specialty", "C_110", last, 6),
                row("wl_size", "trust", "RR8", oct.atDay(5), 180));

        // The extracts' own codes are added up by the group the return reports them in: 420 Paediatrics
        // in X02 (Other - Medical Services), 171 Paediatric Surgery and 214 Paediatric Trauma and
        // Orthopaedics in X04, and the trust's local code 850 in the group the config gives it.
        TreatmentFunctions codes = TreatmentFunctions.national().withLocal(List.of(
                new TreatmentFunctions.Code("850", "Hospital at Home", "X02")));
        List<Reconciliation> out = RttReconciliation.of(file, "RR8", oct, series, codes);

        assertEquals(2, out.size());
        Reconciliation size = out.get(0);
        assertEquals(sep, size.month(), "October's return is not out: September's is compared");
        assertEquals(171, size.engineTotal(), "the month's last snapshot");
        assertEquals(176, size.publishedTotal(), "the provider's C_999 row: 170 + 6");
        assertEquals(5, size.difference());
        assertEquals(5, size.unexplained(), "nothing is explained away");
        assertTrue(size.engineDefinition().contains("28 Sep 2025"), size.engineDefinition());
        assertEquals(List.of("C_110", "C_300", "X02", "X04"), size.rows().stream().map(ReconciliationRow::code)
                .toList());
        assertEquals(48 + 1, size.rows().get(2).engine(), "C_420 and the local C_850 in X02");
        assertEquals(7 + 3, size.rows().get(3).engine(), "C_171 and C_214 in X04");
        assertEquals(12, size.rows().get(3).published());
        assertEquals(0, size.rows().get(2).published(), "the return's C_420 row is not a group of the return");
        ReconciliationRow t110 = size.rows().get(0);
        assertEquals(121, t110.engine());
        assertEquals(90 + 4 + 30 + 2, t110.published(), "summed over both commissioners");
        assertEquals(0, size.rows().get(1).published(), "a treatment function only the engine has");
        Reconciliation weeks52 = out.get(1);
        assertEquals(6, weeks52.engineTotal());
        assertEquals(6, weeks52.publishedTotal(), "bands 52 and above: the 6 in band 60");
    }

    @Test
    void aFileWithoutTheTrustIsAClearError() throws IOException {
        Path file = dir.resolve("other.csv");
        RttProviderFixture.write(file, List.of(new RttProviderFixture.Line(YearMonth.of(2025, 9), "RAE", "15F",
                "C_999", RttProviderFixture.bands(3, 10, 60, 1))));
        UserError e = assertThrows(UserError.class, () -> RttReconciliation.of(file, "RR8", YearMonth.of(2025, 10),
                List.of(), kpo.ingest.nhs.TreatmentFunctions.national()));
        assertTrue(e.getMessage().contains("no incomplete-pathway (Part_2) rows for provider RR8"), e.getMessage());
    }
}
