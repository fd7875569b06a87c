package kpo.reports.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kpo.reports.MeasureReport;
import kpo.reports.SmallNumbers;
import kpo.reports.Unit;
import kpo.spc.ChartResult;
import kpo.spc.ChartSpec;
import kpo.spc.Observation;
import kpo.spc.Spc;
import org.junit.jupiter.api.Test;

/** Restated values: changed, late and withdrawn points up to the earlier pack's last period. */
class RestatementTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final ChartSpec SPEC = ChartSpec.of(kpo.spc.ChartType.XMR);

    private static ChartResult chart(double... values) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            observations.add(Observation.of(START.plusMonths(i), values[i]));
        }
        return Spc.chart(SPEC, observations);
    }

    private static MeasureReport measure(ChartResult now, ChartResult before) {
        return MeasureReport.builder("paeds", "Paediatric list", Unit.COUNT, now).previous(before).build();
    }

    @Test
    void aChangedValueIsRestatedWithBothFigures() {
        MeasureReport m = measure(chart(1109, 566, 230, 214, 209), chart(1109, 566, 212, 214));
        List<Restatement> restated = Restatement.of(m);
        assertEquals(1, restated.size(), "March changed; May is new, not restated");
        assertEquals(START.plusMonths(2), restated.get(0).period());
        assertEquals("Mar 2025: reported 212, now 230", restated.get(0).describe(m, SmallNumbers.OFF));
        List<Change> changes = Changes.of(m).stream().filter(c -> c.kind() == Change.Kind.RESTATED).toList();
        assertEquals(1, changes.size());
        assertEquals(Change.Level.WATCH, changes.get(0).level());
        assertTrue(changes.get(0).text().startsWith("1 earlier value restated: Mar 2025: reported 212, now 230"),
                changes.get(0).text());
    }

    @Test
    void lateAndWithdrawnValuesAreRestatedToo() {
        MeasureReport m = measure(chart(100, 101, Double.NaN, 103), chart(100, Double.NaN, 102, 103));
        List<Restatement> restated = Restatement.of(m);
        assertEquals(2, restated.size());
        assertNull(restated.get(0).before(), "February was missing, now 101");
        assertEquals("Feb 2025: not reported, now 101", restated.get(0).describe(m, SmallNumbers.OFF));
        assertNull(restated.get(1).now());
        assertEquals("Mar 2025: reported 102, now withdrawn", restated.get(1).describe(m, SmallNumbers.OFF));
    }

    @Test
    void identicalChartsRestateNothingAndSmallNumbersStayHidden() {
        assertTrue(Restatement.of(measure(chart(5, 6, 7), chart(5, 6, 7))).isEmpty());
        assertTrue(Restatement.of(measure(chart(5, 6, 7), null)).isEmpty(), "no earlier pack");
        MeasureReport small = measure(chart(20, 30, 9), chart(20, 30, 6));
        assertEquals("Mar 2025: reported *, now *", Restatement.of(small).get(0).describe(small, new SmallNumbers(7)),
                "6 is small, so 9 beside it would tell the reader the change");
    }
}
