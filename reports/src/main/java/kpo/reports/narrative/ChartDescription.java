package kpo.reports.narrative;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kpo.reports.MeasureReport;
import kpo.reports.format.ChartNames;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;
import kpo.reports.period.Frequency;
import kpo.reports.style.Marks;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;
import kpo.spc.PointType;

/**
 * The short text alternative of a chart, for readers who cannot see it: what is plotted, over what
 * span, where the phases break, how many points of each special-cause type and when, the latest
 * value and its type, the current centre and limits, and the target. Written from the signals, so it
 * says what the picture says. Printed under every chart and written to the CSV and JSON outputs.
 */
public final class ChartDescription {

    private ChartDescription() {
    }

    public static String of(MeasureReport measure) {
        ChartResult chart = measure.chart();
        List<ChartPoint> points = chart.points();
        if (points.isEmpty()) {
            return ChartNames.of(chart.spec().chart()) + " of " + measure.title() + ": no data.";
        }
        Frequency frequency = Frequency.ofPoints(points);
        if (measure.suppressed()) {
            return ChartNames.of(chart.spec().chart()) + " of " + measure.title() + ", " + frequency.adjective()
                    + " from " + Dates.period(points.get(0).period(), frequency) + " to "
                    + Dates.period(points.get(points.size() - 1).period(), frequency) + ": not drawn, because "
                    + measure.hiddenPeriods().size() + " of its " + points.size() + " values are small numbers, "
                    + "suppressed in published outputs.";
        }
        ValueFormat values = ValueFormat.of(measure.unit(), chart);
        long missing = points.stream().filter(ChartPoint::missing).count();
        List<String> parts = new ArrayList<>();
        parts.add(ChartNames.of(chart.spec().chart()) + " of " + measure.title() + ", " + frequency.adjective()
                + " from " + Dates.period(points.get(0).period(), frequency) + " to "
                + Dates.period(points.get(points.size() - 1).period(), frequency) + ": " + points.size() + " points"
                + (missing > 0 ? ", " + missing + " missing" : "") + ".");
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).phase() != points.get(i - 1).phase()) {
                parts.add("Rebased from " + Dates.period(points.get(i).period(), frequency) + ".");
            }
        }
        Map<PointType, List<ChartPoint>> special = new EnumMap<>(PointType.class);
        for (ChartPoint p : points) {
            if (p.specialCause() && !p.missing()) {
                special.computeIfAbsent(p.type(), t -> new ArrayList<>()).add(p);
            }
        }
        if (special.isEmpty()) {
            parts.add("No special cause points.");
        } else {
            List<String> groups = new ArrayList<>();
            special.forEach((type, list) -> groups.add(list.size() + " " + Marks.label(type).replace("Special cause: ",
                    "").toLowerCase(Locale.ROOT) + " (" + spans(points, type, frequency) + ")"));
            parts.add("Special cause points: " + String.join("; ", groups) + ".");
        }
        SeriesFacts facts = new SeriesFacts(chart);
        if (!facts.empty()) {
            ChartPoint latest = facts.latest();
            String centre = ChartNames.centre(chart.spec().chart()).toLowerCase(Locale.ROOT);
            StringBuilder last = new StringBuilder("Latest " + values.observed(latest.y()) + " ("
                    + Dates.period(latest.period(), frequency) + "), "
                    + Marks.label(latest.type()).toLowerCase(Locale.ROOT));
            if (Double.isFinite(latest.centre())) {
                last.append("; ").append(centre).append(' ').append(values.format(latest.centre()));
            }
            if (Double.isFinite(latest.upperLimit()) && Double.isFinite(latest.lowerLimit())) {
                last.append(", limits ").append(values.range(latest.lowerLimit(), latest.upperLimit()));
            }
            parts.add(last + ".");
        }
        if (chart.spec().hasTarget()) {
            parts.add("Target " + values.format(chart.spec().target()) + ".");
        }
        return String.join(" ", parts);
    }

    /**
     * Where the points of one type lie, as the runs they make in the chart ("Nov 2022 to May 2024, Jul
     * 2024"): a first-to-last range would overlap another type's where the two interleave, and then
     * the description would contradict the chart. Missing values do not break a run; a point of any
     * other kind does. At most four runs are named.
     */
    private static String spans(List<ChartPoint> points, PointType type, Frequency frequency) {
        List<String> runs = new ArrayList<>();
        ChartPoint first = null;
        ChartPoint last = null;
        for (ChartPoint p : points) {
            if (p.missing()) {
                continue;
            }
            if (p.type() == type) {
                first = first == null ? p : first;
                last = p;
            } else if (first != null) {
                runs.add(span(first, last, frequency));
                first = null;
            }
        }
        if (first != null) {
            runs.add(span(first, last, frequency));
        }
        if (runs.size() > 4) {
            int more = runs.size() - 4;
            runs = new ArrayList<>(runs.subList(0, 4));
            runs.add("and " + more + " more");
        }
        return String.join(", ", runs);
    }

    private static String span(ChartPoint first, ChartPoint last, Frequency frequency) {
        String from = Dates.period(first.period(), frequency);
        return first == last ? from : from + " to " + Dates.period(last.period(), frequency);
    }
}
