package kpo.jobs.generate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import kpo.ingest.generate.TrustGenerator;
import kpo.jobs.cli.Converters;
import kpo.jobs.cli.ExitCode;
import kpo.jobs.cli.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kpo generate}: the synthetic teaching trust's extracts. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a realistic synthetic trust's extracts: monthly waiting-list snapshots (with synthetic "
                + "NHS numbers from the 999 test range), theatre cases with cancellations, and lead times.",
                "The same seed gives the same files. Planted stories and a known share of data-quality faults "
                        + "are described in ingest/GENERATOR.md."})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write into")
    private Path out;

    @Option(names = "--trust", paramLabel = "ODS", defaultValue = "RR8", description = "the trust's ODS code (default: ${DEFAULT-VALUE})")
    private String trust;

    @Option(names = "--months", paramLabel = "N", defaultValue = "36", description = "months of data, 13 to 120 (default: ${DEFAULT-VALUE})")
    private int months;

    @Option(names = "--end", paramLabel = "YYYY-MM", defaultValue = "2025-10", description = "the last month (default: ${DEFAULT-VALUE})")
    private String end;

    @Option(names = "--scale", paramLabel = "SIZE", defaultValue = "small", converter = Converters.Scale.class,
            description = "small (about 3,500 open pathways), large (about 90,000), x4 or x16 (4 and 16 times large) "
                    + "(default: ${DEFAULT-VALUE})")
    private TrustGenerator.Scale scale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "the random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() {
        YearMonth last;
        try {
            last = YearMonth.parse(end);
        } catch (DateTimeParseException e) {
            throw UserError.usage("--end '" + end + "' is not a month; write it as YYYY-MM");
        }
        TrustGenerator.Settings settings;
        try {
            settings = new TrustGenerator.Settings(trust, last, months, scale, seed);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        TrustGenerator.Summary summary;
        try {
            summary = TrustGenerator.generate(settings, out);
        } catch (java.io.UncheckedIOException e) {
            throw UserError.failure("cannot write into " + out + ": " + e.getCause().getMessage());
        }
        PrintWriter o = command.commandLine().getOut();
        o.printf(Locale.ROOT, "trust %s, %s to %s, %s scale, seed %d%n", trust, settings.first(), last, scale.code(),
                seed);
        for (Map.Entry<String, Long> rows : summary.rows().entrySet()) {
            long faults = summary.faults().getOrDefault(rows.getKey(), Map.of()).values().stream()
                    .mapToLong(Long::longValue).sum();
            o.printf(Locale.ROOT, "  %-14s %,10d rows in %d files, %,d with planted faults%n", rows.getKey(),
                    rows.getValue(), summary.files().get(rows.getKey()).size(), faults);
        }
        o.println(out.toAbsolutePath().normalize());
        o.flush();
        return ExitCode.OK;
    }
}
