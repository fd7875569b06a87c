package kpo.jobs.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import kpo.ingest.IngestException;
import kpo.ingest.curate.CuratedStore;
import kpo.ingest.engine.ExtractCounts;
import kpo.ingest.nhse.PublishedSeries;
import kpo.ingest.nhse.SpcReporterData;
import kpo.ingest.read.CsvTable;
import kpo.ingest.read.SourceFiles;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceMapping;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.validate.Rejection;
import kpo.jobs.cli.UserError;
import kpo.jobs.config.KpoConfig;
import kpo.jobs.config.SpcReporterSheets;
import kpo.ingest.measures.SeriesRow;
import kpo.ingest.source.Reason;

/**
 * The measures of a team moving from SPCreporter: its config sheets become pack measures, its
 * measure-data sheets their series (read on the driver: such sheets hold a few hundred values), and
 * the sheets one more source in the manifest, the rejects and the data-quality appendix.
 *
 * @param measures the pack measures made from {@code report_config} and {@code measure_config}
 * @param series the values, in the series table's shape
 * @param events each events measure's event times, for its point up to the cut-off ({@link #toCutoff})
 * @param run the sheets as a source: what was read, accepted and rejected, and each rejected value
 *     with its file, line and period column
 */
record SpcReporterSource(List<KpoConfig.MeasureConfig> measures, List<SeriesRow> series,
        Map<String, List<LocalDateTime>> events, MonthlyJob.SourceRun run) {

    /** The source's name in every report. */
    static final String NAME = "spcreporter";

    /** The files a folder of SPCreporter sheets is read from. */
    static final String FOLDER_GLOB = "*.{csv,CSV,xlsx,XLSX,xlsm,xls}";

    /** The share of rejected values above which the run stops, as for every source. */
    static final double DEFAULT_MAX_REJECT_RATE = 0.05;

    SpcReporterSource {
        measures = List.copyOf(measures);
        series = List.copyOf(series);
        events = Map.copyOf(events);
    }

    /** What to say of a sheet whose every value was rejected, or null when some were kept. */
    static String allRejected(CsvTable sheet, PublishedSeries values) {
        if (values.read() == 0 || values.accepted() > 0) {
            return null;
        }
        return displayName(sheet) + ": every one of its " + values.read() + " values was rejected ("
                + ExtractCounts.commonest(values.rejectedByReason()) + "): is it an SPCreporter data sheet, with numbers "
                + "in its period columns?";
    }

    /** A sheet as messages name it: its file's name, and its sheet's in a workbook. */
    static String displayName(CsvTable sheet) {
        String full = sheet.name();
        String file = sheet.file().toString();
        return full.startsWith(file) ? sheet.file().getFileName() + full.substring(file.length()) : full;
    }

    /** What to say of a reported measure that no data sheet has a value for, after its id. */
    static String noValues(PackMeasure m) {
        return "has no values in the SPCreporter data sheets" + (m.spec().chart() == kpo.spc.ChartType.T
                ? " (a t chart is drawn "
                + "from the events sheet: list events.csv among the data, or give the data workbook an events sheet)"
                : "");
    }

    /** The data files the config lists (a folder stands for its sheets). */
    static List<Path> files(KpoConfig.SpcReporterConfig config, Path base) {
        return files(paths(config, base));
    }

    private static List<Path> files(List<String> paths) {
        return SourceFiles.resolve(NAME, paths, FOLDER_GLOB, ".csv or .xlsx");
    }

    /** The config's data paths, from the config's folder. */
    private static List<String> paths(KpoConfig.SpcReporterConfig config, Path base) {
        return config.data().stream().map(p -> MonthlyJob.resolve(base, p).toString()).toList();
    }

    static SpcReporterSource read(KpoConfig.SpcReporterConfig config, String trustCode, Path base) {
        if (config.measureConfig() == null || config.reportConfig() == null || config.data() == null
                || config.data().isEmpty()) {
            throw UserError.badInput("spcreporter needs measure_config, report_config and data (its measure-data "
                    + "workbook, or its sheets saved as CSV)");
        }
        SpcReporterSheets.Import imported = SpcReporterSheets.read(MonthlyJob.resolve(base, config.measureConfig()),
                MonthlyJob.resolve(base, config.reportConfig()), trustCode);
        if (!imported.problems().isEmpty()) {
            throw UserError.badInput(String.join("\n", imported.problems()));
        }
        double limit = config.maxRejectRate() == null ? DEFAULT_MAX_REJECT_RATE : config.maxRejectRate();
        List<String> paths = paths(config, base);
        SourceSpec spec = new SourceSpec(NAME, SourceKind.MEASURES, paths, "csv", SourceMapping.NONE, limit);
        List<Path> files;
        try {
            files = files(paths);
        } catch (IngestException e) {
            throw UserError.badInput(e.getMessage());
        }
        Map<String, String> comments = new HashMap<>();
        Map<String, List<LocalDateTime>> events = new HashMap<>();
        List<SeriesRow> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Map<Path, String> sha256 = new LinkedHashMap<>();
        Map<Reason, Long> byReason = new EnumMap<>(Reason.class);
        long read = 0;
        for (Path file : files) {
            try {
                for (SpcReporterData.Sheet sheet : SpcReporterData.sheets(file)) {
                    SpcReporterData.Values values = SpcReporterData.read(sheet, trustCode);
                    String allRejected = allRejected(sheet.table(), values.series());
                    if (allRejected != null) {
                        throw UserError.badInput(allRejected);
                    }
                    read += values.series().read();
                    rows.addAll(values.series().rows());
                    rejections.addAll(values.series().rejections());
                    values.series().rejectedByReason().forEach((reason, n) -> byReason.merge(reason, n, Long::sum));
                    comments.putAll(values.comments());
                    events.putAll(values.events());
                }
            } catch (IngestException e) {
                throw UserError.badInput(e.getMessage());
            }
            sha256.put(file, SourceFiles.sha256(file));
        }
        if (read > 0 && (double) rejections.size() / read > limit) {
            throw UserError.badInput(String.format(Locale.ROOT, "source 'spcreporter': %,d of %,d values (%.1f%%) were "
                    + "rejected, above the limit of %.1f%% (spcreporter.max_reject_rate); the commonest reason is %s",
                    rejections.size(), read, 100.0 * rejections.size() / read, 100 * limit,
                    ExtractCounts.commonest(byReason)));
        }
        Map<String, TreeSet<LocalDate>> dates = new HashMap<>();
        for (SeriesRow r : rows) {
            String measure = r.measureId();
            if (measure.endsWith("_")) {
                throw UserError.badInput("a row of the SPCreporter data names no aggregation: name each sheet file "
                        + "after its aggregation (week.csv, month.csv) or give the sheet an aggregation column");
            }
            dates.computeIfAbsent(measure, k -> new TreeSet<>()).add(r.period());
        }
        List<KpoConfig.MeasureConfig> measures = new ArrayList<>();
        for (KpoConfig.MeasureConfig m : imported.measures()) {
            TreeSet<LocalDate> periods = dates.getOrDefault(m.measure(), new TreeSet<>());
            KpoConfig.MeasureConfig aligned = m.withRebases(align(m.rebases(), periods));
            String comment = comments.get(m.measure());
            measures.add(comment == null ? aligned : aligned.withCommentary(new KpoConfig.CommentaryConfig(comment,
                    null, null, m.owner() == null ? "the measure's owner" : m.owner(), null, null)));
        }
        long rejected = rejections.size();
        List<YearMonth> months = dates.values().stream().flatMap(TreeSet::stream).map(YearMonth::from).distinct()
                .sorted().toList();
        CuratedStore.Curation curation = new CuratedStore.Curation(NAME, files, files, read, read - rejected, byReason,
                sha256, new TreeSet<>(months));
        return new SpcReporterSource(measures, rows, events, new MonthlyJob.SourceRun(spec, curation, months,
                List.copyOf(rejections)));
    }

    /**
     * The t charts' last points, from each measure's last event to the end of the reporting month, as
     * SPCreporter ends a t chart at its report's cut-off ({@link SpcReporterData#sinceLastEvent}).
     */
    List<SeriesRow> toCutoff(YearMonth period, String trustCode) {
        LocalDateTime cutoff = period.plusMonths(1).atDay(1).atStartOfDay();
        List<SeriesRow> points = new ArrayList<>();
        events.forEach((measure, times) -> SpcReporterData.sinceLastEvent(measure, trustCode, times, cutoff)
                .ifPresent(points::add));
        return points;
    }

    /**
     * SPCreporter moves a rebase date that falls between data points to the next point's date (so
     * the chart shows it); the engine's ptd rules would otherwise ignore it.
     */
    static List<KpoConfig.RebaseConfig> align(List<KpoConfig.RebaseConfig> rebases, TreeSet<LocalDate> periods) {
        List<KpoConfig.RebaseConfig> aligned = new ArrayList<>();
        for (KpoConfig.RebaseConfig r : rebases) {
            LocalDate next = periods.ceiling(r.date());
            aligned.add(next == null ? r : new KpoConfig.RebaseConfig(next, r.reason(), r.agreedBy()));
        }
        return aligned;
    }
}
