package kpo.reports;

import java.time.YearMonth;
import java.util.List;

/**
 * The engine's figure beside the trust's published return for the same month (e.g. incomplete RTT
 * pathways against NHS England's provider file), with the difference explained. Whatever the
 * explanations do not cover is printed as unexplained: the page never hides a gap.
 *
 * @param title e.g. "RTT waiting list (incomplete pathways)"
 * @param month the month both figures describe
 * @param publishedSource where the published figure comes from, e.g. "NHS England RTT provider
 *     file, April 2026, Part_2"
 * @param engineDefinition what the engine counted, one sentence
 * @param engineTotal the engine's figure
 * @param publishedTotal the published figure
 * @param explanations why they differ
 * @param rows the comparison line by line (e.g. by treatment function), may be empty
 */
public record Reconciliation(String title, YearMonth month, String publishedSource, String engineDefinition,
        long engineTotal, long publishedTotal, List<ReconciliationItem> explanations, List<ReconciliationRow> rows) {

    public Reconciliation {
        Checks.text(title, "reconciliation title");
        Checks.required(month, "reconciliation month");
        Checks.text(publishedSource, "reconciliation published source");
        engineDefinition = Checks.optional(engineDefinition);
        explanations = List.copyOf(explanations);
        rows = List.copyOf(rows);
    }

    /** Published minus engine. */
    public long difference() {
        return publishedTotal - engineTotal;
    }

    /** The part of the difference the explanations do not account for. */
    public long unexplained() {
        return difference() - explanations.stream().mapToLong(ReconciliationItem::count).sum();
    }
}
