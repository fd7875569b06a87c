package kpo.spc.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pareto counts worked by hand: grouping, order, the vital few at the 80% boundary, the "other" bar. */
class ParetoTest {

    private static List<String> times(String reason, int n) {
        return Collections.nCopies(n, reason);
    }

    private static List<String> reasons(Object... pairs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.addAll(times((String) pairs[i], (Integer) pairs[i + 1]));
        }
        return out;
    }

    @Test
    void groupsByTrimmedCaseFoldedTextAndShowsTheCommonestSpelling() {
        ParetoResult p = Pareto.of(List.of("No bed", " no bed", "NO BED ", "No bed", "No beds", "Straße",
                "STRASSE"), 10);
        assertEquals(7, p.total());
        assertEquals(3, p.distinct(), "'No beds' is another reason; ß folds to ss");
        assertEquals("No bed", p.items().get(0).reason());
        assertEquals(4, p.items().get(0).count());
        // STRASSE and Straße once each: the first in text order names the group.
        assertEquals("STRASSE", p.items().get(1).reason());
        assertEquals(2, p.items().get(1).count());
        assertEquals("No beds", p.items().get(2).reason());
    }

    @Test
    void ordersByCountThenByReasonAndCumulatesTheShares() {
        ParetoResult p = Pareto.of(reasons("b", 3, "a", 3, "c", 4), 10);
        assertEquals(List.of("c", "a", "b"), p.items().stream().map(ParetoItem::reason).toList());
        assertEquals(0.4, p.items().get(0).share(), 1e-12);
        assertEquals(0.7, p.items().get(1).cumulative(), 1e-12);
        assertEquals(1.0, p.items().get(2).cumulative(), 1e-12);
        assertEquals(List.of(1, 2, 3), p.items().stream().map(ParetoItem::rank).toList());
    }

    @Test
    void theVitalFewAreCountedUntilTheyMakeEightyPercent() {
        // 50 + 30 = 80 exactly: the third is not needed.
        ParetoResult exact = Pareto.of(reasons("a", 50, "b", 30, "c", 15, "d", 5), 10);
        assertEquals(List.of("a", "b"), exact.vitalFew());
        assertTrue(exact.items().get(1).vital());
        assertFalse(exact.items().get(2).vital());
        // 50 + 29 = 79: one more reason is needed to reach 80.
        ParetoResult under = Pareto.of(reasons("a", 50, "b", 29, "c", 16, "d", 5), 10);
        assertEquals(List.of("a", "b", "c"), under.vitalFew());
        // One reason alone can be the vital few.
        assertEquals(List.of("a"), Pareto.of(reasons("a", 9, "b", 1), 10).vitalFew());
    }

    @Test
    void pastTheTopTheRestAreOneOtherBarLast() {
        ParetoResult p = Pareto.of(reasons("a", 40, "b", 20, "c", 10, "d", 9, "e", 8, "f", 7, "g", 6), 3);
        assertEquals(4, p.items().size());
        ParetoItem other = p.items().get(3);
        assertTrue(other.other());
        assertEquals("Other (4 reasons)", other.reason());
        assertEquals(30, other.count());
        assertEquals(4, other.rank());
        assertEquals(1.0, other.cumulative(), 1e-12);
        assertFalse(other.vital());
        // Of 100: 40 + 20 + 10 = 70 and + 9 = 79, both under 80, so d and e are vital too, beyond the
        // bars shown, and the list says so; f comes after 87.
        assertEquals(List.of("a", "b", "c", "d", "e"), p.vitalFew());
    }

    @Test
    void oneReasonPastTheTopIsShownByName() {
        ParetoResult p = Pareto.of(reasons("a", 3, "b", 2, "c", 1), 2);
        assertEquals(List.of("a", "b", "c"), p.items().stream().map(ParetoItem::reason).toList());
    }

    @Test
    void aBlankReasonIsCountedNotDropped() {
        ParetoResult p = Pareto.of(List.of("", "  ", "No bed"), 10);
        assertEquals(3, p.total());
        assertEquals(Pareto.NO_REASON, p.items().get(0).reason());
        assertEquals(2, p.items().get(0).count());
    }

    @Test
    void countedRowsAddUpAndNothingIsEmpty() {
        ParetoResult p = Pareto.ofCounts(List.of(new Pareto.Count("No bed", 5), new Pareto.Count("no bed", 2),
                new Pareto.Count("Surgeon", 3), new Pareto.Count("Theatre overrun", 0)), 10);
        assertEquals(10, p.total());
        assertEquals(7, p.items().get(0).count());
        assertEquals(3, p.distinct(), "a reason counted 0 times is a reason");
        ParetoResult none = Pareto.of(List.of(), 10);
        assertEquals(0, none.total());
        assertTrue(none.items().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new Pareto.Count("x", -1));
        assertThrows(IllegalArgumentException.class, () -> Pareto.of(List.of("a"), 0));
    }
}
