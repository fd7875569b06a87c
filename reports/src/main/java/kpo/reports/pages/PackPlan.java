package kpo.reports.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kpo.reports.BoardPack;
import kpo.reports.Commitment;
import kpo.reports.Comparison;
import kpo.reports.ImprovementEvent;
import kpo.reports.MeasureReport;
import kpo.reports.narrative.Attention;

/**
 * What one pack shows and in which order: for the trust pack, the trust's commitments and every
 * measure; for a CSU pack, that CSU's local A3s, its own measures and those its A3s track. The
 * summary groups measures under their commitments with the most urgent first, and the measure pages
 * follow the summary's order, so a reader turning pages meets them as the summary lists them.
 */
public final class PackPlan {

    /**
     * A summary group: a commitment and its measures, or measures under no commitment, under their
     * domain (null for none).
     */
    public record Group(Commitment commitment, String domain, List<MeasureReport> measures) {
    }

    /** A small-multiples grid: a title and its measures, most urgent first. */
    public record Multiples(String title, String key, List<MeasureReport> measures) {
    }

    private final BoardPack pack;
    private final String csu;
    private final List<Commitment> a3s;
    private final List<Group> groups;
    private final List<MeasureReport> measures;
    private final List<Multiples> multiples;
    private final List<Comparison> comparisons;
    private final List<ImprovementEvent> events;

    private PackPlan(BoardPack pack, String csu) {
        this.pack = pack;
        this.csu = csu;
        if (csu == null) {
            a3s = pack.trustCommitments();
        } else {
            a3s = pack.commitments().stream().filter(c -> csu.equals(c.csu())).toList();
        }
        Set<String> tracked = new LinkedHashSet<>();
        a3s.forEach(c -> tracked.addAll(c.measureIds()));
        List<MeasureReport> inScope = pack.measures().stream()
                .filter(m -> csu == null || csu.equals(m.csu()) || tracked.contains(m.id())).toList();
        if (csu != null && inScope.isEmpty() && a3s.isEmpty()) {
            throw new IllegalArgumentException("CSU '" + csu + "' has no measures or local A3s in the pack; the CSUs "
                    + "are " + pack.csus());
        }
        groups = new ArrayList<>();
        Set<MeasureReport> placed = new LinkedHashSet<>();
        for (Commitment commitment : a3s) {
            List<MeasureReport> own = commitment.measureIds().stream().map(pack::measure)
                    .sorted(Attention.ORDER).toList();
            groups.add(new Group(commitment, null, own));
            placed.addAll(own);
        }
        // Measures under no commitment, by domain in the order the pack first meets each (as SPCreporter
        // lists its domains in report_config's order), those with none last.
        Map<String, List<MeasureReport>> byDomain = new LinkedHashMap<>();
        inScope.stream().filter(m -> !placed.contains(m)).forEach(m -> byDomain
                .computeIfAbsent(m.domain() == null ? "" : m.domain(), k -> new ArrayList<>()).add(m));
        List<MeasureReport> noDomain = byDomain.remove("");
        if (noDomain != null) {
            byDomain.put("", noDomain);
        }
        byDomain.forEach((domain, list) -> {
            List<MeasureReport> sorted = list.stream().sorted(Attention.ORDER).toList();
            groups.add(new Group(null, domain.isEmpty() ? null : domain, sorted));
            placed.addAll(sorted);
        });
        measures = List.copyOf(placed);
        multiples = multiples(csu, measures);
        events = pack.events().stream().filter(e -> csu == null || a3s.stream().anyMatch(c -> c.id().equals(e.a3Id()))
                || e.measures().stream().anyMatch(m -> measures.contains(pack.measure(m.measureId())))).toList();
        comparisons = pack.comparisons().stream()
                .filter(c -> csu == null || c.measureIds().stream().anyMatch(id -> measures.contains(pack.measure(id))))
                .toList();
    }

    /** The trust pack. */
    public static PackPlan trust(BoardPack pack) {
        return new PackPlan(pack, null);
    }

    /** The pack of {@code csu}. */
    public static PackPlan csu(BoardPack pack, String csu) {
        return new PackPlan(pack, csu);
    }

    /**
     * Small multiples: the trust pack has a grid per CSU (trust-wide measures in their own); a CSU
     * pack has a grid per specialty. Grids of a single measure say nothing a measure page does not,
     * so they are left out, but for a CSU's in the trust pack: every CSU with measures is listed.
     */
    private static List<Multiples> multiples(String csu, List<MeasureReport> measures) {
        Map<String, List<MeasureReport>> byKey = new TreeMap<>();
        for (MeasureReport m : measures) {
            String key = csu == null ? (m.csu() == null ? "Trust-wide" : m.csu())
                    : (m.specialty() == null ? "All specialties" : m.specialty());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        List<Multiples> grids = new ArrayList<>();
        byKey.forEach((key, list) -> {
            // Every CSU with a pack of its own has its grid, even of one measure, so the board sees
            // each CSU here; elsewhere a grid of one says nothing a measure page does not.
            boolean csuWithPack = csu == null && !key.equals("Trust-wide");
            if (list.size() > 1 || csuWithPack) {
                String title = csu == null && !key.equals("Trust-wide") ? key + " CSU" : key;
                grids.add(new Multiples(title, key, list.stream().sorted(Attention.ORDER).toList()));
            }
        });
        return grids;
    }

    public BoardPack pack() {
        return pack;
    }

    /** The CSU, or null for the trust pack. */
    public String csu() {
        return csu;
    }

    public boolean trustPack() {
        return csu == null;
    }

    /** The A3 pages, in order. */
    public List<Commitment> a3s() {
        return a3s;
    }

    /** The summary's groups, in order. */
    public List<Group> groups() {
        return groups;
    }

    /** The measures, each once, in the summary's order. */
    public List<MeasureReport> measures() {
        return measures;
    }

    public List<Multiples> multiples() {
        return multiples;
    }

    /** The improvement events: every one in the trust pack; in a CSU pack, those of its A3s or its measures. */
    public List<ImprovementEvent> events() {
        return events;
    }

    /** The funnel pages: every comparison of the trust pack; in a CSU pack, those of its measures. */
    public List<Comparison> comparisons() {
        return comparisons;
    }

    /** Every commitment in the whole pack that tracks {@code measure}, trust ones first. */
    public List<Commitment> allCommitmentsOf(MeasureReport measure) {
        return pack.commitments().stream().filter(c -> c.measureIds().contains(measure.id())).toList();
    }

    /** The link target of a measure's page. */
    public static String destination(MeasureReport measure) {
        return "measure:" + measure.id();
    }

    /** The link target of a commitment's A3 page. */
    public static String destination(Commitment commitment) {
        return "a3:" + commitment.id();
    }
}
