package kpo.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests: every case in {@code shared/reference/cases}, computed by NHSRplotthedots 0.2.2 or
 * qicharts2 0.8.1, reproduced number for number (1e-9, relative above 1) and signal for signal.
 */
class ReferenceCasesTest {

    private static final double TOLERANCE = 1e-9;

    private static final Map<String, Signal> PTD_LABELS = Map.of(
            "Above UCL", Signal.OUTSIDE_LIMITS, "Below LCL", Signal.OUTSIDE_LIMITS,
            "7 Point Trend (Increasing)", Signal.TREND, "7 Point Trend (Decreasing)", Signal.TREND,
            "2 in 3 Above CL", Signal.TWO_OF_THREE, "2 in 3 Below CL", Signal.TWO_OF_THREE,
            "7 Points Above CL", Signal.SHIFT, "7 Points Below CL", Signal.SHIFT);

    @Test
    void theReferenceCasesAreThere() throws IOException {
        assertTrue(ReferenceCase.all().count() >= 50, "expected the 50+ public cases in " + ReferenceCase.directory());
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceCase() throws IOException {
        return ReferenceCase.all().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
    }

    private static void check(ReferenceCase c) {
        ChartResult result = Spc.chart(c.spec(), c.input());
        List<String> problems = c.plotTheDots() ? plotTheDots(c, result) : qicharts2(c, result);
        if (!problems.isEmpty()) {
            fail(c.id() + ": " + problems.size() + " differences\n  " + String.join("\n  ", problems.subList(0,
                    Math.min(25, problems.size()))));
        }
    }

    private static List<String> plotTheDots(ReferenceCase c, ChartResult result) {
        List<String> problems = new ArrayList<>();
        JsonNode expected = c.expected().get("points");
        if (expected.size() != result.points().size()) {
            problems.add("points: expected " + expected.size() + ", got " + result.points().size());
            return problems;
        }
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            ChartPoint p = result.points().get(i);
            String at = "row " + (i + 1) + " " + e.get("period").asText() + " ";
            equal(problems, at + "period", e.get("period").asText(), p.period().toString());
            close(problems, at + "value", e.get("value"), p.y());
            close(problems, at + "centre", e.get("centre"), p.centre());
            close(problems, at + "ucl", e.get("ucl"), p.upperLimit());
            close(problems, at + "lcl", e.get("lcl"), p.lowerLimit());
            equal(problems, at + "phase", e.get("rebase_group").asInt() + 1, p.phase());
            String label = e.get("special_cause_type").asText();
            Signal first = p.signals().isEmpty() ? null : p.signals().get(0);
            equal(problems, at + "first signal (" + label + ")", PTD_LABELS.get(label), first);
            equal(problems, at + "outside_limits", e.get("outside_limits").asBoolean(false),
                    p.signals().contains(Signal.OUTSIDE_LIMITS));
            equal(problems, at + "point_type", e.get("point_type").asText(), p.type().code());
        }
        JsonNode x = c.expected();
        equal(problems, "variation", x.get("variation_icon").asText(), result.variation().code());
        String assurance = x.get("assurance_icon").isNull() ? "none"
                : x.get("assurance_icon").asText().replace("inconsistent", "hit_and_miss");
        equal(problems, "assurance", assurance, result.assurance().code());
        equal(problems, "phases", x.get("rebase_groups").size(), result.phases());
        boolean warned = x.get("warnings").size() > 0;
        equal(problems, "short-phase warning", warned, result.warnings().stream()
                .anyMatch(w -> w instanceof ChartWarning.ShortPhase));
        return problems;
    }

    private static List<String> qicharts2(ReferenceCase c, ChartResult result) {
        List<String> problems = new ArrayList<>();
        JsonNode expected = c.expected().get("points");
        if (expected.size() != result.points().size()) {
            problems.add("points: expected " + expected.size() + ", got " + result.points().size());
            return problems;
        }
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            ChartPoint p = result.points().get(i);
            String at = "subgroup " + (i + 1) + " " + e.get("period").asText() + " ";
            equal(problems, at + "period", e.get("period").asText(), p.period().toString());
            close(problems, at + "y", e.get("y"), p.y());
            close(problems, at + "centre", e.get("centre"), p.centre());
            close(problems, at + "ucl", e.get("ucl"), p.upperLimit());
            close(problems, at + "lcl", e.get("lcl"), p.lowerLimit());
            equal(problems, at + "part", e.get("part").asInt(), p.phase());
            equal(problems, at + "baseline", e.get("baseline").asBoolean(), p.baseline());
            equal(problems, at + "include", e.get("include").asBoolean(), !p.excluded());
            equal(problems, at + "sigma_signal", e.get("sigma_signal").asBoolean(),
                    p.signals().contains(Signal.OUTSIDE_LIMITS));
            equal(problems, at + "runs_signal", e.get("runs_signal").asBoolean(),
                    result.runs().get(p.phase() - 1).signal());
        }
        JsonNode parts = c.expected().get("runs_by_part");
        equal(problems, "parts", parts.size(), result.runs().size());
        for (int k = 0; k < Math.min(parts.size(), result.runs().size()); k++) {
            JsonNode e = parts.get(k);
            RunsAnalysis r = result.runs().get(k);
            String at = "part " + (k + 1) + " ";
            equal(problems, at + "part", e.get("part").asInt(), r.phase());
            equal(problems, at + "n_obs", e.get("n_obs").asInt(), r.observations());
            equal(problems, at + "n_useful", e.get("n_useful").asInt(), r.useful());
            equal(problems, at + "longest_run", integer(e.get("longest_run")), r.longestRun());
            equal(problems, at + "longest_run_max", integer(e.get("longest_run_max")), r.longestRunMax());
            equal(problems, at + "n_crossings", integer(e.get("n_crossings")), r.crossings());
            equal(problems, at + "n_crossings_min", integer(e.get("n_crossings_min")), r.crossingsMin());
            equal(problems, at + "runs_signal", e.get("runs_signal").asBoolean(false), r.signal());
        }
        return problems;
    }

    private static Integer integer(JsonNode node) {
        return node == null || node.isNull() ? null : node.asInt();
    }

    private static void equal(List<String> problems, String what, Object expected, Object actual) {
        if (expected == null ? actual != null : !expected.equals(actual)) {
            problems.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static void close(List<String> problems, String what, JsonNode expected, double actual) {
        if (expected == null || expected.isNull()) {
            if (!Double.isNaN(actual)) {
                problems.add(what + ": expected null, got " + actual);
            }
            return;
        }
        double e = expected.asDouble();
        if (!(Math.abs(actual - e) <= TOLERANCE * Math.max(1, Math.abs(e)))) {
            problems.add(what + ": expected " + e + ", got " + actual);
        }
    }

    @Test
    void crossingsAndLongestRunLimitsMatchTheAnhoejTable() throws IOException {
        JsonNode table = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                ReferenceCase.directory().resolveSibling("anhoej_critical_values.json").toFile());
        JsonNode rows = table.get("values");
        assertTrue(rows.size() >= 90);
        for (JsonNode row : rows) {
            int n = row.get("n_useful").asInt();
            assertEquals(row.get("longest_run_max").asInt(), kpo.spc.rules.RunsTests.longestRunMax(n), "n = " + n);
            assertEquals(row.get("n_crossings_min").asInt(), kpo.spc.rules.RunsTests.crossingsMin(n), "n = " + n);
        }
    }
}
