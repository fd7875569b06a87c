package kpo.spc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A case computed by a reference R package, read from {@code shared/reference/cases}, and the
 * engine's spec for it as {@code shared/reference/README.md} maps the packages' options.
 */
record ReferenceCase(String id, String source, ChartType chart, JsonNode options, List<Observation> input,
        JsonNode expected) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path directory() {
        return Paths.get(System.getProperty("kpo.shared.dir", "../../shared"), "reference", "cases");
    }

    static Stream<ReferenceCase> all() throws IOException {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream().map(ReferenceCase::read);
        }
    }

    static ReferenceCase read(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            ChartType chart = ChartType.fromCode(root.get("chart").asText()).orElseThrow();
            boolean plotTheDots = root.get("source").asText().startsWith("NHSRplotthedots");
            List<Observation> input = new ArrayList<>();
            for (JsonNode row : root.get("input")) {
                LocalDate period = LocalDate.parse(row.get("period").asText());
                double value = number(row.get("value"));
                // For NHSRplotthedots the value is already a proportion; its denominator is informative only.
                double denominator = plotTheDots ? Double.NaN : number(row.get("denominator"));
                input.add(new Observation(period, value, denominator));
            }
            return new ReferenceCase(root.get("id").asText(), root.get("source").asText(), chart, root.get("options"),
                    input, root.get("expected"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean plotTheDots() {
        return source.startsWith("NHSRplotthedots");
    }

    static double number(JsonNode node) {
        return node == null || node.isNull() ? Double.NaN : node.asDouble();
    }

    /** The distinct periods in date order: qicharts2's subgroup positions. */
    List<LocalDate> subgroupPeriods() {
        return new ArrayList<>(new TreeSet<>(input.stream().map(Observation::period).toList()));
    }

    ChartSpec spec() {
        return plotTheDots() ? plotTheDotsSpec() : qicharts2Spec();
    }

    private ChartSpec plotTheDotsSpec() {
        ChartSpec spec = ChartSpec.of(ChartType.XMR).rules(RuleSet.PTD)
                .improvement(Improvement.fromCode(options.get("improvement_direction").asText()).orElseThrow())
                .target(number(options.get("target")))
                .screenOutliers(options.get("screen_outliers").asBoolean());
        List<LocalDate> rebases = new ArrayList<>();
        options.get("rebase").forEach(d -> rebases.add(LocalDate.parse(d.asText())));
        spec = spec.rebases(rebases);
        JsonNode fix = options.get("fix_after_n_points");
        return fix == null || fix.isNull() ? spec : spec.baseline(fix.asInt());
    }

    private ChartSpec qicharts2Spec() {
        if (options.hasNonNull("cl")) {
            throw new IllegalStateException(id + ": a fixed centre line is not an engine option");
        }
        List<LocalDate> periods = subgroupPeriods();
        ChartSpec spec = ChartSpec.of(chart).rules(RuleSet.ANHOEJ)
                .screenOutliers(options.get("mr_screened").asBoolean())
                .multiply(options.get("multiply").asDouble());
        JsonNode part = options.get("part");
        if (part != null && !part.isNull()) {
            List<LocalDate> rebases = new ArrayList<>();
            part.forEach(k -> rebases.add(periods.get(k.asInt()))); // part k: the new part starts at position k + 1
            spec = spec.rebases(rebases);
        } else if (options.hasNonNull("freeze")) {
            spec = spec.baseline(options.get("freeze").asInt()); // qicharts2 ignores freeze when part is given
        }
        JsonNode exclude = options.get("exclude");
        if (exclude != null && !exclude.isNull()) {
            List<LocalDate> excluded = new ArrayList<>();
            exclude.forEach(k -> excluded.add(periods.get(k.asInt() - 1)));
            spec = spec.excluded(excluded);
        }
        return spec;
    }

    @Override
    public String toString() {
        return id;
    }
}
