package kpo.spc;

import static kpo.spc.Series.BASELINE_LENGTH;
import static kpo.spc.Series.afterQuietBaseline;
import static kpo.spc.Series.concat;
import static kpo.spc.Series.flaggedInPattern;
import static kpo.spc.Series.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rule sets on small hand-made series, each answer worked out by hand from the rule
 * definitions (DESIGN.md "Command line", ALGORITHMS.md, the {@link RuleSet} javadoc). Patterns are
 * planted after {@link Series#QUIET_BASELINE} with {@code baseline(18)}, so the limits are those of
 * the baseline whatever the pattern does; pattern point k is index k in the flagged lists, the
 * baseline's last point is −1.
 */
class RuleSetTest {

    private static final double EXACT = 1e-12;

    private static ChartSpec xmr(RuleSet rules) {
        return ChartSpec.of(ChartType.XMR).rules(rules).baseline(BASELINE_LENGTH);
    }

    private static ChartSpec iChart(RuleSet rules) {
        return ChartSpec.of(ChartType.I).rules(rules).baseline(BASELINE_LENGTH);
    }

    private static ChartResult chart(ChartSpec spec, double... pattern) {
        return Spc.chart(spec, afterQuietBaseline(pattern));
    }

    private static ChartPoint patternPoint(ChartResult chart, int k) {
        return chart.points().get(BASELINE_LENGTH + k);
    }

    private static List<PointType> patternTypes(ChartResult chart) {
        List<PointType> types = new ArrayList<>();
        for (int i = BASELINE_LENGTH; i < chart.points().size(); i++) {
            types.add(chart.points().get(i).type());
        }
        return types;
    }

    /** Every signal of the rule set raised anywhere in the chart, for "nothing else fired" checks. */
    private static List<Signal> signalsRaised(ChartResult chart) {
        return chart.points().stream().flatMap(p -> p.signals().stream()).distinct().toList();
    }

    private static List<PointType> repeat(PointType type, int times) {
        return Collections.nCopies(times, type);
    }

    @Nested
    class QuietBaseline {

        @ParameterizedTest
        @EnumSource(RuleSet.class)
        void raisesNoPointSignalOnAnXmrChart(RuleSet rules) {
            ChartResult chart = chart(xmr(rules));
            assertEquals(List.of(), signalsRaised(chart), "the baseline must be quiet for the planted patterns to mean anything");
            assertEquals(11, chart.latest().centre(), EXACT);
            assertEquals(11 + 2.66 * 2, chart.latest().upperLimit(), EXACT);
            assertEquals(11 - 2.66 * 2, chart.latest().lowerLimit(), EXACT);
        }

        @ParameterizedTest
        @EnumSource(value = RuleSet.class, names = {"ANHOEJ", "IHI", "WE", "NELSON"})
        void raisesNoPointSignalOnAnIChart(RuleSet rules) {
            ChartResult chart = chart(iChart(rules));
            assertEquals(List.of(), signalsRaised(chart));
            assertEquals(11 + 3 * 2 / 1.128, chart.latest().upperLimit(), EXACT);
            assertEquals(11 - 3 * 2 / 1.128, chart.latest().lowerLimit(), EXACT);
        }
    }

    /** Where Making Data Count (mdc) departs from NHSRplotthedots 0.2.2 (ptd), DESIGN.md "Command line". */
    @Nested
    class MdcAgainstPtd {

        /** 12, 17, 15: all three above the centre, 17 beyond 3σ (16.32), 15 between 2σ (14.55) and 3σ. */
        @Test
        void twoOfThreeCountsAPointBeyondThreeSigmaUnderMdcButNotUnderPtd() {
            ChartResult mdc = chart(xmr(RuleSet.MDC).improvement(Improvement.INCREASE), 12, 17, 15);
            ChartResult ptd = chart(xmr(RuleSet.PTD).improvement(Improvement.INCREASE), 12, 17, 15);

            assertEquals(List.of(1, 2), flaggedInPattern(mdc, Signal.TWO_OF_THREE), "mdc flags both beyond-2σ points");
            assertEquals(List.of(1), flaggedInPattern(mdc, Signal.OUTSIDE_LIMITS));
            assertEquals(List.of(PointType.COMMON_CAUSE, PointType.SPECIAL_CAUSE_IMPROVEMENT,
                    PointType.SPECIAL_CAUSE_IMPROVEMENT), patternTypes(mdc));

            assertEquals(List.of(), flaggedInPattern(ptd, Signal.TWO_OF_THREE),
                    "ptd counts only points strictly between 2σ and 3σ: one here");
            assertEquals(List.of(1), flaggedInPattern(ptd, Signal.OUTSIDE_LIMITS));
            assertEquals(List.of(PointType.COMMON_CAUSE, PointType.SPECIAL_CAUSE_IMPROVEMENT, PointType.COMMON_CAUSE),
                    patternTypes(ptd));
        }

        /**
         * 8 → 13 in six rises, then 13 → 8 in six falls: two 7-point trends sharing the peak (pattern
         * point 6). Neither run on one side is longer than 5, nothing passes 2σ. The peak carries a
         * rising and a falling trend: mdc shows improvement whichever way is better; ptd labels it by
         * the difference to the next point ("Decreasing"), so on an increase measure it is concern.
         */
        @Test
        void improvementWinsAtThePeakOfARiseThatStartsAFallUnderMdc() {
            double[] peak = {8, 8.5, 9.5, 10.5, 11.5, 12.5, 13, 12, 10.5, 10, 9, 8.5, 8};
            ChartResult increase = chart(xmr(RuleSet.MDC).improvement(Improvement.INCREASE), peak);
            ChartResult decrease = chart(xmr(RuleSet.MDC).improvement(Improvement.DECREASE), peak);
            ChartResult ptdIncrease = chart(xmr(RuleSet.PTD).improvement(Improvement.INCREASE), peak);

            assertEquals(range(0, 12), flaggedInPattern(increase, Signal.TREND));
            assertEquals(List.of(Signal.TREND), signalsRaised(increase));

            List<PointType> expectedIncrease = new ArrayList<>(repeat(PointType.SPECIAL_CAUSE_IMPROVEMENT, 7));
            expectedIncrease.addAll(repeat(PointType.SPECIAL_CAUSE_CONCERN, 6));
            assertEquals(expectedIncrease, patternTypes(increase));

            List<PointType> expectedDecrease = new ArrayList<>(repeat(PointType.SPECIAL_CAUSE_CONCERN, 6));
            expectedDecrease.addAll(repeat(PointType.SPECIAL_CAUSE_IMPROVEMENT, 7));
            assertEquals(expectedDecrease, patternTypes(decrease));

            assertEquals(range(0, 12), flaggedInPattern(ptdIncrease, Signal.TREND));
            assertEquals(PointType.SPECIAL_CAUSE_CONCERN, patternPoint(ptdIncrease, 6).type(),
                    "ptd: the peak reads as part of the falling trend");
            assertEquals(PointType.SPECIAL_CAUSE_IMPROVEMENT, patternPoint(ptdIncrease, 5).type());
        }

        /** The limits of the quiet baseline are 5.68 and 16.32; the target is set to exactly those doubles. */
        @Test
        void aTargetExactlyOnAProcessLimitIsPassOrFailUnderMdcAndHitAndMissUnderPtd() {
            ChartPoint latest = chart(xmr(RuleSet.MDC), 11).latest();
            double ucl = latest.upperLimit();
            double lcl = latest.lowerLimit();
            assertEquals(16.32, ucl, EXACT);
            assertEquals(5.68, lcl, EXACT);

            assertEquals(AssuranceIcon.FAIL, chart(xmr(RuleSet.MDC).improvement(Improvement.INCREASE).target(ucl), 11).assurance());
            assertEquals(AssuranceIcon.PASS, chart(xmr(RuleSet.MDC).improvement(Improvement.INCREASE).target(lcl), 11).assurance());
            assertEquals(AssuranceIcon.PASS, chart(xmr(RuleSet.MDC).improvement(Improvement.DECREASE).target(ucl), 11).assurance());
            assertEquals(AssuranceIcon.FAIL, chart(xmr(RuleSet.MDC).improvement(Improvement.DECREASE).target(lcl), 11).assurance());

            for (Improvement direction : List.of(Improvement.INCREASE, Improvement.DECREASE)) {
                for (double target : new double[] {ucl, lcl}) {
                    assertEquals(AssuranceIcon.HIT_AND_MISS,
                            chart(xmr(RuleSet.PTD).improvement(direction).target(target), 11).assurance(),
                            "ptd compares strictly: " + direction + " target " + target);
                }
            }
            assertEquals(AssuranceIcon.FAIL,
                    chart(xmr(RuleSet.PTD).improvement(Improvement.INCREASE).target(Math.nextUp(ucl)), 11).assurance(),
                    "ptd: just above the upper limit fails");
        }

        /** 12, 13, 12, 13, 12, 13 after a point below the centre: six in a row above it, then 10 below. */
        @Test
        void anMdcShiftOfSixFiresWhereTheDefaultSevenDoesNot() {
            double[] sixAbove = {12, 13, 12, 13, 12, 13, 10};
            assertEquals(range(0, 5), flaggedInPattern(chart(xmr(RuleSet.MDC).shift(6), sixAbove), Signal.SHIFT));
            assertEquals(List.of(), signalsRaised(chart(xmr(RuleSet.MDC), sixAbove)));
            assertEquals(7, xmr(RuleSet.MDC).shiftLength());
        }

        /** 9, 9.5, 10, 10.5, 11.5, 12: six points, five rises (the baseline's last point, 10, falls to 9). */
        @Test
        void anMdcTrendOfSixFiresWhereTheDefaultSevenDoesNot() {
            double[] sixRising = {9, 9.5, 10, 10.5, 11.5, 12, 11};
            assertEquals(range(0, 5), flaggedInPattern(chart(xmr(RuleSet.MDC).trend(6), sixRising), Signal.TREND));
            assertEquals(List.of(), signalsRaised(chart(xmr(RuleSet.MDC), sixRising)));
        }

        /**
         * 13 points alternating 10 and 12 with one 40: twelve moving ranges, ten of 2 and two of 30,
         * MR̄ = 80/12. Screening drops ranges at or above 3.267·MR̄ = 21.78, leaving MR̄ = 2.
         */
        @Test
        void screeningIsOffByDefaultUnderMdcAndOnUnderPtd() {
            List<Observation> outlier = Series.of(10, 12, 10, 12, 10, 40, 10, 12, 10, 12, 10, 12, 10);
            double mean = 170.0 / 13;
            double unscreened = mean + 2.66 * 80 / 12;
            double screened = mean + 2.66 * 2;

            assertFalse(ChartSpec.of(ChartType.XMR).screensOutliers(), "mdc is the default for xmr");
            assertTrue(ChartSpec.of(ChartType.XMR).rules(RuleSet.PTD).screensOutliers());

            ChartSpec mdc = ChartSpec.of(ChartType.XMR).rules(RuleSet.MDC);
            ChartSpec ptd = ChartSpec.of(ChartType.XMR).rules(RuleSet.PTD);
            assertEquals(unscreened, Spc.chart(mdc, outlier).latest().upperLimit(), 1e-9);
            assertEquals(screened, Spc.chart(ptd, outlier).latest().upperLimit(), 1e-9);
            assertEquals(screened, Spc.chart(mdc.screenOutliers(true), outlier).latest().upperLimit(), 1e-9);
            assertEquals(unscreened, Spc.chart(ptd.screenOutliers(false), outlier).latest().upperLimit(), 1e-9);
        }
    }

    /** The IHI run-chart rules (Perla, Provost & Murray 2011): shift of 6, trend of 5, runs table. */
    @Nested
    class Ihi {

        /**
         * 12, 13, 12, then 11 exactly on the centre, then 12, 13, 12: six points above. IHI skips the
         * point on the centre line (neither counted nor flagged); mdc's shift, even at 6, is broken by it.
         */
        @Test
        void aShiftOfSixSkipsAPointOnTheCentreLine() {
            double[] split = {12, 13, 12, 11, 12, 13, 12, 10};
            ChartResult ihi = chart(iChart(RuleSet.IHI), split);
            assertEquals(List.of(0, 1, 2, 4, 5, 6), flaggedInPattern(ihi, Signal.SHIFT));
            assertEquals(List.of(Signal.SHIFT), signalsRaised(ihi));

            assertEquals(List.of(), flaggedInPattern(chart(xmr(RuleSet.MDC).shift(6), split), Signal.SHIFT));
        }

        /**
         * 9.5, 10, 10.5, 10.5, 11.5, 12: four rises among six points, one value repeated. The repeat
         * neither makes nor breaks the trend, and is flagged with it. Before it the baseline falls
         * 14, 12, 10, 9.5: three falls, one short of a trend.
         */
        @Test
        void aTrendOfFiveSurvivesARepeatedValue() {
            double[] rising = {9.5, 10, 10.5, 10.5, 11.5, 12, 10};
            ChartResult ihi = chart(iChart(RuleSet.IHI), rising);
            assertEquals(range(0, 5), flaggedInPattern(ihi, Signal.TREND));
            assertEquals(List.of(Signal.TREND), signalsRaised(ihi));

            assertEquals(List.of(), signalsRaised(chart(xmr(RuleSet.MDC).trend(6), rising)),
                    "under mdc the repeat breaks the rise into 3 and 3 points");
        }

        /** 1..n in order: no point on the median (n even), two runs, one crossing. */
        @ParameterizedTest(name = "n = {0}: {1} to {2} runs")
        @CsvSource({"10, 3, 9", "20, 7, 15", "30, 11, 21", "60, 24, 38"})
        void runsLimitsFollowSwedAndEisenhart(int n, int fewestRuns, int mostRuns) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = i + 1;
            }
            RunsAnalysis runs = Spc.chart(ChartSpec.of(ChartType.RUN).rules(RuleSet.IHI), Series.of(values)).runs().get(0);
            assertEquals(n, runs.useful());
            assertEquals(1, runs.crossings());
            assertEquals(fewestRuns - 1, runs.crossingsMin(), "crossingsMin is the fewest runs allowed, less one");
            assertEquals(mostRuns - 1, runs.crossingsMax(), "crossingsMax is the most runs allowed, less one");
            assertNull(runs.longestRunMax(), "IHI judges long runs with the shift rule, not a run limit");
            assertTrue(runs.signal(), "two runs are too few for any n >= 10");
        }

        /** Ten points alternating about the median 5.5 make 10 runs (more than 9); one pair swapped makes 9. */
        @Test
        void tooManyRunsSignalAndTheMostAllowedDoesNot() {
            RunsAnalysis ten = Spc.chart(ChartSpec.of(ChartType.RUN).rules(RuleSet.IHI),
                    Series.of(1, 6, 2, 7, 3, 8, 4, 9, 5, 10)).runs().get(0);
            assertEquals(9, ten.crossings());
            assertTrue(ten.signal());

            RunsAnalysis nine = Spc.chart(ChartSpec.of(ChartType.RUN).rules(RuleSet.IHI),
                    Series.of(1, 6, 2, 7, 3, 8, 4, 9, 10, 5)).runs().get(0);
            assertEquals(8, nine.crossings());
            assertFalse(nine.signal());
        }
    }

    /** Western Electric zone rules (1956) on an I chart: 1σ = 1.773, 2σ = 3.546 around 11. */
    @Nested
    class WesternElectric {

        /**
         * 13, 13.5, 12, 13, 13.5: four of five beyond 1σ above (12 is within), flagged; 11 after it
         * sits on the centre. No window that reaches back into the baseline has more than three.
         */
        @Test
        void fourOfFiveBeyondOneSigmaFlagsTheFour() {
            ChartResult we = chart(iChart(RuleSet.WE), 13, 13.5, 12, 13, 13.5, 11);
            assertEquals(List.of(0, 1, 3, 4), flaggedInPattern(we, Signal.FOUR_OF_FIVE));
            assertEquals(List.of(Signal.FOUR_OF_FIVE), signalsRaised(we));
        }

        /**
         * 15, 9, 15: two of three beyond 2σ above with the middle point below the centre. Western
         * Electric counts the two whatever the third does; mdc needs all three on one side.
         */
        @Test
        void twoOfThreeFiresWithTheThirdPointOnTheOtherSide() {
            double[] pattern = {15, 9, 15, 11};
            ChartResult we = chart(iChart(RuleSet.WE), pattern);
            assertEquals(List.of(0, 2), flaggedInPattern(we, Signal.TWO_OF_THREE));
            assertEquals(List.of(Signal.TWO_OF_THREE), signalsRaised(we));

            assertEquals(List.of(), signalsRaised(chart(xmr(RuleSet.MDC), pattern)));
        }

        /** 12, 12.5 alternating, all above the centre and within 1σ: eight in a row fire, seven do not. */
        @Test
        void aShiftTakesEightPoints() {
            ChartResult eight = chart(iChart(RuleSet.WE), 12, 12.5, 12, 12.5, 12, 12.5, 12, 12.5, 10);
            assertEquals(range(0, 7), flaggedInPattern(eight, Signal.SHIFT));
            assertEquals(List.of(Signal.SHIFT), signalsRaised(eight));

            ChartResult seven = chart(iChart(RuleSet.WE), 12, 12.5, 12, 12.5, 12, 12.5, 12, 10);
            assertEquals(List.of(), signalsRaised(seven));
        }
    }

    /** Nelson's eight tests (1984) on an I chart, same zones as above. */
    @Nested
    class Nelson {

        /** 9, 9.5, 10.5, 11.5, 12, 12.5: five rises. Without the 9 the baseline's 10 falls to 9.5 and five points remain. */
        @Test
        void sixTrend() {
            ChartResult six = chart(iChart(RuleSet.NELSON), 9, 9.5, 10.5, 11.5, 12, 12.5, 11);
            assertEquals(range(0, 5), flaggedInPattern(six, Signal.SIX_TREND));
            assertEquals(List.of(Signal.SIX_TREND), signalsRaised(six));

            assertEquals(List.of(), signalsRaised(chart(iChart(RuleSet.NELSON), 9.5, 10.5, 11.5, 12, 12.5, 11)));
        }

        /**
         * 10 (equal to the baseline's last point, so the alternation starts afresh), then 13, 10, 13, ...:
         * 14 points going up and down in turn. 13 is beyond 1σ, 10 within, so no zone rule fires.
         */
        @Test
        void fourteenAlternating() {
            double[] fourteen = {10, 13, 10, 13, 10, 13, 10, 13, 10, 13, 10, 13, 10, 13};
            ChartResult nelson = chart(iChart(RuleSet.NELSON), fourteen);
            assertEquals(range(0, 13), flaggedInPattern(nelson, Signal.FOURTEEN_ALTERNATING));
            assertEquals(List.of(Signal.FOURTEEN_ALTERNATING), signalsRaised(nelson));

            double[] thirteen = Arrays.copyOf(fourteen, 13);
            assertEquals(List.of(), signalsRaised(chart(iChart(RuleSet.NELSON), thirteen)));
        }

        /** 13.5 (beyond 1σ, ending the baseline's run within it), then 15 points within 1σ that neither alternate nor trend. */
        @Test
        void fifteenWithinOneSigma() {
            double[] within = {10.5, 11.5, 12, 11.5, 10.5, 10, 10.5, 11.5, 12, 11.5, 10.5, 10, 10.5, 11.5, 12};
            double[] fifteen = concat(new double[] {13.5}, within, new double[] {13.5});
            ChartResult nelson = chart(iChart(RuleSet.NELSON), fifteen);
            assertEquals(range(1, 15), flaggedInPattern(nelson, Signal.FIFTEEN_WITHIN_ONE_SIGMA));
            assertEquals(List.of(Signal.FIFTEEN_WITHIN_ONE_SIGMA), signalsRaised(nelson));
            assertEquals(PointType.SPECIAL_CAUSE_NEUTRAL_HIGH, patternPoint(nelson, 2).type(),
                    "stratification has no direction: neutral, high or low by the point's side");

            double[] fourteen = concat(new double[] {13.5}, Arrays.copyOf(within, 14), new double[] {13.5});
            assertEquals(List.of(), signalsRaised(chart(iChart(RuleSet.NELSON), fourteen)));
        }

        /** 13.5 and 8.5 (both beyond 1σ, neither beyond 2σ) in pairs so that no four of five share a side. */
        @Test
        void eightBeyondOneSigma() {
            ChartResult eight = chart(iChart(RuleSet.NELSON).improvement(Improvement.INCREASE),
                    13.5, 8.5, 8.5, 13.5, 13.5, 8.5, 8.5, 13.5, 11);
            assertEquals(range(0, 7), flaggedInPattern(eight, Signal.EIGHT_BEYOND_ONE_SIGMA));
            assertEquals(List.of(Signal.EIGHT_BEYOND_ONE_SIGMA), signalsRaised(eight));
            assertEquals(PointType.SPECIAL_CAUSE_NEUTRAL_LOW, patternPoint(eight, 1).type(),
                    "mixture has no direction even on an increase measure");

            ChartResult seven = chart(iChart(RuleSet.NELSON), 13.5, 8.5, 8.5, 13.5, 13.5, 8.5, 8.5, 11);
            assertEquals(List.of(), signalsRaised(seven));
        }

        /** 12, 12.5 alternating above the centre: nine in a row fire, eight do not. */
        @Test
        void aShiftTakesNinePoints() {
            ChartResult nine = chart(iChart(RuleSet.NELSON), 12, 12.5, 12, 12.5, 12, 12.5, 12, 12.5, 12, 10);
            assertEquals(range(0, 8), flaggedInPattern(nine, Signal.SHIFT));
            assertEquals(List.of(Signal.SHIFT), signalsRaised(nine));

            ChartResult eight = chart(iChart(RuleSet.NELSON), 12, 12.5, 12, 12.5, 12, 12.5, 12, 12.5, 10);
            assertEquals(List.of(), signalsRaised(eight));
        }

        /**
         * Nine points above the centre ending 11.5, 12, 13, 14, 15, 17: the last is beyond 3σ, ninth of
         * a shift, sixth of a trend, second beyond 2σ in three and fourth beyond 1σ in five. Nelson's
         * order puts the trend before the zone tests (unlike the {@link Signal} enum).
         */
        @Test
        void signalsAreListedInNelsonsOrder() {
            ChartResult nelson = chart(iChart(RuleSet.NELSON), 12.5, 12, 12.5, 11.5, 12, 13, 14, 15, 17);
            assertEquals(List.of(Signal.OUTSIDE_LIMITS, Signal.SHIFT, Signal.SIX_TREND, Signal.TWO_OF_THREE,
                    Signal.FOUR_OF_FIVE), patternPoint(nelson, 8).signals());
            assertEquals(List.of(Signal.SHIFT, Signal.SIX_TREND, Signal.TWO_OF_THREE, Signal.FOUR_OF_FIVE),
                    patternPoint(nelson, 7).signals());
            assertEquals(range(0, 8), flaggedInPattern(nelson, Signal.SHIFT));
            assertEquals(range(3, 8), flaggedInPattern(nelson, Signal.SIX_TREND));
            assertEquals(List.of(7, 8), flaggedInPattern(nelson, Signal.TWO_OF_THREE));
            assertEquals(range(5, 8), flaggedInPattern(nelson, Signal.FOUR_OF_FIVE));
            assertEquals(List.of(8), flaggedInPattern(nelson, Signal.OUTSIDE_LIMITS));
        }
    }

    /** The Making Data Count icons on an mdc XmR chart with limits 5.68 .. 16.32. */
    @Nested
    class Icons {

        @ParameterizedTest(name = "latest {0} on a {1} measure: {2}")
        @CsvSource({
            "17, INCREASE, IMPROVEMENT_HIGH", "17, DECREASE, CONCERN_HIGH", "17, NEUTRAL, NEUTRAL_HIGH",
            " 5, INCREASE, CONCERN_LOW", " 5, DECREASE, IMPROVEMENT_LOW", " 5, NEUTRAL, NEUTRAL_LOW",
            "11, INCREASE, COMMON_CAUSE", "11, DECREASE, COMMON_CAUSE", "11, NEUTRAL, COMMON_CAUSE"})
        void variationComesFromTheLatestPoint(double latest, Improvement direction, VariationIcon expected) {
            assertEquals(expected, chart(xmr(RuleSet.MDC).improvement(direction), latest).variation());
        }

        @ParameterizedTest(name = "target {0} on a {1} measure: {2}")
        @CsvSource({
            "20, INCREASE, FAIL", "20, DECREASE, PASS", "20, NEUTRAL, NONE",
            " 3, INCREASE, PASS", " 3, DECREASE, FAIL", " 3, NEUTRAL, NONE",
            "11, INCREASE, HIT_AND_MISS", "11, DECREASE, HIT_AND_MISS", "11, NEUTRAL, NONE"})
        void assuranceComparesTheTargetWithTheLatestLimits(double target, Improvement direction, AssuranceIcon expected) {
            assertEquals(expected, chart(xmr(RuleSet.MDC).improvement(direction).target(target), 11).assurance());
        }

        @Test
        void noTargetOrNoLimitsGivesNoAssurance() {
            assertEquals(AssuranceIcon.NONE, chart(xmr(RuleSet.MDC).improvement(Improvement.INCREASE), 11).assurance());
            ChartSpec run = ChartSpec.of(ChartType.RUN).improvement(Improvement.INCREASE).target(20);
            assertEquals(AssuranceIcon.NONE, Spc.chart(run, afterQuietBaseline(11)).assurance(),
                    "a run chart has no process limits to judge a target by");
        }
    }
}
