package kpo.jobs.run;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.stream.Stream;
import kpo.ingest.curate.CuratedStore;
import kpo.ingest.read.SourceFiles;
import kpo.ingest.validate.Rejection;
import kpo.jobs.config.KpoConfig;
import kpo.jobs.spc.ResultFormat;
import kpo.reports.BoardPackPdf;
import kpo.reports.MeasureReport;
import kpo.reports.PackText;
import kpo.reports.Reconciliation;
import kpo.reports.SmallNumbers;
import kpo.reports.narrative.Restatement;
import kpo.reports.charts.ChartImages;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The files of a month (DESIGN.md, "Outputs of the monthly job"): the board pack and CSU packs,
 * PNG charts, {@code spc_points.csv} and {@code spc_summary.json} (schema version
 * {@value SparkSpc#POINTS_SCHEMA_VERSION}), {@code series.parquet}, {@code rejects.csv} and
 * {@code manifest.json}. All but the manifest (which records timings) are the same bytes for the
 * same inputs.
 */
final class Outputs {

    private static final JsonFactory JSON = new JsonFactory();

    private Outputs() {
    }

    /**
     * What a run decided that the files record.
     *
     * @param vintage the stored earlier pack compared with, or null
     * @param suppression the small-number suppression of the data files
     */
    record Run(KpoConfig config, Path configFile, YearMonth period, MonthlyJob.AsOf asOf, Vintages.Vintage vintage,
            PackAssembler.Assembly assembly, Suppression suppression) {
    }

    static void write(Path folder, Run run, List<Row> points, List<Row> series, List<MonthlyJob.SourceRun> sources,
            CuratedStore store, SparkSession spark, Progress progress) throws IOException {
        PackAssembler.Assembly assembly = run.assembly();
        Files.write(folder.resolve("board-report.pdf"), BoardPackPdf.trust(assembly.pack()));
        List<String> csus = assembly.pack().csus();
        if (!csus.isEmpty()) {
            Path csuFolder = Files.createDirectories(folder.resolve("csu"));
            for (String csu : csus) {
                Files.write(csuFolder.resolve(BoardPackPdf.fileName(csu)), BoardPackPdf.csu(assembly.pack(), csu));
            }
        }
        try (BufferedWriter csv = Files.newBufferedWriter(folder.resolve("pack_measures.csv"), StandardCharsets.UTF_8);
                BufferedWriter json = Files.newBufferedWriter(folder.resolve("pack_measures.json"),
                        StandardCharsets.UTF_8)) {
            PackText.csv(assembly.pack(), csv);
            PackText.json(assembly.pack(), json);
        }
        Path charts = Files.createDirectories(folder.resolve("charts"));
        int drawn = 0;
        for (MeasureReport m : assembly.pack().measures()) {
            if (!m.suppressed()) { // a chart shows every value, small numbers too
                ChartImages.png(m, 2.0, charts.resolve(ChartImages.fileName(m)));
                drawn++;
            }
        }
        progress.stage("report", String.format(Locale.ROOT, "board pack, %d CSU packs, %d charts", csus.size(),
                drawn));

        List<Row> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing((Row r) -> r.getString(0)).thenComparing(r -> r.getString(1))
                .thenComparing(r -> r.getString(2)).thenComparing(r -> (java.time.LocalDate) r.get(5))
                .thenComparing(r -> r.isNullAt(20) ? 0 : r.getInt(20)));
        Suppression suppression = run.suppression();
        writePoints(folder.resolve("spc_points.csv"), sorted, suppression);
        writeSummary(folder.resolve("spc_summary.json"), run.period(), sorted, suppression);
        writeSeries(folder.resolve("series.parquet"), suppressed(series, suppression), spark);
        long rejects = writeRejects(folder.resolve("rejects.csv"), sources, store, spark);
        writeManifest(folder.resolve("manifest.json"), run, sorted, series, sources, rejects, progress);
        progress.stage("write", String.format(Locale.ROOT, "%,d SPC points, %,d rejects", sorted.size(), rejects));
    }

    /** The series rows with hidden values (and their numerators and denominators) set to null. */
    private static List<Row> suppressed(List<Row> series, Suppression suppression) {
        if (!suppression.on()) {
            return series;
        }
        return series.stream().map(r -> suppression.hidesSeries(r) ? RowFactory.create(r.get(0), r.get(1), r.get(2),
                r.get(3), null, null, null, r.size() > 7 ? r.get(7) : null) : r).toList();
    }

    /** The columns of {@code spc_points.csv} that a hidden count blanks to "*": value, denominator and y. */
    private static final java.util.Set<Integer> HIDDEN_COLUMNS = java.util.Set.of(6, 7, 8);

    private static void writePoints(Path file, List<Row> points, Suppression suppression) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", SparkSpc.POINTS.fieldNames()));
            w.write('\n');
            StringBuilder line = new StringBuilder(256);
            for (Row r : points) {
                line.setLength(0);
                boolean hidden = suppression.hidesPoint(r);
                for (int i = 0; i < r.size(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    Object v = r.get(i);
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
    private static void writeSummary(Path file, YearMonth period, List<Row> points, Suppression suppression)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("schema_version", SparkSpc.POINTS_SCHEMA_VERSION);
            g.writeStringField("period", period.toString());
            g.writeArrayFieldStart("series");
            int i = 0;
            while (i < points.size()) {
                int from = i;
                Row first = points.get(i);
                int signals = 0;
                while (i < points.size() && sameSeries(first, points.get(i))) {
                    signals += points.get(i).getString(15).isEmpty() ? 0 : 1;
                    i++;
                }
                Row last = points.get(i - 1);
                g.writeStartObject();
                g.writeStringField("measure_id", first.getString(0));
                g.writeStringField("unit_type", first.getString(1));
                g.writeStringField("unit_code", first.getString(2));
                g.writeStringField("chart", first.getString(3));
                g.writeStringField("rules", first.getString(4));
                g.writeNumberField("points", i - from);
                g.writeNumberField("points_with_signals", signals);
                g.writeStringField("latest_period", last.get(5).toString());
                boolean hidden = suppression.hidesPoint(last);
                if (last.isNullAt(8) || hidden) {
                    g.writeNullField("latest_y");
                } else {
                    g.writeNumberField("latest_y", last.getDouble(8));
                }
                g.writeBooleanField("latest_suppressed", hidden);
                g.writeStringField("latest_point_type", last.getString(16));
                g.writeStringField("variation", last.getString(18));
                g.writeStringField("assurance", last.getString(19));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static boolean sameSeries(Row a, Row b) {
        return a.getString(0).equals(b.getString(0)) && a.getString(1).equals(b.getString(1))
                && a.getString(2).equals(b.getString(2));
    }

    /** One Parquet file with a fixed name (Spark's own names change on every run). */
    private static void writeSeries(Path file, List<Row> series, SparkSession spark) throws IOException {
        Path scratch = file.resolveSibling(".series-parquet");
        spark.createDataFrame(series, kpo.ingest.nhse.PublishedSeries.SCHEMA).coalesce(1).write()
                .mode(SaveMode.Overwrite).parquet(scratch.toString());
        try (Stream<Path> parts = Files.list(scratch)) {
            Path part = parts.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst()
                    .orElseThrow(() -> new IOException("Spark wrote no Parquet file"));
            Files.move(part, file);
            ParquetFooter.normalise(file);
        }
        OutputFolder.delete(scratch);
    }

    private static long writeRejects(Path file, List<MonthlyJob.SourceRun> sources, CuratedStore store,
            SparkSession spark) throws IOException {
        long count = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("source,file,line,column,value,reason\n");
            for (MonthlyJob.SourceRun s : sources) {
                for (Rejection r : s.readOnDriver()) {
                    w.write(ResultFormat.csvField(s.spec().name()) + "," + ResultFormat.csvField(r.file()) + ","
                            + r.line() + "," + ResultFormat.csvField(r.column()) + "," + ResultFormat.csvField(r.value())
                            + "," + r.reason().code() + "\n");
                    count++;
                }
                if (!s.readOnDriver().isEmpty()) {
                    continue;
                }
                List<Row> rows = store.rejects(spark, s.spec().name()).orderBy("file", "line").collectAsList();
                for (Row r : rows) {
                    w.write(ResultFormat.csvField(s.spec().name()) + "," + ResultFormat.csvField(r.getString(0)) + ","
                            + r.getLong(1) + "," + (r.isNullAt(2) ? "" : ResultFormat.csvField(r.getString(2))) + ","
                            + (r.isNullAt(3) ? "" : ResultFormat.csvField(r.getString(3))) + "," + r.getString(4) + "\n");
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Which stored pack this one was compared with and how many earlier values differ from it: a
     * scheduler can alert on restatements without opening the PDF.
     */
    private static void writeRestatements(JsonGenerator g, Run run) throws IOException {
        g.writeObjectFieldStart("restatements");
        if (run.vintage() == null) {
            g.writeNullField("compared_with");
            g.writeNullField("vintage_file");
        } else {
            g.writeStringField("compared_with", run.vintage().month().toString());
            g.writeStringField("vintage_file", run.vintage().file().toString());
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

    private static void writeManifest(Path file, Run run, List<Row> points, List<Row> series,
            List<MonthlyJob.SourceRun> sources, long rejects, Progress progress) throws IOException {
        KpoConfig config = run.config();
        Path configFile = run.configFile();
        YearMonth period = run.period();
        PackAssembler.Assembly assembly = run.assembly();
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            String version = Outputs.class.getPackage().getImplementationVersion();
            g.writeStringField("kpo_version", version == null ? "development" : version);
            g.writeStringField("spc_points_schema_version", SparkSpc.POINTS_SCHEMA_VERSION);
            g.writeStringField("series_schema_version", kpo.ingest.measures.SeriesBuilder.SCHEMA_VERSION);
            g.writeStringField("trust", config.trust().code());
            g.writeStringField("period", period.toString());
            g.writeStringField("data_to", String.valueOf(assembly.dataTo()));
            g.writeStringField("config", configFile.toAbsolutePath().toString());
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
            for (MonthlyJob.SourceRun s : sources) {
                g.writeStartObject();
                g.writeStringField("name", s.spec().name());
                g.writeStringField("kind", s.spec().kind().code());
                g.writeNumberField("read", s.curation().read());
                g.writeNumberField("accepted", s.curation().accepted());
                g.writeNumberField("rejected", s.curation().rejected());
                g.writeObjectFieldStart("rejected_by_reason");
                for (Map.Entry<String, Long> e : s.curation().rejectedByReason().entrySet()) {
                    g.writeNumberField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeNumberField("extracts_curated_this_run", s.curation().curatedNow().size());
                g.writeArrayFieldStart("inputs");
                for (Path input : s.curation().files()) {
                    g.writeStartObject();
                    g.writeStringField("file", input.toString());
                    g.writeStringField("sha256", s.curation().sha256().get(input));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("series_points", series.size());
            counts.put("spc_points", points.size());
            counts.put("spc_points_with_signals", points.stream().filter(r -> !r.getString(15).isEmpty()).count());
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
