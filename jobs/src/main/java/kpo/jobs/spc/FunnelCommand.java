package kpo.jobs.spc;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import kpo.ingest.read.CsvTable;
import kpo.jobs.Kpo;
import kpo.jobs.cli.Converters;
import kpo.jobs.cli.ExitCode;
import kpo.jobs.cli.UserError;
import kpo.spc.funnel.Funnel;
import kpo.spc.funnel.FunnelKind;
import kpo.spc.funnel.FunnelPoint;
import kpo.spc.funnel.FunnelResult;
import kpo.spc.funnel.FunnelSpec;
import kpo.spc.funnel.FunnelUnit;
import kpo.spc.funnel.Overdispersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kpo funnel}: a funnel plot's limits and each unit's place on it, for the units in a CSV file. */
@Command(name = "funnel", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare units (sites, CSUs, specialties, trusts) given their size: the funnel plot's limits "
                + "and, for each unit, its value, z-score and the widest limit it lies beyond (Spiegelhalter 2005).",
                "",
                "The CSV has a header with the columns unit, numerator and denominator, in any order (other columns "
                        + "are ignored)."},
        footer = {"", "Exit codes: 0 done, 1 failure, 2 usage error, 3 bad input data (FILE:LINE: field: reason).",
                "Example: kpo funnel --input cancellations_by_site.csv --kind proportion --overdispersion additive"})
public final class FunnelCommand implements Callable<Integer> {

    private static final List<String> COLUMNS = List.of("unit", "numerator", "denominator");

    @Spec
    private CommandSpec command;

    @ParentCommand
    private Kpo kpo;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "the units: a CSV file")
    private Path input;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "proportion",
            description = "proportion (binomial) or rate (Poisson) (default: ${DEFAULT-VALUE})")
    private String kind;

    @Option(names = "--overdispersion", paramLabel = "METHOD", defaultValue = "none",
            description = "none, multiplicative or additive (Spiegelhalter 2005), or laney (default: ${DEFAULT-VALUE})")
    private String overdispersion;

    @Option(names = "--level", paramLabel = "SHARE", converter = Converters.FiniteNumber.class,
            description = "a pair of limits covering this share, e.g. 0.95 (repeatable; default 0.95 and 0.998)")
    private List<Double> levels = new ArrayList<>();

    @Option(names = "--target", paramLabel = "X", converter = Converters.FiniteNumber.class,
            description = "the value units are compared with (default: the pooled value)")
    private Double target;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json, csv or text (default: ${DEFAULT-VALUE})")
    private String format;

    @Override
    public Integer call() {
        FunnelSpec spec = spec();
        List<FunnelUnit> units = read();
        FunnelResult funnel;
        try {
            funnel = Funnel.of(spec, units);
        } catch (IllegalArgumentException e) {
            throw UserError.badInput(input + ": " + e.getMessage());
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(kpo.stdout(), StandardCharsets.UTF_8));
        switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> out.print(json(funnel));
            case "csv" -> out.print(csv(funnel));
            default -> out.print(text(funnel));
        }
        out.flush();
        return ExitCode.OK;
    }

    private FunnelSpec spec() {
        if (!List.of("json", "csv", "text").contains(format.trim().toLowerCase(Locale.ROOT))) {
            throw UserError.usage("unknown format '" + format + "'; expected json, csv or text");
        }
        FunnelKind k = FunnelKind.fromCode(kind).orElseThrow(() -> UserError.usage("unknown kind '" + kind
                + "'; expected proportion or rate"));
        Overdispersion o = Overdispersion.fromCode(overdispersion).orElseThrow(() -> UserError.usage(
                "unknown overdispersion method '" + overdispersion + "'; expected none, multiplicative, additive or "
                        + "laney"));
        try {
            return new FunnelSpec(k, o, levels.isEmpty() ? FunnelSpec.DEFAULT_LEVELS : levels,
                    target == null ? Double.NaN : target);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
    }

    /** The units, every problem of the file at once, each with its line and field. */
    private List<FunnelUnit> read() {
        CsvTable table = SmallCsv.read(input);
        String name = input.toString();
        List<String> missing = COLUMNS.stream().filter(c -> !table.has(c)).toList();
        if (!missing.isEmpty()) {
            throw UserError.badInput(name + ":1: the header lacks " + String.join(", ", missing)
                    + "; expected unit, numerator and denominator");
        }
        List<FunnelUnit> units = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (CsvTable.Line row : table.lines()) {
            String unit = row.text(table.column("unit").orElseThrow());
            Double numerator = number(table, row, "numerator", name, problems);
            Double denominator = number(table, row, "denominator", name, problems);
            if (unit.isEmpty()) {
                problems.add(new InputProblem(name, row.number(), "unit", "the unit is empty"));
            } else if (numerator != null && denominator != null) {
                try {
                    units.add(new FunnelUnit(unit, numerator, denominator));
                } catch (IllegalArgumentException e) {
                    problems.add(new InputProblem(name, row.number(), null, e.getMessage()));
                }
            }
        }
        SmallCsv.stopIfAny(problems);
        return units;
    }

    private static Double number(CsvTable table, CsvTable.Line row, String column, String file,
            List<InputProblem> problems) {
        String text = row.text(table.column(column).orElseThrow());
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        problems.add(new InputProblem(file, row.number(), column, text.isEmpty() ? "the " + column + " is empty"
                : SmallCsv.quoted(text) + " is not a number"));
        return null;
    }

    private static String where(FunnelPoint p) {
        if (p.side() == 0) {
            return "within";
        }
        return (p.side() > 0 ? "above " : "below ") + ResultFormat.percent(p.beyond());
    }

    static String json(FunnelResult f) {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
        root.put("kind", f.spec().kind().code());
        root.put("overdispersion", f.spec().overdispersion().label());
        root.put("target", f.target());
        root.put("target_pooled", f.spec().pooledTarget());
        root.put("phi", f.phi());
        root.put("tau2", f.tau2());
        root.put("scale", f.scale());
        f.spec().levels().forEach(root.putArray("levels")::add);
        com.fasterxml.jackson.databind.node.ArrayNode list = root.putArray("units");
        for (FunnelPoint p : f.points()) {
            com.fasterxml.jackson.databind.node.ObjectNode unit = list.addObject();
            unit.put("unit", p.unit());
            unit.put("numerator", p.numerator());
            unit.put("denominator", p.denominator());
            unit.put("value", p.value());
            unit.put("z", p.z());
            unit.put("beyond", p.beyond());
            unit.put("side", p.side());
            for (double level : f.spec().levels()) {
                unit.put("lower_" + key(level), f.lower(level, p.denominator()));
                unit.put("upper_" + key(level), f.upper(level, p.denominator()));
            }
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String csv(FunnelResult f) {
        StringBuilder s = new StringBuilder("unit,numerator,denominator,value,target,z,beyond,side");
        for (double level : f.spec().levels()) {
            s.append(",lower_").append(key(level)).append(",upper_").append(key(level));
        }
        s.append('\n');
        for (FunnelPoint p : f.points()) {
            s.append(ResultFormat.csvField(p.unit())).append(',').append(ResultFormat.number(p.numerator())).append(',')
                    .append(ResultFormat.number(p.denominator())).append(',').append(ResultFormat.number(p.value()))
                    .append(',').append(ResultFormat.number(f.target())).append(',')
                    .append(ResultFormat.number(p.z())).append(',').append(ResultFormat.number(p.beyond())).append(',')
                    .append(p.side());
            for (double level : f.spec().levels()) {
                s.append(',').append(ResultFormat.number(f.lower(level, p.denominator()))).append(',')
                        .append(ResultFormat.number(f.upper(level, p.denominator())));
            }
            s.append('\n');
        }
        return s.toString();
    }

    static String text(FunnelResult f) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Funnel of %d units (%s, overdispersion %s): target %s%s; phi %.3f%n",
                f.points().size(), f.spec().kind().code(), f.spec().overdispersion().label(),
                ResultFormat.number(f.target()), f.spec().pooledTarget() ? " (pooled)" : "", f.phi()));
        for (FunnelPoint p : f.points()) {
            s.append(String.format(Locale.ROOT, "  %-24s %10s / %-10s = %-12.6g z %7.3f  %s%n", p.unit(),
                    ResultFormat.number(p.numerator()), ResultFormat.number(p.denominator()), p.value(), p.z(),
                    where(p)));
        }
        List<FunnelPoint> outliers = f.outliers();
        s.append(outliers.isEmpty() ? "No unit lies beyond the limits.\n" : "Beyond the limits: " + String.join(", ",
                outliers.stream().map(p -> p.unit() + " (" + where(p) + ")").toList()) + ".\n");
        return s.toString();
    }

    /** A level as a key: 0.95 → 95, 0.998 → 99_8. */
    private static String key(double level) {
        return ResultFormat.number(Math.round(level * 1000) / 10.0).replace('.', '_');
    }
}
