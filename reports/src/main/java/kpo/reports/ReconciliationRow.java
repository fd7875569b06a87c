package kpo.reports;

/**
 * One line of a reconciliation, e.g. a treatment function.
 *
 * @param code e.g. {@code C_110}
 * @param name e.g. "Trauma and Orthopaedic Service"
 * @param engine the engine's figure
 * @param published the published figure
 */
public record ReconciliationRow(String code, String name, long engine, long published) {

    public ReconciliationRow {
        Checks.text(code, "reconciliation row code");
        name = Checks.optional(name);
    }

    /** Published minus engine. */
    public long difference() {
        return published - engine;
    }
}
