package kpo.reports;

import java.time.LocalDate;

/**
 * A measure's value some days after an improvement event: the value of the period that holds that
 * day (for individual values, the median of the values dated in that month), or why there is none
 * yet. A re-measure not yet due is shown as due on its date, never guessed.
 *
 * @param days 30, 60 or 90
 * @param due the event's date plus {@code days}
 * @param state measured, due but with no data for its period yet, or not yet due
 * @param period the first day of the period that holds the due day (null when not yet due)
 * @param value the value (NaN unless measured)
 * @param points how many values the value is the median of (1 for an aggregated series)
 */
public record Remeasure(int days, LocalDate due, State state, LocalDate period, double value, int points) {

    /** Where a re-measure stands. */
    public enum State {
        MEASURED, NO_DATA, NOT_DUE
    }

    public Remeasure {
        Checks.required(due, "re-measure due date");
        Checks.required(state, "re-measure state");
    }
}
