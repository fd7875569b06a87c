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
    void anAskIsANoteOrADecisionAboutAMeasureOfThePack() throws IOException {
        List<String> problems = problems("""
                trust: {code: RR8}
                sources:
                  - {name: ptl, kind: waiting_list, paths: [ptl.csv]}
                measures:
                  - {id: paeds_list, measure: wl_size, unit: {type: trust, code: RR8}}
                asks:
                  - {decide: Agree the rebase, measure: paeds_list}
                  - {note: Something, decide: Something else}
                  - {note: The list, measure: adult_list}
                  - {measure: paeds_list}
                """);
        assertEquals(List.of(
                "kpo.yaml line 8: each ask is either 'note: …' or 'decide: …', with its words",
                "kpo.yaml line 9: ask names measure 'adult_list', which is not a measure of the pack",
                "kpo.yaml line 10: each ask is either 'note: …' or 'decide: …', with its words"), problems);
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

    @Test
    void theTrustCodeAndLocalTreatmentFunctionsAreChecked() throws IOException {
        List<String> problems = problems("""
                trust: {code: RR801}
                treatment_functions:
                  - {code: '850', name: Hospital at Home, rtt_group: X02}
                  - {code: '171', name: Our paediatric surgery, rtt_group: X04}
                  - {code: '851', name: Virtual ward, rtt_group: X09}
                  - {code: '850', name: Hospital at Home again, rtt_group: X02}
                  - {code: '852'}
                sources:
                  - {name: ptl, kind: waiting_list, paths: [ptl.csv]}
                measures:
                  - {id: a, measure: wl_size, unit: {type: trust, code: RR801}}
                """);
        assertEquals(List.of(
                "kpo.yaml line 1: trust code 'RR801' is not an ODS trust code: three capital letters and digits, "
                        + "e.g. RR8",
                "kpo.yaml line 4: treatment function '171' is already a national code (Paediatric Surgery)",
                "kpo.yaml line 5: treatment function '851' has RTT group 'X09'; expected one of C_100, C_101, C_110, "
                        + "C_120, C_130, C_140, C_150, C_160, C_170, C_300, C_301, C_320, C_330, C_340, C_400, C_410, "
                        + "C_430, C_502, X02, X03, X04, X05, X06",
                "kpo.yaml line 6: treatment function '850' is listed twice",
                "kpo.yaml line 7: a local treatment function needs a code, a name and an rtt_group"), problems);
    }

    @Test
    void aComparisonNamesKindsOfUnitOnceOnAProportionOrRate() throws IOException {
        List<String> problems = problems("""
                trust: {code: RR8}
                sources:
                  - {name: theatres, kind: cancellations, paths: [theatres.csv]}
                measures:
                  - id: cancel
                    measure: cancellation_rate
                    unit: {type: trust, code: RR8}
                    units: proportion
                    compare: [site, ward, site]
                    compare_months: 0
                    compare_overdispersion: huge
                  - id: list
                    measure: wl_size
                    unit: {type: trust, code: RR8}
                    compare: [csu]
                  - id: plain
                    measure: wl_size
                    unit: {type: trust, code: RR8}
                    compare_months: 3
                """);
        assertEquals(List.of(
                "kpo.yaml line 9: measure 'cancel' compares by 'ward'; expected site, csu, specialty or trust",
                "kpo.yaml line 9: measure 'cancel' compares by site twice",
                "kpo.yaml line 10: measure 'cancel' has compare_months 0; expected 1 to 60 months",
                "kpo.yaml line 11: measure 'cancel' has compare_overdispersion 'huge'; expected none, multiplicative, "
                        + "additive or laney",
                "kpo.yaml line 15: measure 'list' is in count; a funnel plot compares proportions and rates (units: "
                        + "proportion, percent or rate), whose denominators give each unit its size",
                "kpo.yaml line 19: measure 'plain' sets how its units are compared but not which: add compare: [site, "
                        + "csu, specialty or trust]"), problems);
    }
}
