package kpo.jobs.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import kpo.ingest.generate.TrustGenerator;
import kpo.jobs.cli.Converters;
import kpo.jobs.cli.ExitCode;
import kpo.jobs.config.ConfigReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kpo demo}: a realistic trust generated, the monthly job run on it with the bundled example
 * config, and the board pack's absolute path as the last line on standard output.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate a realistic trust, run the monthly job with the bundled example config, and print "
                + "the board pack's path last.",
                "Everything goes under DIR: data/, the config (kpo-demo.yaml, measures.yaml), a pseudonym key, "
                        + "curated/ and out/."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "kpo-demo",
            description = "where the demo trust lives (default: ${DEFAULT-VALUE})")
    private Path dir;

    @Option(names = "--scale", paramLabel = "SIZE", defaultValue = "small", converter = Converters.Scale.class,
            description = "small, large, x4 or x16 (default: ${DEFAULT-VALUE})")
    private TrustGenerator.Scale scale;

    @Option(names = "--quiet", description = "no progress lines")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        Path config = prepare(dir, scale, quiet ? null : command.commandLine().getErr());
        MonthlyJob.Outcome outcome = RunCommand.run(ConfigReader.read(config), config,
                new MonthlyJob.Options(null, null, quiet, null), false, command);
        command.commandLine().getOut().println(outcome.boardPack());
        command.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    /**
     * The demo trust under {@code dir}: its extracts generated once (36 months to October 2025),
     * the bundled config beside them (always the current version) and a pseudonym key made once.
     *
     * @param err where to say that the trust was generated, or null for silence
     * @return the config file
     */
    public static Path prepare(Path dir, TrustGenerator.Scale size, PrintWriter err) throws IOException {
        Path home = Files.createDirectories(dir).toAbsolutePath().normalize();
        Path data = home.resolve("data");
        if (!Files.exists(data.resolve("ptl"))) {
            TrustGenerator.generate(new TrustGenerator.Settings("RR8", YearMonth.of(2025, 10), 36, size, 1), data);
            if (err != null) {
                err.println("kpo demo: generated the trust under " + data);
                err.flush();
            }
        }
        copy("kpo-demo.yaml", home);
        copy("measures.yaml", home);
        Path key = home.resolve("pseudonym.key");
        if (!Files.exists(key)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(key, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.UTF_8);
        }
        return home.resolve("kpo-demo.yaml");
    }

    /** The bundled example file, written beside the data (always the current version). */
    private static void copy(String name, Path home) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/kpo/jobs/demo/" + name)) {
            Files.write(home.resolve(name), in.readAllBytes());
        }
    }
}
