package kpo.jobs.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import kpo.jobs.CliRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of the command line ({@code src/test/resources/badinput/manifest.txt}):
 * configs through {@code kpo validate}, broken sources through {@code kpo run}, series files
 * through {@code kpo spc}, units through {@code kpo funnel} and reasons through {@code kpo pareto}. Each ends with the exit code of DESIGN.md and a sentence naming the
 * file (and line and field where there is one), and nothing from Java reaches the user: neither
 * on the command's standard error nor in Spark's log. Adding a case is a file and a line.
 */
class BadInputCliTest {

    @TempDir
    static Path corpus;
    private static final SparkLogCapture SPARK_LOG = new SparkLogCapture();

    /** One line of the manifest. */
    record Case(String command, String file, List<String> arguments, int exitCode, String text, Long line) {

        @Override
        public String toString() {
            return command + " " + file;
        }
    }

    @BeforeAll
    static void copyCorpus() throws IOException {
        // kpo run writes its curated store and outputs beside the config: a copy keeps target/ clean.
        try (Stream<Path> files = Files.list(folder())) {
            for (Path f : files.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        SPARK_LOG.start();
    }

    @AfterAll
    static void stopCapture() {
        SPARK_LOG.stop();
    }

    static Path folder() {
        try {
            return Path.of(BadInputCliTest.class.getResource("/badinput/manifest.txt").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Case> manifest() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String l : Files.readAllLines(folder().resolve("manifest.txt"))) {
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] p = Arrays.stream(l.split("\\|", 4)).map(String::strip).toArray(String[]::new);
            List<String> arguments = p[2].equals("-") ? List.of() : List.of(p[2].split("\\s+"));
            String expected = p[3];
            int exit = Integer.parseInt(expected.substring("exit=".length(), expected.indexOf(' ') < 0
                    ? expected.length() : expected.indexOf(' ')));
            String rest = expected.indexOf(' ') < 0 ? "err:" : expected.substring(expected.indexOf(' ') + 1).strip();
            Long line = rest.startsWith("err@") ? Long.valueOf(rest.substring(4, rest.indexOf(':'))) : null;
            cases.add(new Case(p[0], p[1], arguments, exit, rest.substring(rest.indexOf(':') + 1).strip(), line));
        }
        return cases;
    }

    static Stream<Arguments> cases() throws IOException {
        return manifest().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadInputEndsWithItsExitCodeAndSentence(Case c) {
        String file = corpus.resolve(c.file()).toString();
        List<String> args = new ArrayList<>(switch (c.command()) {
            case "validate" -> List.of("validate", "--config", file);
            case "run" -> List.of("run", "--config", file, "--quiet", "--out", corpus.resolve("out-" + c.file()).toString());
            case "spc" -> List.of("spc", "--input", file);
            case "funnel" -> List.of("funnel", "--input", file);
            case "pareto" -> List.of("pareto", "--input", file);
            default -> throw new IllegalArgumentException(c.command());
        });
        args.addAll(c.arguments());
        int logged = SPARK_LOG.size();
        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertEquals(c.exitCode(), run.exitCode(), run.err());
        String text = c.text().replace("/CORPUS/", corpus + "/");
        assertTrue(run.err().contains(text), "says '" + text + "': " + run.err());
        if (c.line() != null) {
            assertTrue(run.err().contains(file + ":" + c.line() + ":"), "names line " + c.line() + ": " + run.err());
        }
        // A run's message names the source's file; a config's problem in a sheet it names (SPCreporter's)
        // names that sheet, as the manifest's text says.
        // A usage error (exit 2) is about the command line, not a file.
        if (c.exitCode() == 3 && !c.command().equals("run") && !c.text().matches("[\\w.-]+\\.(csv|xlsx)\\b.*")) {
            assertTrue(run.err().contains(c.file()), "names the file: " + run.err());
        }
        assertFalse(run.stackTrace(), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("internal error"), run.err());
        assertEquals(List.of(), SPARK_LOG.since(logged), "Spark's log shows the user no stack trace");
        if (c.command().equals("run")) {
            assertFalse(Files.exists(corpus.resolve("out-" + c.file())) && c.exitCode() != 0
                    && hasMonth(corpus.resolve("out-" + c.file())), "nothing half written");
        }
    }

    private static boolean hasMonth(Path out) {
        try (Stream<Path> months = Files.list(out)) {
            return months.anyMatch(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}"));
        } catch (IOException e) {
            return false;
        }
    }
}
