package kpo.jobs.run;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kpo.ingest.IngestException;
import kpo.ingest.curate.CuratedStore;
import kpo.ingest.measures.MeasureCatalogue;
import kpo.ingest.measures.MeasureDefinition;
import kpo.ingest.measures.SeriesBuilder;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceMapping;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.spark.SparkSettings;
import kpo.jobs.cli.UserError;
import kpo.jobs.config.KpoConfig;
import kpo.spc.ChartSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The monthly job: ingest → series → SPC → reports, into {@code output/YYYY-MM/} all or nothing.
 * {@code spc_points.csv} comes from the engine run inside Spark over every series of the pack's
 * measures (every unit); the pack's own charts are drawn by the same engine on the driver.
 */
public final class MonthlyJob {

    /**
     * @param period the reporting month, or null for the config's, or the last month in the data
     * @param out the output folder, or null for the config's
     */
    public record Options(YearMonth period, Path out, boolean quiet) {
    }

    /** What a run made. */
    public record Outcome(YearMonth period, Path folder, Path boardPack) {
    }

    private MonthlyJob() {
    }

    public static Outcome run(KpoConfig config, Path configFile, Options options, PrintWriter err) {
        Progress progress = new Progress(err, options.quiet());
        Path base = configFile.toAbsolutePath().getParent();
        ConfigCheck.check(config, configFile);
        Pseudonymiser key = pseudonymiser(config, base);
        SparkSession spark = sparkSession(config);
        progress.stage("spark", "session on " + spark.sparkContext().master());

        // Ingest: bring the curated store up to date, source by source.
        CuratedStore store = new CuratedStore(resolve(base, config.curated() == null ? "curated" : config.curated()));
        Map<SourceKind, Dataset<Row>> curated = new LinkedHashMap<>();
        List<SourceRun> sources = new ArrayList<>();
        LocalDate asOf = LocalDate.now();
        for (KpoConfig.SourceConfig source : config.sources()) {
            SourceSpec spec = spec(source, base);
            CuratedStore.Curation curation;
            try {
                curation = store.curate(spark, spec, asOf, key);
            } catch (IngestException e) {
                throw UserError.badInput(e.getMessage());
            }
            // Cached: every measure of the source reads it again, and a trust's curated tables fit in memory.
            Dataset<Row> table = store.table(spark, spec).cache();
            curated.merge(spec.kind(), table, Dataset::unionByName);
            sources.add(new SourceRun(spec, curation, months(table)));
            progress.stage("ingest", String.format(Locale.ROOT, "%s: %,d rows read, %,d accepted, %,d rejected; "
                    + "%d of %d extracts new", spec.name(), curation.read(), curation.accepted(), curation.rejected(),
                    curation.curatedNow().size(), curation.files().size()));
        }

        // Series: the catalogue measures the pack uses, for every unit.
        MeasureCatalogue catalogue = MeasureCatalogue.builtIn();
        if (config.catalogue() != null) {
            catalogue = catalogue.with(resolve(base, config.catalogue()));
        }
        Map<String, MeasureDefinition> definitions = new LinkedHashMap<>();
        for (KpoConfig.MeasureConfig m : config.measures()) {
            MeasureDefinition d = catalogue.get(m.measure()).orElseThrow(() -> UserError.badInput(configFile.getFileName()
                    + ": measure '" + m.id() + "' names '" + m.measure() + "', which is neither built in nor in the "
                    + "catalogue file"));
            definitions.putIfAbsent(d.id(), d);
            individualsChart(m, d, configFile);
        }
        // Individual values are taken as of the reporting month (its waiting-list snapshot), or the latest data.
        YearMonth chosen = options.period() != null ? options.period() : config.period();
        Dataset<Row> series;
        try {
            series = SeriesBuilder.build(curated, List.copyOf(definitions.values()),
                    chosen == null ? null : chosen.atEndOfMonth()).cache();
        } catch (IngestException e) {
            throw UserError.badInput(e.getMessage());
        }
        YearMonth period = chosen != null ? chosen : lastMonth(series);
        LocalDate periodEnd = period.atEndOfMonth();
        Dataset<Row> upToPeriod = series.filter(col("period").leq(periodEnd));
        List<Row> seriesRows = upToPeriod.orderBy("measure_id", "unit_type", "unit_code", "period", "seq")
                .collectAsList();
        progress.stage("series", String.format(Locale.ROOT, "%,d points in %,d series of %d measures, to %s",
                seriesRows.size(), seriesRows.stream().map(r -> r.getString(0) + r.getString(1) + r.getString(2))
                        .distinct().count(), definitions.size(), period));

        // SPC: every series on Spark; the pack's measures on the driver with their full spec.
        Map<String, ChartSpec> specs = new HashMap<>();
        for (KpoConfig.MeasureConfig m : config.measures()) {
            specs.putIfAbsent(m.measure(), PackAssembler.spec(m).target(Double.NaN).rebases(List.of()).baseline(0)
                    .excluded(List.of()));
        }
        List<Row> points = SparkSpc.points(upToPeriod, specs).collectAsList();
        PackAssembler.Assembly assembly = PackAssembler.assemble(config, period, seriesRows, sources);
        long signals = points.stream().filter(r -> !r.getString(15).isEmpty()).count();
        progress.stage("spc", String.format(Locale.ROOT, "%,d points charted, %,d with a signal; %d pack measures",
                points.size(), signals, assembly.pack().measures().size()));

        // Outputs, all or nothing.
        Path out = options.out() != null ? options.out()
                : resolve(base, config.output() == null ? "out" : config.output());
        Path target = out.resolve(period.toString());
        try (OutputFolder folder = OutputFolder.open(target)) {
            Outputs.write(folder.folder(), config, configFile, period, assembly, points, seriesRows, sources, store,
                    spark, progress);
            folder.commit();
        } catch (IOException e) {
            throw UserError.failure("cannot write the outputs under " + target + ": " + e.getMessage());
        }
        series.unpersist();
        return new Outcome(period, target, target.resolve("board-report.pdf"));
    }

    /**
     * Individual values have neither denominators nor subgroups, so a chart that needs one cannot
     * plot them: said before the series are built, naming the measure.
     */
    private static void individualsChart(KpoConfig.MeasureConfig m, MeasureDefinition d, Path configFile) {
        if (d.aggregate() != kpo.ingest.measures.Aggregate.EACH || m.chart() == null) {
            return;
        }
        kpo.spc.ChartType chart = kpo.spc.ChartType.fromCode(m.chart()).orElse(kpo.spc.ChartType.XMR);
        if (chart.needsDenominator() || chart.subgrouped()) {
            throw UserError.badInput(configFile.getFileName() + ": measure '" + m.id() + "' puts the individual values "
                    + "of '" + d.id() + "' on a " + chart.code() + " chart, which needs " + (chart.subgrouped()
                    ? "subgroups" : "a denominator") + "; chart individual values on xmr, i, mr or run");
        }
    }

    /** A source and what curating it found. */
    /**
     * A source, what curating it found, and the months its accepted rows cover.
     */
    record SourceRun(SourceSpec spec, CuratedStore.Curation curation, List<YearMonth> months) {
    }

    /** The distinct months of a curated table (its {@code period} partitions), in order. */
    private static List<YearMonth> months(Dataset<Row> table) {
        return table.select(col("period")).distinct().collectAsList().stream()
                .map(r -> YearMonth.parse(r.getString(0))).sorted().toList();
    }

    private static Pseudonymiser pseudonymiser(KpoConfig config, Path base) {
        String keyFile = config.privacy() == null ? null : config.privacy().keyFile();
        try {
            return Pseudonymiser.configured(keyFile == null ? null : resolve(base, keyFile),
                    System.getenv(Pseudonymiser.KEY_VARIABLE)).orElse(null);
        } catch (java.nio.file.NoSuchFileException e) {
            throw UserError.failure("the pseudonym key file " + e.getFile() + " does not exist");
        } catch (IOException e) {
            throw UserError.failure("the pseudonym key file cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw UserError.badInput(e.getMessage());
        }
    }

    private static SparkSession sparkSession(KpoConfig config) {
        SparkSettings settings = SparkSettings.local();
        if (config.spark() != null) {
            settings = new SparkSettings(config.spark().master() == null ? "local[*]" : config.spark().master(),
                    config.spark().settings() == null ? Map.of() : config.spark().settings());
        }
        return settings.session();
    }

    static SourceSpec spec(KpoConfig.SourceConfig source, Path base) {
        SourceKind kind = SourceKind.fromCode(source.kind()).orElseThrow();
        SourceMapping mapping = new SourceMapping(source.columns() == null ? Map.of() : source.columns(),
                source.dateFormat(), source.timestampFormat(), source.codes() == null ? Map.of() : source.codes());
        List<String> paths = source.paths().stream().map(p -> resolve(base, p).toString()).toList();
        return new SourceSpec(source.name(), kind, paths, source.format() == null ? "csv" : source.format(), mapping,
                source.maxRejectRate() == null ? 0.05 : source.maxRejectRate());
    }

    static Path resolve(Path base, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : base.resolve(p).normalize();
    }

    /** The last month with data: the latest period of any series. */
    private static YearMonth lastMonth(Dataset<Row> series) {
        Row latest = series.agg(org.apache.spark.sql.functions.max(col("period"))).first();
        if (latest.isNullAt(0)) {
            throw UserError.badInput("the sources hold no rows for the measures of the config, so there is no month "
                    + "to report");
        }
        return YearMonth.from((LocalDate) latest.get(0));
    }
}
