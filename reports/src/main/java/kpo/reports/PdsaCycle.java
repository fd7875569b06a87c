package kpo.reports;

import java.time.LocalDate;

/**
 * A Plan–Do–Study–Act cycle on an A3.
 *
 * @param number the cycle's number within the commitment, from 1
 * @param change the change being tested
 * @param started when the test began
 * @param ended when the study finished, or null while it runs
 * @param stage the stage it has reached
 * @param decision adopt, adapt or abandon once studied, or null before
 * @param learning what was learnt (may be blank)
 */
public record PdsaCycle(int number, String change, LocalDate started, LocalDate ended, Stage stage,
        Decision decision, String learning) {

    public PdsaCycle {
        if (number < 1) {
            throw new IllegalArgumentException("PDSA cycle number must be 1 or more; got " + number);
        }
        Checks.text(change, "PDSA change");
        Checks.required(started, "PDSA start date");
        Checks.required(stage, "PDSA stage");
        if (ended != null && ended.isBefore(started)) {
            throw new IllegalArgumentException("PDSA cycle " + number + " ends (" + ended + ") before it starts ("
                    + started + ")");
        }
        learning = Checks.optional(learning);
    }

    public enum Stage {
        PLAN("Plan"), DO("Do"), STUDY("Study"), ACT("Act");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Decision {
        ADOPT("Adopt"), ADAPT("Adapt"), ABANDON("Abandon");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
