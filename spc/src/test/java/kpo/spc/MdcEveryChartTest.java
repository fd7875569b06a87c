package kpo.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Making Data Count rules on every control chart, each test on the chart's own centre, limits
 * and 2σ lines (cases worked by hand below), and the judgement that a chart's limits are out of
 * date, with the rebase the engine proposes and never applies.
 */
class MdcEveryChartTest {

    private static final LocalDate START = LocalDate.of(2023, 4, 1);

    private static List<Observation> monthly(double... values) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(Observation.of(START.plusMonths(i), values[i]));
        }
        return out;
    }

    private static List<Observation> proportions(double denominator, double... counts) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            out.add(Observation.of(START.plusMonths(i), counts[i], denominator));
        }
        return out;
    }

    private static List<Integer> flagged(ChartResult chart, Signal signal) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < chart.points().size(); i++) {
            if (chart.points().get(i).signals().contains(signal)) {
                out.add(i);
            }
        }
        return out;
    }

    @Nested
    class EveryControlChart {

        @ParameterizedTest
        @EnumSource(ChartType.class)
        void mdcAppliesToEveryChartWithProcessLimitsButTheMovingRange(ChartType chart) {
            boolean control = chart.hasLimits() && chart != ChartType.MR;
            assertEquals(control, RuleSet.MDC.appliesTo(chart), chart.code());
            assertEquals(control ? RuleSet.MDC : RuleSet.ANHOEJ, RuleSet.packDefaultFor(chart));
        }

        @Test
        void kpoSpcKeepsItsDocumentedDefaults() {
            assertEquals(RuleSet.MDC, RuleSet.defaultFor(ChartType.XMR));
            assertEquals(RuleSet.ANHOEJ, RuleSet.defaultFor(ChartType.P));
        }

        /**
         * P chart, n = 100 a month, 400 cancellations in 2,000: p̄ = 0.2, σ = sqrt(0.2·0.8/100) = 0.04,
         * so the 2σ line is 0.28 and the limit 0.32. The last three months (0.29, 0.25, 0.30) are all
         * above the centre and two of them beyond 0.28: 2 of 3 flags those two, inside the limits.
         */
        @Test
        void twoOfThreeOnAPChartReadsItsOwnSigmaPerPoint() {
            double[] counts = {18, 19, 17, 20, 18, 19, 17, 20, 18, 19, 17, 20, 18, 19, 17, 20, 20, 29, 25, 30};
            ChartSpec spec = ChartSpec.of(ChartType.P).rules(RuleSet.MDC).improvement(Improvement.DECREASE);
            ChartResult chart = Spc.chart(spec, proportions(100, counts));
            assertEquals(0.2, chart.latest().centre(), 1e-15);
            assertEquals(0.32, chart.latest().upperLimit(), 1e-12);
            assertEquals(List.of(17, 19), flagged(chart, Signal.TWO_OF_THREE));
            assertEquals(List.of(), flagged(chart, Signal.OUTSIDE_LIMITS));
            assertEquals(VariationIcon.CONCERN_HIGH, chart.variation());
            // The same chart under the Anhøj rules has limits only: no 2 of 3, common cause.
            ChartResult anhoej = Spc.chart(spec.rules(RuleSet.ANHOEJ), proportions(100, counts));
            assertEquals(VariationIcon.COMMON_CAUSE, anhoej.variation());
        }

        /**
         * C chart: 320 incidents in 20 months, c̄ = 16, σ = sqrt(16) = 4, so the 2σ line is 24 and the limit
         * 28; the last three (25, 18, 26) are above the mean and two beyond 24. The U chart of the same
         * counts per 100 bed days: ū = 0.16, σ = sqrt(0.16/100) = 0.04, the same picture scaled.
         */
        @Test
        void twoOfThreeOnCAndUCharts() {
            double[] counts = {14, 15, 13, 16, 14, 15, 13, 16, 14, 15, 13, 16, 14, 15, 13, 16, 19, 25, 18, 26};
            ChartResult c = Spc.chart(ChartSpec.of(ChartType.C).rules(RuleSet.MDC).improvement(Improvement.DECREASE),
                    monthly(counts));
            assertEquals(16, c.latest().centre(), 1e-12);
            assertEquals(28, c.latest().upperLimit(), 1e-12);
            assertEquals(List.of(17, 19), flagged(c, Signal.TWO_OF_THREE));
            assertEquals(VariationIcon.CONCERN_HIGH, c.variation());
            ChartResult u = Spc.chart(ChartSpec.of(ChartType.U).rules(RuleSet.MDC).improvement(Improvement.DECREASE),
                    proportions(100, counts));
            assertEquals(0.28, u.latest().upperLimit(), 1e-12);
            assertEquals(List.of(17, 19), flagged(u, Signal.TWO_OF_THREE));
        }

        /** A shift of 7 months below the centre on a P chart is special cause, as on XmR. */
        @Test
        void aShiftOnAPChart() {
            double[] counts = {22, 21, 23, 22, 24, 21, 22, 23, 22, 21, 15, 14, 16, 15, 14, 16, 15};
            ChartSpec spec = ChartSpec.of(ChartType.P).rules(RuleSet.MDC).improvement(Improvement.DECREASE);
            ChartResult chart = Spc.chart(spec, proportions(100, counts));
            assertTrue(flagged(chart, Signal.SHIFT).containsAll(List.of(10, 11, 12, 13, 14, 15, 16)));
            assertEquals(VariationIcon.IMPROVEMENT_LOW, chart.variation());
        }

        /**
         * G chart: 20 counts between events with mean m = 8, so σ = sqrt(m(m+1)) = sqrt(72) = 8.485, the
         * 2σ line m + 2σ = 24.97 and the limit m + 3σ = 33.46 (the centre is the median). The last
         * three (26, 10, 27) are above the median and two beyond 24.97: 2 of 3 flags 26 and 27.
         */
        @Test
        void twoOfThreeOnAGChartReadsItsGeometricSigma() {
            double[] days = {5, 6, 4, 7, 5, 6, 4, 7, 5, 6, 4, 7, 5, 6, 4, 7, 9, 26, 10, 27};
            ChartSpec spec = ChartSpec.of(ChartType.G).rules(RuleSet.MDC).improvement(Improvement.INCREASE);
            ChartResult chart = Spc.chart(spec, monthly(days));
            assertEquals(8 + 3 * Math.sqrt(72), chart.latest().upperLimit(), 1e-12);
            assertEquals(List.of(17, 19), flagged(chart, Signal.TWO_OF_THREE));
            // 24 and 25 lie below the 2σ line: no signal.
            days[17] = 24;
            days[19] = 25;
            days[0] += 4; // keep the mean at 8
            assertEquals(List.of(), flagged(Spc.chart(spec, monthly(days)), Signal.TWO_OF_THREE));
        }

        /**
         * T chart: an I chart on y^(1/3.6) transformed back, so its 2σ line is (c + 2s)^3.6 with c and
         * s from the transformed values; two of three beyond it are flagged, one is not.
         */
        @Test
        void twoOfThreeOnATChartReadsTheTransformedSigma() {
            double[] days = {30, 42, 35, 28, 40, 33, 38, 31, 36, 29, 41, 34, 37, 32, 39, 30, 33, 36};
            double[] t = new double[days.length];
            for (int i = 0; i < days.length; i++) {
                t[i] = Math.pow(days[i], 1 / 3.6);
            }
            double mean = 0;
            for (double v : t) {
                mean += v / t.length;
            }
            double mr = 0;
            for (int i = 1; i < t.length; i++) {
                mr += Math.abs(t[i] - t[i - 1]) / (t.length - 1);
            }
            double twoSigma = Math.pow(mean + 2 * mr / 1.128, 3.6);
            double threeSigma = Math.pow(mean + 3 * mr / 1.128, 3.6);
            assertTrue(twoSigma < 50 && threeSigma > 52, twoSigma + " " + threeSigma);
            ChartSpec spec = ChartSpec.of(ChartType.T).rules(RuleSet.MDC).improvement(Improvement.INCREASE)
                    .baseline(days.length);
            List<Observation> observations = new ArrayList<>(monthly(days));
            observations.add(Observation.of(START.plusMonths(days.length), 50));
            observations.add(Observation.of(START.plusMonths(days.length + 1), 36));
            observations.add(Observation.of(START.plusMonths(days.length + 2), 52));
            ChartResult chart = Spc.chart(spec, observations);
            assertEquals(threeSigma, chart.latest().upperLimit(), 1e-9);
            assertEquals(List.of(days.length, days.length + 2), flagged(chart, Signal.TWO_OF_THREE));
        }

        /**
         * A rate that has been 0 for 16 months: limits 0 to 0 and a target of 0 for a measure where
         * lower is better. Under MDC a target on a limit counts, so the process passes (under the Anhøj
         * rules' strict comparison it would read hit and miss).
         */
        @Test
        void aZeroRateAtATargetOfZeroIsPassing() {
            double[] counts = new double[16];
            ChartSpec spec = ChartSpec.of(ChartType.P).rules(RuleSet.packDefaultFor(ChartType.P))
                    .improvement(Improvement.DECREASE).target(0);
            ChartResult chart = Spc.chart(spec, proportions(40, counts));
            assertEquals(0, chart.latest().upperLimit());
            assertEquals(0, chart.latest().lowerLimit());
            assertEquals(AssuranceIcon.PASS, chart.assurance());
            assertEquals(VariationIcon.COMMON_CAUSE, chart.variation());
            assertEquals(AssuranceIcon.HIT_AND_MISS, Spc.chart(spec.rules(RuleSet.ANHOEJ), proportions(40, counts))
                    .assurance());
        }
    }

    /**
     * Twenty months near 100, then eight near 60 (mean 60; moving ranges 2, 4, 3, 2, 4, 6, 3, so
     * MR̄ = 24/7 and limits 60 ± 2.66·24/7 = 50.88 to 69.12). The last eight are a shift below the
     * mean of all 28: the limits describe the process before it.
     */
    @Nested
    class LimitsOutOfDate {

        private final double[] values = {100, 104, 98, 102, 101, 99, 103, 97, 100, 102, 98, 104, 99, 101, 100, 103,
            97, 102, 99, 101, 60, 62, 58, 61, 59, 63, 57, 60};

        @Test
        void aShiftToTheLatestPointMakesAssuranceNotAssessableAndProposesARebase() {
            ChartSpec spec = ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE).target(80);
            ChartResult chart = Spc.chart(spec, monthly(values));
            assertTrue(chart.limitsOutOfDate());
            assertEquals(AssuranceIcon.NOT_ASSESSABLE, chart.assurance());
            RebaseProposal proposal = chart.proposal();
            assertEquals(START.plusMonths(20), proposal.from());
            assertEquals(Signal.SHIFT, proposal.signal());
            assertEquals(8, proposal.points());
            assertEquals(60, proposal.centre(), 1e-12);
            assertEquals(60 + 2.66 * 24 / 7, proposal.upperLimit(), 1e-9);
            assertEquals(60 - 2.66 * 24 / 7, proposal.lowerLimit(), 1e-9);
            assertEquals(VariationIcon.COMMON_CAUSE, proposal.variation());
            assertEquals(AssuranceIcon.PASS, proposal.assurance());
        }

        @Test
        void theProposalIsNeverApplied() {
            ChartSpec spec = ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE).target(80);
            ChartResult chart = Spc.chart(spec, monthly(values));
            assertEquals(1, chart.phases());
            double mean = 0;
            for (double v : values) {
                mean += v;
            }
            assertEquals(mean / values.length, chart.latest().centre(), 1e-9);
            // Recorded as a rebase, it becomes the chart's second phase with the proposal's numbers.
            ChartResult rebased = Spc.chart(spec.rebases(List.of(chart.proposal().from())), monthly(values));
            assertEquals(2, rebased.phases());
            assertEquals(chart.proposal().centre(), rebased.latest().centre(), 0);
            assertEquals(chart.proposal().assurance(), rebased.assurance());
            assertFalse(rebased.limitsOutOfDate());
        }

        @Test
        void withoutATargetThereIsStillAProposalAndNoAssurance() {
            ChartResult chart = Spc.chart(ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE),
                    monthly(values));
            assertNotNull(chart.proposal());
            assertEquals(AssuranceIcon.NONE, chart.assurance());
        }

        @Test
        void ptdReproducesNhsrPlotTheDotsAndProposesNothing() {
            ChartSpec spec = ChartSpec.of(ChartType.XMR).rules(RuleSet.PTD).improvement(Improvement.DECREASE)
                    .target(80);
            ChartResult chart = Spc.chart(spec, monthly(values));
            assertNull(chart.proposal());
            assertEquals(AssuranceIcon.HIT_AND_MISS, chart.assurance());
        }

        @Test
        void aShiftThatEndedBeforeTheLatestPointLeavesTheLimitsStanding() {
            double[] back = java.util.Arrays.copyOf(values, values.length + 1);
            back[values.length] = 100;
            ChartResult chart = Spc.chart(ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE).target(80),
                    monthly(back));
            assertFalse(chart.limitsOutOfDate());
            assertEquals(AssuranceIcon.HIT_AND_MISS, chart.assurance());
        }
    }

    /**
     * Found by SpcPropertyTest (seed -794736148297017065): a rebase after the latest value starts a
     * phase with no value yet. A trend ending the phase before it does not make the new phase's limits
     * out of date: the chart's assurance is the new phase's own, as if it were charted alone.
     */
    @Test
    void aTrendBeforeARebaseWithNoValueYetProposesNothing() {
        double[] values = {11, 9, 26, 23, 20, 17, 14, 11, 8, Double.NaN};
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            observations.add(Observation.of(LocalDate.of(2020, 1 + i, 1), values[i]));
        }
        ChartSpec spec = ChartSpec.of(ChartType.C).rules(RuleSet.IHI).improvement(Improvement.INCREASE).target(0)
                .rebases(List.of(LocalDate.of(2020, 10, 1)));
        ChartResult chart = Spc.chart(spec, observations);
        assertNull(chart.proposal());
        ChartResult alone = Spc.chart(spec.rebases(List.of()), observations.subList(9, 10));
        assertEquals(alone.assurance(), chart.assurance());
        assertTrue(Spc.chart(spec.rebases(List.of()), observations.subList(0, 9)).limitsOutOfDate(),
                "the same trend with no rebase after it does make the limits out of date");
    }
}
