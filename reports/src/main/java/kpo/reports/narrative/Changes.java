package kpo.reports.narrative;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kpo.reports.MeasureReport;
import kpo.reports.SmallNumbers;
import kpo.reports.format.Dates;
import kpo.reports.icons.MdcIcons;
import kpo.reports.period.Frequency;
import kpo.spc.AssuranceIcon;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;
import kpo.spc.PointType;
import kpo.spc.VariationIcon;

/**
 * What changed since last month, measure by measure, from this month's chart and last month's: new
 * special-cause points (a period that is new, or was common cause last month), a changed variation or
 * assurance icon, data gone stale, a new rebase. Sorted most serious first: concerns (an icon moving
 * to concern or fail, new concern points), then things to watch, information, and good news.
 */
public final class Changes {

    private Changes() {
    }

    /** Every change in {@code measures}, most serious first, then in the measures' order. */
    public static List<Change> of(List<MeasureReport> measures) {
        return of(measures, SmallNumbers.OFF);
    }

    /** Every change in {@code measures}, most serious first, with restated values hidden as {@code small} says. */
    public static List<Change> of(List<MeasureReport> measures, SmallNumbers small) {
        List<Change> changes = new ArrayList<>();
        Map<MeasureReport, Integer> order = new HashMap<>();
        for (MeasureReport measure : measures) {
            order.put(measure, order.size());
            changes.addAll(of(measure, small));
        }
        changes.sort(Comparator.comparing(Change::level).thenComparing(c -> order.get(c.measure()))
                .thenComparing(Change::kind));
        return changes;
    }

    /** The changes of one measure, in no particular order. */
    public static List<Change> of(MeasureReport measure) {
        return of(measure, SmallNumbers.OFF);
    }

    /** The changes of one measure, in no particular order. */
    public static List<Change> of(MeasureReport measure, SmallNumbers small) {
        List<Change> changes = new ArrayList<>();
        ChartResult now = measure.chart();
        ChartResult before = measure.previous();
        if (measure.stale()) {
            LocalDate latest = Narrative.latestPeriod(now);
            Frequency frequency = Frequency.ofPoints(now.points());
            changes.add(new Change(measure, Change.Level.WATCH, Change.Kind.STALE, "Data is out of date"
                    + (latest == null ? "." : ": the latest value is for " + Dates.period(latest, frequency) + ".")));
        }
        if (before == null || before.points().isEmpty()) {
            changes.add(new Change(measure, Change.Level.INFORMATION, Change.Kind.NEW_MEASURE,
                    "New to the pack this month: no earlier chart to compare with."));
            return changes;
        }
        variation(measure, before.variation(), now.variation(), changes);
        assurance(measure, before.assurance(), now.assurance(), changes);
        newSpecialCauses(measure, before, now, changes);
        restated(measure, small, changes);
        for (LocalDate rebase : now.spec().rebases()) {
            if (!before.spec().rebases().contains(rebase)) {
                changes.add(new Change(measure, Change.Level.INFORMATION, Change.Kind.REBASE, "Rebased from "
                        + Dates.day(rebase) + ": " + measure.rebaseReason(rebase) + ". New limits from that date."));
            }
        }
        return changes;
    }

    /**
     * Earlier values that differ from what the earlier pack showed: something to watch, since the board
     * may have acted on the old figure. Up to three are named; the measure's page lists them all.
     */
    private static void restated(MeasureReport measure, SmallNumbers small, List<Change> out) {
        List<Restatement> restated = Restatement.of(measure);
        if (restated.isEmpty()) {
            return;
        }
        List<String> named = restated.stream().limit(3).map(r -> r.describe(measure, small)).toList();
        out.add(new Change(measure, Change.Level.WATCH, Change.Kind.RESTATED, restated.size() + " earlier "
                + (restated.size() == 1 ? "value" : "values") + " restated: " + String.join("; ", named)
                + (restated.size() > 3 ? "; and " + (restated.size() - 3) + " more" : "") + "."));
    }

    private static void variation(MeasureReport measure, VariationIcon before, VariationIcon now, List<Change> out) {
        if (before == now) {
            return;
        }
        Change.Level level = switch (now) {
            case CONCERN_HIGH, CONCERN_LOW -> Change.Level.CONCERN;
            case NEUTRAL_HIGH, NEUTRAL_LOW -> Change.Level.WATCH;
            case IMPROVEMENT_HIGH, IMPROVEMENT_LOW -> Change.Level.GOOD_NEWS;
            case COMMON_CAUSE -> isConcern(before) ? Change.Level.GOOD_NEWS : Change.Level.WATCH;
        };
        out.add(new Change(measure, level, Change.Kind.VARIATION, "Variation changed from "
                + MdcIcons.label(before).toLowerCase(java.util.Locale.ROOT) + " to "
                + MdcIcons.label(now).toLowerCase(java.util.Locale.ROOT) + "."));
    }

    private static boolean isConcern(VariationIcon icon) {
        return icon == VariationIcon.CONCERN_HIGH || icon == VariationIcon.CONCERN_LOW;
    }

    private static void assurance(MeasureReport measure, AssuranceIcon before, AssuranceIcon now, List<Change> out) {
        if (before == now) {
            return;
        }
        Change.Level level = switch (now) {
            case FAIL -> Change.Level.CONCERN;
            case HIT_AND_MISS -> before == AssuranceIcon.PASS ? Change.Level.WATCH : before == AssuranceIcon.FAIL
                    ? Change.Level.GOOD_NEWS : Change.Level.INFORMATION;
            case PASS -> Change.Level.GOOD_NEWS;
            case NOT_ASSESSABLE -> Change.Level.WATCH;
            case NONE -> Change.Level.INFORMATION;
        };
        out.add(new Change(measure, level, Change.Kind.ASSURANCE, "Assurance changed from "
                + MdcIcons.label(before).toLowerCase(java.util.Locale.ROOT) + " to "
                + MdcIcons.label(now).toLowerCase(java.util.Locale.ROOT) + "."));
    }

    /**
     * Special-cause points that are new this month: periods after last month's last, and periods
     * that were common cause or missing last month (a rule can reach back as a run grows). A point is
     * matched to last month's by its period and, for individual values, its sequence.
     */
    private static void newSpecialCauses(MeasureReport measure, ChartResult before, ChartResult now,
            List<Change> out) {
        Map<Place, ChartPoint> earlier = new HashMap<>();
        for (ChartPoint p : before.points()) {
            earlier.put(new Place(p.period(), p.sequence()), p);
        }
        Map<PointType, List<ChartPoint>> fresh = new EnumMap<>(PointType.class);
        for (ChartPoint p : now.points()) {
            if (p.missing() || !p.specialCause()) {
                continue;
            }
            ChartPoint then = earlier.get(new Place(p.period(), p.sequence()));
            if (then == null || then.missing() || !then.specialCause()) {
                fresh.computeIfAbsent(p.type(), t -> new ArrayList<>()).add(p);
            }
        }
        Frequency frequency = Frequency.ofPoints(now.points());
        fresh.forEach((type, points) -> {
            Change.Level level = switch (type) {
                case SPECIAL_CAUSE_CONCERN -> Change.Level.CONCERN;
                case SPECIAL_CAUSE_IMPROVEMENT -> Change.Level.GOOD_NEWS;
                case SPECIAL_CAUSE_NEUTRAL_HIGH, SPECIAL_CAUSE_NEUTRAL_LOW -> Change.Level.WATCH;
                case COMMON_CAUSE -> Change.Level.INFORMATION;
            };
            String periods = points.size() <= 3
                    ? String.join(", ", points.stream().map(p -> Dates.period(p.period(), frequency)).toList())
                    : Dates.period(points.get(0).period(), frequency) + " to "
                            + Dates.period(points.get(points.size() - 1).period(), frequency);
            String what = switch (type) {
                case SPECIAL_CAUSE_IMPROVEMENT -> "special cause improvement";
                case SPECIAL_CAUSE_CONCERN -> "special cause concern";
                case SPECIAL_CAUSE_NEUTRAL_HIGH -> "special cause, neither improvement nor concern (high)";
                case SPECIAL_CAUSE_NEUTRAL_LOW -> "special cause, neither improvement nor concern (low)";
                case COMMON_CAUSE -> "common cause";
            };
            out.add(new Change(measure, level, Change.Kind.NEW_SPECIAL_CAUSE, points.size() + " new "
                    + (points.size() == 1 ? "point" : "points") + " of " + what + " (" + periods + ")."));
        });
    }

    /** Where a point sits in its series: its period, and its sequence for an individual value. */
    private record Place(LocalDate period, int sequence) {
    }
}
