package kpo.reports.narrative;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import kpo.reports.BoardPack;
import kpo.reports.EventMeasure;
import kpo.reports.ImprovementEvent;
import kpo.reports.MeasureReport;
import kpo.reports.Remeasure;
import kpo.reports.SmallNumbers;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;

/**
 * An improvement event's figures and re-measures in words, for its page, the portfolio and the
 * executive summary. A re-measure not yet due says when it is due; one due without data says so;
 * none is ever guessed. A measure whose small numbers are hidden shows "*" for every figure.
 */
public final class EventText {

    private EventText() {
    }

    /** A value of the measure as its page prints it, or "*" where small numbers are hidden. */
    public static String value(MeasureReport m, double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return m.suppressed() ? SmallNumbers.SYMBOL : ValueFormat.of(m.unit(), m.chart()).format(value);
    }

    /** A re-measure in a table cell: its value, "no data yet for Nov 2024", or "due 12 Jan 2026". */
    public static String cell(MeasureReport m, Remeasure r) {
        return switch (r.state()) {
            case MEASURED -> value(m, r.value());
            case NO_DATA -> "no data yet";
            case NOT_DUE -> "due " + Dates.day(r.due());
        };
    }

    /** Whether a measured re-measure held, in words: against the target, or with none the baseline. */
    public static String verdict(EventMeasure em, Remeasure r) {
        if (r.state() == Remeasure.State.NOT_DUE) {
            return "not yet due";
        }
        if (r.state() == Remeasure.State.NO_DATA) {
            return "due; no data yet";
        }
        if (em.hasTarget()) {
            return em.meetsTarget(r.value()) ? "at or better than target" : em.betterThanBaseline(r.value())
                    ? "better than before, short of target" : "no better than before";
        }
        return em.betterThanBaseline(r.value()) ? "better than before" : "no better than before";
    }

    /** The event's kind, week, status and people, in one line. */
    public static String about(ImprovementEvent e) {
        List<String> parts = new ArrayList<>();
        parts.add(e.type().label());
        parts.add("week of " + Dates.day(e.date()));
        parts.add(e.status().label());
        if (!e.sponsor().isEmpty()) {
            parts.add("Sponsor: " + e.sponsor());
        }
        if (!e.processOwner().isEmpty()) {
            parts.add("Process owner: " + e.processOwner());
        }
        return String.join("  ·  ", parts);
    }

    /** A re-measure that came due this month: its event, and the sentence that says whether it held. */
    public record Due(ImprovementEvent event, String sentence) {
    }

    /**
     * The re-measures that came due in the pack's month, one sentence each, for the executive
     * summary: whether each held, and against what, without quoting the value.
     */
    public static List<Due> dueThisMonth(BoardPack pack, List<ImprovementEvent> events) {
        YearMonth month = pack.period();
        List<Due> out = new ArrayList<>();
        for (ImprovementEvent e : events) {
            for (EventMeasure em : e.measures()) {
                MeasureReport m = pack.measure(em.measureId());
                for (Remeasure r : em.remeasures()) {
                    if (r.state() != Remeasure.State.NOT_DUE && YearMonth.from(r.due()).equals(month)) {
                        out.add(new Due(e, e.id() + " " + e.title() + ": the " + r.days() + "-day re-measure of "
                                + m.title() + " came due on " + Dates.day(r.due()) + ", " + verdict(em, r)
                                + (em.hasTarget() && r.state() == Remeasure.State.MEASURED ? " (target "
                                        + value(m, em.target()) + ")" : "") + "."));
                    }
                }
            }
        }
        return out;
    }

    /** The portfolio's words for whether an event held at 90 days. */
    public static String held(ImprovementEvent e) {
        ImprovementEvent.Held held = e.held();
        if (held != ImprovementEvent.Held.NOT_YET) {
            return held.label();
        }
        return e.measures().stream().map(m -> m.remeasure(90)).filter(r -> r != null)
                .map(r -> r.state() == Remeasure.State.NO_DATA ? "due " + Dates.day(r.due()) + "; no data yet"
                        : "due " + Dates.day(r.due()))
                .findFirst().orElse(held.label());
    }
}
