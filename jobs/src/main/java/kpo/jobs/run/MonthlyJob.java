package kpo.jobs.run;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kpo.ingest.IngestException;
import kpo.ingest.curate.CuratedStore;
import kpo.ingest.measures.MeasureCatalogue;
import kpo.ingest.measures.MeasureDefinition;
import kpo.ingest.measures.SeriesBuilder;
import kpo.ingest.nhs.TreatmentFunctions;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceMapping;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.spark.SparkSettings;
import kpo.ingest.validate.Rejection;
import kpo.jobs.cli.UserError;
import kpo.jobs.config.CommentaryFile;
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
     * @param system the ODS codes of every trust of the system the run is part of, whose rows a
     *     trust's extracts may hold; empty for a trust's own run (then only its own code is named)
     */
    public record Options(YearMonth period, Path out, boolean quiet, LocalDate asOf, Set<String> system) {

        public Options {
            system = Set.copyOf(system);
        }

        public Options(YearMonth period, Path out, boolean quiet, LocalDate asOf) {
            this(period, out, quiet, asOf, Set.of());
        }

        public Options(YearMonth period, Path out, boolean quiet) {
            this(period, out, quiet, null);
        }
    }

    /**
     * The date future-dated rows are judged against, and where it came from.
     *
     * @param basis {@code option} (--as-of), {@code config} (as_of), {@code period} (the end of the
     *     month after the reporting period, so that a rerun judges the same rows the same way) or
     *     {@code run_date} (no period given: the day of the run)
     */
    record AsOf(LocalDate date, String basis) {

        static AsOf of(Options options, KpoConfig config, LocalDate today) {
            if (options.asOf() != null) {
                return new AsOf(options.asOf(), "option");
            }
            if (config.asOf() != null) {
                return new AsOf(config.asOf(), "config");
            }
            YearMonth period = options.period() != null ? options.period() : config.period();
            if (period != null) {
                return new AsOf(period.plusMonths(1).atEndOfMonth(), "period");
            }
            return new AsOf(today, "run_date");
        }
    }

    /** What a run made: the month, its output folder, the board pack's file and the pack itself. */
    public record Outcome(YearMonth period, Path folder, Path boardPack, kpo.reports.BoardPack pack) {
    }

    private MonthlyJob() {
    }

    public static Outcome run(KpoConfig config, Path configFile, Options options, PrintWriter err) {
        ConfigCheck.check(config, configFile);
        Path curatedRoot = resolve(configFile.toAbsolutePath().getParent(), config.curated() == null ? "curated"
                : config.curated());
        // Two runs curating one store at once would write the same extracts twice.
        try (RunLock storeLock = RunLock.acquire(curatedRoot.resolve(".lock"), "another kpo run is using the curated "
                + "store " + curatedRoot + "; wait for it to finish");
                Progress progress = new Progress(err, options.quiet())) {
            return runLocked(config, configFile, options, curatedRoot, progress);
        }
    }

    private static Outcome runLocked(KpoConfig config, Path configFile, Options options, Path curatedRoot,
            Progress progress) {
        Path base = configFile.toAbsolutePath().getParent();
        Path out = options.out() != null ? options.out()
                : resolve(base, config.output() == null ? "out" : config.output());
        OutputFolder.ready(out);
        List<String> fileProblems = ConfigCheck.fileProblems(config, configFile);
        if (!fileProblems.isEmpty()) {
            throw UserError.badInput(String.join("\n", fileProblems));
        }
        Pseudonymiser key = pseudonymiser(config, base);
        SparkSession spark = sparkSession(config);
        progress.stage("spark", "session on " + spark.sparkContext().master());

        // SPCreporter's sheets, where a team brings its measures from there: more measures and a source.
        SpcReporterSource spcreporter = null;
        if (config.spcreporter() != null) {
            spcreporter = SpcReporterSource.read(config.spcreporter(), config.trust().code(), base, spark);
            List<KpoConfig.MeasureConfig> all = new ArrayList<>(config.measures() == null ? List.of()
                    : config.measures());
            all.addAll(spcreporter.measures());
            config = config.withMeasures(all);
            CuratedStore.Curation sheets = spcreporter.run().curation();
            progress.stage("ingest", String.format(Locale.ROOT, "%s: %,d values read, %,d accepted, %,d rejected; "
                    + "%d measures", SpcReporterSource.NAME, sheets.read(), sheets.accepted(), sheets.rejected(),
                    spcreporter.measures().size()));
        }

        // Ingest: bring the curated store up to date, source by source.
        CuratedStore store = new CuratedStore(curatedRoot);
        Map<SourceKind, Dataset<Row>> curated = new LinkedHashMap<>();
        List<SourceRun> sources = new ArrayList<>();
        AsOf asOf = AsOf.of(options, config, LocalDate.now());
        ReadContext readContext = new ReadContext(asOf.date(), options.system().isEmpty()
                ? Set.of(config.trust().code()) : options.system(), treatmentFunctions(config));
        for (KpoConfig.SourceConfig source : config.sources() == null ? List.<KpoConfig.SourceConfig>of()
                : config.sources()) {
            SourceSpec spec = spec(source, base);
            CuratedStore.Curation curation;
            try {
                curation = store.curate(spark, spec, readContext, key);
            } catch (IngestException e) {
                throw UserError.badInput(e.getMessage());
            }
            // Cached: every measure of the source reads it again, and a trust's curated tables fit in memory.
            Dataset<Row> table = store.table(spark, spec).cache();
            curated.merge(spec.kind(), table, Dataset::unionByName);
            sources.add(new SourceRun(spec, curation, months(table), List.of()));
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
            if (ConfigCheck.preAggregated(m)) {
                continue; // a measures source's or SPCreporter's own series: no catalogue definition
            }
            MeasureDefinition d = catalogue.get(m.measure()).orElseThrow(() -> UserError.badInput(configFile.getFileName()
                    + ": measure '" + m.id() + "' names '" + m.measure() + "', which is neither built in nor in the "
                    + "catalogue file"));
            definitions.putIfAbsent(d.id(), d);
            individualsChart(m, d, configFile);
        }
        String publishedRtt = config.published() == null ? null : config.published().get("rtt_provider");
        if (publishedRtt != null) {
            // The reconciliation needs the waiting list by treatment function even if no pack measure charts it.
            for (String id : RttReconciliation.MEASURES.keySet()) {
                catalogue.get(id).ifPresent(d -> definitions.putIfAbsent(d.id(), d));
            }
        }
        // Individual values are taken as of the reporting month (its waiting-list snapshot), or the latest data.
        YearMonth chosen = options.period() != null ? options.period() : config.period();
        Dataset<Row> series = null;
        if (!definitions.isEmpty() || curated.containsKey(SourceKind.MEASURES)) {
            try {
                series = SeriesBuilder.build(curated, List.copyOf(definitions.values()),
                        chosen == null ? null : chosen.atEndOfMonth());
            } catch (IngestException e) {
                throw UserError.badInput(e.getMessage());
            }
        }
        if (spcreporter != null) {
            // SPCreporter's sheets hold no individual values: no seq column.
            series = series == null ? spcreporter.series() : series.unionByName(spcreporter.series(), true);
            sources.add(spcreporter.run());
        }
        series = series.cache();
        YearMonth period = chosen != null ? chosen : lastMonth(series);
        if (config.commentaryFile() != null) {
            config = withCommentary(config, resolve(base, config.commentaryFile()), period);
        }
        LocalDate periodEnd = period.atEndOfMonth();
        Dataset<Row> upToPeriod = series.filter(col("period").leq(periodEnd));
        List<Row> seriesRows = upToPeriod.orderBy("measure_id", "unit_type", "unit_code", "period", "seq")
                .collectAsList();
        progress.stage("series", String.format(Locale.ROOT, "%,d points in %,d series of %d measures, to %s",
                seriesRows.size(), seriesRows.stream().map(r -> r.getString(0) + '\u0000' + r.getString(1) + '\u0000'
                        + r.getString(2)).distinct().count(), seriesRows.stream().map(r -> r.getString(0)).distinct()
                        .count(), period));

        // SPC: every series on Spark; the pack's measures on the driver with their full spec.
        Map<String, ChartSpec> specs = new HashMap<>();
        for (KpoConfig.MeasureConfig m : config.measures()) {
            specs.putIfAbsent(m.measure(), PackAssembler.spec(m).target(Double.NaN).rebases(List.of()).baseline(0)
                    .excluded(List.of()));
        }
        List<Row> points = SparkSpc.points(upToPeriod, specs).collectAsList();
        Vintages.Vintage vintage = Vintages.latestBefore(out, period).orElse(null);
        List<kpo.reports.Reconciliation> reconciliations = publishedRtt == null ? List.of()
                : RttReconciliation.of(resolve(base, publishedRtt), config.trust().code(), period, seriesRows,
                        readContext.treatmentFunctions());
        PackAssembler.Assembly assembly = PackAssembler.assemble(config, period, seriesRows, sources, vintage,
                Suppression.smallNumbers(config), reconciliations);
        Suppression suppression = Suppression.of(config, definitions.values());
        long signals = points.stream().filter(r -> !r.getString(15).isEmpty()).count();
        progress.stage("spc", String.format(Locale.ROOT, "%,d points charted, %,d with a signal; %d pack measures",
                points.size(), signals, assembly.pack().measures().size()));

        // Outputs, all or nothing; then, under the same lock, the month's vintage for later packs to compare with.
        Path target = out.resolve(period.toString());
        try (OutputFolder folder = OutputFolder.open(target)) {
            Outputs.write(folder.folder(), new Outputs.Run(config, configFile, period, asOf, vintage, assembly,
                    suppression), points, seriesRows, sources, store, spark, progress);
            folder.commit();
            Vintages.write(out, period, packSeries(config, seriesRows));
        } catch (IOException e) {
            throw UserError.failure("cannot write the outputs under " + target + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // A write that failed inside an image writer or a Spark task (a full disk, a lost mount).
            IOException io = ioCause(e);
            if (io == null) {
                throw e;
            }
            throw UserError.failure("cannot write the outputs under " + target + ": " + rootMessage(io));
        }
        series.unpersist();
        return new Outcome(period, target, target.resolve("board-report.pdf"), assembly.pack());
    }

    /** The first I/O failure in an exception's causes, or null when it is not one. */
    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /** The innermost message: the operating system's reason ("No space left on device"), not a wrapper's. */
    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** The rows of the series the pack's measures chart (catalogue measure × unit): what a vintage keeps. */
    private static List<Row> packSeries(KpoConfig config, List<Row> seriesRows) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (KpoConfig.MeasureConfig m : config.measures()) {
            keys.add(m.measure() + '\u0001' + m.unit().type().toLowerCase(Locale.ROOT) + '\u0001' + m.unit().code());
        }
        return seriesRows.stream().filter(r -> keys.contains(r.getString(0) + '\u0001' + r.getString(1) + '\u0001'
                + r.getString(2))).toList();
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

    /**
     * A source, what curating it found, and the months its accepted rows cover.
     *
     * @param readOnDriver the rejections of a source read on the driver (SPCreporter's sheets), which
     *     the curated store does not hold; empty for the curated sources
     */
    record SourceRun(SourceSpec spec, CuratedStore.Curation curation, List<YearMonth> months,
            List<Rejection> readOnDriver) {
    }

    /** The owners' commentary for the month, where the file has one, in place of the config's own. */
    private static KpoConfig withCommentary(KpoConfig config, Path file, YearMonth period) {
        Map<String, KpoConfig.CommentaryConfig> commentary = CommentaryFile.read(file,
                config.measures().stream().map(KpoConfig.MeasureConfig::id).collect(java.util.stream.Collectors.toSet()))
                .forPeriod(period);
        return config.withMeasures(config.measures().stream().map(m -> commentary.containsKey(m.id())
                ? m.withCommentary(commentary.get(m.id())) : m).toList());
    }

    /** The distinct months of a curated table (its {@code period} partitions), in order. */
    private static List<YearMonth> months(Dataset<Row> table) {
        return table.select(col(kpo.ingest.source.CuratedColumn.MONTH)).distinct().collectAsList().stream()
                .map(r -> YearMonth.parse(r.getString(0))).sorted().toList();
    }

    /** The national treatment functions with the config's local codes. */
    static TreatmentFunctions treatmentFunctions(KpoConfig config) {
        return config.treatmentFunctions() == null ? TreatmentFunctions.national()
                : TreatmentFunctions.national().withLocal(config.treatmentFunctions().stream()
                        .map(MonthlyJob::treatmentFunction).toList());
    }

    static TreatmentFunctions.Code treatmentFunction(KpoConfig.TreatmentFunctionConfig t) {
        return new TreatmentFunctions.Code(t.code(), t.name(), t.rttGroup().trim().toUpperCase(Locale.ROOT));
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
