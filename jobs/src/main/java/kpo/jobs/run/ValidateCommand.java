package kpo.jobs.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kpo.ingest.IngestException;
import kpo.ingest.read.SourceFiles;
import kpo.jobs.cli.ExitCode;
import kpo.jobs.cli.UserError;
import kpo.jobs.config.ConfigReader;
import kpo.jobs.config.KpoConfig;
import kpo.jobs.config.SystemConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kpo validate}: the config and its sources checked without running anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a config and that its sources exist, reporting every problem at once with its file and line.")
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the job's config (YAML or JSON)")
    private Path config;

    @Override
    public Integer call() {
        if (ConfigReader.isSystem(config)) {
            SystemConfig system = ConfigReader.readSystem(config);
            List<String> problems = SystemJob.problems(system, config);
            if (!problems.isEmpty()) {
                throw UserError.badInput(String.join("\n", problems));
            }
            command.commandLine().getOut().println(config + ": OK (a system of " + system.system().trusts().size()
                    + " trusts)");
            return ExitCode.OK;
        }
        KpoConfig settings = ConfigReader.read(config);
        List<String> problems = problems(settings, config);
        if (!problems.isEmpty()) {
            throw UserError.badInput(String.join("\n", problems));
        }
        command.commandLine().getOut().println(config + ": OK (" + (settings.sources() == null ? 0
                : settings.sources().size()) + " sources, " + (settings.measures() == null ? 0 : settings.measures().size())
                + " measures" + (settings.spcreporter() == null ? "" : " and SPCreporter's") + ")");
        return ExitCode.OK;
    }

    /** Every problem of a trust's config, its sources and the files it names, each with its file and line. */
    static List<String> problems(KpoConfig settings, Path config) {
        List<String> problems = new ArrayList<>(ConfigCheck.problems(settings, config));
        Path base = config.toAbsolutePath().getParent();
        if (settings.sources() != null && problems.isEmpty()) {
            for (KpoConfig.SourceConfig source : settings.sources()) {
                try {
                    SourceFiles.resolve(MonthlyJob.spec(source, base));
                } catch (IngestException e) {
                    problems.add(config.getFileName() + ": " + e.getMessage());
                }
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(ConfigCheck.fileProblems(settings, config));
        }
        if (problems.isEmpty()) {
            problems.addAll(ConfigCheck.expressionProblems(settings, config));
        }
        if (settings.published() != null) {
            settings.published().forEach((kind, path) -> {
                if (path != null && !path.isBlank() && !Files.isRegularFile(MonthlyJob.resolve(base, path))) {
                    problems.add(config.getFileName() + ": the published file " + path + " (published." + kind
                            + ") does not exist");
                }
            });
        }
        return problems;
    }
}
