package kpo.reports.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import kpo.reports.Comparison;
import kpo.reports.SmallNumbers;
import kpo.reports.Unit;
import kpo.reports.fixtures.FixturePack;
import kpo.spc.Improvement;
import kpo.spc.funnel.Funnel;
import kpo.spc.funnel.FunnelKind;
import kpo.spc.funnel.FunnelPoint;
import kpo.spc.funnel.FunnelSpec;
import kpo.spc.funnel.FunnelUnit;
import kpo.spc.funnel.Overdispersion;
import org.junit.jupiter.api.Test;

/**
 * What a funnel page says: every unit beyond a limit named with the limit it passes, "worse" and
 * "better" only beyond the widest limits and on the measure's better or worse side, a unit beyond
 * the 95% limits only never called worse, small numbers hidden, and the overdispersion named.
 */
class ComparisonTextTest {

    /**
     * The fixture's twelve specialties: 426 cancellations of 9,620 cases, 4.43%. By hand, with
     * s = √(θ(1 − θ)/n): Trauma and Orthopaedics 118/1,710, z = 4.97; Vascular Surgery 19/180, z = 4.32;
     * Ophthalmology 44/2,350, z = −6.02 (all beyond 3.09, the 99.8% quantile); Paediatric Surgery
     * 28/390, z = 2.64 (beyond 1.96 only).
     */
    private static final Comparison SPECIALTIES = FixturePack.comparisons().get(0);
    private static final Comparison SITES = FixturePack.comparisons().get(1);

    @Test
    void namesEveryUnitBeyondTheWidestLimitsWithTheLimitAndWhichSideIsWorse() {
        List<String> sentences = ComparisonText.sentences(SPECIALTIES);
        assertEquals("The 12 specialties together: 4.4% over Nov 2024 to Oct 2025. Each specialty is compared with "
                + "that, allowing for its size: the smaller a specialty, the wider the limits chance alone allows it.",
                sentences.get(0));
        assertEquals("Above the 99.8% limit, higher than chance explains for their size, and so worse: Trauma and "
                + "Orthopaedics (6.9% of 1,710); Vascular Surgery (10.6% of 180).", sentences.get(1));
        assertEquals("Below the 99.8% limit, lower than chance explains for its size, and so better: Ophthalmology "
                + "(1.9% of 2,350).", sentences.get(2));
        assertEquals("Beyond the 95% limits but within the 99.8%, where chance alone puts about 1 specialty in 20: "
                + "Paediatric Surgery (7.2% of 390), higher. Worth watching; not on its own a difference.",
                sentences.get(3));
        assertEquals("The other 8 lie within the 95% limits.", sentences.get(4));
    }

    @Test
    void callsNoUnitWorseOrBetterWithoutTheWidestLimitThatSaysSo() {
        for (Comparison c : FixturePack.comparisons()) {
            for (String sentence : ComparisonText.sentences(c)) {
                if (sentence.contains("worse") || sentence.contains("better")) {
                    assertTrue(sentence.contains("99.8% limit"), sentence);
                }
            }
        }
        FunnelPoint paediatric = point(SPECIALTIES, "Paediatric Surgery");
        assertEquals(0.95, paediatric.beyond());
        assertFalse(SPECIALTIES.worse(paediatric), "beyond 95% only");
        assertEquals("above 95%", ComparisonText.position(SPECIALTIES, paediatric));
        assertEquals("above 99.8%: worse", ComparisonText.position(SPECIALTIES, point(SPECIALTIES, "Vascular Surgery")));
        assertEquals("below 99.8%: better", ComparisonText.position(SPECIALTIES, point(SPECIALTIES, "Ophthalmology")));
        assertEquals("within", ComparisonText.position(SPECIALTIES, point(SPECIALTIES, "ENT")));
    }

    @Test
    void aMeasureWithNoBetterDirectionIsHigherOrLowerNeverWorse() {
        Comparison neutral = new Comparison("x", List.of(), SPECIALTIES.title(), "specialty", SPECIALTIES.span(), false,
                Unit.PROPORTION, 1, Improvement.NEUTRAL, null, SPECIALTIES.funnel(), Set.of());
        String all = String.join(" ", ComparisonText.sentences(neutral));
        assertTrue(all.contains("Above the 99.8% limit, higher than chance explains for their size: Trauma"), all);
        assertFalse(all.contains("worse") || all.contains("better"), all);
        // A measure where higher is better turns the sides round.
        Comparison higherBetter = new Comparison("x", List.of(), SPECIALTIES.title(), "specialty", SPECIALTIES.span(), false,
                Unit.PROPORTION, 1, Improvement.INCREASE, null, SPECIALTIES.funnel(), Set.of());
        assertTrue(String.join(" ", ComparisonText.sentences(higherBetter)).contains("and so better: Trauma"));
    }

    @Test
    void unitsWithinEveryLimitAreSaidToDifferByChanceAndTheMeasuresOwnUnitIsNamed() {
        List<String> sentences = ComparisonText.sentences(SITES);
        assertEquals("The 5 sites together: 241 per 1,000 over Nov 2024 to Oct 2025. Each site is compared with "
                + "that, allowing for its size: the smaller a site, the wider the limits chance alone allows it.",
                sentences.get(0));
        assertEquals("Every site lies within the 95% limits: the differences between them are no more than chance "
                + "explains, given their sizes.", sentences.get(1));
        assertEquals("RXZ02 Eastfield, this measure's site, is among them at 234 per 1,000.", sentences.get(2));
    }

    @Test
    void hiddenUnitsShowAsAStarAndAreCounted() {
        Comparison published = new Comparison("x", List.of(), SPECIALTIES.title(), "specialty", SPECIALTIES.span(), false,
                Unit.PROPORTION, 1, Improvement.DECREASE, null, SPECIALTIES.funnel(),
                Set.of("Breast Surgery", "Vascular Surgery"));
        assertEquals(SmallNumbers.SYMBOL, ComparisonText.value(published, point(published, "Breast Surgery")));
        assertEquals(SmallNumbers.SYMBOL, ComparisonText.position(published, point(published, "Vascular Surgery")));
        String all = String.join(" ", ComparisonText.sentences(published));
        assertFalse(all.contains("Vascular Surgery") || all.contains("Breast Surgery"), all);
        assertTrue(all.contains("2 specialties have a small count, suppressed in published outputs"), all);
        assertTrue(all.contains("and so worse: Trauma and Orthopaedics (6.9% of 1,710)."), all);
    }

    @Test
    void overdispersionIsNamedAndTestedAgainstChiSquared() {
        // φ = 3.62 on 12 units: 12 × 3.62 = 43 against χ²(11)'s 95th percentile, 19.7.
        assertEquals(3.62, SPECIALTIES.funnel().phi(), 0.005);
        assertTrue(ComparisonText.overdispersion(SPECIALTIES).startsWith("The specialties vary more than chance "
                + "alone would make them (φ = 3.62, against 1 for chance)"));
        // φ = 0.43 on 5 sites is within chance.
        assertTrue(ComparisonText.overdispersion(SITES).startsWith("They vary about as much as chance alone"));
        Comparison additive = new Comparison("x", List.of(), SPECIALTIES.title(), "specialty", SPECIALTIES.span(), false,
                Unit.PROPORTION, 1, Improvement.DECREASE, null, Funnel.of(FunnelSpec.of(FunnelKind.PROPORTION)
                        .overdispersion(Overdispersion.ADDITIVE), units(SPECIALTIES)), Set.of());
        assertEquals("The limits allow for specialties varying more than chance alone (φ = 3.62): widened by the "
                + "variation between specialties beyond chance (additive random effects, Spiegelhalter 2005).",
                ComparisonText.overdispersion(additive));
        // Wider limits: Vascular Surgery, small, is no longer beyond the 99.8% limit.
        assertFalse(additive.worse(point(additive, "Vascular Surgery")));
    }

    @Test
    void aSnapshotIsTheMonthsNotASumOverMonths() {
        Comparison snapshot = new Comparison("x", List.of(), "Pathways within 18 weeks", "site", "Oct 2025", true,
                Unit.PROPORTION, 1, Improvement.INCREASE, null, SITES.funnel(), Set.of());
        assertTrue(ComparisonText.sentences(snapshot).get(0).startsWith("The 5 sites together: 24.1% at the end of "
                + "Oct 2025."), ComparisonText.sentences(snapshot).get(0));
    }

    @Test
    void theTextAlternativeSaysWhatIsPlottedAndWhatItShows() {
        String description = ComparisonText.description(SPECIALTIES);
        assertTrue(description.startsWith("Funnel plot of On-the-day elective cancellations by specialty, Nov 2024 "
                + "to Oct 2025: each specialty's value against its size"), description);
        assertTrue(description.contains("Vascular Surgery (10.6% of 180)"), description);
    }

    private static FunnelPoint point(Comparison c, String unit) {
        return c.funnel().points().stream().filter(p -> p.unit().equals(unit)).findFirst().orElseThrow();
    }

    private static List<FunnelUnit> units(Comparison c) {
        return c.funnel().points().stream().map(p -> new FunnelUnit(p.unit(), p.numerator(), p.denominator()))
                .toList();
    }
}
