package kpo.reports;

/**
 * The owner's rating of a measure's data, printed on its page and in the data-quality appendix. The
 * scale follows the common NHS data-quality kitemark: how far the board can rely on the numbers.
 */
public enum DataQualityRating {
    GOOD("Good", "validated at source, complete and timely"),
    REASONABLE("Reasonable", "minor known gaps or lags that do not change the picture"),
    LIMITED("Limited", "known gaps or definitional issues: read the trend, not the exact level"),
    POOR("Poor", "not yet reliable enough to act on"),
    NOT_RATED("Not rated", "no data-quality assessment yet");

    private final String label;
    private final String meaning;

    DataQualityRating(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }
}
