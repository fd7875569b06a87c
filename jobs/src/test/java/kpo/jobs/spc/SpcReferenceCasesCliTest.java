package kpo.jobs.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import kpo.jobs.CliRun;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests of {@code kpo spc} itself: every reference case file given straight to the command,
 * with the options that shared/reference/README.md maps from the R call, and the JSON it prints
 * compared with the package's numbers (1e-9) and signals.
 */
class SpcReferenceCasesCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOLERANCE = 1e-9;

    @TestFactory
    Stream<DynamicTest> everyCaseThroughTheCommand() throws IOException {
        Path cases = Path.of(System.getProperty("kpo.shared.dir"), "reference", "cases");
        List<Path> files;
        try (Stream<Path> list = Files.list(cases)) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 50);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        JsonNode c = JSON.readTree(file.toFile());
        boolean ptd = c.get("source").asText().startsWith("NHSRplotthedots");
        List<String> args = new ArrayList<>(List.of("spc", "--input", file.toString()));
        args.addAll(ptd ? plotTheDotsOptions(c.get("options")) : qicharts2Options(c));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode series = JSON.readTree(run.out()).get("series").get(0);
        JsonNode expected = c.get("expected");
        List<String> problems = new ArrayList<>();
        JsonNode points = series.get("points");
        JsonNode want = expected.get("points");
        assertEquals(want.size(), points.size());
        for (int i = 0; i < want.size(); i++) {
            JsonNode e = want.get(i);
            JsonNode p = points.get(i);
            String at = e.get("period").asText() + " ";
            close(problems, at + "y", e.get(ptd ? "value" : "y"), p.get("y"));
            close(problems, at + "centre", e.get("centre"), p.get("centre"));
            close(problems, at + "ucl", e.get("ucl"), p.get("ucl"));
            close(problems, at + "lcl", e.get("lcl"), p.get("lcl"));
            boolean outside = p.get("signals").toString().contains("outside_limits");
            if (ptd) {
                same(problems, at + "point_type", e.get("point_type").asText(), p.get("point_type").asText());
                same(problems, at + "outside", e.get("outside_limits").asBoolean(false), outside);
                same(problems, at + "flagged", e.get("special_cause_flag").asBoolean(), !p.get("signals").isEmpty());
            } else {
                same(problems, at + "sigma_signal", e.get("sigma_signal").asBoolean(), outside);
                same(problems, at + "runs_signal", e.get("runs_signal").asBoolean(),
                        series.get("runs").get(p.get("phase").asInt() - 1).get("signal").asBoolean());
            }
        }
        if (ptd) {
            same(problems, "variation", expected.get("variation_icon").asText(), series.get("variation").asText());
            String assurance = expected.get("assurance_icon").isNull() ? "none"
                    : expected.get("assurance_icon").asText().replace("inconsistent", "hit_and_miss");
            same(problems, "assurance", assurance, series.get("assurance").asText());
        } else {
            JsonNode parts = expected.get("runs_by_part");
            for (int k = 0; k < parts.size(); k++) {
                JsonNode e = parts.get(k);
                JsonNode r = series.get("runs").get(k);
                same(problems, "part " + (k + 1) + " useful", e.get("n_useful").asInt(), r.get("useful").asInt());
                same(problems, "part " + (k + 1) + " crossings", e.get("n_crossings").asText(), r.get("crossings").asText());
                same(problems, "part " + (k + 1) + " longest", e.get("longest_run").asText(), r.get("longest_run").asText());
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
        }
    }

    private static List<String> plotTheDotsOptions(JsonNode o) {
        List<String> args = new ArrayList<>(List.of("--chart", "xmr", "--rules", "ptd", "--improvement",
                o.get("improvement_direction").asText(), "--screen-outliers", o.get("screen_outliers").asText()));
        if (o.hasNonNull("target")) {
            args.addAll(List.of("--target", o.get("target").asText()));
        }
        o.get("rebase").forEach(d -> args.addAll(List.of("--rebase", d.asText())));
        if (o.hasNonNull("fix_after_n_points")) {
            args.addAll(List.of("--baseline", o.get("fix_after_n_points").asText()));
        }
        return args;
    }

    private static List<String> qicharts2Options(JsonNode c) {
        JsonNode o = c.get("options");
        List<String> periods = new ArrayList<>(new TreeSet<>(c.get("input").findValuesAsText("period")));
        List<String> args = new ArrayList<>(List.of("--chart", c.get("chart").asText(), "--rules", "anhoej",
                "--screen-outliers", o.get("mr_screened").asText(), "--multiply", o.get("multiply").asText()));
        if (o.hasNonNull("part")) {
            o.get("part").forEach(k -> args.addAll(List.of("--rebase", periods.get(k.asInt()))));
        } else if (o.hasNonNull("freeze")) {
            args.addAll(List.of("--baseline", o.get("freeze").asText()));
        }
        if (o.hasNonNull("exclude")) {
            o.get("exclude").forEach(k -> args.addAll(List.of("--exclude", periods.get(k.asInt() - 1))));
        }
        return args;
    }

    private static void same(List<String> problems, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            problems.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static void close(List<String> problems, String what, JsonNode expected, JsonNode actual) {
        if (expected == null || expected.isNull()) {
            if (!actual.isNull()) {
                problems.add(what + ": expected null, got " + actual);
            }
        } else if (actual.isNull() || !(Math.abs(actual.asDouble() - expected.asDouble())
                <= TOLERANCE * Math.max(1, Math.abs(expected.asDouble())))) {
            problems.add(what + ": expected " + expected + ", got " + actual);
        }
    }
}
