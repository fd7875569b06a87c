package kpo.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import kpo.reports.fixtures.FixturePack;
import kpo.reports.pages.PackPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A CSU's pack: its local A3s and its measures, the specialties at a glance, no trust reconciliation. */
class CsuPackPdfTest {

    private static BoardPack pack;
    private static PdfInspector medicine;

    @BeforeAll
    static void render() {
        pack = FixturePack.trust();
        medicine = new PdfInspector(BoardPackPdf.csu(pack, "Medicine"));
    }

    @Test
    void listsTheCsusThatHaveMeasuresOrA3s() {
        assertEquals(List.of("Children's", "Medicine", "Surgery"), pack.csus());
    }

    @Test
    void showsTheLocalA3AlignedToItsTrustCommitment() {
        int a3 = medicine.destinations().get(PackPlan.destination(pack.commitment("MED-1").orElseThrow()));
        String text = medicine.text(a3);
        assertTrue(text.contains("Medicine: flow from the rapid assessment unit"), text);
        assertTrue(text.contains("Medicine CSU A3, aligned to trust commitment C3: Timely emergency care"), text);
        assertTrue(medicine.bookmarks().contains("Local A3s"));
        assertEquals(-1, medicine.pageWith("No child waits longer than they need to"),
                "another CSU's or the trust's A3s are not in it");
    }

    @Test
    void hasAPageForEachOfItsMeasuresAndNoOthers() {
        Map<String, Integer> destinations = medicine.destinations();
        List<MeasureReport> own = pack.measures().stream().filter(m -> "Medicine".equals(m.csu())).toList();
        for (MeasureReport m : own) {
            assertTrue(destinations.containsKey(PackPlan.destination(m)), m.id());
        }
        assertTrue(!destinations.containsKey("measure:wl_paeds"));
        assertEquals(own.size(), destinations.keySet().stream().filter(d -> d.startsWith("measure:")).count());
    }

    @Test
    void groupsItsSmallMultiplesBySpecialtyAndLeavesOutTheTrustReconciliation() {
        assertTrue(medicine.pageWith("Emergency Medicine: measures by signal") > 0);
        assertEquals(-1, medicine.pageWith("Difference (published"));
        assertTrue(medicine.text(1).contains("Medicine CSU pack: improvement and performance"), medicine.text(1));
        assertEquals("Northdale Teaching Hospitals NHS Foundation Trust: Medicine CSU pack, October 2025",
                medicine.info().get("Title"));
    }

    @Test
    void isDeterministicToo() {
        assertArrayEquals(BoardPackPdf.csu(pack, "Children's"), BoardPackPdf.csu(FixturePack.trust(), "Children's"));
    }

    @Test
    void packsRenderedInParallelAreTheSameAsOneByOne() {
        List<byte[]> sequential = pack.csus().stream().map(csu -> BoardPackPdf.csu(pack, csu)).toList();
        List<byte[]> parallel = pack.csus().parallelStream().map(csu -> BoardPackPdf.csu(pack, csu)).toList();
        for (int i = 0; i < sequential.size(); i++) {
            assertArrayEquals(sequential.get(i), parallel.get(i), pack.csus().get(i));
        }
    }

    @Test
    void anUnknownCsuIsRefusedWithTheKnownOnes() {
        String message = assertThrows(IllegalArgumentException.class, () -> BoardPackPdf.csu(pack, "Estates"))
                .getMessage();
        assertEquals("CSU 'Estates' has no measures or local A3s in the pack; the CSUs are [Children's, Medicine, "
                + "Surgery]", message);
    }
}
