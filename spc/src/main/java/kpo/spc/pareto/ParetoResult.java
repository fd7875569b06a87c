package kpo.spc.pareto;

import java.util.List;

/**
 * A Pareto of reasons: the bars in order (most frequent first, the rest as one "other" bar last),
 * the total, how many distinct reasons there were, and the vital few: the fewest reasons, most
 * frequent first, that together make at least {@link Pareto#VITAL_SHARE} of the total.
 */
public record ParetoResult(long total, int distinct, List<ParetoItem> items, List<String> vitalFew) {

    public ParetoResult {
        items = List.copyOf(items);
        vitalFew = List.copyOf(vitalFew);
    }
}
