package kpo.jobs.spc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;
import kpo.spc.RunsAnalysis;
import kpo.spc.Signal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * How {@code kpo spc} writes its results. The JSON and CSV field names are a contract that other
 * tools script against (DESIGN.md); numbers are written locale-free, integers without a decimal
 * point, and undefined numbers as {@code null} (JSON) or an empty field (CSV).
 */
public enum ResultFormat {
    JSON, CSV, TEXT;

    /** A chart and the id of the series it was drawn from. */
    public record Named(String id, ChartResult result) {
    }

    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    /** The CSV columns, one row per point. */
    public static final List<String> CSV_COLUMNS = List.of("series", "period", "value", "denominator", "y", "centre",
            "ucl", "lcl", "phase", "baseline", "excluded", "signals", "point_type", "runs_signal", "variation",
            "assurance");

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Writes the charts; {@code out} is flushed, not closed. */
    public void write(List<Named> charts, Writer out) throws IOException {
        switch (this) {
            case JSON -> json(charts, out);
            case CSV -> csv(charts, out);
            case TEXT -> text(charts, out);
        }
    }

    /** A number as the outputs write it: integers without ".0", others in Java's shortest round-trip form. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static void json(List<Named> charts, Writer out) throws IOException {
        try (JsonGenerator g = JSON_FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            g.writeArrayFieldStart("series");
            for (Named named : charts) {
                writeSeries(g, named);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** One series object, as in DESIGN.md, followed by the measure's improvement, target and warnings. */
    public static void writeSeries(JsonGenerator g, Named named) throws IOException {
        ChartResult r = named.result();
        g.writeStartObject();
        g.writeStringField("id", named.id());
        g.writeStringField("chart", r.spec().chart().code());
        g.writeStringField("rules", r.spec().rules().qualifiedName());
        g.writeArrayFieldStart("points");
        for (ChartPoint p : r.points()) {
            g.writeStartObject();
            g.writeStringField("period", p.period().toString());
            numberField(g, "value", p.value());
            numberField(g, "denominator", p.denominator());
            numberField(g, "y", p.y());
            numberField(g, "centre", p.centre());
            numberField(g, "ucl", p.upperLimit());
            numberField(g, "lcl", p.lowerLimit());
            g.writeNumberField("phase", p.phase());
            g.writeBooleanField("baseline", p.baseline());
            g.writeBooleanField("excluded", p.excluded());
            g.writeArrayFieldStart("signals");
            for (Signal s : p.signals()) {
                g.writeString(s.code());
            }
            g.writeEndArray();
            g.writeStringField("point_type", p.type().code());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("runs");
        for (RunsAnalysis runs : r.runs()) {
            g.writeStartObject();
            g.writeNumberField("phase", runs.phase());
            g.writeNumberField("observations", runs.observations());
            g.writeNumberField("useful", runs.useful());
            integerField(g, "longest_run", runs.longestRun());
            integerField(g, "longest_run_max", runs.longestRunMax());
            integerField(g, "crossings", runs.crossings());
            integerField(g, "crossings_min", runs.crossingsMin());
            if (runs.crossingsMax() != null) {
                g.writeNumberField("crossings_max", runs.crossingsMax());
            }
            g.writeBooleanField("signal", runs.signal());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("variation", r.variation().code());
        g.writeStringField("assurance", r.assurance().code());
        g.writeStringField("improvement", r.spec().improvement().code());
        numberField(g, "target", r.spec().target());
        g.writeArrayFieldStart("warnings");
        for (String warning : r.warnings()) {
            g.writeString(warning);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void numberField(JsonGenerator g, String name, double value) throws IOException {
        if (Double.isNaN(value)) {
            g.writeNullField(name);
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            g.writeNumberField(name, (long) value);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void integerField(JsonGenerator g, String name, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void csv(List<Named> charts, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
        printer.printRecord(CSV_COLUMNS);
        for (Named named : charts) {
            ChartResult r = named.result();
            for (ChartPoint p : r.points()) {
                printer.printRecord(named.id(), p.period(), number(p.value()), number(p.denominator()),
                        number(p.y()), number(p.centre()), number(p.upperLimit()), number(p.lowerLimit()),
                        p.phase(), p.baseline(), p.excluded(), signals(p), p.type().code(),
                        r.runs().get(p.phase() - 1).signal(), r.variation().code(), r.assurance().code());
            }
        }
        printer.flush();
    }

    private static String signals(ChartPoint p) {
        return p.signals().stream().map(Signal::code).collect(Collectors.joining(";"));
    }

    private static void text(List<Named> charts, Writer out) {
        PrintWriter w = new PrintWriter(out);
        for (Named named : charts) {
            ChartResult r = named.result();
            w.printf(Locale.ROOT, "%s: %s chart, rules %s, improvement %s%s%n", named.id(), r.spec().chart().code(),
                    r.spec().rules().qualifiedName(), r.spec().improvement().code(),
                    r.spec().hasTarget() ? ", target " + number(r.spec().target()) : "");
            w.printf(Locale.ROOT, "variation %s, assurance %s%n", r.variation().code(), r.assurance().code());
            w.printf(Locale.ROOT, "%-10s %12s %12s %12s %12s %12s %5s  %-22s %s%n", "period", "value", "y", "lcl",
                    "centre", "ucl", "phase", "point_type", "signals");
            for (ChartPoint p : r.points()) {
                w.printf(Locale.ROOT, "%-10s %12s %12s %12s %12s %12s %5d  %-22s %s%s%n", p.period(), brief(p.value()),
                        brief(p.y()), brief(p.lowerLimit()), brief(p.centre()), brief(p.upperLimit()), p.phase(),
                        p.type().code(), signals(p), p.excluded() ? " (excluded)" : "");
            }
            for (RunsAnalysis runs : r.runs()) {
                w.printf(Locale.ROOT, "phase %d runs: %d useful of %d, longest run %s (max %s), crossings %s (min %s%s)%s%n",
                        runs.phase(), runs.useful(), runs.observations(), orDash(runs.longestRun()),
                        orDash(runs.longestRunMax()), orDash(runs.crossings()), orDash(runs.crossingsMin()),
                        runs.crossingsMax() == null ? "" : ", max " + runs.crossingsMax(),
                        runs.signal() ? ": non-random variation" : "");
            }
            for (String warning : r.warnings()) {
                w.println("warning: " + warning);
            }
            w.println();
        }
        w.flush();
    }

    private static String orDash(Integer value) {
        return value == null ? "-" : value.toString();
    }

    /** Six significant digits, for reading. */
    private static String brief(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return Long.toString((long) value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString();
    }
}
