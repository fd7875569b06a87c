package kpo.jobs.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kpo.ingest.Folders;
import kpo.ingest.generate.TrustGenerator;
import kpo.jobs.Kpo;
import kpo.jobs.cli.UserError;
import kpo.jobs.run.DemoCommand;

/**
 * {@code kpo bench job}: the monthly job on the demo trust, each run in its own JVM exactly as cron
 * starts it ({@code java -jar kpo.jar run}), so JVM and engine start-up are in the figures; on each
 * engine in turn (embedded, then Spark), each from an empty curated store, side by side:
 * <ol>
 * <li>first run: the curated store is empty and every extract but the latest month's is curated;</li>
 * <li>monthly run: the latest month's extracts arrive and only they are curated;</li>
 * <li>rerun: nothing new, the same month again.</li>
 * </ol>
 * Stage times come from the job's own progress lines; the total is the wall time of the process.
 */
final class JobBenchmark {

    private static final Pattern STAGE = Pattern.compile(
            "^kpo run: (\\S+)\\s+.*\\((\\d+(?:\\.\\d+)?) s, heap (\\d+(?:\\.\\d+)?) GB\\)$");
    private static final Pattern PEAK_RESIDENT = Pattern.compile("^VmHWM:\\s+(\\d+) kB$", Pattern.MULTILINE);

    private final Path home;
    private final TrustGenerator.Scale scale;
    private final List<String> engines;
    private final PrintWriter out;

    JobBenchmark(Path home, TrustGenerator.Scale scale, List<String> engines, PrintWriter out) {
        this.home = home;
        this.scale = scale;
        this.engines = List.copyOf(engines);
        this.out = out;
    }

    /**
     * One run of the job: its stage times and heaps (the most held after a collection, in GB) in
     * order, the process's wall time and its peak resident memory in GB (NaN where /proc cannot tell).
     */
    record Run(String name, Map<String, Double> stages, Map<String, Double> heaps, double wallSeconds,
            double peakResidentGb) {
    }

    List<Run> measure() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path config = DemoCommand.prepare(home, scale, null);
        out.printf(Locale.ROOT, "demo trust (%s) ready under %s in %.1f s%n", scale.name().toLowerCase(Locale.ROOT),
                home, (System.nanoTime() - start) / 1e9);
        out.flush();
        List<Run> runs = new ArrayList<>();
        for (String engine : engines) {
            out.printf(Locale.ROOT, "%s engine:%n", engine);
            Folders.deleteTree(home.resolve("curated"));
            Folders.deleteTree(home.resolve("bench-out"));
            Path held = home.resolve("held-back");
            List<Path> latest = holdBackLatestMonth(home.resolve("data"), held);
            runs.add(run(engine, "first run (history)", config));
            for (Path file : latest) {
                Files.move(held.resolve(file.getFileName()), file, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(held);
            runs.add(run(engine, "monthly run (new month)", config));
            runs.add(run(engine, "rerun (nothing new)", config));
        }
        print(runs);
        return runs;
    }

    /** Moves the last extract (by name: names carry the month) of each source folder aside. */
    private static List<Path> holdBackLatestMonth(Path data, Path held) throws IOException {
        Files.createDirectories(held);
        List<Path> moved = new ArrayList<>();
        try (Stream<Path> sources = Files.list(data)) {
            for (Path folder : sources.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    Path last = files.filter(Files::isRegularFile).max(Path::compareTo).orElse(null);
                    if (last != null) {
                        Files.move(last, held.resolve(last.getFileName()));
                        moved.add(last);
                    }
                }
            }
        }
        return moved;
    }

    private Run run(String engine, String what, Path config) throws IOException, InterruptedException {
        String name = engine + ": " + what;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-jar", jar().toString(), "run", "--config", config.toString(), "--out",
                home.resolve("bench-out").toString(), "--engine", engine));
        Path log = home.resolve("bench-run.log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // The peak resident set only grows, so the last reading before the process ends is its peak
        // (bar the final quarter second).
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        double peakResidentGb = Double.NaN;
        long deadline = start + TimeUnit.MINUTES.toNanos(60);
        while (!process.waitFor(250, TimeUnit.MILLISECONDS)) {
            double reading = peakResident(status);
            if (!Double.isNaN(reading)) {
                peakResidentGb = Double.isNaN(peakResidentGb) ? reading : Math.max(peakResidentGb, reading);
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw UserError.failure("the benchmark's " + name + " did not finish in 60 minutes; see " + log);
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw UserError.failure("the benchmark's " + name + " failed with exit code " + process.exitValue()
                    + "; see " + log);
        }
        Map<String, Double> stages = new LinkedHashMap<>();
        Map<String, Double> heaps = new LinkedHashMap<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = STAGE.matcher(line);
            if (m.matches()) {
                stages.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
                heaps.merge(m.group(1), Double.parseDouble(m.group(3)), Math::max);
            }
        }
        out.printf(Locale.ROOT, "  %-34s %6.1f s, peak resident %.1f GB%n", name, wall, peakResidentGb);
        out.flush();
        return new Run(name, stages, heaps, wall, peakResidentGb);
    }

    /** The process's peak resident set in GB from its /proc status; NaN once it is gone, or on other systems. */
    private static double peakResident(Path status) {
        try {
            Matcher m = PEAK_RESIDENT.matcher(Files.readString(status));
            return m.find() ? Long.parseLong(m.group(1)) / 1e6 : Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private void print(List<Run> runs) {
        List<String> stages = new ArrayList<>();
        runs.forEach(r -> r.stages().keySet().stream().filter(s -> !stages.contains(s)).forEach(stages::add));
        out.printf(Locale.ROOT, "%n%-10s", "stage (s)");
        runs.forEach(r -> out.printf(Locale.ROOT, " %34s", r.name()));
        out.println();
        for (String stage : stages) {
            out.printf(Locale.ROOT, "%-10s", stage);
            runs.forEach(r -> out.printf(Locale.ROOT, " %34.1f", r.stages().getOrDefault(stage, 0.0)));
            out.println();
        }
        out.printf(Locale.ROOT, "%-10s", "JVM+other");
        runs.forEach(r -> out.printf(Locale.ROOT, " %34.1f",
                r.wallSeconds() - r.stages().values().stream().mapToDouble(Double::doubleValue).sum()));
        out.println();
        out.printf(Locale.ROOT, "%-10s", "total");
        runs.forEach(r -> out.printf(Locale.ROOT, " %34.1f", r.wallSeconds()));
        out.println();
        out.printf(Locale.ROOT, "%nheap (GB) %s%n", runs.stream().map(r -> String.format(Locale.ROOT, " %34s",
                r.name())).reduce("", String::concat));
        for (String stage : stages) {
            out.printf(Locale.ROOT, "%-10s", stage);
            runs.forEach(r -> out.printf(Locale.ROOT, " %34.1f", r.heaps().getOrDefault(stage, 0.0)));
            out.println();
        }
        out.printf(Locale.ROOT, "%-10s", "resident");
        runs.forEach(r -> out.printf(Locale.ROOT, " %34.1f", r.peakResidentGb()));
        out.println();
        out.println("(heap: the most held after a garbage collection in the stage; resident: the process's peak)");
        out.flush();
    }

    /** The jar this command runs from: the benchmark starts the job as a user does. */
    private static Path jar() {
        try {
            Path path = Path.of(Kpo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(path)) {
                return path;
            }
        } catch (java.net.URISyntaxException | SecurityException e) {
            // fall through to the message below
        }
        throw UserError.usage("kpo bench job runs from the kpo jar (./kpo bench job), not from classes");
    }
}
