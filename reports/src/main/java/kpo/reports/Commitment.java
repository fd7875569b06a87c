package kpo.reports;

import java.util.List;

/**
 * An annual commitment and its A3: the trust's (no CSU) or a CSU's local A3 aligned to one of the
 * trust's.
 *
 * @param id a stable key, e.g. {@code C1} or {@code C1-CHILD}
 * @param title e.g. "No child waits over 52 weeks for treatment"
 * @param executiveSponsor the executive who owns it
 * @param problem the problem statement
 * @param targetCondition the target condition, in words
 * @param measureIds the measures that show progress; the first is the headline measure
 * @param countermeasures the countermeasure plan
 * @param pdsaCycles the PDSA cycles run so far
 * @param csu the CSU for a local A3, or null for a trust commitment
 * @param alignedTo for a local A3, the id of the trust commitment it supports; otherwise null
 */
public record Commitment(String id, String title, String executiveSponsor, String problem, String targetCondition,
        List<String> measureIds, List<Countermeasure> countermeasures, List<PdsaCycle> pdsaCycles, String csu,
        String alignedTo) {

    public Commitment {
        Checks.text(id, "commitment id");
        Checks.text(title, "commitment " + id + " title");
        Checks.text(executiveSponsor, "commitment " + id + " executive sponsor");
        problem = Checks.optional(problem);
        targetCondition = Checks.optional(targetCondition);
        measureIds = List.copyOf(measureIds);
        countermeasures = List.copyOf(countermeasures);
        pdsaCycles = List.copyOf(pdsaCycles);
        csu = csu == null || csu.isBlank() ? null : csu;
        alignedTo = alignedTo == null || alignedTo.isBlank() ? null : alignedTo;
    }

    /** A trust commitment (no CSU) with no aligned parent. */
    public static Commitment trust(String id, String title, String executiveSponsor, String problem,
            String targetCondition, List<String> measureIds, List<Countermeasure> countermeasures,
            List<PdsaCycle> pdsaCycles) {
        return new Commitment(id, title, executiveSponsor, problem, targetCondition, measureIds, countermeasures,
                pdsaCycles, null, null);
    }

    /** Whether this is a CSU's local A3 rather than a trust commitment. */
    public boolean local() {
        return csu != null;
    }
}
