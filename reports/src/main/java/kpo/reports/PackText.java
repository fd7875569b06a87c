package kpo.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import kpo.reports.format.ValueFormat;
import kpo.reports.icons.MdcIcons;
import kpo.reports.narrative.Attention;
import kpo.reports.narrative.ChartDescription;
import kpo.reports.narrative.Narrative;
import kpo.reports.narrative.Restatement;
import kpo.spc.ChartPoint;

/**
 * The words of the pack as data, for the CSV and JSON outputs beside the PDF: per measure, the icons
 * and their words, the latest value, the target, the generated account and the chart's text
 * alternative. A reader who cannot use the PDF gets the same content; so does a dashboard.
 *
 * <p>CSV: RFC 4180, header first, {@code \r\n} line ends, UTF-8 by the caller's writer. JSON: one
 * object {@code {"period":…,"trust":…,"measures":[…]}}; numbers in plotted units, null where a value
 * does not exist. Both list the measures in the order of the pack. A latest value hidden by
 * small-number suppression is "*" in the CSV and null (with {@code latest_text} "*") in the JSON.
 */
public final class PackText {

    /** The CSV columns, in order. */
    public static final List<String> COLUMNS = List.of("measure_id", "title", "commitments", "csu", "specialty",
            "unit", "latest_period", "latest_value", "latest_text", "target", "variation", "variation_text",
            "assurance", "assurance_text", "attention", "data_quality", "stale", "narrative", "chart_description",
            "restated", "suppressed");

    private PackText() {
    }

    /**
     * One measure's words.
     *
     * @param measure the measure
     * @param commitments ids of the commitments that track it
     * @param latestPeriod the period of the latest value, or null
     * @param latestValue the latest plotted value, NaN when there is none
     * @param latestText the latest value as printed, e.g. "19.0%"
     * @param attention how urgent it is
     * @param narrative the generated account
     * @param chartDescription the chart's text alternative
     * @param restated how many earlier values differ from the stored earlier pack's
     * @param latestHidden whether small-number suppression hides the latest value
     */
    public record Row(MeasureReport measure, List<String> commitments, LocalDate latestPeriod, double latestValue,
            String latestText, Attention attention, String narrative, String chartDescription, int restated,
            boolean latestHidden) {
    }

    /** The rows of every measure of {@code pack}. */
    public static List<Row> rows(BoardPack pack) {
        return pack.measures().stream().map(m -> row(pack, m)).toList();
    }

    private static Row row(BoardPack pack, MeasureReport m) {
        ChartPoint latestPoint = Narrative.latestPoint(m.chart());
        LocalDate latest = latestPoint == null ? null : latestPoint.period();
        double value = latestPoint == null ? Double.NaN : latestPoint.y();
        List<String> commitments = pack.commitments().stream().filter(c -> c.measureIds().contains(m.id()))
                .map(Commitment::id).toList();
        boolean hidden = latest != null && m.hidden(latest);
        return new Row(m, commitments, latest, value, hidden ? SmallNumbers.SYMBOL
                : ValueFormat.of(m.unit(), m.chart()).observed(value), Attention.of(m), Narrative.of(m).text(),
                ChartDescription.of(m), pack.vintage() == null ? 0 : Restatement.of(m).size(), hidden);
    }

    /** Writes the rows of {@code pack} as CSV. */
    public static void csv(BoardPack pack, Appendable out) {
        try {
            out.append(String.join(",", COLUMNS)).append("\r\n");
            for (Row r : rows(pack)) {
                MeasureReport m = r.measure();
                List<String> fields = List.of(m.id(), m.title(), String.join(";", r.commitments()), text(m.csu()),
                        text(m.specialty()), m.unit().name().toLowerCase(java.util.Locale.ROOT),
                        r.latestPeriod() == null ? "" : r.latestPeriod().toString(), r.latestHidden()
                                ? SmallNumbers.SYMBOL : number(r.latestValue()),
                        r.latestText(), number(m.target()), m.chart().variation().code(),
                        MdcIcons.label(m.chart().variation()), m.chart().assurance().code(),
                        MdcIcons.label(m.chart().assurance()), r.attention().name().toLowerCase(java.util.Locale.ROOT),
                        m.dataQuality().name().toLowerCase(java.util.Locale.ROOT), String.valueOf(m.stale()),
                        r.narrative(), r.chartDescription(), String.valueOf(r.restated()),
                        String.valueOf(m.suppressed()));
                out.append(fields.stream().map(PackText::quoted).collect(Collectors.joining(","))).append("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The columns of the comparisons file: one row per unit of each funnel plot. */
    public static final List<String> COMPARISON_COLUMNS = List.of("comparison_id", "measure_ids", "title", "unit_type",
            "span", "overdispersion", "phi", "target", "unit", "numerator", "denominator", "value", "value_text", "z",
            "beyond_level", "side", "position");

    /**
     * Writes every unit of every funnel plot of {@code pack} as CSV, for a trust's own tracking: the
     * funnel's target and overdispersion on each row, then the unit's numbers ("*" where small numbers
     * are hidden), the widest level it lies beyond and on which side, and the pack's words for it.
     */
    public static void comparisonsCsv(BoardPack pack, Appendable out) {
        try {
            out.append(String.join(",", COMPARISON_COLUMNS)).append("\r\n");
            for (Comparison c : pack.comparisons()) {
                for (kpo.spc.funnel.FunnelPoint p : c.funnel().points()) {
                    boolean hidden = c.hidden(p);
                    List<String> fields = List.of(c.id(), String.join(";", c.measureIds()), c.title(), c.unitType(),
                            c.span(), c.funnel().spec().overdispersion().label(), number(c.funnel().phi()),
                            number(c.funnel().target()), p.unit(), hidden ? SmallNumbers.SYMBOL : number(p.numerator()),
                            hidden ? SmallNumbers.SYMBOL : number(p.denominator()),
                            hidden ? SmallNumbers.SYMBOL : number(p.value()),
                            kpo.reports.narrative.ComparisonText.value(c, p), hidden ? SmallNumbers.SYMBOL
                                    : number(p.z()), hidden || !p.outlier() ? "" : number(p.beyond()),
                            hidden ? "" : p.side() > 0 ? "above" : p.side() < 0 ? "below" : "within",
                            kpo.reports.narrative.ComparisonText.position(c, p));
                    out.append(fields.stream().map(PackText::quoted).collect(Collectors.joining(","))).append("\r\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The columns of the events file: one row per re-measure of each measure of each event. */
    public static final List<String> EVENT_COLUMNS = List.of("event_id", "type", "title", "date", "status",
            "commitment", "a3", "measure_id", "baseline", "baseline_basis", "target", "days", "due", "state", "period",
            "value", "verdict", "improvement_since_event", "held_90_days");

    /**
     * Writes every improvement event of {@code pack} as CSV, for a trust's own tracking: a row per
     * re-measure of each of its measures (one row for a measure not re-measured, one for an event
     * with no measure), values "*" where the measure's small numbers are hidden.
     */
    public static void eventsCsv(BoardPack pack, Appendable out) {
        try {
            out.append(String.join(",", EVENT_COLUMNS)).append("\r\n");
            for (List<String> row : eventRows(pack)) {
                out.append(row.stream().map(PackText::quoted).collect(Collectors.joining(","))).append("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every improvement event of {@code pack} as JSON: an array of rows of {@link #EVENT_COLUMNS}. */
    public static void eventsJson(BoardPack pack, Appendable out) {
        try {
            out.append("{\"trust\":").append(string(pack.trust().code())).append(",\"period\":")
                    .append(string(pack.period().toString())).append(",\"remeasures\":[");
            List<List<String>> rows = eventRows(pack);
            for (int i = 0; i < rows.size(); i++) {
                out.append(i == 0 ? "\n{" : ",\n{");
                for (int c = 0; c < EVENT_COLUMNS.size(); c++) {
                    String value = rows.get(i).get(c);
                    out.append(c == 0 ? "" : ",").append(string(EVENT_COLUMNS.get(c))).append(':')
                            .append(value.isEmpty() ? "null" : string(value));
                }
                out.append('}');
            }
            out.append("\n]}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> eventRows(BoardPack pack) {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (ImprovementEvent e : pack.events()) {
            List<String> event = List.of(e.id(), e.type().code(), e.title(), e.date().toString(), e.status().code(),
                    e.commitmentId(), text(e.a3Id()));
            String held = e.held().name().toLowerCase(java.util.Locale.ROOT);
            if (e.measures().isEmpty()) {
                List<String> row = new java.util.ArrayList<>(event);
                row.addAll(java.util.Collections.nCopies(EVENT_COLUMNS.size() - event.size() - 1, ""));
                row.add(held);
                rows.add(row);
            }
            for (EventMeasure em : e.measures()) {
                MeasureReport m = pack.measure(em.measureId());
                String hidden = m.suppressed() ? SmallNumbers.SYMBOL : null;
                List<String> measure = List.of(em.measureId(), hidden != null ? hidden : number(em.baseline()),
                        em.baselineBasis(), number(em.target()));
                List<Remeasure> remeasures = em.remeasures().isEmpty() ? java.util.Collections.singletonList(null)
                        : em.remeasures();
                for (Remeasure r : remeasures) {
                    List<String> row = new java.util.ArrayList<>(event);
                    row.addAll(measure);
                    if (r == null) {
                        row.addAll(List.of("", "", "", "", "", "", ""));
                    } else {
                        row.addAll(List.of(String.valueOf(r.days()), r.due().toString(),
                                r.state().name().toLowerCase(java.util.Locale.ROOT),
                                r.period() == null ? "" : r.period().toString(),
                                r.state() != Remeasure.State.MEASURED ? "" : hidden != null ? hidden
                                        : number(r.value()),
                                kpo.reports.narrative.EventText.verdict(em, r), String.valueOf(
                                        em.improvementSinceEvent())));
                    }
                    row.add(held);
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Writes the rows of {@code pack} as JSON. */
    public static void json(BoardPack pack, Appendable out) {
        try {
            out.append("{\"trust\":").append(string(pack.trust().code())).append(",\"period\":")
                    .append(string(pack.period().toString())).append(",\"data_to\":")
                    .append(string(pack.dataTo().toString())).append(",\"measures\":[");
            List<Row> rows = rows(pack);
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                MeasureReport m = r.measure();
                out.append(i == 0 ? "\n" : ",\n").append("{\"measure_id\":").append(string(m.id()))
                        .append(",\"title\":").append(string(m.title()))
                        .append(",\"commitments\":[").append(r.commitments().stream().map(PackText::string)
                                .collect(Collectors.joining(","))).append(']')
                        .append(",\"csu\":").append(m.csu() == null ? "null" : string(m.csu()))
                        .append(",\"specialty\":").append(m.specialty() == null ? "null" : string(m.specialty()))
                        .append(",\"unit\":").append(string(m.unit().name().toLowerCase(java.util.Locale.ROOT)))
                        .append(",\"latest_period\":").append(r.latestPeriod() == null ? "null"
                                : string(r.latestPeriod().toString()))
                        .append(",\"latest_value\":").append(r.latestHidden() ? "null" : jsonNumber(r.latestValue()))
                        .append(",\"latest_text\":").append(string(r.latestText()))
                        .append(",\"target\":").append(jsonNumber(m.target()))
                        .append(",\"variation\":").append(string(m.chart().variation().code()))
                        .append(",\"assurance\":").append(string(m.chart().assurance().code()))
                        .append(",\"attention\":").append(string(r.attention().name()
                                .toLowerCase(java.util.Locale.ROOT)))
                        .append(",\"data_quality\":").append(string(m.dataQuality().name()
                                .toLowerCase(java.util.Locale.ROOT)))
                        .append(",\"stale\":").append(String.valueOf(m.stale()))
                        .append(",\"narrative\":").append(string(r.narrative()))
                        .append(",\"chart_description\":").append(string(r.chartDescription()))
                        .append(",\"restated\":").append(String.valueOf(r.restated()))
                        .append(",\"suppressed\":").append(String.valueOf(m.suppressed())).append('}');
            }
            out.append("\n]}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Shortest round-trip decimal, never exponent or locale-dependent: the engine's numbers exactly. */
    private static String number(double value) {
        return Double.isFinite(value) ? new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros()
                .toPlainString() : "";
    }

    private static String jsonNumber(double value) {
        return Double.isFinite(value) ? number(value) : "null";
    }

    private static String quoted(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    private static String string(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
