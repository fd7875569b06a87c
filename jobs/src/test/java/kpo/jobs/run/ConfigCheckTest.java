package kpo.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kpo.jobs.config.ConfigReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config checks this issue added, each named with its file and line. */
class ConfigCheckTest {

    @TempDir
    Path dir;

    private List<String> problems(String yaml) throws IOException {
        Path file = dir.resolve("kpo.yaml");
        Files.writeString(file, yaml);
        return ConfigCheck.problems(ConfigReader.read(file), file);
    }

    private static final String HEAD = """
            trust: {code: RR8}
            sources:
              - {name: ptl, kind: waiting_list, paths: [ptl.csv]}
            measures:
              - id: paeds_list
                measure: wl_size
                unit: {type: trust, code: RR8}
                rebases:
            """;

    @Test
    void aRebaseNeedsAReasonAndWhoAgreedIt() throws IOException {
        List<String> problems = problems(HEAD + """
                      - {date: 2025-03-01, reason: New level after validation, agreed_by: KPO steering group}
                      - {date: 2025-06-01, reason: Second change}
                      - {date: 2025-09-01, agreed_by: KPO steering group}
                """);
        assertEquals(List.of(
                "kpo.yaml line 10: measure 'paeds_list': the rebase of 2025-06-01 needs 'agreed_by' (who agreed it, "
                        + "e.g. the KPO steering group)",
                "kpo.yaml line 11: measure 'paeds_list': the rebase of 2025-09-01 needs a 'reason' (why the process "
                        + "changed)"), problems);
    }

    @Test
    void publishedKindsAndTheThresholdAreChecked() throws IOException {
        List<String> problems = problems("""
                trust: {code: RR8}
                privacy: {suppress_small_numbers: true, small_number_threshold: 0}
                published:
                  rtt_provider: rtt.csv
                  cancelled_ops: ops.csv
                sources:
                  - {name: ptl, kind: waiting_list, paths: [ptl.csv]}
                measures:
                  - {id: a, measure: wl_size, unit: {type: trust, code: RR8}}
                """);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("kpo.yaml line 2: the small-number threshold"), problems.get(0));
        assertEquals("kpo.yaml line 5: published file kind 'cancelled_ops'; expected rtt_provider", problems.get(1));
    }
}
