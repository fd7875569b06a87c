package kpo.jobs.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import kpo.ingest.IngestException;
import kpo.ingest.curate.CuratedStore;
import kpo.ingest.curate.SeriesCache;
import kpo.ingest.measures.ParetoSql;
import kpo.ingest.engine.Engine;
import kpo.ingest.measures.MeasureCatalogue;
import kpo.ingest.measures.MeasureDefinition;
import kpo.ingest.measures.SeriesRow;
import kpo.ingest.nhs.TreatmentFunctions;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceMapping;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.validate.Rejection;
import kpo.jobs.cli.UserError;
import kpo.jobs.config.CommentaryFile;
import kpo.jobs.config.KpoConfig;

/**
 * The monthly job, in stages that each hand the next a record: ingest (the curated store brought up
 * to date) → series (the measures of every unit, from the store and the months it already holds)
 * → SPC (every series charted) → pack (the board's pack assembled) → outputs, written into
 * {@code output/YYYY-MM/} all or nothing. Only the first two touch an engine ({@link Engines}), which
 * starts when first needed, so a run with nothing new starts none; the pack, the outputs, vintages,
 * reconciliation and suppression see typed records only.
 */
public final class MonthlyJob {

    /**
     * @param period the reporting month, or null for the config's, or the last month in the data
     * @param out the output folder, or null for the config's
     * @param asOf the as-of date, or null for the config's or the default
     * @param system the ODS codes of every trust of the system the run is part of, whose rows a
     *     trust's extracts may hold; empty for a trust's own run (then only its own code is named)
     * @param engine the engine asked for on the command line, or null for the config's
     */
    public record Options(YearMonth period, Path out, boolean quiet, LocalDate asOf, Set<String> system,
            Engines.Kind engine) {

        public Options {
            system = Set.copyOf(system);
        }

        public Options(YearMonth period, Path out, boolean quiet, LocalDate asOf) {
            this(period, out, quiet, asOf, Set.of(), null);
        }

        public Options(YearMonth period, Path out, boolean quiet) {
            this(period, out, quiet, null);
        }

        public Options withSystem(Set<String> value) {
            return new Options(period, out, quiet, asOf, value, engine);
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

    /**
     * What a run made: the month, its output folder, the board pack's file and the pack itself.
     *
     * @param config the config as run (with SPCreporter's measures)
     * @param rows every series row up to the month's end, from which a system run compares its trusts
     */
    public record Outcome(YearMonth period, Path folder, Path boardPack, kpo.reports.BoardPack pack, KpoConfig config,
            List<SeriesRow> rows) {
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

    /**
     * The ingest stage's result.
     *
     * @param config the config with SPCreporter's measures added
     * @param sources every source with what curating it found
     * @param spcreporter SPCreporter's sheets (read on the driver), or null
     * @param rejections every rejected row of every source, in source, file and line order: being read
     *     from the curated store on a thread of its own while the series are built and charted (the
     *     Parquet reader's first use costs a cold JVM most of a second)
     */
    record Ingested(KpoConfig config, List<SourceRun> sources, SpcReporterSource spcreporter,
            CompletableFuture<List<Rejection>> rejections) {
    }

    /**
     * The series stage's result.
     *
     * @param period the reporting month
     * @param rows every series row of every unit up to the month's end, in the table's order
     * @param definitions the catalogue measures computed
     */
    /**
     * @param reasons the reasons behind the rows of the measures whose definition names a Pareto column,
     *     over the 12 months to the period, per unit and month
     */
    record Built(YearMonth period, List<SeriesRow> rows, Map<String, MeasureDefinition> definitions,
            List<ParetoSql.ReasonCount> reasons) {
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
        AsOf asOf = AsOf.of(options, config, LocalDate.now());
        YearMonth chosen = options.period() != null ? options.period() : config.period();
        CuratedStore store = new CuratedStore(curatedRoot);
        Ingested ingested;
        Built built;
        List<PointRow> points;
        try (EngineOnDemand engine = Engines.open(Engines.kind(config, options.engine()), config, curatedRoot,
                progress)) {
            ingested = ingest(engine, config, base, store, options, asOf, key, progress);
            CheckedConfig measured = CheckedConfig.of(ingested.config());
            built = series(engine, ingested, measured, configFile, base, store, chosen, progress);
            points = charts(engine, measured, built, progress);
        }
        KpoConfig assembled = ingested.config();
        if (assembled.commentaryFile() != null) {
            assembled = withCommentary(assembled, resolve(base, assembled.commentaryFile()), built.period());
        }
        // SPCreporter's measures and the owners' commentary added: read into types once more.
        CheckedConfig checked = CheckedConfig.of(assembled);
        Vintages.Vintage vintage = Vintages.latestBefore(out, built.period()).orElse(null);
        String publishedRtt = assembled.published() == null ? null : assembled.published().get("rtt_provider");
        List<kpo.reports.Reconciliation> reconciliations = publishedRtt == null ? List.of()
                : RttReconciliation.of(resolve(base, publishedRtt), assembled.trust().code(), built.period(),
                        built.rows(), treatmentFunctions(assembled));
        PackAssembler.Assembly assembly = PackAssembler.assemble(checked, built.period(), built.rows(),
                ingested.sources(), vintage, Suppression.smallNumbers(assembled), reconciliations, new InputNames(base),
                built.reasons());
        Comparisons.Made compared = Comparisons.ofTrust(checked, built.period(), built.rows(),
                Suppression.smallNumbers(assembled), treatmentFunctions(assembled), built.definitions());
        compared.skipped().forEach(s -> progress.stage("pack", s));
        assembly = new PackAssembler.Assembly(assembly.pack().comparisons(compared.comparisons()), assembly.dataTo());
        Suppression suppression = Suppression.of(checked, built.definitions().values());
        progress.stage("pack", String.format(Locale.ROOT, "%d pack measures, %d commitments%s",
                assembly.pack().measures().size(), assembly.pack().commitments().size(),
                assembly.pack().comparisons().isEmpty() ? "" : ", " + assembly.pack().comparisons().size()
                        + " funnel plots"));

        // Outputs, all or nothing; then, under the same lock, the month's vintage for later packs to compare with.
        Outputs.RunResult result = new Outputs.RunResult(assembled, configFile, built.period(), asOf, vintage,
                assembly, suppression, points, built.rows(), ingested.sources(), joined(ingested.rejections()));
        Path target = out.resolve(built.period().toString());
        try (OutputFolder folder = OutputFolder.open(target)) {
            Outputs.write(folder.folder(), result, progress);
            folder.commit();
            Vintages.write(out, built.period(), packSeries(checked, built.rows()));
        } catch (IOException e) {
            throw UserError.failure("cannot write the outputs under " + target + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // A write that failed inside an image or Parquet writer (a full disk, a lost mount).
            IOException io = ioCause(e);
            if (io == null) {
                throw e;
            }
            throw UserError.failure("cannot write the outputs under " + target + ": " + rootMessage(io));
        }
        return new Outcome(built.period(), target, target.resolve("board-report.pdf"), assembly.pack(), assembled,
                built.rows());
    }

    /** The built-in measures and the config's own catalogue file's, read from beside the config ({@code base}). */
    static MeasureCatalogue catalogue(KpoConfig config, Path base) {
        MeasureCatalogue catalogue = MeasureCatalogue.builtIn();
        return config.catalogue() == null ? catalogue : catalogue.with(resolve(base, config.catalogue()));
    }

    /** What a background read gave; what it threw is thrown here as it was. */
    private static <T> T joined(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Ingest: SPCreporter's sheets, then each source's new extracts curated on the engine. */
    private static Ingested ingest(Engine engine, KpoConfig config, Path base, CuratedStore store, Options options,
            AsOf asOf, Pseudonymiser key, Progress progress) {
        List<SourceRun> sources = new ArrayList<>();
        // SPCreporter's sheets, where a team brings its measures from there: more measures and a source.
        SpcReporterSource spcreporter = null;
        if (config.spcreporter() != null) {
            spcreporter = SpcReporterSource.read(config.spcreporter(), config.trust().code(), base);
            List<KpoConfig.MeasureConfig> all = new ArrayList<>(config.measures() == null ? List.of()
                    : config.measures());
            all.addAll(spcreporter.measures());
            config = config.withMeasures(all);
            CuratedStore.Curation sheets = spcreporter.run().curation();
            progress.stage("ingest", String.format(Locale.ROOT, "%s: %,d values read, %,d accepted, %,d rejected; "
                    + "%d measures", SpcReporterSource.NAME, sheets.read(), sheets.accepted(), sheets.rejected(),
                    spcreporter.measures().size()));
        }
        ReadContext context = new ReadContext(asOf.date(), options.system().isEmpty()
                ? Set.of(config.trust().code()) : options.system(), treatmentFunctions(config));
        for (KpoConfig.SourceConfig source : config.sources() == null ? List.<KpoConfig.SourceConfig>of()
                : config.sources()) {
            SourceSpec spec = spec(source, base);
            CuratedStore.Curation curation;
            try {
                curation = store.curate(engine, spec, context, key);
            } catch (IngestException e) {
                throw UserError.badInput(e.getMessage());
            }
            sources.add(new SourceRun(spec, curation, List.copyOf(curation.months()), List.of()));
            progress.stage("ingest", String.format(Locale.ROOT, "%s: %,d rows read, %,d accepted, %,d rejected; "
                    + "%d of %d extracts new", spec.name(), curation.read(), curation.accepted(), curation.rejected(),
                    curation.curatedNow().size(), curation.files().size()));
        }
        if (spcreporter != null) {
            sources.add(spcreporter.run());
        }
        List<SourceRun> all = List.copyOf(sources);
        return new Ingested(config, all, spcreporter, CompletableFuture.supplyAsync(() -> rejections(store, all),
                command -> {
                    Thread t = new Thread(command, "kpo-rejections");
                    t.setDaemon(true);
                    t.start();
                }));
    }

    private static List<Rejection> rejections(CuratedStore store, List<SourceRun> sources) {
        List<Rejection> all = new ArrayList<>();
        for (SourceRun s : sources) {
            all.addAll(s.spec().name().equals(SpcReporterSource.NAME) ? s.readOnDriver()
                    : store.rejections(s.spec().name()));
        }
        return all;
    }

    /**
     * Series: the catalogue measures the pack uses, for every unit, from what the store already holds and what changed.
     *
     * @param measured the config's measures, SPCreporter's among them, read into types
     */
    private static Built series(Engine engine, Ingested ingested, CheckedConfig measured, Path configFile, Path base,
            CuratedStore store, YearMonth chosen, Progress progress) {
        KpoConfig config = ingested.config();
        MeasureCatalogue catalogue = catalogue(config, base);
        Map<String, MeasureDefinition> definitions = new LinkedHashMap<>();
        for (PackMeasure m : measured.measures()) {
            if (m.preAggregated()) {
                continue; // a measures source's or SPCreporter's own series: no catalogue definition
            }
            MeasureDefinition d = catalogue.get(m.measure()).orElseThrow(() -> UserError.badInput(configFile.getFileName()
                    + ": measure '" + m.id() + "' names '" + m.measure() + "', which is neither built in nor in the "
                    + "catalogue file"));
            definitions.putIfAbsent(d.id(), d);
            individualsChart(m, d, configFile);
            List<String> uncomparable = Comparisons.problems(m, d);
            if (!uncomparable.isEmpty()) {
                throw UserError.badInput(configFile.getFileName() + ": " + String.join("\n" + configFile.getFileName()
                        + ": ", uncomparable));
            }
        }
        if (config.published() != null && config.published().get("rtt_provider") != null) {
            // The reconciliation needs the waiting list by treatment function even if no pack measure charts it.
            for (String id : RttReconciliation.MEASURES.keySet()) {
                catalogue.get(id).ifPresent(d -> definitions.putIfAbsent(d.id(), d));
            }
        }
        Map<String, SourceKind> kinds = new LinkedHashMap<>();
        for (SourceRun s : ingested.sources()) {
            if (!s.spec().name().equals(SpcReporterSource.NAME)) {
                kinds.put(s.spec().name(), s.spec().kind());
            }
        }
        Map<SourceKind, List<Path>> tables = new LinkedHashMap<>();
        kinds.forEach((name, kind) -> tables.computeIfAbsent(kind, k -> new ArrayList<>()).add(store.table(name)));
        engine.attach(tables);
        SeriesCache.Result result;
        try {
            // Individual values are taken as of the reporting month (its waiting-list snapshot), or the latest data.
            result = new SeriesCache(store).series(engine, store, kinds, List.copyOf(definitions.values()),
                    chosen == null ? null : chosen.atEndOfMonth());
        } catch (IngestException e) {
            throw UserError.badInput(e.getMessage());
        }
        List<SeriesRow> all = new ArrayList<>(result.rows());
        SpcReporterSource spcreporter = ingested.spcreporter();
        if (spcreporter != null) {
            all.addAll(spcreporter.series());
        }
        YearMonth period = chosen != null ? chosen : lastMonth(all);
        LocalDate periodEnd = period.atEndOfMonth();
        if (spcreporter != null) {
            all.addAll(spcreporter.toCutoff(period, ingested.config().trust().code()));
        }
        all.sort(SeriesRow.ORDER);
        List<SeriesRow> upToPeriod = all.stream().filter(r -> !r.period().isAfter(periodEnd)).toList();
        long series = upToPeriod.stream().map(SeriesRow::key).distinct().count();
        long measures = upToPeriod.stream().map(SeriesRow::measureId).distinct().count();
        progress.stage("series", String.format(Locale.ROOT, "%,d points in %,d series of %d measures, to %s; %s",
                upToPeriod.size(), series, measures, period, how(result)));
        // The reasons behind the rows of the pack's measures that name a Pareto column, the last 12 months.
        List<ParetoSql.ReasonCount> reasons = new ArrayList<>();
        for (MeasureDefinition d : definitions.values()) {
            if (d.pareto() != null) {
                try {
                    reasons.addAll(ParetoSql.run(d, period.minusMonths(PackAssembler.REASON_MONTHS - 1), period,
                            engine::rows));
                } catch (IngestException e) {
                    throw UserError.badInput(e.getMessage());
                }
            }
        }
        return new Built(period, upToPeriod, definitions, reasons);
    }

    /** How the series were had, in a few words for the progress line. */
    private static String how(SeriesCache.Result result) {
        if (result.updated().isEmpty() && result.reused().isEmpty()) {
            return "all computed";
        }
        if (result.computed().isEmpty() && result.updated().isEmpty()) {
            return "all kept from the last run";
        }
        int months = result.months().values().stream().mapToInt(Set::size).max().orElse(0);
        return String.format(Locale.ROOT, "%d computed, %d updated in %d month%s, %d kept", result.computed().size(),
                result.updated().size(), months, months == 1 ? "" : "s", result.reused().size());
    }

    /** SPC: every series of the pack's catalogue measures, each with its spec ({@link SeriesSpecs}). */
    private static List<PointRow> charts(EngineOnDemand engine, CheckedConfig config, Built built, Progress progress) {
        SeriesSpecs specs = SeriesSpecs.of(config.measures());
        List<PointRow> points = Engines.charts(engine, built.rows(), specs);
        long signals = points.stream().filter(PointRow::hasSignal).count();
        progress.stage("spc", String.format(Locale.ROOT, "%,d points charted, %,d with a signal", points.size(),
                signals));
        return points;
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
    private static List<SeriesRow> packSeries(CheckedConfig config, List<SeriesRow> seriesRows) {
        Set<kpo.ingest.measures.SeriesKey> keys = new java.util.HashSet<>();
        for (PackMeasure m : config.measures()) {
            keys.add(m.seriesKey());
        }
        return seriesRows.stream().filter(r -> keys.contains(r.key())).toList();
    }

    /**
     * Individual values have neither denominators nor subgroups, so a chart that needs one cannot
     * plot them: said before the series are built, naming the measure.
     */
    private static void individualsChart(PackMeasure m, MeasureDefinition d, Path configFile) {
        if (d.aggregate() != kpo.ingest.measures.Aggregate.EACH) {
            return;
        }
        kpo.spc.ChartType chart = m.spec().chart();
        if (chart.needsDenominator() || chart.subgrouped()) {
            throw UserError.badInput(configFile.getFileName() + ": measure '" + m.id() + "' puts the individual values "
                    + "of '" + d.id() + "' on a " + chart.code() + " chart, which needs " + (chart.subgrouped()
                    ? "subgroups" : "a denominator") + "; chart individual values on xmr, i, mr or run");
        }
    }

    /** The owners' commentary for the month, where the file has one, in place of the config's own. */
    private static KpoConfig withCommentary(KpoConfig config, Path file, YearMonth period) {
        Map<String, KpoConfig.CommentaryConfig> commentary = CommentaryFile.read(file,
                config.measures().stream().map(KpoConfig.MeasureConfig::id).collect(java.util.stream.Collectors.toSet()))
                .forPeriod(period);
        return config.withMeasures(config.measures().stream().map(m -> commentary.containsKey(m.id())
                ? m.withCommentary(commentary.get(m.id())) : m).toList());
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
    private static YearMonth lastMonth(List<SeriesRow> series) {
        return series.stream().map(SeriesRow::period).max(LocalDate::compareTo).map(YearMonth::from)
                .orElseThrow(() -> UserError.badInput("the sources hold no rows for the measures of the config, so "
                        + "there is no month to report"));
    }
}
