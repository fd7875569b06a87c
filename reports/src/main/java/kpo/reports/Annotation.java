package kpo.reports;

import java.time.LocalDate;

/**
 * A PDSA cycle or intervention marked on a measure's chart at its date.
 *
 * @param date when the change was made
 * @param label a few words, e.g. "PDSA 2: text-message reminders"
 */
public record Annotation(LocalDate date, String label) {

    public Annotation {
        Checks.required(date, "annotation date");
        Checks.text(label, "annotation label");
    }
}
