package kpo.reports;

import kpo.spc.pareto.ParetoResult;

/**
 * The reasons behind a measure's rows over a span, as a Pareto for its commitment's A3 (the reasons
 * given for the cancellations a measure counts, over the last 12 months).
 *
 * @param span the months counted, in words (e.g. "Nov 2024 to Oct 2025")
 * @param pareto the counts, most frequent first
 */
public record Reasons(String span, ParetoResult pareto) {

    public Reasons {
        Checks.text(span, "reasons span");
        Checks.required(pareto, "reasons pareto");
    }
}
