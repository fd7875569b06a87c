package kpo.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kpo.spc.ChartResult;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Observation;
import kpo.spc.Spc;
import org.junit.jupiter.api.Test;

/** Which values small-number suppression hides, at its edges. */
class SmallNumbersTest {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);

    @Test
    void countsOfOneToTheThresholdAreHiddenZeroAndAboveAreNot() {
        SmallNumbers nhs = new SmallNumbers(SmallNumbers.NHS_THRESHOLD);
        assertFalse(nhs.hides(0), "zero discloses nobody");
        assertTrue(nhs.hides(1));
        assertTrue(nhs.hides(7));
        assertFalse(nhs.hides(8));
        assertFalse(nhs.hides(Double.NaN));
        assertFalse(SmallNumbers.OFF.hides(3), "off hides nothing");
        assertTrue(new SmallNumbers(10).hides(10), "the threshold is configurable");
        assertEquals("counts of 1–7", nhs.describe());
    }

    @Test
    void onlyCountsAndTheNumeratorsAndDenominatorsOfRatesAreHidden() {
        SmallNumbers nhs = new SmallNumbers(7);
        assertTrue(nhs.hides(Unit.COUNT, 5, Double.NaN));
        assertFalse(nhs.hides(Unit.DAYS, 5, Double.NaN), "a median of 5 days is not a count of people");
        assertTrue(nhs.hides(Unit.PROPORTION, 3, 40), "a small numerator");
        assertTrue(nhs.hides(Unit.PROPORTION, 0, 6), "a small denominator: 0 of 6 is still about 6 people");
        assertFalse(nhs.hides(Unit.PROPORTION, 0, 40));
        assertFalse(nhs.hides(Unit.PROPORTION, 12, 40));
    }

    @Test
    void theHiddenPeriodsOfAChartAreThoseWithSmallCounts() {
        double[] counts = {12, 9, 7, 0, 15, 1, 22, 8};
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            observations.add(Observation.of(START.plusMonths(i), counts[i]));
        }
        observations.add(Observation.of(START.plusMonths(counts.length), Double.NaN));
        ChartResult chart = Spc.chart(ChartSpec.of(ChartType.C), observations);
        List<LocalDate> hidden = new SmallNumbers(7).hiddenPeriods(Unit.COUNT, chart);
        assertEquals(List.of(START.plusMonths(2), START.plusMonths(5)), hidden, "7 and 1; not 0, 8 or the missing point");
        MeasureReport m = MeasureReport.builder("c", "Cancellations", Unit.COUNT, chart).build().hiding(hidden);
        assertTrue(m.suppressed());
        assertTrue(m.hidden(START.plusMonths(5)));
        assertFalse(m.hidden(START));
        assertTrue(SmallNumbers.OFF.hiddenPeriods(Unit.COUNT, chart).isEmpty());
    }
}
