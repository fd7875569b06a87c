package kpo.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * An improvement event (a rapid process improvement workshop, a kaizen event, a 5S, a value stream
 * analysis, a project) and what became of it: its before and target figures for each measure it
 * set out to move, and the re-measures at 30, 60 and 90 days that say whether the change held.
 *
 * @param id the event's id in the config ("E1")
 * @param type what kind of event it was
 * @param title what it was about
 * @param date the first day of the week it ran
 * @param commitmentId the trust commitment it serves
 * @param a3Id the CSU A3 it serves as well, or null
 * @param sponsor who sponsored it
 * @param processOwner who owns the process it changed
 * @param status planned, done, sustaining or abandoned
 * @param reportOut what the team reported out at its end (may be blank)
 * @param measures each measure it set out to move, with its re-measures
 */
public record ImprovementEvent(String id, Type type, String title, LocalDate date, String commitmentId, String a3Id,
        String sponsor, String processOwner, Status status, String reportOut, List<EventMeasure> measures) {

    /** The kinds of event a KPO runs. */
    public enum Type {
        RPIW("Rapid process improvement workshop"), KAIZEN("Kaizen event"), FIVE_S("5S event"),
        VALUE_STREAM("Value stream analysis"), PROJECT("Improvement project");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The config's code: rpiw, kaizen, 5s, value_stream, project. */
        public String code() {
            return this == FIVE_S ? "5s" : name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where an event stands. */
    public enum Status {
        PLANNED, DONE, SUSTAINING, ABANDONED;

        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the event has run (done, sustaining): its measures are re-measured. */
        public boolean ran() {
            return this == DONE || this == SUSTAINING;
        }

        /** Whether the event took place at all (not planned): its week is marked on its measures' charts. */
        public boolean happened() {
            return this != PLANNED;
        }
    }

    /** Whether an event's measures held at 90 days, in words for the portfolio. */
    public enum Held {
        /** Every measure's 90-day re-measure meets its target (or, with none, beats its baseline). */
        HELD("Held"),
        /** Every measure's 90-day re-measure is better than before, but not every one at its target. */
        IMPROVED("Better than before, short of target"),
        /** Some did, some did not. */
        PARTLY("Partly held"),
        /** None did. */
        NOT_HELD("Not held"),
        /** A 90-day re-measure is not yet due, or has no data yet. */
        NOT_YET("Not yet due"),
        /** The event is planned or was abandoned, or names no measure. */
        NONE("–");

        private final String label;

        Held(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ImprovementEvent {
        Checks.text(id, "event id");
        Checks.required(type, "event type");
        Checks.text(title, "event title");
        Checks.required(date, "event date");
        Checks.text(commitmentId, "event commitment");
        sponsor = Checks.optional(sponsor);
        processOwner = Checks.optional(processOwner);
        Checks.required(status, "event status");
        reportOut = Checks.optional(reportOut);
        measures = List.copyOf(measures);
    }

    /** Whether it has run: done or sustaining (an abandoned event's measures are not re-measured). */
    public boolean ran() {
        return status.ran();
    }

    /** Whether its measures held at 90 days. */
    public Held held() {
        if (!ran() || measures.isEmpty()) {
            return Held.NONE;
        }
        int held = 0;
        int better = 0;
        for (EventMeasure m : measures) {
            Remeasure last = m.remeasure(90);
            if (last == null || last.state() != Remeasure.State.MEASURED) {
                return Held.NOT_YET;
            }
            held += m.held(last) ? 1 : 0;
            better += m.held(last) || m.betterThanBaseline(last.value()) ? 1 : 0;
        }
        if (held == measures.size()) {
            return Held.HELD;
        }
        return better == measures.size() ? Held.IMPROVED : better == 0 ? Held.NOT_HELD : Held.PARTLY;
    }
}
