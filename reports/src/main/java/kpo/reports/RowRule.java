package kpo.reports;

/**
 * One rule every row of a source is checked against, as the data-quality appendix lists it.
 *
 * @param column the column it is reported against, in the file's own name
 * @param rule what it asks, in a data owner's words
 * @param reason the reason code a row that fails is rejected with
 */
public record RowRule(String column, String rule, String reason) {

    public RowRule {
        Checks.text(column, "rule column");
        Checks.text(rule, "rule");
        Checks.text(reason, "rule reason");
    }
}
