package kpo.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import kpo.reports.fixtures.FixturePack;
import kpo.reports.fixtures.Series;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import org.junit.jupiter.api.Test;

/** The input model refuses what would print a wrong pack, with a message for the person who set it up. */
class ModelTest {

    private static MeasureReport measure(String id) {
        return Series.measure(id, Unit.COUNT, ChartSpec.of(ChartType.XMR), Series.monthly(LocalDate.of(2025, 1, 1),
                1, 2, 3)).build();
    }

    private static String message(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    @Test
    void measureIdsAreUniqueAndSafeForLinksAndFileNames() {
        assertEquals("measure id 'a' is used twice", message(() -> new BoardPack(FixturePack.TRUST,
                YearMonth.of(2025, 10), LocalDate.of(2025, 10, 31), List.of(), List.of(measure("a"), measure("a")),
                List.of(), List.of())));
        assertTrue(message(() -> measure("a b")).startsWith("measure id 'a b' may use only letters, digits"));
    }

    @Test
    void commitmentsNameMeasuresThatExist() {
        Commitment c = Commitment.trust("C1", "Title", "Sponsor", "", "", List.of("missing"), List.of(), List.of());
        assertEquals("commitment C1 lists measure 'missing', which is not in the pack", message(() -> new BoardPack(
                FixturePack.TRUST, YearMonth.of(2025, 10), LocalDate.of(2025, 10, 31), List.of(c),
                List.of(measure("a")), List.of(), List.of())));
    }

    @Test
    void everyRowReadIsAcceptedOrRejected() {
        assertEquals("PTL: rows accepted (90) + rejected (5) must equal rows read (100)", message(() ->
                new SourceQuality("PTL", "", 100, 90, List.of(new RejectCount("dup", "", 5)), null, List.of(), false)));
    }

    @Test
    void requiredTextIsNotBlank() {
        assertEquals("trust name is required and must not be blank", message(() -> new Trust("RXZ", " ")));
        assertTrue(message(() -> new PdsaCycle(1, "x", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1),
                PdsaCycle.Stage.DO, null, "")).contains("ends (2025-01-01) before it starts"));
    }

    @Test
    void reconciliationKeepsTheUnexplainedPart() {
        Reconciliation r = new Reconciliation("WL", YearMonth.of(2025, 10), "NHS England", "", 100, 130,
                List.of(new ReconciliationItem(ReconciliationItem.Cause.REJECTED_AT_INGEST, "duplicates", 20)),
                List.of());
        assertEquals(30, r.difference());
        assertEquals(10, r.unexplained());
    }

    @Test
    void aCountermeasurePastDueAndNotDoneIsOverdue() {
        Countermeasure cm = new Countermeasure("x", "o", LocalDate.of(2025, 9, 30), Countermeasure.Status.IN_PROGRESS);
        assertTrue(cm.overdue(LocalDate.of(2025, 10, 31)));
        assertTrue(!new Countermeasure("x", "o", LocalDate.of(2025, 9, 30), Countermeasure.Status.DONE)
                .overdue(LocalDate.of(2025, 10, 31)));
    }

    @Test
    void csuFileNamesAreSafe() {
        assertEquals("childrens.pdf", BoardPackPdf.fileName("Children's"));
        assertEquals("women-and-children.pdf", BoardPackPdf.fileName("Women & Children"));
    }
}
