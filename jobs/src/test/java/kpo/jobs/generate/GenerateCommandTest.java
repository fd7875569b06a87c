package kpo.jobs.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import kpo.jobs.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kpo generate}: files where asked, the folder printed last, usage errors exit 2. */
class GenerateCommandTest {

    @TempDir
    Path folder;

    @Test
    void writesTheTrustAndPrintsWhere() {
        CliRun run = CliRun.of("generate", "--out", folder.toString(), "--months", "13", "--end", "2025-03");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().trim().split("\n");
        assertEquals(folder.toAbsolutePath().normalize().toString(), lines[lines.length - 1]);
        assertTrue(Files.exists(folder.resolve("ptl").resolve("ptl_2025-03-31.csv")));
        assertTrue(Files.exists(folder.resolve("theatres").resolve("theatre_cases_2024-03.csv")));
        assertTrue(Files.exists(folder.resolve("lead_times").resolve("lead_times_2025-03.csv")));
        assertTrue(run.out().contains("with planted faults"), run.out());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, CliRun.of("generate", "--out", folder.toString(), "--scale", "huge").exitCode());
        assertEquals(2, CliRun.of("generate", "--out", folder.toString(), "--months", "5").exitCode());
        assertEquals(2, CliRun.of("generate", "--out", folder.toString(), "--trust", "LEEDS").exitCode());
        assertEquals(2, CliRun.of("generate", "--out", folder.toString(), "--end", "March").exitCode());
    }
}
