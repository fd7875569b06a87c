package kpo.spc.pareto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts reasons into a Pareto: reasons are grouped by their exact text after trimming and
 * case-folding ("No bed " and "no bed" are one reason; "No beds" is another: the words are the
 * team's, and merging near-spellings is a judgement the tool does not make), each group shown as its
 * most frequent spelling; a blank reason is counted as {@link #NO_REASON}, never dropped. Bars are
 * ordered by count, then by reason; past the top {@code n}, the rest are one "Other" bar, last.
 *
 * <p>The vital few are the reasons, most frequent first, counted until together they make at least
 * 80% of the total: a reason is vital when the reasons before it make less than 80%. Ties at the
 * boundary are broken by the same order as the bars, so the list is the same on every run.
 */
public final class Pareto {

    /** The share the vital few make together: 80%, the Pareto principle. */
    public static final double VITAL_SHARE = 0.8;
    /** How a blank reason is shown. */
    public static final String NO_REASON = "(no reason given)";
    /** The bars shown by default before "Other". */
    public static final int DEFAULT_TOP = 10;

    private Pareto() {
    }

    /** A Pareto of {@code reasons}, one occurrence each. */
    public static ParetoResult of(List<String> reasons, int top) {
        List<Count> counts = new ArrayList<>(reasons.size());
        for (String reason : reasons) {
            counts.add(new Count(reason, 1));
        }
        return ofCounts(counts, top);
    }

    /** A reason and how many times it was given (a row of an already counted table). */
    public record Count(String reason, long count) {
        public Count {
            if (count < 0) {
                throw new IllegalArgumentException("a count cannot be negative: " + count);
            }
            reason = reason == null ? "" : reason;
        }
    }

    /** A Pareto of counted reasons; the same reason may come in several rows, which are added up. */
    public static ParetoResult ofCounts(List<Count> counts, int top) {
        if (top < 1) {
            throw new IllegalArgumentException("the number of reasons shown must be at least 1, not " + top);
        }
        Map<String, Long> byKey = new HashMap<>();
        Map<String, Map<String, Long>> spellings = new HashMap<>();
        long total = 0;
        for (Count c : counts) {
            String written = c.reason().strip();
            String key = fold(written);
            byKey.merge(key, c.count(), Long::sum);
            spellings.computeIfAbsent(key, k -> new TreeMap<>()).merge(written, c.count(), Long::sum);
            total = Math.addExact(total, c.count());
        }
        List<Group> groups = new ArrayList<>();
        byKey.forEach((key, count) -> groups.add(new Group(label(key, spellings.get(key)), key, count)));
        groups.sort(Comparator.comparingLong(Group::count).reversed().thenComparing(Group::key));
        if (total == 0) {
            return new ParetoResult(0, groups.size(), List.of(), List.of());
        }
        List<String> vital = new ArrayList<>();
        long before = 0;
        for (Group g : groups) {
            if ((double) before / total < VITAL_SHARE) {
                vital.add(g.label());
            }
            before += g.count();
        }
        List<ParetoItem> items = new ArrayList<>();
        long running = 0;
        int shown = Math.min(top, groups.size());
        // One reason past the top is shown as itself: an "Other" bar of one reason would hide its name.
        if (groups.size() == top + 1) {
            shown = groups.size();
        }
        for (int i = 0; i < shown; i++) {
            Group g = groups.get(i);
            running += g.count();
            items.add(new ParetoItem(i + 1, g.label(), g.count(), (double) g.count() / total, (double) running / total,
                    i < vital.size(), 1));
        }
        if (shown < groups.size()) {
            long rest = total - running;
            int reasons = groups.size() - shown;
            items.add(new ParetoItem(shown + 1, "Other (" + reasons + " reasons)", rest, (double) rest / total, 1.0,
                    false, reasons));
        }
        return new ParetoResult(total, groups.size(), items, vital);
    }

    /**
     * Trimmed text with its case folded: upper then lower case, so that letters whose capitals are
     * two letters (ß, SS) group as one.
     */
    static String fold(String text) {
        return text.strip().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** The most frequent spelling of a reason (the first in text order among equals); blank as {@link #NO_REASON}. */
    private static String label(String key, Map<String, Long> spellings) {
        if (key.isEmpty()) {
            return NO_REASON;
        }
        String best = null;
        long most = -1;
        for (Map.Entry<String, Long> e : spellings.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    private record Group(String label, String key, long count) {
    }
}
