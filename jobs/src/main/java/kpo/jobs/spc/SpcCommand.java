package kpo.jobs.spc;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kpo.jobs.Kpo;
import kpo.jobs.cli.Converters;
import kpo.jobs.cli.ExitCode;
import kpo.jobs.cli.SafeFiles;
import kpo.jobs.cli.UserError;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import kpo.spc.RuleSet;
import kpo.spc.Spc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kpo spc}: run or control charts for the series in a CSV file. */
@Command(name = "spc", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compute run and control charts, special-cause signals and the Making Data Count icons for "
                + "every series in a CSV file.",
                "",
                "The CSV has a header with the columns period (YYYY-MM-DD) and value, and optionally denominator and "
                        + "series (one chart per series id), in any order. An empty value is a missing point."},
        footer = {"", "Exit codes: 0 done, 1 failure, 2 usage error, 3 bad input data (FILE:LINE: field: reason).",
                "Example: kpo spc --input waits.csv --chart xmr --rules mdc --improvement decrease --target 212"})
public final class SpcCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @ParentCommand
    private Kpo kpo;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "the series: a CSV file, a JSON file of rows or a reference case, or '-' for a CSV on "
                    + "standard input")
    private String input;

    @Option(names = "--chart", paramLabel = "TYPE", converter = Converters.Chart.class,
            description = "run, xmr, i, mr, p, pp, u, up, c, g, t, xbar, s or ip (default: xmr, or the chart of a "
                    + "reference case)")
    private ChartType chart;

    @Option(names = "--rules", paramLabel = "SET", converter = Converters.Rules.class,
            description = "mdc, ptd, anhoej, ihi, we or nelson (default: mdc for xmr, anhoej for the others)")
    private RuleSet rules;

    @Option(names = "--shift", paramLabel = "N", description = "shift length in points (mdc 6-8, default 7)")
    private Integer shift;

    @Option(names = "--trend", paramLabel = "N", description = "trend length in points (mdc 6-8, default 7)")
    private Integer trend;

    @Option(names = "--improvement", paramLabel = "DIRECTION", converter = Converters.Direction.class,
            defaultValue = "neutral", description = "increase, decrease or neutral (default: ${DEFAULT-VALUE})")
    private Improvement improvement;

    @Option(names = "--target", paramLabel = "X", converter = Converters.FiniteNumber.class,
            description = "the target, for the assurance icon (in plotted units, after --multiply)")
    private Double target;

    @Option(names = "--rebase", paramLabel = "DATE", converter = Converters.IsoDate.class,
            description = "start a new phase at the first point on or after DATE (repeatable)")
    private List<LocalDate> rebases = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "N", description = "limits from the first N points of each phase")
    private Integer baseline;

    @Option(names = "--exclude", paramLabel = "DATE", converter = Converters.IsoDate.class,
            description = "leave the point at DATE out of the centre line, limits and runs (repeatable)")
    private List<LocalDate> excluded = new ArrayList<>();

    @Option(names = "--screen-outliers", paramLabel = "true|false", arity = "1",
            description = "screen moving ranges above 3.267 MR-bar (default: on for ptd and the i, t, pp, up, ip charts)")
    private Boolean screenOutliers;

    @Option(names = "--multiply", paramLabel = "K", converter = Converters.FiniteNumber.class,
            description = "scale y, centre and limits, e.g. 1000 for a rate per 1,000")
    private Double multiply;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json, csv or text (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output")
    private Path out;

    @Option(names = "--period-column", paramLabel = "NAME", defaultValue = "period",
            description = "the column holding the period (default: ${DEFAULT-VALUE})")
    private String periodColumn;

    @Option(names = "--value-column", paramLabel = "NAME", defaultValue = "value",
            description = "the column holding the value (default: ${DEFAULT-VALUE})")
    private String valueColumn;

    @Option(names = "--denominator-column", paramLabel = "NAME", defaultValue = "denominator",
            description = "the column holding the denominator (default: ${DEFAULT-VALUE}, optional)")
    private String denominatorColumn;

    @Option(names = "--series-column", paramLabel = "NAME", split = ",",
            description = "the column(s) that name a series, e.g. org_code,type (default: series, optional)")
    private List<String> seriesColumns = new ArrayList<>(List.of("series"));

    @Override
    public Integer call() throws IOException {
        ResultFormat resultFormat = resultFormat();
        boolean json = input.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        if (chart == null) {
            chart = json ? JsonRows.caseChart(Path.of(input)).orElse(ChartType.XMR) : ChartType.XMR;
        }
        ChartSpec spec = spec();
        long started = System.nanoTime();
        SeriesFile file = read(json);
        long parsed = System.nanoTime();
        // Series are independent: chart them on every core, keeping the file's order.
        List<ResultFormat.Named> charts = file.series().parallelStream().map(series -> chart(spec, file, series))
                .toList();
        long charted = System.nanoTime();
        PrintWriter err = command.commandLine().getErr();
        for (ResultFormat.Named named : charts) {
            named.result().warnings().forEach(w -> err.println("kpo spc: " + file.name() + ": series '"
                    + named.id() + "': " + w.message()));
        }
        err.flush();
        if (out == null) {
            resultFormat.write(charts, kpo.stdout());
        } else {
            SafeFiles.writeAtomically(out, stream -> resultFormat.write(charts, stream));
        }
        if ("1".equals(System.getenv("KPO_TIMINGS"))) {
            long written = System.nanoTime();
            err.printf(java.util.Locale.ROOT, "kpo spc: read %.3f s, charted %.3f s, wrote %.3f s (%d series)%n",
                    (parsed - started) / 1e9, (charted - parsed) / 1e9, (written - charted) / 1e9, charts.size());
            err.flush();
        }
        return ExitCode.OK;
    }

    private static ResultFormat.Named chart(ChartSpec spec, SeriesFile file, SeriesFile.Series series) {
        try {
            return new ResultFormat.Named(series.id(), Spc.chart(spec, series.observations()));
        } catch (IllegalArgumentException e) {
            throw UserError.badInput(file.name() + ": series '" + series.id() + "': " + e.getMessage());
        }
    }

    private ResultFormat resultFormat() {
        for (ResultFormat f : ResultFormat.values()) {
            if (f.code().equalsIgnoreCase(format.trim())) {
                return f;
            }
        }
        throw UserError.usage("unknown format '" + format + "'; expected json, csv or text");
    }

    private ChartSpec spec() {
        try {
            ChartSpec spec = ChartSpec.of(chart).rules(rules == null ? RuleSet.defaultFor(chart) : rules)
                    .improvement(improvement).rebases(rebases).excluded(excluded).screenOutliers(screenOutliers);
            if (target != null) {
                spec = spec.target(target);
            }
            if (baseline != null) {
                if (baseline < 1) {
                    throw UserError.usage("--baseline takes a number of points, 1 or more; got " + baseline);
                }
                spec = spec.baseline(baseline);
            }
            if (multiply != null) {
                spec = spec.multiply(multiply);
            }
            if (shift != null) {
                spec = spec.shift(positive("--shift", shift));
            }
            if (trend != null) {
                spec = spec.trend(positive("--trend", trend));
            }
            return spec;
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
    }

    private static int positive(String option, int value) {
        if (value < 1) {
            throw UserError.usage(option + " takes a number of points; got " + value);
        }
        return value;
    }

    private SeriesFile read(boolean json) throws IOException {
        SeriesFile file;
        SeriesFile.ColumnNames names = new SeriesFile.ColumnNames(periodColumn, valueColumn, denominatorColumn,
                seriesColumns);
        if ("-".equals(input)) {
            file = SeriesFile.readCsv("<stdin>", System.in, chart, names);
        } else {
            Path path = Path.of(input);
            SafeFiles.requireReadable(path, input);
            try (InputStream in = Files.newInputStream(path)) {
                file = json ? SeriesFile.readJson(input, in, chart, names)
                        : SeriesFile.readCsv(input, in, chart, names);
            }
        }
        if (file.problemCount() > 0) {
            throw UserError.badInput(InputProblem.message(file.problems(), file.problemCount()));
        }
        return file;
    }
}
