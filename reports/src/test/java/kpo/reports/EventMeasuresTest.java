package kpo.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import kpo.reports.narrative.EventText;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import kpo.spc.Observation;
import kpo.spc.Spc;
import org.junit.jupiter.api.Test;

/**
 * Re-measures on fixtures with known values: the baseline as the median of the months before the
 * event, the 30, 60 and 90-day values as the months that hold those days, one not yet due shown as
 * due on its date, one due with no data, held and not held against the target, individual values
 * as the median of the month's values, and special cause improvement since the event.
 */
class EventMeasuresTest {

    /** An RPIW in the week of 14 Oct 2024: 30 days is 13 Nov, 60 days 13 Dec, 90 days 12 Jan 2025. */
    private static final LocalDate EVENT = LocalDate.of(2024, 10, 14);

    /** A monthly cancellation count from Jan 2024: {@code values} in order, NaN for a missing month. */
    private static MeasureReport monthly(double... values) {
        List<Observation> series = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            series.add(Observation.of(YearMonth.of(2024, 1).plusMonths(i).atDay(1), values[i]));
        }
        return MeasureReport.builder("canc", "Cancelled operations", Unit.COUNT, Spc.chart(ChartSpec.of(ChartType.XMR)
                .improvement(Improvement.DECREASE), series)).build();
    }

    // Jan–Sep 2024, then Oct 2024 (the event's month), Nov, Dec, Jan 2025, Feb.
    private static final double[] VALUES = {30, 28, 33, 31, 29, 35, 27, 32, 30, 26, 12, 9, 8, 10};

    @Test
    void theBaselineIsTheMedianOfTheMonthsBeforeAndEachReMeasureTheMonthHoldingItsDay() {
        EventMeasure em = sustained(monthly(VALUES), null, 10, LocalDate.of(2025, 2, 28));
        // Apr–Sep 2024: 31, 29, 35, 27, 32, 30 → sorted 27 29 30 31 32 35 → median 30.5.
        assertEquals(30.5, em.baseline());
        assertEquals("median of the 6 months before the event", em.baselineBasis());
        assertEquals(List.of(30, 60, 90), em.remeasures().stream().map(Remeasure::days).toList());
        Remeasure thirty = em.remeasure(30);
        assertEquals(LocalDate.of(2024, 11, 13), thirty.due());
        assertEquals(LocalDate.of(2024, 11, 1), thirty.period());
        assertEquals(12, thirty.value());
        assertEquals(9, em.remeasure(60).value());
        assertEquals(LocalDate.of(2025, 1, 12), em.remeasure(90).due());
        assertEquals(8, em.remeasure(90).value());
        assertTrue(em.held(em.remeasure(90)), "8 is at or below the target of 10");
        assertFalse(em.held(thirty), "12 is better than before but short of the target");
        assertEquals("better than before, short of target", EventText.verdict(em, thirty));
        assertTrue(em.improvementSinceEvent(), "a shift of eight months below the mean starts at the event");
        assertEquals(ImprovementEvent.Held.HELD, event(em).held());
        EventMeasure stricter = sustained(monthly(VALUES), null, 5, LocalDate.of(2025, 2, 28));
        assertEquals(ImprovementEvent.Held.IMPROVED, event(stricter).held(), "8 beats 30.5, short of 5");
        assertEquals("Better than before, short of target", EventText.held(event(stricter)));
    }

    @Test
    void aReMeasureNotYetDueIsShownAsDueOnItsDateNeverGuessed() {
        EventMeasure em = sustained(monthly(VALUES), null, 10, LocalDate.of(2024, 12, 31));
        assertEquals(Remeasure.State.MEASURED, em.remeasure(60).state());
        Remeasure ninety = em.remeasure(90);
        assertEquals(Remeasure.State.NOT_DUE, ninety.state());
        assertTrue(Double.isNaN(ninety.value()));
        assertNull(ninety.period());
        assertEquals("due 12 Jan 2025", EventText.cell(monthly(VALUES), ninety));
        ImprovementEvent event = event(em);
        assertEquals(ImprovementEvent.Held.NOT_YET, event.held());
        assertEquals("due 12 Jan 2025", EventText.held(event));
    }

    @Test
    void aReMeasureDueWithoutDataSaysSo() {
        double[] values = VALUES.clone();
        values[11] = Double.NaN; // December 2024 missing
        EventMeasure em = sustained(monthly(values), null, 10, LocalDate.of(2025, 2, 28));
        Remeasure sixty = em.remeasure(60);
        assertEquals(Remeasure.State.NO_DATA, sixty.state());
        assertEquals(LocalDate.of(2024, 12, 1), sixty.period());
        assertEquals("due; no data yet", EventText.verdict(em, sixty));
    }

    @Test
    void aChangeThatDidNotHoldIsNotHeld() {
        double[] values = VALUES.clone();
        values[12] = 31; // January 2025: back to where it was
        EventMeasure em = sustained(monthly(values), 29.0, 10, LocalDate.of(2025, 2, 28));
        assertEquals(29.0, em.baseline(), "a baseline the config gives is used as given");
        assertEquals("as set for the event", em.baselineBasis());
        assertEquals("no better than before", EventText.verdict(em, em.remeasure(90)));
        assertEquals(ImprovementEvent.Held.NOT_HELD, event(em).held());
    }

    @Test
    void individualValuesAreReMeasuredByTheMedianOfTheMonthsValues() {
        List<Observation> waits = new ArrayList<>();
        int sequence = 1;
        // Three posts a month from Apr 2024 to Feb 2025, each lead time given.
        double[][] months = {{80, 90, 100}, {85, 95, 70}, {90, 88, 92}, {100, 80, 96}, {94, 91, 89}, {87, 93, 99},
            {60, 55, 65}, {50, 58, 52}, {45, 47, 49}, {40, 44, 42}, {41, 39, 43}};
        for (int m = 0; m < months.length; m++) {
            for (int k = 0; k < 3; k++) {
                waits.add(Observation.individual(YearMonth.of(2024, 4).plusMonths(m).atDay(5 + 7 * k), sequence++,
                        months[m][k]));
            }
        }
        MeasureReport measure = MeasureReport.builder("posts", "Recruitment lead time", Unit.DAYS,
                Spc.chart(ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE), waits)).build();
        EventMeasure em = sustained(measure, null, 45, LocalDate.of(2025, 2, 28));
        // The last 6 values dated before 14 Oct 2024: 19 Aug (89), Sep (87, 93, 99), 5 and 12 Oct (60, 55);
        // sorted 55 60 87 89 93 99, median 88.
        assertEquals(88, em.baseline());
        assertEquals("median of the 6 values before the event", em.baselineBasis());
        Remeasure thirty = em.remeasure(30);
        assertEquals(3, thirty.points());
        assertEquals(52, thirty.value(), "November's 50, 58, 52");
        assertEquals(47, em.remeasure(60).value(), "December's 45, 47, 49");
        assertEquals(42, em.remeasure(90).value(), "January's 40, 44, 42");
        assertTrue(em.held(em.remeasure(90)));
    }

    @Test
    void aPlannedEventIsNotReMeasured() {
        EventMeasure em = EventMeasures.of(monthly(VALUES), EVENT, ImprovementEvent.Status.PLANNED, null, 6, 10,
                LocalDate.of(2025, 2, 28));
        assertEquals(List.of(Remeasure.State.NOT_DUE, Remeasure.State.NOT_DUE, Remeasure.State.NOT_DUE),
                em.remeasures().stream().map(Remeasure::state).toList(), "shown as due on their dates, never guessed");
        assertEquals(LocalDate.of(2024, 11, 13), em.remeasure(30).due());
        assertEquals(List.of(), EventMeasures.of(monthly(VALUES), EVENT, ImprovementEvent.Status.ABANDONED, null, 6,
                10, LocalDate.of(2025, 2, 28)).remeasures(), "an abandoned event is not re-measured");
        ImprovementEvent planned = new ImprovementEvent("E2", ImprovementEvent.Type.RPIW, "A workshop", EVENT, "C1",
                null, "", "", ImprovementEvent.Status.PLANNED, "", List.of(em));
        assertEquals(ImprovementEvent.Held.NONE, planned.held());
    }

    /** A measure of an event that ran (sustaining), its baseline from 6 points unless one is given. */
    private static EventMeasure sustained(MeasureReport measure, Double baseline, double target, LocalDate dataTo) {
        return EventMeasures.of(measure, EVENT, ImprovementEvent.Status.SUSTAINING, baseline, 6, target, dataTo);
    }

    private static ImprovementEvent event(EventMeasure em) {
        return new ImprovementEvent("E1", ImprovementEvent.Type.RPIW, "Cancellations RPIW", EVENT, "C1", null,
                "Sponsor", "Owner", ImprovementEvent.Status.SUSTAINING, "", List.of(em));
    }
}
