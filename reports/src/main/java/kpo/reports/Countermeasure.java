package kpo.reports;

import java.time.LocalDate;

/**
 * One line of an A3's countermeasure plan.
 *
 * @param action what will be done
 * @param owner who does it
 * @param due when it is due
 * @param status where it stands
 */
public record Countermeasure(String action, String owner, LocalDate due, Status status) {

    public Countermeasure {
        Checks.text(action, "countermeasure action");
        owner = Checks.optional(owner);
        Checks.required(due, "countermeasure due date");
        Checks.required(status, "countermeasure status");
    }

    /** Whether it is past due at {@code asAt} and not done: the A3 prints it as overdue. */
    public boolean overdue(LocalDate asAt) {
        return status != Status.DONE && due.isBefore(asAt);
    }

    /** Where a countermeasure stands. */
    public enum Status {
        PLANNED("Planned"), IN_PROGRESS("In progress"), DONE("Done");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
