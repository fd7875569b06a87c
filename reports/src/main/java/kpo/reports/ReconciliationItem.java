package kpo.reports;

/**
 * One reason why the engine's figure differs from the published one.
 *
 * @param cause what kind of reason it is
 * @param explanation the reason in words, e.g. "Clock start after the census date"
 * @param count how many more the published figure counts because of it (negative when the engine
 *     counts more)
 */
public record ReconciliationItem(Cause cause, String explanation, long count) {

    public ReconciliationItem {
        Checks.required(cause, "reconciliation cause");
        Checks.text(explanation, "reconciliation explanation");
    }

    /** The kinds of difference a reconciliation explains. */
    public enum Cause {
        /** Rows the engine rejected at ingest (the data-quality appendix lists them). */
        REJECTED_AT_INGEST("Rejected at ingest"),
        /** The two figures count different things (list types, sites, census day). */
        DEFINITION("Definition"),
        /** The figures were taken at different times (late validation, resubmission). */
        TIMING("Timing");

        private final String label;

        Cause(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
