package kpo.reports;

/**
 * Rows of one source rejected for one reason.
 *
 * @param reason the ingest reason code, e.g. {@code clock_start_after_snapshot}
 * @param description the reason in words for the appendix
 * @param rows how many rows
 */
public record RejectCount(String reason, String description, long rows) {

    public RejectCount {
        Checks.text(reason, "reject reason");
        description = Checks.optional(description);
        Checks.count(rows, "rejected rows for " + reason);
    }
}
