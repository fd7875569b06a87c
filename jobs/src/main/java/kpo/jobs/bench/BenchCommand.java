package kpo.jobs.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import kpo.ingest.generate.TrustGenerator;
import kpo.jobs.Kpo;
import kpo.jobs.cli.Converters;
import kpo.jobs.cli.ExitCode;
import kpo.jobs.cli.UserError;
import kpo.spc.Observation;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kpo bench spc}: the SPC engine's throughput under JMH on 1 and 2 threads, then
 * {@code kpo spc} end to end on a 10,000-series CSV.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the engine: 'spc' runs JMH on the SPC engine (1 and 2 threads) and kpo spc on a "
                + "10,000-series CSV; 'job' runs the monthly job on the demo trust (first run, a new month, a rerun), "
                + "each in its own JVM as cron would, and prints the time of each stage."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Parameters(index = "0", paramLabel = "WHAT", description = "what to measure: spc or job")
    private String what;

    @Option(names = "--quick", description = "fewer and shorter iterations (a smoke run, wide error bars)")
    private boolean quick;

    @Option(names = "--series", paramLabel = "N", defaultValue = "10000",
            description = "series in the end-to-end CSV (default: ${DEFAULT-VALUE})")
    private int seriesCount;

    @Option(names = "--write-series", paramLabel = "FILE",
            description = "spc: only write the end-to-end CSV of --series series to FILE (for a side-by-side run with "
                    + "the R packages: bench/spc-vs-r.sh)")
    private Path writeSeriesTo;

    @Option(names = "--scale", paramLabel = "SIZE", defaultValue = "large", converter = Converters.Scale.class,
            description = "job: the demo trust's size, small, large, x4 or x16 (default: ${DEFAULT-VALUE})")
    private TrustGenerator.Scale scale;

    @Option(names = "--engines", paramLabel = "LIST", defaultValue = "embedded,spark", split = ",",
            description = "job: the engines to run side by side, in turn (default: ${DEFAULT-VALUE})")
    private List<String> engines;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "kpo-bench",
            description = "job: where the demo trust is generated (kept for the next run; default: ${DEFAULT-VALUE})")
    private Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        if ("job".equals(what)) {
            out.printf(Locale.ROOT, "the monthly job, %d cores, %,d MB heap for each run's JVM%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            for (String engine : engines) {
                if (!engine.equals("embedded") && !engine.equals("spark")) {
                    throw UserError.usage("--engines '" + engine + "'; expected embedded and/or spark");
                }
            }
            new JobBenchmark(dir.toAbsolutePath().normalize(), scale, engines, out).measure();
            return ExitCode.OK;
        }
        if (!"spc".equals(what)) {
            throw UserError.usage("unknown benchmark '" + what + "'; expected spc or job");
        }
        if (writeSeriesTo != null) {
            writeSeries(writeSeriesTo, seriesCount);
            out.printf(Locale.ROOT, "%,d series x %d points written to %s%n", seriesCount, SpcBenchmark.POINTS,
                    writeSeriesTo);
            return ExitCode.OK;
        }
        out.printf(Locale.ROOT, "SPC engine, %d-point series, %d cores%n", SpcBenchmark.POINTS,
                Runtime.getRuntime().availableProcessors());
        for (int threads : new int[] {1, 2}) {
            for (RunResult result : jmh(threads)) {
                String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
                out.printf(Locale.ROOT, "  %-16s %d thread%s: %,12.0f series/s  (± %,.0f, 99.9%% CI)%n", name, threads,
                        threads == 1 ? " " : "s", result.getPrimaryResult().getScore(),
                        result.getPrimaryResult().getScoreError());
            }
        }
        out.flush();
        endToEnd(out);
        return ExitCode.OK;
    }

    private Collection<RunResult> jmh(int threads) throws RunnerException {
        Options options = new OptionsBuilder().include(SpcBenchmark.class.getName()).threads(threads).forks(1)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend("-Xmx1g").shouldDoGC(true).verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
                .build();
        return new Runner(options).run();
    }

    /** kpo spc on a generated CSV, in this JVM: the first run is cold (class loading, JIT), the best is warm. */
    private void endToEnd(PrintWriter out) throws IOException {
        Path folder = Files.createTempDirectory("kpo-bench");
        Path csv = folder.resolve("series.csv");
        Path json = folder.resolve("charts.json");
        writeSeries(csv, seriesCount);
        long bytes = Files.size(csv);
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run < (quick ? 3 : 8); run++) {
            long start = System.nanoTime();
            int code = Kpo.commandLine().execute("spc", "--input", csv.toString(), "--out", json.toString(),
                    "--improvement", "decrease");
            seconds.add((System.nanoTime() - start) / 1e9);
            if (code != ExitCode.OK) {
                throw UserError.failure("kpo spc failed in the benchmark with exit code " + code);
            }
        }
        double best = seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        out.printf(Locale.ROOT, "kpo spc end to end: %,d series x %d points (%,.1f MB CSV -> %,.1f MB JSON)%n",
                seriesCount, SpcBenchmark.POINTS, bytes / 1e6, Files.size(json) / 1e6);
        out.printf(Locale.ROOT, "  first run %.3f s (cold JVM), best of %d %.3f s (warm)%n", seconds.get(0),
                seconds.size(), best);
        out.flush();
        Files.deleteIfExists(csv);
        Files.deleteIfExists(json);
        Files.deleteIfExists(folder);
    }

    /** A CSV of {@code count} waiting-list series, as {@code kpo spc} reads it. */
    public static void writeSeries(Path csv, int count) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        try (OutputStream stream = Files.newOutputStream(csv);
                PrintWriter w = new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
            w.println("series,period,value");
            for (int s = 0; s < count; s++) {
                for (Observation o : SpcBenchmark.waitingList(random)) {
                    w.print("RR8-");
                    w.print(s);
                    w.print(',');
                    w.print(o.period());
                    w.print(',');
                    w.println((long) o.value());
                }
            }
        }
    }
}
