package kpo.reports.narrative;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import kpo.reports.MeasureReport;
import kpo.reports.format.ChartNames;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;
import kpo.reports.period.Frequency;
import kpo.spc.AssuranceIcon;
import kpo.spc.ChartPoint;
import kpo.spc.ChartResult;
import kpo.spc.ChartSpec;
import kpo.spc.ChartWarning;
import kpo.spc.Improvement;
import kpo.spc.PointType;
import kpo.spc.RunsAnalysis;
import kpo.spc.Signal;

/**
 * The plain-English account of a measure's chart that the board reads beside it, written only from
 * the engine's result: the latest value; the centre and limits of the current phase; the signals on
 * the latest point, each described by what the data did (fell in each of the last 7 weeks, is below
 * the lower limit) and named as MDC names it (special cause improvement); the assurance the limits
 * give about the target; progress against the plan; and the caveats (a short phase, stale data).
 * It makes no claim the result does not support: no forecast, no cause, no significance beyond the
 * rules the engine applied.
 *
 * @param sentences the account, one sentence each, in reading order
 */
public record Narrative(List<String> sentences) {

    public Narrative {
        sentences = List.copyOf(sentences);
    }

    /** The sentences as one paragraph. */
    public String text() {
        return String.join(" ", sentences);
    }

    /** The account of {@code measure}'s chart. */
    public static Narrative of(MeasureReport measure) {
        SeriesFacts facts = new SeriesFacts(measure.chart());
        if (facts.empty()) {
            return new Narrative(List.of("There is no data for this measure yet."));
        }
        if (measure.suppressed()) {
            // The account quotes values and limits, which would give the hidden small numbers back.
            return new Narrative(List.of("Some of this measure's values are small numbers, which are suppressed "
                    + "(shown as *) in published outputs, so the chart and its account are left out. The icons "
                    + "still say whether it is changing and whether it will meet its target."));
        }
        Writer writer = new Writer(measure, facts);
        return new Narrative(writer.sentences());
    }

    private static final class Writer {
        private final MeasureReport measure;
        private final SeriesFacts facts;
        private final ChartResult chart;
        private final ChartSpec spec;
        private final ValueFormat values;
        private final Frequency frequency;
        private final ChartPoint latest;
        private final List<String> out = new ArrayList<>();

        Writer(MeasureReport measure, SeriesFacts facts) {
            this.measure = measure;
            this.facts = facts;
            this.chart = measure.chart();
            this.spec = chart.spec();
            this.values = ValueFormat.of(measure.unit(), chart);
            this.frequency = facts.frequency();
            this.latest = facts.latest();
        }

        List<String> sentences() {
            latestValue();
            centreAndLimits();
            variation();
            runs();
            assurance();
            shift();
            plan();
            caveats();
            return out;
        }

        private void latestValue() {
            String when = Dates.periodInProse(latest.period(), frequency);
            if (facts.lastPeriodMissing()) {
                out.add("No value was recorded for " + Dates.periodInProse(facts.last().period(), frequency)
                        + "; the latest value is " + values.observed(latest.y()) + ", for " + when + ".");
            } else {
                out.add("The latest value is " + values.observed(latest.y()) + ", for " + when + ".");
            }
        }

        private void centreAndLimits() {
            String centreName = ChartNames.centre(spec.chart()).toLowerCase(java.util.Locale.ROOT);
            String since = chart.phases() > 1 ? "Since the rebase on " + Dates.day(facts.phaseStartDate()) + ", the "
                    + centreName + " has been " : "The " + centreName + " is ";
            if (Double.isNaN(latest.centre())) {
                return;
            }
            if (!spec.chart().hasLimits()) {
                out.add(since + values.format(latest.centre()) + ".");
                return;
            }
            if (Double.isNaN(latest.upperLimit())) {
                out.add(since + values.format(latest.centre())
                        + "; the process limits cannot be calculated because the values barely vary.");
                return;
            }
            String varying = limitsVary() ? " for the latest " + frequency.noun()
                    + " (the limits vary with each " + frequency.noun() + "'s denominator)" : "";
            out.add(since + values.format(latest.centre()) + ", with process limits of "
                    + values.compact(measure.unit().shown(latest.lowerLimit())) + " to " + values.limit(latest.upperLimit()) + varying
                    + ".");
        }

        private boolean limitsVary() {
            double first = Double.NaN;
            for (int i = facts.phaseStart(); i < facts.points().size(); i++) {
                double upper = facts.points().get(i).upperLimit();
                if (Double.isNaN(upper)) {
                    continue;
                }
                if (Double.isNaN(first)) {
                    first = upper;
                } else if (Math.abs(upper - first) > 1e-9 * Math.max(1, Math.abs(first))) {
                    return true;
                }
            }
            return false;
        }

        private void variation() {
            if (!spec.chart().hasLimits() && latest.signals().isEmpty()) {
                return; // a run chart: the runs analysis speaks for it
            }
            if (latest.specialCause()) {
                List<String> clauses = new ArrayList<>();
                for (Signal signal : latest.signals()) {
                    if (clauses.size() == 2) {
                        break;
                    }
                    clauses.add(clause(signal));
                }
                out.add(capitalised(String.join(", and ", clauses)) + ": " + typeName(latest.type()) + ".");
                return;
            }
            if (!facts.anySpecialInPhase()) {
                int n = facts.phaseValues();
                String scope = chart.phases() > 1 ? " since the rebase" : "";
                String within = capitalised((n == 1 ? "the only point" + scope + " lies" : "all " + n + " points"
                        + scope + " lie") + " within the process limits");
                // Where the runs rules judge the chart, a runs signal is special cause too: say no more
                // than "within the limits" and let the runs sentence that follows speak.
                out.add(RunsRules.signal(chart, latest.phase()) ? within + "." : within
                        + " with no unusual pattern: common cause variation, so the process is stable.");
                return;
            }
            out.add("The latest value shows common cause variation.");
            for (PointType type : List.of(PointType.SPECIAL_CAUSE_CONCERN, PointType.SPECIAL_CAUSE_IMPROVEMENT,
                    PointType.SPECIAL_CAUSE_NEUTRAL_HIGH, PointType.SPECIAL_CAUSE_NEUTRAL_LOW)) {
                List<ChartPoint> earlier = facts.earlierInPhase(type);
                if (earlier.isEmpty()) {
                    continue;
                }
                String where = chart.phases() > 1 ? "Earlier since the rebase, " : "Earlier, ";
                ChartPoint lastOne = earlier.get(earlier.size() - 1);
                out.add(where + earlier.size() + " " + frequency.nouns(earlier.size()) + " showed "
                        + typeName(type) + (earlier.size() == 1 ? ", " : ", the last ")
                        + Dates.inPeriod(lastOne.period(), frequency) + ".");
            }
        }

        private String clause(Signal signal) {
            boolean above = latest.y() > latest.centre();
            String side = above ? "above" : "below";
            String centreName = ChartNames.centre(spec.chart()).toLowerCase(java.util.Locale.ROOT);
            return switch (signal) {
                case OUTSIDE_LIMITS -> latest.y() > latest.upperLimit() ? "it is above the upper process limit"
                        : "it is below the lower process limit";
                case TREND, SIX_TREND -> {
                    int steps = facts.steps();
                    int needed = (signal == Signal.SIX_TREND ? 6 : spec.trendLength()) - 1;
                    if (steps == 0) {
                        yield "it is part of a trend";
                    }
                    String verb = steps > 0 ? "risen" : "fallen";
                    int n = Math.abs(steps);
                    yield n >= needed ? "it has " + verb + " in each of the last " + n + " " + frequency.nouns(n)
                            : "it ends a run of " + (steps > 0 ? "rising" : "falling") + " points (a trend)";
                }
                case SHIFT -> {
                    int n = Math.abs(facts.side());
                    yield n >= spec.shiftLength() && n > 1 ? "the last " + n + " " + frequency.nouns(n)
                            + " have all been " + side + " the " + centreName
                            : "it is part of a run of points " + side + " the " + centreName + " (a shift)";
                }
                case TWO_OF_THREE -> "two of the last three " + frequency.nouns(3) + " lie more than two sigma "
                        + side + " the " + centreName;
                case FOUR_OF_FIVE -> "four of the last five " + frequency.nouns(5) + " lie more than one sigma "
                        + side + " the " + centreName;
                case EIGHT_BEYOND_ONE_SIGMA -> "the last eight points all lie more than one sigma from the "
                        + centreName + ", on both sides (a sign of two processes mixed)";
                case FIFTEEN_WITHIN_ONE_SIGMA -> "the last fifteen points all lie within one sigma of the "
                        + centreName + " (a sign of stratified data or limits that are too wide)";
                case FOURTEEN_ALTERNATING -> "the last fourteen points alternate up and down (a sign of "
                        + "over-adjustment or two alternating sources)";
            };
        }

        private String typeName(PointType type) {
            return switch (type) {
                case COMMON_CAUSE -> "common cause variation";
                case SPECIAL_CAUSE_IMPROVEMENT -> "special cause improvement";
                case SPECIAL_CAUSE_CONCERN -> "special cause concern";
                case SPECIAL_CAUSE_NEUTRAL_HIGH, SPECIAL_CAUSE_NEUTRAL_LOW -> spec.improvement() == Improvement.NEUTRAL
                        ? "special cause variation (no direction is set as better)"
                        : "special cause variation that is neither improvement nor concern";
            };
        }

        /**
         * Why the runs analysis counts fewer points than the chart shows, when it does: a point on the
         * centre line favours neither side, so it is not a useful observation (Anhøj), and the limits
         * of the analysis are read for the useful points alone.
         */
        private String onTheCentre(RunsAnalysis runs, String centreName) {
            int onCentre = 0;
            for (ChartPoint p : facts.points().subList(facts.phaseStart(), facts.points().size())) {
                if (!p.excluded() && !p.missing() && p.y() == p.centre()) {
                    onCentre++;
                }
            }
            if (onCentre == 0) {
                return "";
            }
            return " It counts " + runs.useful() + " points: the " + onCentre + " on the " + centreName
                    + (onCentre == 1 ? " favours" : " favour") + " neither side and " + (onCentre == 1 ? "is" : "are")
                    + " left out.";
        }

        /** The runs analysis, where it judges the chart (run charts, the Anhøj and IHI rule sets). */
        private void runs() {
            if (!RunsRules.judge(spec)) {
                return;
            }
            RunsAnalysis runs = null;
            for (RunsAnalysis r : chart.runs()) {
                if (r.phase() == latest.phase()) {
                    runs = r;
                }
            }
            if (runs == null || runs.longestRun() == null || runs.useful() < 2) {
                out.add("There are too few points for the runs analysis.");
                return;
            }
            String centreName = ChartNames.centre(spec.chart()).toLowerCase(java.util.Locale.ROOT);
            String scope = chart.phases() > 1 ? " since the rebase" : "";
            if (!runs.signal()) {
                out.add("The runs analysis" + scope + " finds no non-random variation: the longest run ("
                        + runs.longestRun() + ") and the number of crossings of the " + centreName + " ("
                        + runs.crossings() + ") are within what chance alone gives." + onTheCentre(runs, centreName));
                return;
            }
            List<String> why = new ArrayList<>();
            if (runs.longestRunMax() != null && runs.longestRun() > runs.longestRunMax()) {
                LongestRun where = LongestRun.in(facts.points(), facts.phaseStart(), facts.points().size());
                String side = "";
                String ending = "";
                if (where != null) {
                    ChartPoint end = facts.points().get(where.last());
                    side = end.y() > end.centre() ? " above" : " below";
                    ending = ", ending " + Dates.inPeriod(end.period(), frequency);
                }
                why.add("the longest run is " + runs.longestRun() + " points" + side + " the " + centreName
                        + ending + ", more than the " + runs.longestRunMax() + " chance allows");
            }
            if (runs.crossingsMin() != null && runs.crossings() < runs.crossingsMin()) {
                why.add("the series crosses the " + centreName + " only " + runs.crossings() + " "
                        + (runs.crossings() == 1 ? "time" : "times") + ", fewer than the " + runs.crossingsMin()
                        + " expected");
            }
            if (runs.crossingsMax() != null && runs.crossings() > runs.crossingsMax()) {
                why.add("the series crosses the " + centreName + " " + runs.crossings() + " times, more than the "
                        + runs.crossingsMax() + " expected");
            }
            out.add("The runs analysis" + scope + " shows non-random variation: " + String.join(", and ", why) + "."
                    + onTheCentre(runs, centreName));
        }

        private void assurance() {
            if (!spec.hasTarget()) {
                return;
            }
            String target = "The target of " + values.format(spec.target());
            AssuranceIcon icon = chart.assurance();
            switch (icon) {
                case PASS, FAIL -> {
                    boolean aboveProcess = spec.target() >= latest.upperLimit();
                    String where = aboveProcess ? "above the upper process limit (" + values.limit(latest.upperLimit())
                            : "below the lower process limit (" + values.limit(latest.lowerLimit());
                    out.add(target + " is " + where + "), so the process will " + (icon == AssuranceIcon.PASS
                            ? "consistently meet it." : "not meet it unless it changes."));
                }
                case HIT_AND_MISS -> {
                    if (Double.isNaN(latest.upperLimit())) {
                        out.add(target + " cannot be assured because the process limits are undefined.");
                    } else {
                        out.add(target + " is within the process limits, so it will be hit and missed until the "
                                + "process changes.");
                    }
                }
                case NOT_ASSESSABLE -> out.add(target + " cannot be judged against these limits: they describe "
                        + "the process before " + Proposal.what(chart.proposal()) + " that began in "
                        + Proposal.from(measure) + ", so assurance is not assessable.");
                case NONE -> {
                    if (spec.improvement() == Improvement.NEUTRAL) {
                        out.add(target + " gives no assurance because no direction is set as better.");
                    } else if (!spec.chart().hasLimits()) {
                        out.add("A run chart has no process limits, so it gives no assurance about the target of "
                                + values.format(spec.target()) + "; the latest value " + (meets(latest.y())
                                        ? "meets" : "does not meet") + " it.");
                    }
                }
            }
        }

        private boolean meets(double value) {
            return switch (spec.improvement()) {
                case INCREASE -> value >= spec.target();
                case DECREASE -> value <= spec.target();
                case NEUTRAL -> value == spec.target();
            };
        }

        private void plan() {
            if (measure.trajectory().isEmpty()) {
                return;
            }
            YearMonth month = YearMonth.from(latest.period());
            Double plan = measure.trajectory().get(month);
            if (plan == null || spec.improvement() == Improvement.NEUTRAL) {
                return;
            }
            double gap = latest.y() - plan;
            boolean better = spec.improvement() == Improvement.INCREASE ? gap > 0 : gap < 0;
            String standing = gap == 0 ? "exactly on plan"
                    : (better ? "ahead of" : "behind") + " the plan of " + values.format(plan) + " for "
                            + Dates.month(month) + " (" + values.difference(gap) + ")";
            out.add("The latest value is " + standing + ".");
        }

        private void shift() {
            if (chart.limitsOutOfDate()) {
                // With a target, the assurance sentence has already said what the limits describe.
                out.add((chart.assurance() == AssuranceIcon.NOT_ASSESSABLE ? "" : "The limits describe the process "
                        + "as it was before " + Proposal.what(chart.proposal()) + " that began in "
                        + Proposal.from(measure) + ". ") + Proposal.sentence(measure));
            }
        }

        private void caveats() {
            // The engine's one short-phase rule (ChartWarning.ShortPhase), read here, not written again.
            ChartWarning.ShortPhase shortPhase = chart.shortPhase(latest.phase());
            if (shortPhase != null) {
                int n = shortPhase.points();
                out.add("The limits rest on only " + n + " " + frequency.nouns(n)
                        + (chart.phases() > 1 ? " since the rebase" : "") + ", so they are trial limits, to be revised "
                        + "until there are " + ChartWarning.ShortPhase.ENOUGH + ".");
            }
            if (measure.stale()) {
                out.add("The data is out of date: the latest value is for "
                        + Dates.periodInProse(latest.period(), frequency) + ".");
            }
        }
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The period of the latest point with a value, or null for an empty chart. */
    public static LocalDate latestPeriod(ChartResult chart) {
        ChartPoint latest = latestPoint(chart);
        return latest == null ? null : latest.period();
    }

    /**
     * The latest point with a value, or null for an empty chart. Individual values share dates, so
     * the latest point is found by place, never by looking its period up.
     */
    public static ChartPoint latestPoint(ChartResult chart) {
        SeriesFacts facts = new SeriesFacts(chart);
        return facts.empty() ? null : facts.latest();
    }
}
