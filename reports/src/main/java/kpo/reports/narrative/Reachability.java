package kpo.reports.narrative;

import kpo.reports.MeasureReport;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;
import kpo.spc.ChartPoint;
import kpo.spc.ChartSpec;
import kpo.spc.Improvement;

/**
 * Whether a target can be reached by its date from the current process, judged as MDC judges
 * assurance: from the latest phase's process limits, not from a forecast. A process whose limits lie
 * wholly on the right side of the target will meet it; one whose limits straddle it will meet it only
 * some of the time; one wholly on the wrong side will not meet it until the process changes, whatever
 * the date. No extrapolation of a trend is made: that would claim more than the chart shows.
 *
 * @param verdict the judgement
 * @param text one or two sentences for the A3
 */
public record Reachability(Verdict verdict, String text) {

    public enum Verdict {
        ON_TRACK("On track"),
        AT_RISK("At risk: hit and miss"),
        NOT_REACHABLE("Not reachable without change"),
        LIMITS_OUT_OF_DATE("Limits out of date"),
        NOT_ASSESSED("Not assessed");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static Reachability of(MeasureReport measure) {
        ChartSpec spec = measure.chart().spec();
        ValueFormat values = ValueFormat.of(measure.unit(), measure.chart());
        String by = measure.targetDate() == null ? "" : " by " + Dates.day(measure.targetDate());
        if (!spec.hasTarget()) {
            return new Reachability(Verdict.NOT_ASSESSED, "There is no target to assess.");
        }
        String target = values.format(spec.target());
        ChartPoint latest = measure.chart().latest();
        if (spec.improvement() == Improvement.NEUTRAL || !spec.chart().hasLimits() || latest == null
                || Double.isNaN(latest.upperLimit())) {
            return new Reachability(Verdict.NOT_ASSESSED, "The chart has no process limits to judge the target of "
                    + target + " against.");
        }
        String limits = values.range(latest.lowerLimit(), latest.upperLimit());
        return switch (measure.chart().assurance()) {
            case PASS -> new Reachability(Verdict.ON_TRACK, "Reachable" + by + ": the process limits (" + limits
                    + ") lie wholly on the good side of the target of " + target
                    + ", so the process as it is will meet it consistently.");
            case HIT_AND_MISS -> new Reachability(Verdict.AT_RISK, "Not assured" + by + ": the target of " + target
                    + " lies within the process limits (" + limits + "), so the current process will meet it in "
                    + "some periods and miss it in others. Reliably meeting it needs a change to the process.");
            case FAIL -> new Reachability(Verdict.NOT_REACHABLE, "Not reachable" + by + " as things stand: the "
                    + "whole process (limits " + limits + ") lies on the wrong side of the target of " + target
                    + ". The process has to change before the target can be met.");
            case NOT_ASSESSABLE -> new Reachability(Verdict.LIMITS_OUT_OF_DATE, "Not assessable: "
                    + Proposal.what(measure.chart().proposal()) + " since " + Proposal.from(measure) + " means the "
                    + "process has moved away from the limits it was judged by (" + limits + "), so they cannot say "
                    + "whether the target of " + target + " will be met" + by + ". " + Proposal.sentence(measure));
            case NONE -> new Reachability(Verdict.NOT_ASSESSED, "No assurance is available for the target of "
                    + target + ".");
        };
    }
}
