package kpo.jobs.run;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import kpo.jobs.cli.ExitCode;
import kpo.jobs.cli.UserError;
import kpo.jobs.config.ConfigReader;
import kpo.jobs.config.KpoConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kpo run}: the monthly job. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The monthly job: ingest the sources, build the measures' series, chart them, and write the "
                + "board pack and the results into OUT/YYYY-MM/ (all or nothing).",
                "A system's config (top-level key system:) runs each member trust's job, then the system pack.",
                "The last line on standard output is the board pack's path."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the job's config (YAML or JSON)")
    private Path config;

    @Option(names = "--period", paramLabel = "YYYY-MM", description = "the reporting month (default: the last month in the data)")
    private String period;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "rows dated after this are future-dated and "
            + "rejected (default: the config's as_of; else the end of the month after --period or the config's "
            + "period; else today)")
    private String asOf;

    @Option(names = "--out", paramLabel = "DIR", description = "the output folder (default: the config's)")
    private Path out;

    @Option(names = "--publish", description = "outputs for publication: small numbers suppressed (refused if the "
            + "config turns suppression off), as the config's publish: true")
    private boolean publish;

    @Option(names = "--quiet", description = "no progress lines (for cron)")
    private boolean quiet;

    @Option(names = "--verbose", description = "Spark's own log as well")
    private boolean verbose;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "embedded (DuckDB in this process) or spark "
            + "(default: the config's engine, else embedded; spark-submit always runs on Spark)")
    private String engine;

    @Override
    public Integer call() {
        Path pack;
        if (ConfigReader.isSystem(config)) {
            if (publish) {
                throw UserError.badInput("--publish takes a trust's config; for a system, set publish: true in each "
                        + "member trust's config");
            }
            logSpark(verbose);
            pack = SystemJob.run(ConfigReader.readSystem(config), config, month(period), out, quiet, day(asOf),
                    command.commandLine().getErr()).systemPack();
        } else {
            KpoConfig settings = ConfigReader.read(config);
            pack = run(publish ? settings.publishing() : settings, config, new MonthlyJob.Options(month(period), out,
                    quiet, day(asOf), java.util.Set.of(), engine(engine)), verbose, command).boardPack();
        }
        command.commandLine().getOut().println(pack);
        command.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    /** Spark's own log at INFO with {@code --verbose}; the quiet level of log4j2.properties otherwise. */
    private static void logSpark(boolean verbose) {
        if (verbose) {
            org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.INFO);
            // kpo's log config silences the executor and scheduler (their failures become kpo's sentence).
            org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.spark.scheduler",
                    org.apache.logging.log4j.Level.INFO);
            org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.spark.executor.Executor",
                    org.apache.logging.log4j.Level.INFO);
        }
    }

    static Engines.Kind engine(String text) {
        if (text == null) {
            return null;
        }
        return Engines.Kind.fromCode(text).orElseThrow(() -> UserError.usage("--engine '" + text + "'; expected "
                + "embedded or spark"));
    }

    static YearMonth month(String text) {
        if (text == null) {
            return null;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw UserError.usage("--period '" + text + "' is not a month; write it as YYYY-MM");
        }
    }

    static java.time.LocalDate day(String text) {
        if (text == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw UserError.usage("--as-of '" + text + "' is not a date; write it as YYYY-MM-DD");
        }
    }

    static MonthlyJob.Outcome run(KpoConfig settings, Path config, MonthlyJob.Options options, boolean verbose,
            CommandSpec command) {
        logSpark(verbose);
        return MonthlyJob.run(settings, config, options, command.commandLine().getErr());
    }
}
