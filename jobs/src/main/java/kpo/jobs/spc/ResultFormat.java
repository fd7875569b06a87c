package kpo.jobs.spc;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;
import kpo.spc.ChartWarning;
import kpo.spc.RebaseProposal;
import kpo.spc.RunsAnalysis;
import kpo.spc.Signal;

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

    /** Schubfach shortest-digit doubles: several times faster than Double.toString on Java 17, same values. */
    private static final JsonFactory JSON_FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    /** The CSV columns, one row per point. */
    public static final List<String> CSV_COLUMNS = List.of("series", "period", "value", "denominator", "y", "centre",
            "ucl", "lcl", "phase", "baseline", "excluded", "signals", "point_type", "runs_signal", "variation",
            "assurance");

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Writes the charts as UTF-8; {@code out} is flushed, not closed. */
    public void write(List<Named> charts, OutputStream out) throws IOException {
        if (this == JSON) {
            json(charts, out);
            out.flush();
            return;
        }
        if (this == CSV) {
            csv(charts, out);
            out.flush();
            return;
        }
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        text(charts, writer);
        writer.flush();
    }

    /** A share (0 to 1) as a percentage to one decimal, a whole one without ".0": 0.95 → 95%, 0.998 → 99.8%. */
    public static String percent(double share) {
        return number(Math.round(share * 1000) / 10.0) + "%";
    }

    /** A number as the outputs write it: integers without ".0", others in Java's shortest round-trip form. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return NumberOutput.toString(value, true);
    }

    /** The JSON document, straight to UTF-8 bytes: the JSON of 10,000 series is 100 MB, and encoding chars would cost a third more. */
    private static void json(List<Named> charts, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON_FACTORY.createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            g.writeArrayFieldStart("series");
            PeriodText periods = new PeriodText();
            for (Named named : charts) {
                writeSeries(g, named, periods);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    // Field names encoded once: Jackson then copies their bytes instead of escaping each time.
    private static final SerializedString ASSURANCE = new SerializedString("assurance");
    private static final SerializedString BASELINE = new SerializedString("baseline");
    private static final SerializedString CENTRE = new SerializedString("centre");
    private static final SerializedString CHART = new SerializedString("chart");
    private static final SerializedString CROSSINGS = new SerializedString("crossings");
    private static final SerializedString CROSSINGS_MAX = new SerializedString("crossings_max");
    private static final SerializedString CROSSINGS_MIN = new SerializedString("crossings_min");
    private static final SerializedString DENOMINATOR = new SerializedString("denominator");
    private static final SerializedString EXCLUDED = new SerializedString("excluded");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString IMPROVEMENT = new SerializedString("improvement");
    private static final SerializedString LCL = new SerializedString("lcl");
    private static final SerializedString LONGEST_RUN = new SerializedString("longest_run");
    private static final SerializedString LONGEST_RUN_MAX = new SerializedString("longest_run_max");
    private static final SerializedString OBSERVATIONS = new SerializedString("observations");
    private static final SerializedString PERIOD = new SerializedString("period");
    /** An individual value's sequence, written only for individual values. */
    private static final SerializedString SEQ = new SerializedString("seq");
    private static final SerializedString PHASE = new SerializedString("phase");
    private static final SerializedString POINT_TYPE = new SerializedString("point_type");
    private static final SerializedString POINTS = new SerializedString("points");
    private static final SerializedString RULES = new SerializedString("rules");
    private static final SerializedString RUNS = new SerializedString("runs");
    private static final SerializedString SIGNAL = new SerializedString("signal");
    private static final SerializedString SIGNALS = new SerializedString("signals");
    private static final SerializedString TARGET = new SerializedString("target");
    private static final SerializedString UCL = new SerializedString("ucl");
    private static final SerializedString USEFUL = new SerializedString("useful");
    private static final SerializedString VALUE = new SerializedString("value");
    private static final SerializedString VARIATION = new SerializedString("variation");
    private static final SerializedString WARNINGS = new SerializedString("warnings");
    private static final SerializedString REBASE_PROPOSAL = new SerializedString("rebase_proposal");
    private static final SerializedString FROM = new SerializedString("from");
    private static final SerializedString Y = new SerializedString("y");

    /** One series object, as in DESIGN.md, followed by the measure's improvement, target and warnings. */
    public static void writeSeries(JsonGenerator g, Named named) throws IOException {
        writeSeries(g, named, new PeriodText());
    }

    private static void writeSeries(JsonGenerator g, Named named, PeriodText periods) throws IOException {
        ChartResult r = named.result();
        g.writeStartObject();
        textField(g, ID, named.id());
        textField(g, CHART, r.spec().chart().code());
        textField(g, RULES, r.spec().rules().qualifiedName());
        g.writeFieldName(POINTS);
        g.writeStartArray();
        for (ChartPoint p : r.points()) {
            g.writeStartObject();
            textField(g, PERIOD, periods.of(p.period()));
            if (p.individual()) {
                integerField(g, SEQ, p.sequence());
            }
            numberField(g, VALUE, p.value());
            numberField(g, DENOMINATOR, p.denominator());
            numberField(g, Y, p.y());
            numberField(g, CENTRE, p.centre());
            numberField(g, UCL, p.upperLimit());
            numberField(g, LCL, p.lowerLimit());
            integerField(g, PHASE, p.phase());
            booleanField(g, BASELINE, p.baseline());
            booleanField(g, EXCLUDED, p.excluded());
            g.writeFieldName(SIGNALS);
            g.writeStartArray();
            for (Signal s : p.signals()) {
                g.writeString(s.code());
            }
            g.writeEndArray();
            textField(g, POINT_TYPE, p.type().code());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(RUNS);
        g.writeStartArray();
        for (RunsAnalysis runs : r.runs()) {
            g.writeStartObject();
            integerField(g, PHASE, runs.phase());
            integerField(g, OBSERVATIONS, runs.observations());
            integerField(g, USEFUL, runs.useful());
            integerField(g, LONGEST_RUN, runs.longestRun());
            integerField(g, LONGEST_RUN_MAX, runs.longestRunMax());
            integerField(g, CROSSINGS, runs.crossings());
            integerField(g, CROSSINGS_MIN, runs.crossingsMin());
            if (runs.crossingsMax() != null) {
                integerField(g, CROSSINGS_MAX, runs.crossingsMax());
            }
            booleanField(g, SIGNAL, runs.signal());
            g.writeEndObject();
        }
        g.writeEndArray();
        textField(g, VARIATION, r.variation().code());
        textField(g, ASSURANCE, r.assurance().code());
        textField(g, IMPROVEMENT, r.spec().improvement().code());
        numberField(g, TARGET, r.spec().target());
        if (r.proposal() != null) {
            // The limits are out of date (assurance not_assessable): the rebase the engine proposes.
            RebaseProposal p = r.proposal();
            g.writeFieldName(REBASE_PROPOSAL);
            g.writeStartObject();
            textField(g, FROM, p.from().toString());
            textField(g, SIGNAL, p.signal().code());
            integerField(g, POINTS, p.points());
            numberField(g, CENTRE, p.centre());
            numberField(g, UCL, p.upperLimit());
            numberField(g, LCL, p.lowerLimit());
            textField(g, VARIATION, p.variation().code());
            textField(g, ASSURANCE, p.assurance().code());
            g.writeEndObject();
        }
        g.writeFieldName(WARNINGS);
        g.writeStartArray();
        for (ChartWarning warning : r.warnings()) {
            g.writeString(warning.message());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void textField(JsonGenerator g, SerializedString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private static void booleanField(JsonGenerator g, SerializedString name, boolean value) throws IOException {
        g.writeFieldName(name);
        g.writeBoolean(value);
    }

    private static void numberField(JsonGenerator g, SerializedString name, double value) throws IOException {
        g.writeFieldName(name);
        if (Double.isNaN(value)) {
            g.writeNull();
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            g.writeNumber((long) value);
        } else {
            g.writeNumber(value);
        }
    }

    private static void integerField(JsonGenerator g, SerializedString name, Integer value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    /**
     * One row per point. Written by hand rather than by a CSV printer: 360,000 rows is the common size.
     * When any chart is of individual values a last column, {@code seq}, gives each point's sequence
     * (empty for the points of other charts).
     */
    private static void csv(List<Named> charts, OutputStream out) throws IOException {
        boolean sequenced = charts.stream().anyMatch(c -> !c.result().points().isEmpty()
                && c.result().points().get(0).individual());
        out.write((String.join(",", CSV_COLUMNS) + (sequenced ? ",seq\n" : "\n")).getBytes(StandardCharsets.UTF_8));
        java.util.Map<java.time.LocalDate, String> periods = new java.util.concurrent.ConcurrentHashMap<>();
        // Series are written on every core, a batch at a time in the file's order, so that the text
        // held at once stays small.
        for (int from = 0; from < charts.size(); from += CSV_BATCH) {
            List<Utf8Rows> texts = charts.subList(from, Math.min(charts.size(), from + CSV_BATCH)).parallelStream()
                    .map(named -> csvRows(named, sequenced, periods)).toList();
            for (Utf8Rows text : texts) {
                text.writeTo(out);
            }
        }
    }

    /** How many series' rows are made at once before they are written. */
    private static final int CSV_BATCH = 1024;

    /** The CSV rows of one chart, as UTF-8. */
    private static Utf8Rows csvRows(Named named, boolean sequenced, java.util.Map<java.time.LocalDate, String> periods) {
        ChartResult r = named.result();
        Utf8Rows rows = new Utf8Rows(r.points().size() * 170);
        byte[] id = csvField(named.id()).getBytes(StandardCharsets.UTF_8);
        String icons = "," + r.variation().code() + "," + r.assurance().code();
        // A phase's centre and limits are the same at every point: written once, then copied.
        LastNumber centre = new LastNumber();
        LastNumber upper = new LastNumber();
        LastNumber lower = new LastNumber();
        for (ChartPoint p : r.points()) {
            rows.bytes(id).comma().ascii(periods.computeIfAbsent(p.period(), java.time.LocalDate::toString)).comma()
                    .number(p.value()).comma().number(p.denominator()).comma().number(p.y()).comma()
                    .ascii(centre.of(p.centre())).comma().ascii(upper.of(p.upperLimit())).comma()
                    .ascii(lower.of(p.lowerLimit())).comma().whole(p.phase()).comma()
                    .ascii(p.baseline() ? "true" : "false").comma().ascii(p.excluded() ? "true" : "false").comma()
                    .signals(p.signals()).comma().ascii(p.type().code()).comma()
                    .ascii(r.runs().get(p.phase() - 1).signal() ? "true" : "false").ascii(icons);
            if (sequenced) {
                rows.comma();
                if (p.individual()) {
                    rows.whole(p.sequence());
                }
            }
            rows.newline();
        }
        return rows;
    }

    /**
     * CSV rows made straight into UTF-8 bytes: the numbers, dates and codes are ASCII, so they are
     * copied without the round trip through a String and an encoder (60 MB for 10,000 series).
     */
    private static final class Utf8Rows {
        private byte[] bytes;
        private int length;

        Utf8Rows(int capacity) {
            bytes = new byte[Math.max(64, capacity)];
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        Utf8Rows bytes(byte[] value) {
            room(value.length);
            System.arraycopy(value, 0, bytes, length, value.length);
            length += value.length;
            return this;
        }

        /** Text known to be ASCII (numbers, dates, codes). */
        @SuppressWarnings("deprecation")
        Utf8Rows ascii(String value) {
            int n = value.length();
            room(n);
            value.getBytes(0, n, bytes, length);
            length += n;
            return this;
        }

        /** The signals' codes joined by ";", as {@link ResultFormat#signals} writes them. */
        Utf8Rows signals(List<Signal> signals) {
            for (int i = 0; i < signals.size(); i++) {
                if (i > 0) {
                    room(1);
                    bytes[length++] = ';';
                }
                ascii(signals.get(i).code());
            }
            return this;
        }

        Utf8Rows comma() {
            room(1);
            bytes[length++] = ',';
            return this;
        }

        Utf8Rows newline() {
            room(1);
            bytes[length++] = '\n';
            return this;
        }

        /** A number as {@link ResultFormat#number} writes it, whole numbers without a String. */
        Utf8Rows number(double value) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return whole((long) value);
            }
            return ascii(ResultFormat.number(value));
        }

        Utf8Rows whole(long value) {
            room(20);
            if (value == 0) {
                bytes[length++] = '0';
                return this;
            }
            if (value < 0) {
                bytes[length++] = '-';
                value = -value;
            }
            int digits = 0;
            for (long v = value; v > 0; v /= 10) {
                digits++;
            }
            for (int i = length + digits - 1; i >= length; i--) {
                bytes[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            length += digits;
            return this;
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, length);
        }
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    public static String csvField(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** The text of a number, made again only when the number changes (a line's points share theirs). */
    private static final class LastNumber {
        private double last = Double.NaN;
        private String text = "";

        String of(double value) {
            if (Double.compare(value, last) != 0) {
                last = value;
                text = number(value);
            }
            return text;
        }
    }

    /** ISO text of periods, made once per distinct period: most series share the same few dozen. */
    private static final class PeriodText {
        private final java.util.Map<java.time.LocalDate, String> texts = new java.util.HashMap<>();

        String of(java.time.LocalDate period) {
            return texts.computeIfAbsent(period, java.time.LocalDate::toString);
        }
    }

    private static String signals(ChartPoint p) {
        List<Signal> signals = p.signals();
        if (signals.isEmpty()) {
            return "";
        }
        return signals.size() == 1 ? signals.get(0).code()
                : signals.stream().map(Signal::code).collect(Collectors.joining(";"));
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
            for (ChartWarning warning : r.warnings()) {
                w.println("warning: " + warning.message());
            }
            if (r.proposal() != null) {
                RebaseProposal p = r.proposal();
                w.printf(Locale.ROOT, "limits out of date: a %s runs to the latest point; rebase proposed from %s "
                        + "(centre %s, %d points, would read %s / %s)%n", p.signal().code(), p.from(),
                        p.centre(), p.points(), p.variation().code(), p.assurance().code());
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
