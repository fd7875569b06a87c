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

    /** A checked config's measures are read into types once: what every later step of a run reads. */
    @Test
    void aCheckedConfigCarriesItsMeasuresAsTypes() throws IOException {
        Path file = dir.resolve("kpo.yaml");
        Files.writeString(file, """
                trust: {code: RR8}
                sources:
                  - {name: theatres, kind: cancellations, paths: [theatres.csv]}
                measures:
                  - {id: cardiac, measure: cancellation_rate, unit: {type: CSU, code: "Children's Cardiac Services"},
                     units: Proportion, chart: P, rules: anhoej, improvement: Decrease, target: 0.05,
                     data_quality: good, compare: [site, Specialty], compare_months: 6,
                     compare_overdispersion: additive}
                  - {id: list, measure: wl_size, unit: {type: trust, code: RR8}}
                  - {id: sheet, measure: spcr_x, unit: {type: unit, code: RR8}, chart: t}
                """);
        CheckedConfig checked = ConfigCheck.check(ConfigReader.read(file), file);
        PackMeasure cardiac = checked.measures().get(0);
        assertEquals(kpo.ingest.measures.UnitType.CSU, cardiac.unitType());
        assertEquals("csu", cardiac.seriesUnitType());
        assertEquals("Children's Cardiac Services", cardiac.csu());
        assertEquals(kpo.reports.Unit.PROPORTION, cardiac.units());
        assertEquals(kpo.reports.DataQualityRating.GOOD, cardiac.quality());
        assertEquals(kpo.spc.ChartType.P, cardiac.spec().chart());
        assertEquals(kpo.spc.RuleSet.fromCode("anhoej").orElseThrow(), cardiac.spec().rules());
        assertEquals(kpo.spc.Improvement.DECREASE, cardiac.spec().improvement());
        assertEquals(0.05, cardiac.spec().target());
        assertEquals(List.of(kpo.ingest.measures.UnitType.SITE, kpo.ingest.measures.UnitType.SPECIALTY),
                cardiac.compare());
        assertEquals(6, cardiac.compareMonths());
        assertEquals(kpo.spc.funnel.Overdispersion.ADDITIVE, cardiac.overdispersion());
        PackMeasure list = checked.measures().get(1);
        assertEquals(kpo.reports.Unit.COUNT, list.units(), "count when none is given");
        assertEquals(kpo.reports.DataQualityRating.NOT_RATED, list.quality());
        assertEquals(kpo.spc.ChartType.XMR, list.spec().chart());
        assertEquals(List.of(), list.compare());
        assertEquals(PackMeasure.DEFAULT_COMPARE_MONTHS, list.compareMonths());
        PackMeasure sheet = checked.measures().get(2);
        assertTrue(sheet.preAggregated());
        assertEquals("unit", sheet.seriesUnitType());
        assertEquals(kpo.spc.ChartType.T, sheet.spec().chart());
    }

    @Test
    void aPdsaCyclesStageAndDecisionAreOnesTheA3Knows() throws IOException {
        List<String> problems = problems("""
                trust: {code: RR8}
                sources:
                  - {name: ptl, kind: waiting_list, paths: [ptl.csv]}
                commitments:
                  - id: C1
                    title: A commitment
                    pdsa:
                      - {number: 1, change: A change, stage: Act, decision: adopt}
                      - {number: 2, change: Another, stage: acting, decision: keep}
                measures:
                  - {id: list, measure: wl_size, unit: {type: trust, code: RR8}}
                """);
        assertEquals(List.of(
                "kpo.yaml line 9: PDSA stage 'acting'; expected plan, do, study or act",
                "kpo.yaml line 9: PDSA decision 'keep'; expected adopt, adapt or abandon"), problems);
    }

    @Test
    void anEventNamesItsKindStatusCommitmentAndMeasuresWithTheirLines() throws IOException {
        List<String> problems = problems("""
                trust: {code: RR8}
                sources:
                  - {name: theatres, kind: cancellations, paths: [theatres.csv]}
                commitments:
                  - {id: C4, title: Operations on the day}
                  - {id: CC1, title: Cardiac, csu: Cardiac, aligned_to: C4}
                measures:
                  - {id: cancel, measure: cancellation_rate, unit: {type: trust, code: RR8}, units: proportion}
                events:
                  - {id: E1, type: rpiw, title: Cancellations RPIW, date: 2024-10-14, commitment: C4, a3: CC1,
                     status: sustaining, measures: [{measure: cancel, baseline_points: 6, target: 0.05}]}
                  - {id: E1, type: workshop, title: Again, date: 2024-11-04, commitment: CC1, status: held,
                     measures: [{measure: lost, baseline: 0.2, baseline_points: 3}]}
                  - {id: E3, type: kaizen, date: 2025-01-06, commitment: C9, a3: C4, status: planned}
                """);
        assertEquals(List.of(
                "kpo.yaml line 12: event 'E1' is defined twice",
                "kpo.yaml line 12: event 'E1' has type 'workshop'; expected rpiw, kaizen, 5s, value_stream or project",
                "kpo.yaml line 12: event 'E1' has status 'held'; expected planned, done, sustaining or abandoned",
                "kpo.yaml line 12: event 'E1' serves commitment 'CC1', which is not a trust commitment (it is a CSU A3: "
                        + "name it under a3)",
                "kpo.yaml line 13: event 'E1' measures 'lost', which is not a measure of the pack",
                "kpo.yaml line 13: event 'E1': give the baseline or baseline_points (the points before the event its "
                        + "median is taken from), not both",
                "kpo.yaml line 14: event 'E3' needs a title",
                "kpo.yaml line 14: event 'E3' serves commitment 'C9', which is not one of the config's commitments",
                "kpo.yaml line 14: event 'E3' names A3 'C4', which is not one of the config's CSU A3s"), problems);
    }
}
