package kpo.spc;

import static kpo.spc.Series.BASELINE_LENGTH;
import static kpo.spc.Series.afterQuietBaseline;
import static kpo.spc.Series.flaggedInPattern;
import static kpo.spc.Series.period;
import static kpo.spc.Series.range;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Edge cases swept on purpose (STYLE.md): n = 0, 1, 2, constant series, missing values, a point on
 * the centre line, denominators of 0, duplicate periods, excluded points and rebase dates that fall
 * between points. Expected limits are written as the formulas of ALGORITHMS.md §1.2 and §2.3.
 */
class EdgeCaseTest {

    private static final double RELATIVE = 1e-12;

    /** c4(3) = sqrt(2/2)·Γ(3/2)/Γ(1) = √π/2. */
    private static final double C4_OF_3 = Math.sqrt(Math.PI) / 2;
    /** A3(3) = 3/(c4(3)·√3): Xbar limits are x̿ ± A3·s̄. */
    private static final double A3_OF_3 = 3 / (C4_OF_3 * Math.sqrt(3));
    /** B4(3) = 1 + 3·c5/c4 with c5 = sqrt(1 − c4²); B3(3) = max(0, 1 − 3·c5/c4) = 0. */
    private static final double B4_OF_3 = 1 + 3 * Math.sqrt(1 - C4_OF_3 * C4_OF_3) / C4_OF_3;

    private static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected no value (NaN), got " + actual);
        } else {
            assertEquals(expected, actual, RELATIVE * Math.max(1, Math.abs(expected)), what);
        }
    }

    private static List<Observation> proportions(double... countsOutOfTen) {
        double[] tens = new double[countsOutOfTen.length];
        Arrays.fill(tens, 10);
        return Series.of(countsOutOfTen, tens);
    }

    /** A valid single observation for every chart type that takes one per period. */
    private static Observation validObservation(ChartType chart, LocalDate period) {
        return chart.needsDenominator() ? Observation.of(period, 3, 10) : Observation.of(period, 4);
    }

    @Nested
    class ShortSeries {

        @ParameterizedTest
        @EnumSource(ChartType.class)
        void anEmptySeriesGivesAnEmptyChartUnderEveryRuleSet(ChartType chart) {
            for (RuleSet rules : RuleSet.values()) {
                if (!rules.appliesTo(chart)) {
                    continue;
                }
                ChartSpec spec = ChartSpec.of(chart).rules(rules).improvement(Improvement.INCREASE).target(1);
                ChartResult result = Spc.chart(spec, List.of());
                assertEquals(List.of(), result.points(), rules.code());
                assertEquals(List.of(), result.runs(), "no point, no phase: " + rules.code());
                assertNull(result.latest());
                assertEquals(VariationIcon.COMMON_CAUSE, result.variation());
                assertEquals(AssuranceIcon.NONE, result.assurance(), "no limits to judge the target by");
            }
        }

        @ParameterizedTest
        @EnumSource(ChartType.class)
        void oneAndTwoPointsChartUnderEveryRuleSetWithOnePhase(ChartType chart) {
            for (int n = 1; n <= 2; n++) {
                List<Observation> observations = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    observations.add(validObservation(chart, period(i)));
                    if (chart.subgrouped()) {
                        observations.add(Observation.of(period(i), 6));
                    }
                }
                for (RuleSet rules : RuleSet.values()) {
                    if (rules.appliesTo(chart)) {
                        ChartResult result = Spc.chart(ChartSpec.of(chart).rules(rules), observations);
                        assertEquals(n, result.points().size(), rules.code());
                        assertEquals(1, result.runs().size(), "a runs entry for the one phase: " + rules.code());
                    }
                }
            }
        }

        /**
         * One point: the centre is the point itself; a sigma from moving ranges (XmR, I, MR, T, P′,
         * U′, I′) does not exist, one from the binomial or Poisson model (P, U, C, G) or from the
         * subgroup's own SD (Xbar, S) does. The MR chart's lower limit is 0 by definition, as in
         * qicharts2, even when there is no moving range to centre it.
         */
        static Stream<Arguments> onePoint() {
            double p = 0.3;
            return Stream.of(
                    Arguments.of(ChartType.RUN, Series.of(7), 7, Double.NaN, Double.NaN),
                    Arguments.of(ChartType.XMR, Series.of(7), 7, Double.NaN, Double.NaN),
                    Arguments.of(ChartType.I, Series.of(7), 7, Double.NaN, Double.NaN),
                    Arguments.of(ChartType.MR, Series.of(7), Double.NaN, Double.NaN, 0),
                    Arguments.of(ChartType.P, proportions(3), p, p + 3 * Math.sqrt(p * (1 - p) / 10), 0),
                    Arguments.of(ChartType.PP, proportions(3), p, Double.NaN, Double.NaN),
                    Arguments.of(ChartType.U, proportions(3), p, p + 3 * Math.sqrt(p / 10), 0),
                    Arguments.of(ChartType.UP, proportions(3), p, Double.NaN, Double.NaN),
                    Arguments.of(ChartType.C, Series.of(4), 4, 4 + 3 * 2, 0),
                    Arguments.of(ChartType.G, Series.of(4), 4, 4 + 3 * Math.sqrt(4 * 5), 0),
                    Arguments.of(ChartType.T, Series.of(4), 4, Double.NaN, Double.NaN),
                    Arguments.of(ChartType.XBAR, Series.subgroups(new double[] {4, 6, 8}), 6, 6 + A3_OF_3 * 2,
                            6 - A3_OF_3 * 2),
                    Arguments.of(ChartType.S, Series.subgroups(new double[] {4, 6, 8}), 2, B4_OF_3 * 2, 0),
                    Arguments.of(ChartType.IP, proportions(3), p, Double.NaN, Double.NaN));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("onePoint")
        void onePointHasTheseLimits(ChartType chart, List<Observation> observations, double centre, double ucl,
                double lcl) {
            assertLatestLimits(chart, observations, centre, ucl, lcl);
        }

        /**
         * Two points: every chart now has a sigma. For 10 and 14 the one moving range is 4; for 3/10
         * and 5/10 the pooled proportion is 0.4 and Laney's z-scores are ±0.1/σₚ, so σz·σₚ = 0.2/1.128.
         * The P, P′, U, U′, C, G and S lower limits are clipped at 0; the I′ chart's is not.
         */
        static Stream<Arguments> twoPoints() {
            double p = 0.4;
            double laney = 0.2 / 1.128;
            double t1 = Math.pow(16, 1 / 3.6);
            double tCentre = (1 + t1) / 2;
            double tSigma = (t1 - 1) / 1.128;
            double ipSigma = Math.sqrt(Math.PI / 2) * 0.2 / Math.sqrt(0.2) * Math.sqrt(0.1);
            return Stream.of(
                    Arguments.of(ChartType.RUN, Series.of(10, 14), 12, Double.NaN, Double.NaN),
                    Arguments.of(ChartType.XMR, Series.of(10, 14), 12, 12 + 2.66 * 4, 12 - 2.66 * 4),
                    Arguments.of(ChartType.I, Series.of(10, 14), 12, 12 + 3 * 4 / 1.128, 12 - 3 * 4 / 1.128),
                    Arguments.of(ChartType.MR, Series.of(10, 14), 4, 3.267 * 4, 0),
                    Arguments.of(ChartType.P, proportions(3, 5), p, p + 3 * Math.sqrt(p * (1 - p) / 10), 0),
                    Arguments.of(ChartType.PP, proportions(3, 5), p, p + 3 * laney, 0),
                    Arguments.of(ChartType.U, proportions(3, 5), p, p + 3 * Math.sqrt(p / 10), 0),
                    Arguments.of(ChartType.UP, proportions(3, 5), p, p + 3 * laney, 0),
                    Arguments.of(ChartType.C, Series.of(4, 6), 5, 5 + 3 * Math.sqrt(5), 0),
                    Arguments.of(ChartType.G, Series.of(4, 6), 5, 5 + 3 * Math.sqrt(5 * 6), 0),
                    Arguments.of(ChartType.T, Series.of(1, 16), Math.pow(tCentre, 3.6),
                            Math.pow(tCentre + 3 * tSigma, 3.6), 0),
                    Arguments.of(ChartType.XBAR, Series.subgroups(new double[] {4, 6, 8}, new double[] {6, 8, 10}), 7,
                            7 + A3_OF_3 * 2, 7 - A3_OF_3 * 2),
                    Arguments.of(ChartType.S, Series.subgroups(new double[] {4, 6, 8}, new double[] {6, 8, 10}), 2,
                            B4_OF_3 * 2, 0),
                    Arguments.of(ChartType.IP, proportions(3, 5), p, p + 3 * ipSigma, p - 3 * ipSigma));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("twoPoints")
        void twoPointsHaveTheseLimits(ChartType chart, List<Observation> observations, double centre, double ucl,
                double lcl) {
            assertLatestLimits(chart, observations, centre, ucl, lcl);
        }

        private static void assertLatestLimits(ChartType chart, List<Observation> observations, double centre,
                double ucl, double lcl) {
            ChartPoint latest = Spc.chart(ChartSpec.of(chart), observations).latest();
            assertAll(
                    () -> assertClose(centre, latest.centre(), "centre"),
                    () -> assertClose(ucl, latest.upperLimit(), "upper limit"),
                    () -> assertClose(lcl, latest.lowerLimit(), "lower limit"),
                    () -> assertEquals(List.of(), latest.signals()));
        }

        @Test
        void theMovingRangeChartHasNoRangeForItsFirstPoint() {
            ChartResult mr = Spc.chart(ChartSpec.of(ChartType.MR), Series.of(10, 14));
            assertTrue(mr.points().get(0).missing());
            assertEquals(4, mr.points().get(1).y());
            assertFalse(mr.runs().get(0).signal(), "the MR chart's runs signal is always false");
        }
    }

    /** Constant series: every moving range is 0 (ALGORITHMS.md §1.2, ptd_constant_* cases). */
    @Nested
    class ConstantSeries {

        private final List<Observation> fives = Series.of(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5);

        @Test
        void unscreenedLimitsCollapseOntoTheCentreAndNothingFires() {
            ChartResult mdc = Spc.chart(ChartSpec.of(ChartType.XMR).improvement(Improvement.INCREASE), fives);
            for (ChartPoint point : mdc.points()) {
                assertEquals(5, point.centre());
                assertEquals(5, point.upperLimit());
                assertEquals(5, point.lowerLimit());
                assertEquals(List.of(), point.signals(), "on the limit is not beyond it, on the centre breaks a shift, "
                        + "equal neighbours make no trend");
            }
            assertEquals(VariationIcon.COMMON_CAUSE, mdc.variation());
            RunsAnalysis runs = mdc.runs().get(0);
            assertEquals(15, runs.observations());
            assertEquals(0, runs.useful(), "every point is on the centre line");
            assertNull(runs.longestRun());
            assertFalse(runs.signal());

            ChartResult i = Spc.chart(ChartSpec.of(ChartType.I).screenOutliers(false), fives);
            assertEquals(5, i.latest().upperLimit());
            assertEquals(5, i.latest().lowerLimit());
        }

        /** Screening keeps ranges below 3.267·0 = 0: none survives, so there is no MR̄ and no limit. */
        @Test
        void screenedLimitsDoNotExist() {
            List<ChartSpec> screened = List.of(
                    ChartSpec.of(ChartType.XMR).rules(RuleSet.PTD),
                    ChartSpec.of(ChartType.XMR).screenOutliers(true),
                    ChartSpec.of(ChartType.I));
            for (ChartSpec spec : screened) {
                ChartResult chart = Spc.chart(spec.improvement(Improvement.INCREASE).target(5), fives);
                String what = spec.chart().code() + "/" + spec.rules().code();
                assertEquals(5, chart.latest().centre(), what);
                assertTrue(Double.isNaN(chart.latest().upperLimit()), what);
                assertTrue(Double.isNaN(chart.latest().lowerLimit()), what);
                assertTrue(chart.points().stream().allMatch(p -> p.signals().isEmpty()), what);
                assertEquals(AssuranceIcon.HIT_AND_MISS, chart.assurance(), "no limits: hit and miss, " + what);
            }
        }
    }

    @Nested
    class MissingValues {

        @ParameterizedTest
        @EnumSource(ChartType.class)
        void anAllMissingSeriesKeepsItsPointsAndSignalsNothing(ChartType chart) {
            List<Observation> missing = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                missing.add(Observation.missing(period(i)));
                if (chart.subgrouped()) {
                    missing.add(Observation.missing(period(i)));
                }
            }
            ChartResult result = Spc.chart(ChartSpec.of(chart).improvement(Improvement.INCREASE), missing);
            assertEquals(4, result.points().size());
            for (ChartPoint point : result.points()) {
                assertTrue(point.missing());
                assertTrue(Double.isNaN(point.value()));
                assertTrue(Double.isNaN(point.centre()));
                assertTrue(Double.isNaN(point.upperLimit()));
                assertTrue(chart == ChartType.MR || Double.isNaN(point.lowerLimit()),
                        "only the MR chart has a lower limit (0) without data");
                assertEquals(List.of(), point.signals());
                assertEquals(PointType.COMMON_CAUSE, point.type());
            }
            RunsAnalysis runs = result.runs().get(0);
            assertEquals(4, runs.observations());
            assertEquals(0, runs.useful());
            assertFalse(runs.signal());
            assertEquals(VariationIcon.COMMON_CAUSE, result.variation());
        }

        /** 12, 13, 12, missing, 12, 13, 12, 13: seven values above the centre, but never seven in a row. */
        @Test
        void aMissingValueBreaksAShift() {
            ChartSpec mdc = ChartSpec.of(ChartType.XMR).baseline(BASELINE_LENGTH);
            ChartResult gap = Spc.chart(mdc, afterQuietBaseline(12, 13, 12, Double.NaN, 12, 13, 12, 13, 10));
            assertEquals(List.of(), flaggedInPattern(gap, Signal.SHIFT));

            ChartPoint missing = gap.points().get(BASELINE_LENGTH + 3);
            assertTrue(missing.missing());
            assertEquals(List.of(), missing.signals());
            assertEquals(PointType.COMMON_CAUSE, missing.type());
            assertEquals(11, missing.centre(), "a missing value keeps its phase's centre and limits");
            assertEquals(16.32, missing.upperLimit(), 1e-12);

            ChartResult filled = Spc.chart(mdc, afterQuietBaseline(12, 13, 12, 12, 12, 13, 12, 13, 10));
            assertEquals(range(0, 7), flaggedInPattern(filled, Signal.SHIFT));

            ChartSpec ihi = ChartSpec.of(ChartType.I).rules(RuleSet.IHI).baseline(BASELINE_LENGTH);
            assertEquals(List.of(), flaggedInPattern(Spc.chart(ihi,
                    afterQuietBaseline(12, 13, 12, Double.NaN, 12, 13, 12, 10)), Signal.SHIFT),
                    "ihi skips a point on the centre line, but a missing value still breaks the shift");
        }

        /** 9, 9.5, 10, missing, 11.5, 12, 12.5: with 10.5 in the gap it is a seven-point trend. */
        @Test
        void aMissingValueBreaksATrend() {
            ChartSpec mdc = ChartSpec.of(ChartType.XMR).baseline(BASELINE_LENGTH);
            assertEquals(List.of(), flaggedInPattern(
                    Spc.chart(mdc, afterQuietBaseline(9, 9.5, 10, Double.NaN, 11.5, 12, 12.5, 11)), Signal.TREND));
            assertEquals(range(0, 6), flaggedInPattern(
                    Spc.chart(mdc, afterQuietBaseline(9, 9.5, 10, 10.5, 11.5, 12, 12.5, 11)), Signal.TREND));
        }

        /** Equal neighbours break an mdc trend: 9 .. 12.5 with 10.5 repeated is two rises of four points. */
        @Test
        void aTieBreaksAnMdcTrend() {
            ChartSpec mdc = ChartSpec.of(ChartType.XMR).baseline(BASELINE_LENGTH);
            assertEquals(List.of(), flaggedInPattern(
                    Spc.chart(mdc, afterQuietBaseline(9, 9.5, 10, 10.5, 10.5, 11.5, 12, 12.5, 11)), Signal.TREND));
        }

        /**
         * The variation icon under mdc reads the latest point with a value (17, above the limit: an
         * improvement on an increase measure); ptd reads the last row even when it is missing.
         */
        @Test
        void aMissingLastValueIsSkippedForTheVariationIconExceptUnderPtd() {
            List<Observation> series = afterQuietBaseline(17, Double.NaN);
            ChartSpec mdc = ChartSpec.of(ChartType.XMR).baseline(BASELINE_LENGTH).improvement(Improvement.INCREASE);
            assertEquals(VariationIcon.IMPROVEMENT_HIGH, Spc.chart(mdc, series).variation());
            assertEquals(VariationIcon.COMMON_CAUSE, Spc.chart(mdc.rules(RuleSet.PTD), series).variation());
        }
    }

    /**
     * 12, 13, 12, then 11 exactly on the centre, then 12, 13, 12, 13: under mdc the centre point
     * breaks the shift; the Anhøj runs analysis drops it, so the run above counts 7.
     */
    @Test
    void aPointOnTheCentreLineBreaksAShiftButIsSkippedByTheRunsAnalysis() {
        List<Observation> split = afterQuietBaseline(12, 13, 12, 11, 12, 13, 12, 13, 10);
        ChartResult mdc = Spc.chart(ChartSpec.of(ChartType.XMR).baseline(BASELINE_LENGTH), split);
        assertEquals(List.of(), flaggedInPattern(mdc, Signal.SHIFT));
        assertEquals(range(0, 7), flaggedInPattern(Spc.chart(ChartSpec.of(ChartType.XMR).baseline(BASELINE_LENGTH),
                afterQuietBaseline(12, 13, 12, 12, 12, 13, 12, 13, 10)), Signal.SHIFT));

        RunsAnalysis anhoej = Spc.chart(ChartSpec.of(ChartType.I).baseline(BASELINE_LENGTH), split).runs().get(0);
        assertEquals(27, anhoej.observations());
        assertEquals(26, anhoej.useful(), "the point on the centre line is not useful");
        assertEquals(7, anhoej.longestRun(), "three and four above, either side of the centre point");
        assertEquals(mdc.runs().get(0), anhoej, "mdc reports the same Anhøj statistics for information");
    }

    @Nested
    class BadInput {

        @ParameterizedTest
        @EnumSource(value = ChartType.class, names = {"P", "PP", "U", "UP", "IP"})
        void aDenominatorOfZeroOrLessIsRejectedWhereOneIsNeeded(ChartType chart) {
            for (double denominator : new double[] {0, -5}) {
                List<Observation> series = List.of(Observation.of(period(0), 3, 10),
                        Observation.of(period(1), 0, denominator));
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> Spc.chart(ChartSpec.of(chart), series));
                assertTrue(e.getMessage().contains(period(1).toString()), "the message names the period: " + e.getMessage());
            }
        }

        /**
         * Any chart divides the value by a denominator when there is one (DESIGN.md: "value/denominator
         * whenever a denominator column is given (any chart)"), so a denominator of 0 or less is refused
         * on every chart: 5/0 would be plotted as infinity and 0/0 as a missing value.
         */
        @ParameterizedTest
        @EnumSource(value = ChartType.class, names = {"RUN", "XMR", "I", "MR", "C", "G", "T"})
        void aDenominatorOfZeroIsRejectedOnEveryChartThatTakesOne(ChartType chart) {
            List<Observation> series = List.of(Observation.of(period(0), 3, 10), Observation.of(period(1), 5, 0));
            assertThrows(IllegalArgumentException.class, () -> Spc.chart(ChartSpec.of(chart), series));
        }

        @ParameterizedTest
        @EnumSource(value = ChartType.class, names = {"XBAR", "S"}, mode = EnumSource.Mode.EXCLUDE)
        void aPeriodGivenTwiceIsRejectedOutsideXbarAndS(ChartType chart) {
            List<Observation> twice = List.of(validObservation(chart, period(0)), validObservation(chart, period(1)),
                    validObservation(chart, period(0)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Spc.chart(ChartSpec.of(chart), twice));
            assertTrue(e.getMessage().contains(period(0).toString()), e.getMessage());
        }

        @ParameterizedTest
        @EnumSource(value = ChartType.class, names = {"XBAR", "S"})
        void aPeriodGivenTwiceIsOneSubgroupOnXbarAndS(ChartType chart) {
            List<Observation> twice = List.of(Observation.of(period(0), 4), Observation.of(period(1), 5),
                    Observation.of(period(0), 8));
            ChartResult result = Spc.chart(ChartSpec.of(chart), twice);
            assertEquals(2, result.points().size());
        }

        @Test
        void valuesAChartCannotTakeAreRejected() {
            assertThrows(IllegalArgumentException.class, () -> Spc.chart(ChartSpec.of(ChartType.P),
                    List.of(Observation.of(period(0), 11, 10))), "a proportion above its denominator");
            assertThrows(IllegalArgumentException.class, () -> Spc.chart(ChartSpec.of(ChartType.C),
                    List.of(Observation.of(period(0), -1))), "a negative count");
            assertThrows(IllegalArgumentException.class, () -> Spc.chart(ChartSpec.of(ChartType.U),
                    List.of(Observation.of(period(0), -1, 10))), "a negative rate");
            assertThrows(IllegalArgumentException.class, () -> Spc.chart(ChartSpec.of(ChartType.T),
                    List.of(Observation.of(period(0), 0))), "a time between events of 0");
            assertThrows(IllegalArgumentException.class, () -> Spc.chart(ChartSpec.of(ChartType.XMR),
                    List.of(Observation.of(period(0), Double.POSITIVE_INFINITY))), "an infinite value");
        }
    }

    /** Excluded points: plotted and tested against the limits, out of the centre, limits, runs and rules. */
    @Nested
    class ExcludedPoints {

        /** 10, 12, (100), 10, 12: the base is 10, 12, 10, 12, mean 11, moving ranges 2, 2 (bridging the 100), 2. */
        @Test
        void anExcludedPointIsStillTestedAgainstTheLimits() {
            ChartSpec spec = ChartSpec.of(ChartType.XMR).excluded(List.of(period(2)));
            ChartResult result = Spc.chart(spec, Series.of(10, 12, 100, 10, 12));
            ChartPoint outlier = result.points().get(2);
            assertTrue(outlier.excluded());
            assertEquals(List.of(Signal.OUTSIDE_LIMITS), outlier.signals());
            assertEquals(11, outlier.centre(), 1e-12);
            assertEquals(11 + 2.66 * 2, outlier.upperLimit(), 1e-12);
            assertEquals(4, result.runs().get(0).observations(), "the excluded point is not in the runs analysis");

            ChartPoint without = Spc.chart(ChartSpec.of(ChartType.XMR), Series.of(10, 12, 10, 12)).latest();
            assertEquals(without.centre(), outlier.centre());
            assertEquals(without.upperLimit(), outlier.upperLimit());
            assertEquals(without.lowerLimit(), outlier.lowerLimit());
        }

        /** Six points above the centre, then a seventh that is excluded: not a shift. */
        @Test
        void anExcludedPointDoesNotCompleteAShift() {
            List<Observation> series = afterQuietBaseline(12, 13, 12, 13, 12, 13, 12, 10);
            ChartSpec mdc = ChartSpec.of(ChartType.XMR).baseline(BASELINE_LENGTH);
            assertEquals(range(0, 6), flaggedInPattern(Spc.chart(mdc, series), Signal.SHIFT));
            ChartResult excluded = Spc.chart(mdc.excluded(List.of(period(BASELINE_LENGTH + 6))), series);
            assertEquals(List.of(), flaggedInPattern(excluded, Signal.SHIFT));
        }

        /** Six points rising, then a seventh higher still that is excluded: not a trend. */
        @Test
        void anExcludedPointDoesNotCompleteATrend() {
            List<Observation> series = afterQuietBaseline(9, 9.5, 10, 10.5, 11.5, 12, 12.5, 11);
            ChartSpec mdc = ChartSpec.of(ChartType.XMR).baseline(BASELINE_LENGTH);
            assertEquals(range(0, 6), flaggedInPattern(Spc.chart(mdc, series), Signal.TREND));
            ChartResult excluded = Spc.chart(mdc.excluded(List.of(period(BASELINE_LENGTH + 6))), series);
            assertEquals(List.of(), flaggedInPattern(excluded, Signal.TREND));
        }

        /**
         * 12, 13, 12, (4, excluded, below the lower limit 5.68), 12, 13, 12, 13: the rules skip the
         * excluded point, so the seven values above the centre make a shift; the excluded point is
         * only outside the limits.
         */
        @Test
        void anExcludedPointDoesNotBreakAShift() {
            ChartSpec mdc = ChartSpec.of(ChartType.XMR).baseline(BASELINE_LENGTH)
                    .excluded(List.of(period(BASELINE_LENGTH + 3)));
            ChartResult result = Spc.chart(mdc, afterQuietBaseline(12, 13, 12, 4, 12, 13, 12, 13, 10));
            assertEquals(List.of(0, 1, 2, 4, 5, 6, 7), flaggedInPattern(result, Signal.SHIFT));
            ChartPoint excluded = result.points().get(BASELINE_LENGTH + 3);
            assertEquals(List.of(Signal.OUTSIDE_LIMITS), excluded.signals());
            assertEquals(PointType.SPECIAL_CAUSE_NEUTRAL_LOW, excluded.type());
        }
    }

    /** Rebase dates that match no point (ALGORITHMS.md §1.1; PhasePlan). */
    @Nested
    class RebaseBetweenPoints {

        private final List<Observation> monthly = Series.of(Series.QUIET_BASELINE);
        private final LocalDate midJune = LocalDate.of(2020, 6, 15);

        @Test
        void startsThePhaseAtTheNextPoint() {
            ChartResult mdc = Spc.chart(ChartSpec.of(ChartType.XMR).rebases(List.of(midJune)), monthly);
            assertEquals(2, mdc.phases());
            for (ChartPoint point : mdc.points()) {
                int expectedPhase = point.period().isBefore(midJune) ? 1 : 2;
                assertEquals(expectedPhase, point.phase(), point.period().toString());
            }
            assertEquals(LocalDate.of(2020, 7, 1), mdc.points().get(6).period());
            assertEquals(2, mdc.points().get(6).phase());
            assertTrue(mdc.warnings().stream().noneMatch(w -> w.message().contains("rebase")), mdc.warnings().toString());
        }

        @Test
        void isIgnoredWithAWarningUnderPtd() {
            ChartResult ptd = Spc.chart(ChartSpec.of(ChartType.XMR).rules(RuleSet.PTD).rebases(List.of(midJune)), monthly);
            assertEquals(1, ptd.phases());
            assertTrue(ptd.points().stream().allMatch(p -> p.phase() == 1));
            assertTrue(ptd.warnings().stream().anyMatch(w -> w.message().contains("rebase date 2020-06-15")), ptd.warnings().toString());
        }

        /**
         * A date before the first point starts no phase (phase 1 starts there anyway); the analyst
         * should hear that it was ignored, as for a date after the last point and for any unmatched
         * date under ptd (ChartResult: warnings include "rebase or exclude dates that match no point").
         */
        @Test
        void beforeTheFirstPointIsIgnoredWithAWarning() {
            ChartResult mdc = Spc.chart(ChartSpec.of(ChartType.XMR).rebases(List.of(LocalDate.of(2019, 6, 1))), monthly);
            assertEquals(1, mdc.phases());
            assertTrue(mdc.warnings().stream().anyMatch(w -> w.message().contains("2019-06-01")), mdc.warnings().toString());
        }

        @Test
        void afterTheLastPointIsIgnoredWithAWarning() {
            ChartResult mdc = Spc.chart(ChartSpec.of(ChartType.XMR).rebases(List.of(LocalDate.of(2030, 1, 1))), monthly);
            assertEquals(1, mdc.phases());
            assertTrue(mdc.warnings().stream().anyMatch(w -> w.message().contains("2030-01-01")), mdc.warnings().toString());
        }
    }
}
