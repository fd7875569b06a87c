package kpo.jobs.run;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kpo.ingest.measures.SeriesParquet;
import kpo.ingest.measures.SeriesRow;
import kpo.ingest.measures.SeriesSql;
import kpo.ingest.read.SourceFiles;
import kpo.ingest.source.Reason;
import kpo.ingest.validate.Rejection;
import kpo.jobs.config.KpoConfig;
import kpo.jobs.spc.ResultFormat;
import kpo.reports.BoardPackPdf;
import kpo.reports.MeasureReport;
import kpo.reports.PackFiles;
import kpo.reports.PackText;
import kpo.reports.Reconciliation;
import kpo.reports.SmallNumbers;
import kpo.reports.narrative.Restatement;
import kpo.reports.charts.ChartImages;

/**
 * The files of a month (DESIGN.md, "Outputs of the monthly job"): the board pack and CSU packs,
 * PNG charts, {@code spc_points.csv} and {@code spc_summary.json} (schema version
 * {@value PointRow#SCHEMA_VERSION}), {@code series.parquet}, {@code rejects.csv} and
 * {@code manifest.json}. All but the manifest (which records timings) are the same bytes for the
 * same inputs, whichever engine ran: this class sees the run's typed result, never an engine.
 */
final class Outputs {

    private static final JsonFactory JSON = new JsonFactory();

    private Outputs() {
    }

    /**
     * What a run made and decided, as the files record it.
     *
     * @param vintage the stored earlier pack compared with, or null
     * @param suppression the small-number suppression of the data files
     * @param points every series' points as charted, in series and period order
     * @param series the series rows up to the month, in the table's order
     * @param rejections every rejected row, in source, file and line order
     */
    record RunResult(KpoConfig config, Path configFile, YearMonth period, MonthlyJob.AsOf asOf,
            Vintages.Vintage vintage, PackAssembler.Assembly assembly, Suppression suppression, List<PointRow> points,
            List<SeriesRow> series, List<MonthlyJob.SourceRun> sources, List<Rejection> rejections) {

        /** How these outputs name the inputs: from the config's folder ({@link InputNames}). */
        InputNames inputNames() {
            return new InputNames(configFile.toAbsolutePath().getParent());
        }
    }

    static void write(Path folder, RunResult run, Progress progress) throws IOException {
        PackAssembler.Assembly assembly = run.assembly();
        // The PNG charts and series.parquet are written on a second core while the packs are laid out:
        // none reads another.
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kpo-outputs");
            t.setDaemon(true);
            return t;
        });
        Future<Integer> charts = background.submit(() -> drawCharts(assembly, Files.createDirectories(
                folder.resolve("charts"))));
        Future<Void> series = background.submit(() -> {
            SeriesParquet.write(suppressed(run.series(), run.suppression()), folder.resolve("series.parquet"));
            return null;
        });
        background.shutdown();
        try {
            writeRest(folder, run, progress, charts, series);
        } finally {
            // On a failure here, the background's files must not land in a folder being cleared.
            background.shutdownNow();
            awaitQuietly(background);
        }
    }

    private static void writeRest(Path folder, RunResult run, Progress progress, Future<Integer> charts,
            Future<Void> series) throws IOException {
        PackAssembler.Assembly assembly = run.assembly();
        // Each pack twice from one layout: the tagged PDF and the HTML a board can publish on its website.
        PackFiles trust = PackFiles.trust(assembly.pack());
        Files.write(folder.resolve("board-report.pdf"), trust.pdf());
        Files.writeString(folder.resolve("board-report.html"), trust.html(), StandardCharsets.UTF_8);
        List<String> csus = assembly.pack().csus();
        if (!csus.isEmpty()) {
            Path csuFolder = Files.createDirectories(folder.resolve("csu"));
            for (String csu : csus) {
                PackFiles pack = PackFiles.csu(assembly.pack(), csu);
                Files.write(csuFolder.resolve(BoardPackPdf.fileName(csu)), pack.pdf());
                Files.writeString(csuFolder.resolve(PackFiles.htmlFileName(csu)), pack.html(), StandardCharsets.UTF_8);
            }
        }
        try (BufferedWriter csv = Files.newBufferedWriter(folder.resolve("pack_measures.csv"), StandardCharsets.UTF_8);
                BufferedWriter json = Files.newBufferedWriter(folder.resolve("pack_measures.json"),
                        StandardCharsets.UTF_8)) {
            PackText.csv(assembly.pack(), csv);
            PackText.json(assembly.pack(), json);
        }
        try (BufferedWriter csv = Files.newBufferedWriter(folder.resolve("pack_comparisons.csv"),
                StandardCharsets.UTF_8)) {
            PackText.comparisonsCsv(assembly.pack(), csv);
        }
        try (BufferedWriter csv = Files.newBufferedWriter(folder.resolve("events.csv"), StandardCharsets.UTF_8);
                BufferedWriter json = Files.newBufferedWriter(folder.resolve("events.json"), StandardCharsets.UTF_8)) {
            PackText.eventsCsv(assembly.pack(), csv);
            PackText.eventsJson(assembly.pack(), json);
        }
        int drawn = done(charts);
        progress.stage("report", String.format(Locale.ROOT, "board pack, %d CSU packs, %d charts", csus.size(),
                drawn));

        List<PointRow> sorted = new ArrayList<>(run.points());
        sorted.sort(Comparator.comparing(PointRow::measureId).thenComparing(PointRow::unitType)
                .thenComparing(PointRow::unitCode).thenComparing(PointRow::period)
                .thenComparing(r -> r.seq() == null ? 0 : r.seq()));
        Suppression suppression = run.suppression();
        writePoints(folder.resolve("spc_points.csv"), sorted, suppression);
        writeSummary(folder.resolve("spc_summary.json"), run.period(), sorted, suppression);
        done(series);
        long rejected = writeRejects(folder.resolve("rejects.csv"), run.rejections(), run.inputNames());
        writeManifest(folder.resolve("manifest.json"), run, sorted, rejected, progress);
        progress.stage("write", String.format(Locale.ROOT, "%,d SPC points, %,d rejects", sorted.size(), rejected));
    }

    /** Each pack measure's chart as a PNG; none for a measure whose small numbers are hidden (a chart shows every value). */
    private static int drawCharts(PackAssembler.Assembly assembly, Path charts) {
        int drawn = 0;
        for (MeasureReport m : assembly.pack().measures()) {
            if (!m.suppressed()) {
                ChartImages.png(m, 2.0, charts.resolve(ChartImages.fileName(m)));
                drawn++;
            }
        }
        return drawn;
    }

    private static void awaitQuietly(ExecutorService background) {
        try {
            background.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A background task's result; what it threw is thrown here, an I/O failure as the IOException it was. */
    private static <T> T done(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the charts and series.parquet", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
    }

    /** The series rows with hidden values (and their numerators and denominators) set to null. */
    private static List<SeriesRow> suppressed(List<SeriesRow> series, Suppression suppression) {
        if (!suppression.on()) {
            return series;
        }
        return series.stream().map(r -> suppression.hidesSeries(r) ? r.hidden() : r).toList();
    }

    /** The columns of {@code spc_points.csv} that a hidden count blanks to "*": value, denominator and y. */
    private static final java.util.Set<Integer> HIDDEN_COLUMNS = java.util.Set.of(6, 7, 8);

    private static void writePoints(Path file, List<PointRow> points, Suppression suppression) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", PointRow.COLUMNS));
            w.write('\n');
            StringBuilder line = new StringBuilder(256);
            for (PointRow r : points) {
                line.setLength(0);
                boolean hidden = suppression.hidesPoint(r);
                List<Object> values = r.values();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    Object v = values.get(i);
                    if (hidden && HIDDEN_COLUMNS.contains(i) && v != null) {
                        line.append(SmallNumbers.SYMBOL);
                        continue;
                    }
                    line.append(v == null ? "" : v instanceof Double d ? ResultFormat.number(d)
                            : ResultFormat.csvField(v.toString()));
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    /** One entry per series: its latest point, icons and how many points carry a signal. */
    private static void writeSummary(Path file, YearMonth period, List<PointRow> points, Suppression suppression)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("schema_version", PointRow.SCHEMA_VERSION);
            g.writeStringField("period", period.toString());
            g.writeArrayFieldStart("series");
            int i = 0;
            while (i < points.size()) {
                int from = i;
                PointRow first = points.get(i);
                int signals = 0;
                while (i < points.size() && first.key().equals(points.get(i).key())) {
                    signals += points.get(i).hasSignal() ? 1 : 0;
                    i++;
                }
                PointRow last = points.get(i - 1);
                g.writeStartObject();
                g.writeStringField("measure_id", first.measureId());
                g.writeStringField("unit_type", first.unitType());
                g.writeStringField("unit_code", first.unitCode());
                if (first.packMeasureId() != null) {
                    g.writeStringField("pack_measure_id", first.packMeasureId());
                }
                g.writeStringField("chart", first.chart());
                g.writeStringField("rules", first.rules());
                g.writeNumberField("points", i - from);
                g.writeNumberField("points_with_signals", signals);
                g.writeStringField("latest_period", last.period().toString());
                boolean hidden = suppression.hidesPoint(last);
                if (last.y() == null || hidden) {
                    g.writeNullField("latest_y");
                } else {
                    g.writeNumberField("latest_y", last.y());
                }
                g.writeBooleanField("latest_suppressed", hidden);
                g.writeStringField("latest_point_type", last.pointType());
                g.writeStringField("variation", last.variation());
                g.writeStringField("assurance", last.assurance());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Every rejected row: source, file, line, column, value (identifiers masked), reason. */
    private static long writeRejects(Path file, List<Rejection> rejections, InputNames names) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("source,file,line,column,value,reason\n");
            for (Rejection r : rejections) {
                w.write(ResultFormat.csvField(r.source()) + "," + ResultFormat.csvField(names.of(r.file())) + ","
                        + r.line() + ","
                        + (r.column() == null ? "" : ResultFormat.csvField(r.column())) + ","
                        + (r.value() == null ? "" : ResultFormat.csvField(r.value())) + "," + r.reason().code() + "\n");
            }
        }
        return rejections.size();
    }

    /**
     * Which stored pack this one was compared with and how many earlier values differ from it: a
     * scheduler can alert on restatements without opening the PDF.
     */
    private static void writeRestatements(JsonGenerator g, RunResult run) throws IOException {
        g.writeObjectFieldStart("restatements");
        if (run.vintage() == null) {
            g.writeNullField("compared_with");
            g.writeNullField("vintage_file");
        } else {
            g.writeStringField("compared_with", run.vintage().month().toString());
            g.writeStringField("vintage_file", run.inputNames().of(run.vintage().file()));
        }
        long points = 0;
        long measures = 0;
        if (run.vintage() != null) {
            for (MeasureReport m : run.assembly().pack().measures()) {
                int n = Restatement.of(m).size();
                points += n;
                measures += n > 0 ? 1 : 0;
            }
        }
        g.writeNumberField("points", points);
        g.writeNumberField("measures", measures);
        g.writeEndObject();
    }

    private static void writeManifest(Path file, RunResult run, List<PointRow> points, long rejects, Progress progress)
            throws IOException {
        KpoConfig config = run.config();
        Path configFile = run.configFile();
        YearMonth period = run.period();
        PackAssembler.Assembly assembly = run.assembly();
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            String version = Outputs.class.getPackage().getImplementationVersion();
            g.writeStringField("kpo_version", version == null ? "development" : version);
            g.writeStringField("spc_points_schema_version", PointRow.SCHEMA_VERSION);
            g.writeStringField("series_schema_version", SeriesSql.SCHEMA_VERSION);
            g.writeStringField("trust", config.trust().code());
            g.writeStringField("period", period.toString());
            g.writeStringField("data_to", String.valueOf(assembly.dataTo()));
            g.writeStringField("config", configFile.getFileName().toString());
            g.writeStringField("config_sha256", SourceFiles.sha256(configFile));
            g.writeObjectFieldStart("as_of");
            g.writeStringField("date", run.asOf().date().toString());
            g.writeStringField("basis", run.asOf().basis());
            g.writeEndObject();
            writeRestatements(g, run);
            SmallNumbers small = assembly.pack().smallNumbers();
            g.writeObjectFieldStart("small_numbers");
            g.writeBooleanField("suppressed", small.on());
            g.writeNumberField("threshold", small.threshold());
            g.writeNumberField("pack_measures_suppressed", assembly.pack().measures().stream()
                    .filter(MeasureReport::suppressed).count());
            g.writeNumberField("spc_points_suppressed", points.stream().filter(run.suppression()::hidesPoint).count());
            g.writeEndObject();
            g.writeArrayFieldStart("reconciliations");
            for (Reconciliation r : assembly.pack().reconciliations()) {
                g.writeStartObject();
                g.writeStringField("title", r.title());
                g.writeStringField("month", r.month().toString());
                g.writeNumberField("engine", r.engineTotal());
                g.writeNumberField("published", r.publishedTotal());
                g.writeNumberField("difference", r.difference());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sources");
            for (MonthlyJob.SourceRun s : run.sources()) {
                g.writeStartObject();
                g.writeStringField("name", s.spec().name());
                g.writeStringField("kind", s.spec().kind().code());
                g.writeNumberField("read", s.curation().read());
                g.writeNumberField("accepted", s.curation().accepted());
                g.writeNumberField("rejected", s.curation().rejected());
                g.writeObjectFieldStart("rejected_by_reason");
                for (Map.Entry<Reason, Long> e : s.curation().rejectedByReason().entrySet().stream()
                        .sorted(Comparator.comparing(e -> e.getKey().code())).toList()) {
                    g.writeNumberField(e.getKey().code(), e.getValue());
                }
                g.writeEndObject();
                g.writeNumberField("extracts_curated_this_run", s.curation().curatedNow().size());
                g.writeArrayFieldStart("inputs");
                for (Path input : s.curation().files()) {
                    g.writeStartObject();
                    g.writeStringField("file", run.inputNames().of(input));
                    g.writeStringField("sha256", s.curation().sha256().get(input));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("series_points", run.series().size());
            counts.put("spc_points", points.size());
            counts.put("spc_points_with_signals", points.stream().filter(PointRow::hasSignal).count());
            counts.put("pack_measures", assembly.pack().measures().size());
            counts.put("rejects", rejects);
            g.writeObjectFieldStart("counts");
            for (Map.Entry<String, Object> e : counts.entrySet()) {
                g.writeNumberField(e.getKey(), ((Number) e.getValue()).longValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("seconds");
            for (Map.Entry<String, Double> e : progress.timings().entrySet()) {
                g.writeNumberField(e.getKey(), Math.round(e.getValue() * 100) / 100.0);
            }
            g.writeEndObject();
            g.writeObjectFieldStart("heap_mb");
            for (Map.Entry<String, Long> e : progress.heap().entrySet()) {
                g.writeNumberField(e.getKey(), Math.round(e.getValue() / 1e6));
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }
}
