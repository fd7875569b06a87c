package kpo.reports.narrative;

import kpo.reports.MeasureReport;

/**
 * One thing that changed in a measure since last month, for the "what changed" page.
 *
 * @param measure the measure
 * @param level how serious it is
 * @param kind what changed
 * @param text one sentence
 */
public record Change(MeasureReport measure, Level level, Kind kind, String text) {

    /** How serious a change is; the page lists the most serious first. */
    public enum Level {
        CONCERN("Concern"), WATCH("Watch"), INFORMATION("For information"), GOOD_NEWS("Good news");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Kind {
        VARIATION("Variation icon"),
        ASSURANCE("Assurance icon"),
        NEW_SPECIAL_CAUSE("New special cause"),
        STALE("Stale data"),
        REBASE("Rebased"),
        RESTATED("Restated"),
        NEW_MEASURE("New measure");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
