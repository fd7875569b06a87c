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

    /**
     * SPCreporter's data workbook, its bytes as they come, opened as {@code kpo validate} opens it
     * beside fixed config sheets: OK, or bad input with a sentence; never an internal error.
     */
    @FuzzTest
    void spcreporterWorkbook(byte[] data) throws IOException {
        spcreporter(data, "data.xlsx");
    }

    /** An SPCreporter data sheet saved as CSV ({@code month.csv}), as {@link #spcreporterWorkbook}. */
    @FuzzTest
    void spcreporterSheet(byte[] data) throws IOException {
        spcreporter(data, "month.csv");
    }

    private static void spcreporter(byte[] data, String name) throws IOException {
        Path config = folder.resolve("spcr-" + name + ".yaml");
        if (!Files.exists(config)) {
            Files.writeString(folder.resolve("measure_config.csv"), "ref,measure_name,data_source,data_owner,"
                    + "accountable_person,unit,improvement_direction,target,target_set_by,data_quality,rebase_dates,"
                    + "rebase_comment\n1,Falls,Datix,Jane,Nurse,decimal,decrease,5,Board,GGGG,,\n"
                    + "4,Falls with harm,Datix,Jane,Nurse,integer,decrease,-,,GGGG,,\n");
            Files.writeString(folder.resolve("report_config.csv"), "ref,measure_name,domain,spc_chart_type,"
                    + "aggregation\n1,Falls,Safe,xmr,month\n4,Falls with harm,Safe,t,none\n");
            Files.writeString(config, "trust: {code: RR8}\noutput: out\nspcreporter:\n  measure_config: "
                    + "measure_config.csv\n  report_config: report_config.csv\n  data: [" + name + "]\n");
        }
        Files.write(folder.resolve(name), data);
        assertOkOrBadInput(CliRun.of("validate", "--config", config.toString()), data);
    }

    /** {@code kpo funnel}'s units file, as {@link #seriesCsv}: exit 0 or 3, never an internal error. */
    @FuzzTest
    void funnelCsv(byte[] data) throws IOException {
        Path file = folder.resolve("units.csv");
        Files.write(file, data);
        assertOkOrBadInput(CliRun.of("funnel", "--input", file.toString(), "--format", "csv"), data);
    }

    /** {@code kpo pareto}'s file of reasons, counted (a count column): exit 0 or 3, never an internal error. */
    @FuzzTest
    void paretoCsv(byte[] data) throws IOException {
        Path file = folder.resolve("reasons.csv");
        Files.write(file, data);
        assertOkOrBadInput(CliRun.of("pareto", "--input", file.toString(), "--count", "n", "--format", "csv"), data);
    }

    private static void spc(byte[] data, Path file) throws IOException {
        Files.write(file, data);
        CliRun run = CliRun.of("spc", "--input", file.toString(), "--format", "csv");
        assertOkOrBadInput(run, data);
        if (run.exitCode() == ExitCode.BAD_INPUT) {
            assertTrue(run.err().startsWith("kpo spc: " + file), run.err());
        }
    }

    /**
     * A command's documented outcomes only: done, or bad input (exit 3), never an internal error, an
     * exception or a stack trace on its standard error. A message may quote the input (a missing
     * column's message quotes the header): words the user wrote there are not kpo's.
     */
    private static void assertOkOrBadInput(CliRun run, byte[] data) {
        String input = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(run.exitCode() == ExitCode.OK || run.exitCode() == ExitCode.BAD_INPUT, run.err());
        for (String java : new String[] {"\tat ", "Exception", "internal error"}) {
            assertFalse(run.err().contains(java) && !input.contains(java), run.err());
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
