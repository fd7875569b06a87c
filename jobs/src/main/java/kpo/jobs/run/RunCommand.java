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
                "The last line on standard output is the board pack's path."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the job's config (YAML or JSON)")
    private Path config;

    @Option(names = "--period", paramLabel = "YYYY-MM", description = "the reporting month (default: the last month in the data)")
    private String period;

    @Option(names = "--out", paramLabel = "DIR", description = "the output folder (default: the config's)")
    private Path out;

    @Option(names = "--quiet", description = "no progress lines (for cron)")
    private boolean quiet;

    @Option(names = "--verbose", description = "Spark's own log as well")
    private boolean verbose;

    @Override
    public Integer call() {
        KpoConfig settings = ConfigReader.read(config);
        MonthlyJob.Outcome outcome = run(settings, config, month(period), out, quiet, verbose, command);
        command.commandLine().getOut().println(outcome.boardPack());
        command.commandLine().getOut().flush();
        return ExitCode.OK;
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

    static MonthlyJob.Outcome run(KpoConfig settings, Path config, YearMonth period, Path out, boolean quiet,
            boolean verbose, CommandSpec command) {
        if (verbose) {
            org.apache.logging.log4j.core.config.Configurator.setRootLevel(org.apache.logging.log4j.Level.INFO);
            // kpo's log config silences the executor and scheduler (their failures become kpo's sentence).
            org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.spark.scheduler",
                    org.apache.logging.log4j.Level.INFO);
            org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.spark.executor.Executor",
                    org.apache.logging.log4j.Level.INFO);
        }
        return MonthlyJob.run(settings, config, new MonthlyJob.Options(period, out, quiet),
                command.commandLine().getErr());
    }
}
