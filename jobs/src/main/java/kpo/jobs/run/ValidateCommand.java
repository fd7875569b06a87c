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
        KpoConfig settings = ConfigReader.read(config);
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
        if (settings.catalogue() != null && !Files.exists(MonthlyJob.resolve(base, settings.catalogue()))) {
            problems.add(config.getFileName() + ": the catalogue file " + settings.catalogue() + " does not exist");
        }
        if (settings.published() != null) {
            settings.published().forEach((kind, path) -> {
                if (path != null && !path.isBlank() && !Files.isRegularFile(MonthlyJob.resolve(base, path))) {
                    problems.add(config.getFileName() + ": the published file " + path + " (published." + kind
                            + ") does not exist");
                }
            });
        }
                if (!problems.isEmpty()) {
            throw UserError.badInput(String.join("\n", problems));
        }
        command.commandLine().getOut().println(config + ": OK (" + settings.sources().size() + " sources, "
                + settings.measures().size() + " measures)");
        return ExitCode.OK;
    }
}
