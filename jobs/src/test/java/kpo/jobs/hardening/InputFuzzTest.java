package kpo.jobs.hardening;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kpo.jobs.CliRun;
import kpo.jobs.cli.ExitCode;
import kpo.jobs.cli.UserError;
import kpo.jobs.config.ConfigReader;
import kpo.jobs.config.KpoConfig;
import kpo.jobs.run.ConfigCheck;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing the two files a user hands kpo besides the extracts: the job's config (read and checked
 * as {@code kpo validate} does) and the series file of {@code kpo spc} (run through the command
 * itself). The only outcomes allowed are the documented ones: a config, or a {@link UserError}
 * whose message names the file and carries no Java type or exception; for {@code kpo spc} exit 0
 * or 3 (bad data) with no internal error and no stack trace. {@code mvn verify} replays the seeds in
 * {@code src/test/resources/kpo/jobs/hardening/InputFuzzTestInputs}; docs/hardening.md says how to
 * fuzz for longer.
 */
class InputFuzzTest {

    /** Where each input is written to be read as a file; JUnit deletes it after the class. */
    @TempDir
    static Path folder;

    @FuzzTest
    void config(byte[] data) throws IOException {
        Path file = folder.resolve("kpo.yaml");
        Files.write(file, data);
        String input = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            KpoConfig config = ConfigReader.read(file);
            for (String problem : ConfigCheck.problems(config, file)) {
                assertPlain(problem, "kpo.yaml", input);
            }
        } catch (UserError e) {
            assertTrue(e.exitCode() == ExitCode.BAD_INPUT, e.getMessage());
            e.getMessage().lines().forEach(line -> assertPlain(line, "kpo.yaml", input));
        }
    }

    @FuzzTest
    void seriesCsv(byte[] data) throws IOException {
        spc(data, folder.resolve("series.csv"));
    }

    @FuzzTest
    void seriesJson(byte[] data) throws IOException {
        spc(data, folder.resolve("series.json"));
    }

    private static void spc(byte[] data, Path file) throws IOException {
        Files.write(file, data);
        String input = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
        CliRun run = CliRun.of("spc", "--input", file.toString(), "--format", "csv");
        assertTrue(run.exitCode() == ExitCode.OK || run.exitCode() == ExitCode.BAD_INPUT, run.err());
        // A missing column's message quotes the header: words the user wrote there are not kpo's.
        for (String java : new String[] {"\tat ", "Exception", "internal error"}) {
            assertFalse(run.err().contains(java) && !input.contains(java), run.err());
        }
        if (run.exitCode() == ExitCode.BAD_INPUT) {
            assertTrue(run.err().startsWith("kpo spc: " + file), run.err());
        }
    }

    /**
     * A sentence for a person: it names the file and shows no Java type, class or exception, unless
     * the words are the user's own, quoted back (the first session's only "finding" was a config
     * line holding "kpo.jobs", shown in the message as it should be).
     */
    private static void assertPlain(String message, String file, String input) {
        assertTrue(message.contains(file), message);
        for (String java : new String[] {"Exception", "java.", "kpo.jobs", "`"}) {
            assertFalse(message.contains(java) && !input.contains(java), message);
        }
    }
}
