package kpo.reports.narrative;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kpo.reports.Commitment;
import kpo.reports.MeasureReport;
import kpo.reports.SmallNumbers;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;
import kpo.reports.icons.MdcIcons;
import kpo.reports.period.Frequency;
import kpo.spc.AssuranceIcon;
import kpo.spc.ChartPoint;
import kpo.spc.Improvement;
import kpo.spc.VariationIcon;

/**
 * What a board member needs first: the few things that changed the picture this month, ranked, in
 * plain words. Read from the same judgements every other page prints (the icons, {@link Attention},
 * {@link Changes}, the plan), never from a judgement of its own, so the summary cannot contradict a
 * measure page. No value of a measure is quoted (a small number would need suppressing); targets
 * and plans are quoted where they say what is at stake.
 *
 * @param items the most important first, at most {@link #MOST}
 * @param more how many more there were than could be listed
 */
public record ExecutiveSummary(List<Item> items, int more) {

    /** The most items the page lists; the summary page has the rest. */
    public static final int MOST = 8;

    /** What changed the picture, in the order the page ranks it. */
    public enum Kind {
        NEW_CONCERN("New concern"),
        FAILING("Failing target"),
        CONCERN("Continuing concern"),
        STALE("Stale data"),
        BEHIND_PLAN("Behind plan"),
        LIMITS_OUT_OF_DATE("Limits out of date"),
        IMPROVEMENT("Improvement");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One thing the board should know.
     *
     * @param kind what it is
     * @param measure the measure it is about
     * @param text one or two sentences
     * @param noCommentary the measure needs attention and its owner wrote nothing this month: the
     *     first question a board asks, so the page says so
     */
    public record Item(Kind kind, MeasureReport measure, String text, boolean noCommentary) {
    }

    public ExecutiveSummary {
        items = List.copyOf(items);
    }

    /** The summary of {@code measures}, the pack's {@code commitments} giving each plan its commitment. */
    public static ExecutiveSummary of(List<MeasureReport> measures, List<Commitment> commitments, SmallNumbers small) {
        List<Item> items = new ArrayList<>();
        for (MeasureReport m : measures) {
            item(m, commitments, small).ifPresent(items::add);
        }
        items.sort(Comparator.comparing(Item::kind));
        int more = Math.max(0, items.size() - MOST);
        return new ExecutiveSummary(items.subList(0, Math.min(MOST, items.size())), more);
    }

    /** A measure's most important item, if it has one: each measure is named once, for its gravest news. */
    private static Optional<Item> item(MeasureReport m, List<Commitment> commitments, SmallNumbers small) {
        if (m.chart().points().isEmpty()) {
            return Optional.empty();
        }
        VariationIcon variation = m.chart().variation();
        AssuranceIcon assurance = m.chart().assurance();
        ChartPoint latest = Narrative.latestPoint(m.chart());
        Frequency frequency = Frequency.ofPoints(m.chart().points());
        String when = latest == null ? "" : " " + Dates.inPeriod(latest.period(), frequency);
        ValueFormat values = ValueFormat.of(m.unit(), m.chart());
        boolean concern = variation == VariationIcon.CONCERN_HIGH || variation == VariationIcon.CONCERN_LOW;
        boolean improvement = variation == VariationIcon.IMPROVEMENT_HIGH || variation == VariationIcon.IMPROVEMENT_LOW;
        List<Change> changes = Changes.of(m, small);
        boolean newSignal = changes.stream().anyMatch(c -> c.kind() == Change.Kind.NEW_SPECIAL_CAUSE
                || c.kind() == Change.Kind.VARIATION);
        boolean noCommentary = Attention.of(m).needsAttention() && m.commentary() == null;
        Kind kind;
        String text;
        if (concern && newSignal) {
            kind = Kind.NEW_CONCERN;
            text = m.title() + ": special cause concern" + when + ", new this month.";
        } else if (assurance == AssuranceIcon.FAIL) {
            kind = Kind.FAILING;
            text = m.title() + ": the process as it stands will not meet its target of " + values.format(m.target())
                    + (m.targetDate() == null ? "" : " by " + Dates.day(m.targetDate()))
                    + "; its limits lie wholly on the wrong side of it.";
        } else if (concern) {
            kind = Kind.CONCERN;
            text = m.title() + ": special cause concern continues" + when + ".";
        } else if (m.stale()) {
            kind = Kind.STALE;
            text = m.title() + ": the data is out of date; the latest value is for "
                    + (latest == null ? "no period" : Dates.periodInProse(latest.period(), frequency)) + ".";
        } else if (behindPlan(m, latest)) {
            kind = Kind.BEHIND_PLAN;
            YearMonth month = YearMonth.from(latest.period());
            text = m.title() + " is behind its plan of " + values.format(m.trajectory().get(month)) + " for "
                    + Dates.month(month) + commitment(m, commitments) + ".";
        } else if (m.chart().limitsOutOfDate() && m.chart().spec().hasTarget()) {
            kind = Kind.LIMITS_OUT_OF_DATE;
            text = m.title() + ": " + Proposal.what(m.chart().proposal()) + " since " + Proposal.from(m)
                    + " has taken the process away from its limits, so whether it will meet its target of "
                    + values.format(m.target()) + " cannot be judged until its owner agrees the proposed rebase ("
                    + "with it the chart would read " + MdcIcons.label(m.chart().proposal()
                            .assurance()).toLowerCase(Locale.ROOT) + ").";
        } else if (improvement && newSignal) {
            kind = Kind.IMPROVEMENT;
            text = m.title() + ": special cause improvement" + when + ", new this month.";
        } else {
            return Optional.empty();
        }
        return Optional.of(new Item(kind, m, text, noCommentary));
    }

    private static boolean behindPlan(MeasureReport m, ChartPoint latest) {
        if (latest == null || m.trajectory().isEmpty() || m.chart().spec().improvement() == Improvement.NEUTRAL) {
            return false;
        }
        Double plan = m.trajectory().get(YearMonth.from(latest.period()));
        if (plan == null) {
            return false;
        }
        return m.chart().spec().improvement() == Improvement.INCREASE ? latest.y() < plan : latest.y() > plan;
    }

    private static String commitment(MeasureReport m, List<Commitment> commitments) {
        for (Commitment c : commitments) {
            if (c.measureIds().contains(m.id())) {
                return " (commitment " + c.id() + ", " + c.title() + ")";
            }
        }
        return "";
    }
}
