package kpo.spc;

import static kpo.spc.Series.period;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Properties of the engine that hold for every series: invariance under a shift or a change of
 * scale, limits around the centre, the two ways of flipping the improvement direction, phases that
 * do not see each other, no infinities, no dependence on input order. Series are drawn per chart
 * type (counts and denominators for P, P′, U, U′ and I′, positive times for T, subgroups for Xbar
 * and S), mostly integer-valued with steps, trends and spikes so that signals fire often and
 * floating-point ties are rare and detectable.
 *
 * <p>Properties over every chart type run 500 tries without jqwik's edge cases: the edge cases of
 * these nested generators cost more than the tries themselves and n = 0, 1, 2 are swept in
 * {@link EdgeCaseTest}. Coverage checks make sure the generators do produce special causes, so
 * that the signal comparisons are not vacuous.
 */
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
class SpcPropertyTest {

    /** Relative tolerance for centre and limits after a shift or a change of scale. */
    private static final double RELATIVE = 1e-9;
    /** A value this close (relative to the data) to a centre, sigma or limit line may tie differently after rounding. */
    private static final double TIE = 1e-6;

    // ---------------------------------------------------------------------------------------------
    // Shift and scale

    /**
     * Adding c to every value adds c to the centre and both limits and moves nothing across a line:
     * the signals, point types, runs analysis and variation icon stay as they were. Integer data
     * and an integer c keep the moving ranges exact; a series with a value within 1e-6 of a line is
     * not compared for signals, since the mean may round differently after the shift.
     */
    @Property
    void addingAConstantMovesCentreAndLimitsAndKeepsTheSignals(@ForAll("shapedWithGaps") double[] values,
            @ForAll @IntRange(min = -10_000, max = 10_000) int c, @ForAll("shiftSpecs") ChartSpec spec) {
        double[] shiftedValues = Arrays.stream(values).map(v -> v + c).toArray();
        ChartResult original = Spc.chart(spec, Series.of(values));
        ChartResult shifted = Spc.chart(spec, Series.of(shiftedValues));

        double scale = magnitude(values) + Math.abs(c);
        assertNumbersMap(original, shifted, x -> x + c, RELATIVE * Math.max(1, scale));
        boolean tie = nearALine(original, TIE) || nearALine(shifted, TIE);
        Statistics.label("compared signals").collect(!tie);
        Statistics.label("special cause").collect(hasSpecialCause(original));
        if (!tie) {
            assertSameSignals(original, shifted);
        }
        Statistics.label("compared signals").coverage(k -> k.check(true).percentage(p -> p > 50));
        Statistics.label("special cause").coverage(k -> k.check(true).percentage(p -> p > 30));
    }

    @Provide
    Arbitrary<ChartSpec> shiftSpecs() {
        Arbitrary<ChartSpec> charts = Arbitraries.of(ChartSpec.of(ChartType.XMR).rules(RuleSet.MDC),
                ChartSpec.of(ChartType.XMR).rules(RuleSet.PTD), ChartSpec.of(ChartType.I).rules(RuleSet.ANHOEJ));
        return Combinators.combine(charts, Arbitraries.of(Improvement.class), Arbitraries.of(0, 12, 20))
                .as((spec, direction, baseline) -> spec.improvement(direction).baseline(baseline));
    }

    /**
     * Multiplying every value by k > 0 multiplies the centre and limits by k on every chart whose
     * limits are equivariant (XmR, I, MR, run, T, Xbar, S; not P, U, C or G, whose sigma comes from
     * the counting model), and moves nothing across a line.
     */
    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void multiplyingEveryValueByAPositiveFactorScalesCentreAndLimits(@ForAll("scalableCases") Case c,
            @ForAll @DoubleRange(min = 0.001, max = 1000) @Scale(6) double k) {
        List<Observation> scaled = c.observations().stream()
                .map(o -> new Observation(o.period(), o.value() * k, o.denominator())).toList();
        ChartResult original = Spc.chart(c.spec(), c.observations());
        ChartResult multiplied = Spc.chart(c.spec(), scaled);

        double scale = Math.max(magnitude(original), Double.MIN_NORMAL) * k;
        assertNumbersMap(original, multiplied, x -> x * k, RELATIVE * scale);
        boolean tie = nearALine(original, TIE * magnitude(original)) || nearALine(multiplied, TIE * scale);
        Statistics.label("compared signals").collect(!tie);
        if (!tie) {
            assertSameSignals(original, multiplied);
        }
        Statistics.label("compared signals").coverage(check -> check.check(true).percentage(p -> p > 50));
    }

    @Provide
    Arbitrary<Case> scalableCases() {
        return Arbitraries.of(ChartType.XMR, ChartType.I, ChartType.MR, ChartType.RUN, ChartType.T, ChartType.XBAR,
                ChartType.S).flatMap(chart -> observations(chart, true, 1).flatMap(obs -> Arbitraries.of(Improvement.class)
                .map(direction -> new Case(ChartSpec.of(chart).improvement(direction), obs))));
    }

    /**
     * The {@code multiply} option (rates per 1,000) scales y, centre and limits exactly, after
     * everything is computed, and changes no signal.
     */
    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void theMultiplyOptionScalesTheOutputOnly(@ForAll("anyCases") Case c,
            @ForAll @DoubleRange(min = 0.001, max = 1000) @Scale(6) double k) {
        ChartSpec plain = c.spec().multiply(1).target(Double.NaN);
        ChartResult once = Spc.chart(plain, c.observations());
        ChartResult scaled = Spc.chart(plain.multiply(k), c.observations());
        for (int i = 0; i < once.points().size(); i++) {
            ChartPoint p = once.points().get(i);
            ChartPoint q = scaled.points().get(i);
            assertEquals(p.y() * k, q.y());
            assertEquals(p.centre() * k, q.centre());
            assertEquals(p.upperLimit() * k, q.upperLimit());
            assertEquals(p.lowerLimit() * k, q.lowerLimit());
            assertEquals(p.signals(), q.signals());
            assertEquals(p.type(), q.type());
        }
        assertEquals(once.runs(), scaled.runs());
        assertEquals(once.variation(), scaled.variation());
    }

    // ---------------------------------------------------------------------------------------------
    // Limits and direction

    /** Wherever the centre and a limit both exist, lcl ≤ centre ≤ ucl, whatever the chart, options or data. */
    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void theLimitsEncloseTheCentre(@ForAll("anyCases") Case c) {
        ChartResult result = Spc.chart(c.spec(), c.observations());
        for (ChartPoint p : result.points()) {
            if (!Double.isNaN(p.lowerLimit()) && !Double.isNaN(p.centre())) {
                assertTrue(p.lowerLimit() <= p.centre(), "lcl above the centre at " + p);
            }
            if (!Double.isNaN(p.upperLimit()) && !Double.isNaN(p.centre())) {
                assertTrue(p.centre() <= p.upperLimit(), "ucl below the centre at " + p);
            }
            if (!Double.isNaN(p.upperLimit()) && !Double.isNaN(p.lowerLimit())) {
                assertTrue(p.lowerLimit() <= p.upperLimit(), "lcl above ucl at " + p);
            }
        }
    }

    /**
     * Under ptd one signal colours a point, so flipping the direction swaps improvement and concern
     * exactly, point by point; the variation icon swaps improvement and concern on the same side and
     * the assurance icon swaps pass and fail.
     */
    @Property
    void underPtdFlippingTheDirectionSwapsImprovementAndConcernExactly(@ForAll("shapedWithGaps") double[] values,
            @ForAll("targets") double target) {
        ChartSpec ptd = ChartSpec.of(ChartType.XMR).rules(RuleSet.PTD).target(target);
        ChartResult increase = Spc.chart(ptd.improvement(Improvement.INCREASE), Series.of(values));
        ChartResult decrease = Spc.chart(ptd.improvement(Improvement.DECREASE), Series.of(values));
        for (int i = 0; i < increase.points().size(); i++) {
            PointType up = increase.points().get(i).type();
            PointType down = decrease.points().get(i).type();
            assertEquals(swapped(up), down, "point " + i);
            assertEquals(increase.points().get(i).signals(), decrease.points().get(i).signals());
        }
        assertEquals(swapped(increase.variation()), decrease.variation());
        assertEquals(swapped(increase.assurance()), decrease.assurance());
        Statistics.label("special cause").collect(hasSpecialCause(increase));
        Statistics.label("special cause").coverage(k -> k.check(true).percentage(p -> p > 30));
    }

    /**
     * Under mdc (and every rule set but ptd) improvement wins when a point carries both directions,
     * so an exact swap does not hold; what does: a concern point under one direction is an
     * improvement under the other, special cause stays special cause, and neutral colours (signals
     * without a direction) stay as they are.
     */
    @Property
    void underMdcAConcernUnderOneDirectionIsAnImprovementUnderTheOther(@ForAll("shapedWithGaps") double[] values,
            @ForAll("improvementWinsSpecs") ChartSpec spec) {
        ChartResult increase = Spc.chart(spec.improvement(Improvement.INCREASE), Series.of(values));
        ChartResult decrease = Spc.chart(spec.improvement(Improvement.DECREASE), Series.of(values));
        boolean both = false;
        for (int i = 0; i < increase.points().size(); i++) {
            PointType up = increase.points().get(i).type();
            PointType down = decrease.points().get(i).type();
            String at = spec.rules().code() + " point " + i;
            assertEquals(up.specialCause(), down.specialCause(), at);
            if (up == PointType.SPECIAL_CAUSE_CONCERN) {
                assertEquals(PointType.SPECIAL_CAUSE_IMPROVEMENT, down, at);
            }
            if (down == PointType.SPECIAL_CAUSE_CONCERN) {
                assertEquals(PointType.SPECIAL_CAUSE_IMPROVEMENT, up, at);
            }
            if (up == PointType.SPECIAL_CAUSE_NEUTRAL_HIGH || up == PointType.SPECIAL_CAUSE_NEUTRAL_LOW) {
                assertEquals(up, down, at);
            }
            both |= up == PointType.SPECIAL_CAUSE_IMPROVEMENT && down == PointType.SPECIAL_CAUSE_IMPROVEMENT;
        }
        Statistics.label("special cause").collect(hasSpecialCause(increase));
        Statistics.label("improvement both ways").collect(both);
        Statistics.label("special cause").coverage(k -> k.check(true).percentage(p -> p > 30));
        Statistics.label("improvement both ways").coverage(k -> k.check(true).count(n -> n > 0));
    }

    @Provide
    Arbitrary<ChartSpec> improvementWinsSpecs() {
        return Arbitraries.of(
                ChartSpec.of(ChartType.XMR).rules(RuleSet.MDC),
                ChartSpec.of(ChartType.XMR).rules(RuleSet.MDC).shift(6).trend(6),
                ChartSpec.of(ChartType.I).rules(RuleSet.IHI),
                ChartSpec.of(ChartType.I).rules(RuleSet.WE),
                ChartSpec.of(ChartType.I).rules(RuleSet.NELSON),
                ChartSpec.of(ChartType.I).rules(RuleSet.ANHOEJ));
    }

    // ---------------------------------------------------------------------------------------------
    // Phases

    /**
     * No rule crosses a rebase: each phase of a rebased chart has the same points (values, centre,
     * limits, baseline and excluded flags, signals, types) and the same runs analysis as that
     * phase charted alone, and the assurance icon is the last phase's. The MR chart is left out:
     * its plotted moving range at the start of a phase spans the rebase (qicharts2 computes moving
     * ranges over the whole series before splitting it into parts, ALGORITHMS.md §2.3).
     */
    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void eachPhaseIsChartedAsIfAlone(@ForAll("rebasedCases") Case c) {
        ChartResult whole = Spc.chart(c.spec(), c.observations());
        List<LocalDate> rebases = c.spec().rebases();
        assertEquals(rebases.size() + 1, whole.phases());
        ChartResult last = null;
        int at = 0;
        for (int phase = 1; phase <= whole.phases(); phase++) {
            LocalDate from = phase == 1 ? LocalDate.MIN : rebases.get(phase - 2);
            LocalDate to = phase > rebases.size() ? LocalDate.MAX : rebases.get(phase - 1);
            List<Observation> part = c.observations().stream()
                    .filter(o -> !o.period().isBefore(from) && o.period().isBefore(to)).toList();
            List<LocalDate> excluded = c.spec().excluded().stream()
                    .filter(d -> !d.isBefore(from) && d.isBefore(to)).toList();
            ChartResult alone = Spc.chart(c.spec().rebases(List.of()).excluded(excluded), part);
            for (ChartPoint point : alone.points()) {
                assertEquals(point, inPhase(whole.points().get(at), 1), "phase " + phase + ", point " + at);
                at++;
            }
            assertEquals(alone.runs().get(0), inPhase(whole.runs().get(phase - 1), 1), "runs of phase " + phase);
            last = alone;
        }
        assertEquals(whole.points().size(), at);
        assertEquals(last.assurance(), whole.assurance());
        if (c.spec().rules() == RuleSet.PTD || last.points().stream().anyMatch(p -> !p.missing())) {
            assertEquals(last.variation(), whole.variation(), "the variation icon comes from the latest phase");
        }
        Statistics.label("special cause").collect(hasSpecialCause(whole));
        Statistics.label("special cause").coverage(k -> k.check(true).percentage(p -> p > 20));
    }

    @Provide
    Arbitrary<Case> rebasedCases() {
        Arbitrary<ChartType> charts = Arbitraries.of(Arrays.stream(ChartType.values())
                .filter(t -> t != ChartType.MR).toList());
        return charts.flatMap(chart -> observations(chart, true, 1).filter(obs -> periods(obs).size() >= 2)
                .flatMap(obs -> {
                    List<LocalDate> periods = periods(obs);
                    Arbitrary<Set<LocalDate>> rebases = Arbitraries.of(periods.subList(1, periods.size()))
                            .set().ofMinSize(1).ofMaxSize(3);
                    return Combinators.combine(spec(chart, periods, true, false), rebases)
                            .as((spec, dates) -> new Case(spec.rebases(new ArrayList<>(dates)), obs));
                }));
    }

    private static ChartPoint inPhase(ChartPoint p, int phase) {
        return new ChartPoint(p.period(), p.value(), p.denominator(), p.y(), p.centre(), p.upperLimit(),
                p.lowerLimit(), phase, p.baseline(), p.excluded(), p.signals(), p.type(), p.sequence());
    }

    private static RunsAnalysis inPhase(RunsAnalysis r, int phase) {
        return new RunsAnalysis(phase, r.observations(), r.useful(), r.longestRun(), r.longestRunMax(), r.crossings(),
                r.crossingsMin(), r.crossingsMax(), r.signal());
    }

    // ---------------------------------------------------------------------------------------------
    // Robustness

    /**
     * Finite input of 0..60 points (any real values the chart accepts, no missing value): no
     * exception, y and centre finite everywhere, nothing infinite anywhere. Limits may be NaN (one
     * point, a constant screened series, a Laney chart with nothing to estimate σz from). The MR
     * chart has no range for its first point, so that y is NaN, and neither is there a centre when
     * the first phase's base is that one point.
     */
    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void finiteInputGivesFiniteValuesAndCentres(@ForAll("finiteCases") Case c) {
        ChartResult result = Spc.chart(c.spec(), c.observations());
        boolean mr = c.spec().chart() == ChartType.MR;
        long firstPhase = result.points().stream().filter(p -> p.phase() == 1).count();
        boolean mrFirstBaseIsOnePoint = mr && (c.spec().baseline() == 1 || firstPhase == 1);
        for (int i = 0; i < result.points().size(); i++) {
            ChartPoint p = result.points().get(i);
            assertNoInfinity(p);
            if (!(mr && i == 0)) {
                assertTrue(Double.isFinite(p.y()), "y at " + p);
            }
            if (!(mrFirstBaseIsOnePoint && p.phase() == 1)) {
                assertTrue(Double.isFinite(p.centre()), "centre at " + p);
            }
        }
    }

    /** Any input the engine accepts, missing values, exclusions and odd rebase dates included: no exception, no infinity. */
    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void anyInputChartsWithoutAnInfinity(@ForAll("anyCases") Case c) {
        ChartResult result = Spc.chart(c.spec(), c.observations());
        assertEquals(periods(c.observations()).size(), result.points().size());
        result.points().forEach(SpcPropertyTest::assertNoInfinity);
        assertEquals(result.phases(), result.runs().size());
    }

    /**
     * Finite but huge values: a mean or a moving range of two values near ±Double.MAX_VALUE
     * overflows. Minimal case: xmr of [1.7976931348623157E308, -1.7976931348623157E308] gives
     * ucl = Infinity, lcl = -Infinity (the moving range |x₂ − x₁| overflows).
     */
    @Property(tries = 300)
    void extremeButFiniteValuesGiveNoInfinityOrAreRefused(@ForAll("extremeCases") Case c) {
        // Values beyond 1e100 in size are refused (their sums would overflow); all others chart with no infinity.
        boolean huge = c.observations().stream().anyMatch(o -> Math.abs(o.value()) > 1e100);
        if (huge) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Spc.chart(c.spec(), c.observations()));
        } else {
            Spc.chart(c.spec(), c.observations()).points().forEach(SpcPropertyTest::assertNoInfinity);
        }
    }

    @Provide
    Arbitrary<Case> extremeCases() {
        Arbitrary<ChartType> charts = Arbitraries.of(ChartType.XMR, ChartType.I, ChartType.MR, ChartType.RUN,
                ChartType.C, ChartType.G, ChartType.T);
        return charts.flatMap(chart -> {
            Arbitrary<Double> values = switch (chart) {
                case C, G -> Arbitraries.doubles().greaterOrEqual(0);
                case T -> Arbitraries.doubles().greaterThan(0);
                default -> Arbitraries.doubles();
            };
            return values.list().ofMaxSize(20).map(v -> new Case(ChartSpec.of(chart),
                    Series.of(v.stream().mapToDouble(Double::doubleValue).toArray())));
        });
    }

    /** The engine sorts by period: shuffling the input changes nothing. */
    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void reorderingTheInputChangesNothing(@ForAll("anyCases") Case c, @ForAll Random random) {
        List<Observation> shuffled = new ArrayList<>(c.observations());
        Collections.shuffle(shuffled, random);
        ChartResult inOrder = Spc.chart(c.spec(), c.observations());
        ChartResult reordered = Spc.chart(c.spec(), shuffled);
        if (!c.spec().chart().subgrouped()) {
            assertEquals(inOrder, reordered);
            return;
        }
        // Within a subgroup the order of the sums differs, so a subgroup SD may move in its last bit.
        assertNumbersMap(inOrder, reordered, x -> x, RELATIVE * Math.max(1, magnitude(inOrder)));
        if (!nearALine(inOrder, TIE * Math.max(1, magnitude(inOrder)))) {
            assertSameSignals(inOrder, reordered);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Generators

    /** A series, the chart to draw and how. */
    record Case(ChartSpec spec, List<Observation> observations) {

        @Override
        public String toString() {
            String data = observations.stream()
                    .map(o -> o.period() + ":" + (o.hasDenominator() ? o.value() + "/" + o.denominator() : o.value()))
                    .collect(Collectors.joining(", ", "[", "]"));
            return spec + " " + data;
        }
    }

    /** A piece of a shaped series: offsets from the current level; a carried piece moves the level to its last value. */
    private record Piece(List<Integer> offsets, boolean carry) {
    }

    /**
     * Integer-valued series of 0..60 points built from noise, trends (3..9 steps of 1..3), steps
     * (a jump of up to 20 that stays) and spikes (12..30 away, once), so that shifts, trends,
     * two-of-three and points beyond the limits all occur.
     */
    static Arbitrary<double[]> shaped() {
        Arbitrary<Piece> noise = Arbitraries.integers().between(-4, 4).list().ofMinSize(1).ofMaxSize(8)
                .map(o -> new Piece(o, false));
        Arbitrary<Piece> trend = Combinators.combine(Arbitraries.integers().between(3, 9),
                Arbitraries.integers().between(1, 3), Arbitraries.of(-1, 1))
                .as((length, step, sign) -> new Piece(
                        IntStream.rangeClosed(1, length).map(k -> k * step * sign).boxed().toList(), true));
        Arbitrary<Piece> step = Arbitraries.integers().between(-20, 20).map(j -> new Piece(List.of(j), true));
        Arbitrary<Piece> spike = Combinators.combine(Arbitraries.integers().between(12, 30), Arbitraries.of(-1, 1))
                .as((size, sign) -> new Piece(List.of(size * sign), false));
        Arbitrary<Piece> piece = Arbitraries.frequencyOf(Tuple.of(4, noise), Tuple.of(2, trend), Tuple.of(2, step),
                Tuple.of(1, spike));
        return Combinators.combine(Arbitraries.integers().between(-30, 30), piece.list().ofMaxSize(14))
                .as((start, pieces) -> {
                    List<Double> values = new ArrayList<>();
                    int level = start;
                    for (Piece p : pieces) {
                        for (int offset : p.offsets()) {
                            values.add((double) (level + offset));
                        }
                        if (p.carry()) {
                            level += p.offsets().get(p.offsets().size() - 1);
                        }
                    }
                    return values.stream().limit(60).mapToDouble(Double::doubleValue).toArray();
                });
    }

    /** {@link #shaped()} with up to three values missing. */
    @Provide
    static Arbitrary<double[]> shapedWithGaps() {
        return Combinators.combine(shaped(), Arbitraries.integers().between(0, 59).set().ofMaxSize(3))
                .as((values, gaps) -> {
                    double[] withGaps = values.clone();
                    gaps.stream().filter(g -> g < withGaps.length).forEach(g -> withGaps[g] = Double.NaN);
                    return withGaps;
                });
    }

    @Provide
    Arbitrary<Double> targets() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Double.NaN)),
                Tuple.of(4, Arbitraries.integers().between(-60, 60).map(Integer::doubleValue)));
    }

    /**
     * Integer-valued observations suited to {@code chart}, 1 in 20 missing when {@code gaps}:
     * shaped values (absolute for C and G, at least 1 for T), counts out of 1..200 for proportions,
     * counts of 0..300 per 1..200 units for rates, subgroups of {@code minSubgroup}..5 for Xbar and S.
     */
    static Arbitrary<List<Observation>> observations(ChartType chart, boolean gaps, int minSubgroup) {
        double missing = gaps ? 0.05 : 0;
        Arbitrary<double[]> shaped = gaps ? shapedWithGaps() : shaped();
        return switch (chart) {
            case XMR, I, MR, RUN -> shaped.map(Series::of);
            case C, G -> shaped.map(v -> Series.of(Arrays.stream(v).map(Math::abs).toArray()));
            case T -> shaped.map(v -> Series.of(Arrays.stream(v).map(x -> Math.abs(x) + 1).toArray()));
            case P, PP, IP, U, UP -> {
                Arbitrary<double[]> pair = Arbitraries.integers().between(1, 200).flatMap(d -> Arbitraries.integers()
                        .between(0, chart.proportion() ? d : 300).map(v -> new double[] {v, d}));
                Arbitrary<double[]> maybeMissing = !gaps ? pair : Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.of(new double[] {Double.NaN, Double.NaN}, new double[] {Double.NaN, 50})),
                        Tuple.of(19, pair));
                yield maybeMissing.list().ofMaxSize(60).map(pairs -> {
                    List<Observation> observations = new ArrayList<>();
                    for (int i = 0; i < pairs.size(); i++) {
                        observations.add(new Observation(period(i), pairs.get(i)[0], pairs.get(i)[1]));
                    }
                    return observations;
                });
            }
            case XBAR, S -> {
                Arbitrary<Double> value = Arbitraries.integers().between(0, 30).map(Integer::doubleValue)
                        .injectNull(missing).map(v -> v == null ? Double.NaN : v);
                yield value.list().ofMinSize(minSubgroup).ofMaxSize(5).list().ofMaxSize(30)
                        .map(groups -> Series.subgroups(groups.stream()
                                .map(g -> g.stream().mapToDouble(Double::doubleValue).toArray())
                                .toArray(double[][]::new)));
            }
        };
    }

    /**
     * Real-valued observations (six decimals) suited to {@code chart}, none missing: values within
     * ±10⁶, positive for T, non-negative for C and G, a fraction of a denominator up to 10⁶ for
     * proportions, subgroups of 2..6 for Xbar and S.
     */
    static Arbitrary<List<Observation>> finiteObservations(ChartType chart) {
        Arbitrary<Double> any = Arbitraries.doubles().between(-1e6, 1e6).ofScale(6);
        Arbitrary<Double> denominator = Arbitraries.doubles().between(1e-3, 1e6).ofScale(6);
        Arbitrary<Double> fraction = Arbitraries.doubles().between(0, 1).ofScale(6);
        return switch (chart) {
            case XMR, I, MR, RUN -> doubles(any);
            case C, G -> doubles(Arbitraries.doubles().between(0, 1e6).ofScale(6));
            case T -> doubles(Arbitraries.doubles().between(1e-6, 1e6).ofScale(6));
            case P, PP, IP, U, UP -> Combinators.combine(denominator, chart.proportion() ? fraction : any.map(Math::abs))
                    .as((d, x) -> new double[] {chart.proportion() ? x * d : x, d}).list().ofMaxSize(60)
                    .map(pairs -> {
                        List<Observation> observations = new ArrayList<>();
                        for (int i = 0; i < pairs.size(); i++) {
                            observations.add(Observation.of(period(i), pairs.get(i)[0], pairs.get(i)[1]));
                        }
                        return observations;
                    });
            case XBAR, S -> any.list().ofMinSize(2).ofMaxSize(6).list().ofMaxSize(30)
                    .map(groups -> Series.subgroups(groups.stream()
                            .map(g -> g.stream().mapToDouble(Double::doubleValue).toArray())
                            .toArray(double[][]::new)));
        };
    }

    private static Arbitrary<List<Observation>> doubles(Arbitrary<Double> values) {
        return values.list().ofMaxSize(60).map(v -> Series.of(v.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** Every chart type with integer-shaped data, missing values, and any options: rule set, direction, target, screening, baseline, exclusions, rebases (on, between and after points), lengths, multiplier. */
    @Provide
    Arbitrary<Case> anyCases() {
        return Arbitraries.of(ChartType.class).flatMap(chart -> observations(chart, true, 1)
                .flatMap(obs -> spec(chart, periods(obs), true, true).map(spec -> new Case(spec, obs))));
    }

    /** Every chart type with real-valued data and no missing or excluded point. */
    @Provide
    Arbitrary<Case> finiteCases() {
        return Arbitraries.of(ChartType.class).flatMap(chart -> finiteObservations(chart)
                .flatMap(obs -> spec(chart, periods(obs), false, true).map(spec -> new Case(spec, obs))));
    }

    /** The distinct periods of {@code observations}, in order. */
    static List<LocalDate> periods(List<Observation> observations) {
        return new ArrayList<>(new TreeSet<>(observations.stream().map(Observation::period).toList()));
    }

    /** A spec for {@code chart} with random options valid for its rule set. */
    static Arbitrary<ChartSpec> spec(ChartType chart, List<LocalDate> periods, boolean exclusions, boolean rebases) {
        int n = periods.size();
        List<RuleSet> applicable = Arrays.stream(RuleSet.values()).filter(r -> r.appliesTo(chart)).toList();
        Arbitrary<Set<LocalDate>> excluded = exclusions && n > 0
                ? Arbitraries.of(periods).set().ofMaxSize(3) : Arbitraries.just(Set.of());
        Arbitrary<List<LocalDate>> rebaseDates = rebases
                ? Arbitraries.integers().between(0, n).flatMap(i -> Arbitraries.of(
                        Series.period(i), Series.period(i).minusDays(10))).list().ofMaxSize(2)
                : Arbitraries.just(List.of());
        Arbitrary<Boolean> screen = Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.4);
        Arbitrary<Double> target = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Double.NaN)),
                Tuple.of(2, Arbitraries.integers().between(-10, 60).map(Integer::doubleValue)));
        Arbitrary<Double> multiply = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(1.0)),
                Tuple.of(1, Arbitraries.of(0.01, 100.0, 1000.0)));
        return Arbitraries.of(applicable).flatMap(rules -> {
            Arbitrary<Integer> baseline = rules == RuleSet.PTD
                    ? Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0)),
                            Tuple.of(1, Arbitraries.integers().between(12, Math.max(12, n))))
                    : Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0)),
                            Tuple.of(1, Arbitraries.integers().between(1, Math.max(1, n + 1))));
            Arbitrary<int[]> lengths = switch (rules) {
                case MDC -> Combinators.combine(Arbitraries.of(0, 6, 7, 8), Arbitraries.of(0, 6, 7, 8))
                        .as((s, t) -> new int[] {s, t});
                case IHI -> Combinators.combine(Arbitraries.of(0, 3, 4, 8, 20), Arbitraries.of(0, 3, 4, 8, 20))
                        .as((s, t) -> new int[] {s, t});
                case PTD, ANHOEJ, WE, NELSON -> Arbitraries.just(new int[] {0, 0});
            };
            Arbitrary<ChartSpec> options = Combinators.combine(Arbitraries.of(Improvement.class), target, screen,
                    baseline, multiply, lengths)
                    .as((direction, t, s, b, k, len) -> ChartSpec.of(chart).rules(rules).improvement(direction).target(t)
                            .screenOutliers(s).baseline(b).multiply(k).shift(len[0]).trend(len[1]));
            return Combinators.combine(options, excluded, rebaseDates)
                    .as((spec, ex, dates) -> spec.excluded(new ArrayList<>(ex)).rebases(dates));
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Comparisons

    /** The largest absolute value among the finite values, centres and limits of a chart. */
    private static double magnitude(ChartResult chart) {
        double m = 0;
        for (ChartPoint p : chart.points()) {
            for (double x : new double[] {p.y(), p.centre(), p.upperLimit(), p.lowerLimit()}) {
                if (Double.isFinite(x)) {
                    m = Math.max(m, Math.abs(x));
                }
            }
        }
        return m;
    }

    private static double magnitude(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).map(Math::abs).max().orElse(0);
    }

    /** {@code actual}'s y, centre and limits are {@code map} of {@code expected}'s, within {@code tolerance}; NaN stays NaN. */
    private static void assertNumbersMap(ChartResult expected, ChartResult actual, DoubleUnaryOperator map,
            double tolerance) {
        assertEquals(expected.points().size(), actual.points().size());
        for (int i = 0; i < expected.points().size(); i++) {
            ChartPoint e = expected.points().get(i);
            ChartPoint a = actual.points().get(i);
            assertClose(map.applyAsDouble(e.y()), a.y(), tolerance, "y", i);
            assertClose(map.applyAsDouble(e.centre()), a.centre(), tolerance, "centre", i);
            assertClose(map.applyAsDouble(e.upperLimit()), a.upperLimit(), tolerance, "ucl", i);
            assertClose(map.applyAsDouble(e.lowerLimit()), a.lowerLimit(), tolerance, "lcl", i);
        }
    }

    private static void assertClose(double expected, double actual, double tolerance, String what, int i) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertEquals(Double.isNaN(expected), Double.isNaN(actual), what + " at point " + i + ": expected "
                    + expected + ", got " + actual);
        } else if (!(Math.abs(expected - actual) <= tolerance)) {
            fail(what + " at point " + i + ": expected " + expected + ", got " + actual + " (tolerance " + tolerance + ")");
        }
    }

    private static void assertSameSignals(ChartResult expected, ChartResult actual) {
        for (int i = 0; i < expected.points().size(); i++) {
            assertEquals(expected.points().get(i).signals(), actual.points().get(i).signals(), "signals at point " + i);
            assertEquals(expected.points().get(i).type(), actual.points().get(i).type(), "type at point " + i);
        }
        assertEquals(expected.runs(), actual.runs());
        assertEquals(expected.variation(), actual.variation());
    }

    /**
     * Whether a plotted value lies within {@code tolerance} of the centre, a limit, or a 1σ or 2σ
     * line (σ read back from the limits: (ucl − centre)/3 and (centre − lcl)/3), where a rounding
     * difference could move it to the other side.
     */
    private static boolean nearALine(ChartResult chart, double tolerance) {
        for (ChartPoint p : chart.points()) {
            double y = p.y();
            if (Double.isNaN(y)) {
                continue;
            }
            double c = p.centre();
            double above = (p.upperLimit() - c) / 3;
            double below = (c - p.lowerLimit()) / 3;
            double[] lines = {c, p.upperLimit(), p.lowerLimit(), c + above, c + 2 * above, c - below, c - 2 * below,
                c - above, c - 2 * above};
            for (double line : lines) {
                if (Math.abs(y - line) <= tolerance) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void assertNoInfinity(ChartPoint p) {
        for (double x : new double[] {p.value(), p.denominator(), p.y(), p.centre(), p.upperLimit(), p.lowerLimit()}) {
            assertFalse(Double.isInfinite(x), "infinity in " + p);
        }
    }

    private static boolean hasSpecialCause(ChartResult chart) {
        return chart.points().stream().anyMatch(ChartPoint::specialCause);
    }

    private static PointType swapped(PointType type) {
        return switch (type) {
            case SPECIAL_CAUSE_IMPROVEMENT -> PointType.SPECIAL_CAUSE_CONCERN;
            case SPECIAL_CAUSE_CONCERN -> PointType.SPECIAL_CAUSE_IMPROVEMENT;
            case COMMON_CAUSE, SPECIAL_CAUSE_NEUTRAL_HIGH, SPECIAL_CAUSE_NEUTRAL_LOW -> type;
        };
    }

    private static VariationIcon swapped(VariationIcon icon) {
        return switch (icon) {
            case IMPROVEMENT_HIGH -> VariationIcon.CONCERN_HIGH;
            case IMPROVEMENT_LOW -> VariationIcon.CONCERN_LOW;
            case CONCERN_HIGH -> VariationIcon.IMPROVEMENT_HIGH;
            case CONCERN_LOW -> VariationIcon.IMPROVEMENT_LOW;
            case COMMON_CAUSE, NEUTRAL_HIGH, NEUTRAL_LOW -> icon;
        };
    }

    private static AssuranceIcon swapped(AssuranceIcon icon) {
        return switch (icon) {
            case PASS -> AssuranceIcon.FAIL;
            case FAIL -> AssuranceIcon.PASS;
            case HIT_AND_MISS, NOT_ASSESSABLE, NONE -> icon;
        };
    }
}
