package kpo.jobs.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import kpo.spc.Observation;
import kpo.spc.Spc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Series per second through the SPC engine: 36-point monthly series (three years, as a board sees
 * them), XmR with the {@code mdc} rules and Laney P′ charts. Each invocation charts
 * {@value #SERIES} different series, so the score is series per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpcBenchmark {

    static final int SERIES = 1000;
    static final int POINTS = 36;

    private final List<List<Observation>> counts = new ArrayList<>(SERIES);
    private final List<List<Observation>> proportions = new ArrayList<>(SERIES);
    private final ChartSpec xmr = ChartSpec.of(ChartType.XMR).improvement(Improvement.DECREASE).target(200);
    private final ChartSpec laney = ChartSpec.of(ChartType.PP).improvement(Improvement.INCREASE);

    @Setup
    public void generate() {
        SplittableRandom random = new SplittableRandom(20251101);
        for (int s = 0; s < SERIES; s++) {
            counts.add(waitingList(random));
            proportions.add(withinTarget(random));
        }
    }

    /** A waiting-list size: a random walk with a step change part way, as an intervention makes. */
    static List<Observation> waitingList(SplittableRandom random) {
        List<Observation> series = new ArrayList<>(POINTS);
        double level = 200 + random.nextDouble(1000);
        int step = 12 + random.nextInt(20);
        LocalDate month = LocalDate.of(2022, 4, 1);
        for (int i = 0; i < POINTS; i++) {
            level += random.nextDouble(-20, 20) - (i == step ? level * 0.3 : 0);
            series.add(Observation.of(month.plusMonths(i), Math.round(Math.max(0, level))));
        }
        return series;
    }

    /** Patients seen within 4 hours out of attendances: large denominators, overdispersed. */
    static List<Observation> withinTarget(SplittableRandom random) {
        List<Observation> series = new ArrayList<>(POINTS);
        double rate = 0.7 + random.nextDouble(0.2);
        LocalDate month = LocalDate.of(2022, 4, 1);
        for (int i = 0; i < POINTS; i++) {
            double attendances = 8000 + random.nextInt(4000);
            double p = Math.min(0.99, Math.max(0.5, rate + random.nextDouble(-0.03, 0.03)));
            series.add(Observation.of(month.plusMonths(i), Math.round(attendances * p), attendances));
        }
        return series;
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public void xmrWithMdcRules(Blackhole sink) {
        for (List<Observation> series : counts) {
            sink.consume(Spc.chart(xmr, series));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public void laneyPPrime(Blackhole sink) {
        for (List<Observation> series : proportions) {
            sink.consume(Spc.chart(laney, series));
        }
    }
}
