package kpo.reports.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import kpo.reports.BoardPack;
import kpo.reports.BoardPackPdf;
import kpo.reports.fixtures.FixturePack;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Render time of a 100-measure trust pack (about 130 pages), with the SPC results already computed,
 * as the monthly job hands them over. Single-shot: one pack per measurement. {@code renderTrustPack}
 * is the steady state (after five packs in the same JVM); {@code renderTrustPackCold} is the first
 * pack in a fresh JVM, as the monthly job renders it (class loading and JIT included), once per fork
 * over five forks. The page count and file size are printed with the result.
 *
 * <p>Not a test (the name does not end in Test); run it on purpose, as docs/README.md says:
 * {@code mvn -B -o -q -pl reports test -Dtest=TrustPackBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 2, jvmArgsAppend = {"-Djava.awt.headless=true", "-Xmx1g"})
public class TrustPackBenchmark {

    public static final int MEASURES = 100;

    private BoardPack pack;

    @Setup
    public void build() {
        pack = FixturePack.large(MEASURES);
    }

    @Benchmark
    public byte[] renderTrustPack() {
        return BoardPackPdf.trust(pack);
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 5, jvmArgsAppend = {"-Djava.awt.headless=true", "-Xmx1g"})
    public byte[] renderTrustPackCold() {
        return BoardPackPdf.trust(pack);
    }

    /** Runs the benchmark and writes its figures, with the pack's size, to target/bench. */
    @Test
    void run() throws Exception {
        Options options = new OptionsBuilder().include(TrustPackBenchmark.class.getSimpleName())
                .jvmArgsAppend("-Dkpo.shared.dir=" + System.getProperty("kpo.shared.dir", "../../shared"))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        byte[] pdf = BoardPackPdf.trust(FixturePack.large(MEASURES));
        StringBuilder report = new StringBuilder();
        for (RunResult result : results) {
            var primary = result.getPrimaryResult();
            report.append(String.format(java.util.Locale.ROOT, "%s: %.0f ± %.0f ms (%s, %d measurements)%n",
                    result.getParams().getBenchmark(), primary.getScore(), primary.getScoreError(),
                    primary.getScoreUnit(), primary.getStatistics().getN()));
        }
        int pages = new com.lowagie.text.pdf.PdfReader(pdf).getNumberOfPages();
        report.append(String.format(java.util.Locale.ROOT, "pack: %d measures, %d pages, %d bytes (%.2f MB)%n",
                MEASURES, pages, pdf.length, pdf.length / 1_048_576.0));
        Path out = Paths.get("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("trust-pack.txt"), report);
        System.out.print(report);
    }
}
