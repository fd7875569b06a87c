package kpo.jobs.run;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kpo.ingest.measures.Aggregate;
import kpo.ingest.measures.MeasureCatalogue;
import kpo.ingest.measures.MeasureDefinition;
import kpo.ingest.measures.SeriesRow;
import kpo.ingest.measures.UnitType;
import kpo.ingest.nhs.TreatmentFunctions;
import kpo.ingest.source.SourceKind;
import kpo.reports.Comparison;
import kpo.reports.SmallNumbers;
import kpo.reports.Unit;
import kpo.reports.format.Dates;
import kpo.spc.ChartSpec;
import kpo.spc.Improvement;
import kpo.spc.funnel.Funnel;
import kpo.spc.funnel.FunnelKind;
import kpo.spc.funnel.FunnelResult;
import kpo.spc.funnel.FunnelSpec;
import kpo.spc.funnel.FunnelUnit;
import kpo.spc.funnel.Overdispersion;

/**
 * The funnel plots of a pack, from the series rows every run already has: a trust's, for each
 * measure whose config says {@code compare: [site, csu, …]}, its catalogue measure's numerators and
 * denominators of every unit of each kind, summed over the months to the reporting month; a
 * system's, for every rate two or more of its trusts chart trust-wide, the trusts' own.
 *
 * <p>A waiting-list measure is a monthly snapshot of the same patients: summing a year of them would
 * count each patient up to twelve times and draw limits far too narrow, so its funnel takes the
 * reporting month's snapshot alone.
 */
final class Comparisons {

    /**
     * The comparisons made, and a sentence for each that could not be (fewer than two units with a
     * denominator in the span, or nothing to compare: every unit at 0%).
     */
    record Made(List<Comparison> comparisons, List<String> skipped) {
    }

    /** One trust of a system: its code, its config, its series rows and its measures' definitions. */
    record Member(String code, CheckedConfig config, List<SeriesRow> rows, MeasureCatalogue catalogue) {
    }

    /** A trust's measure of a catalogue measure, charted trust-wide. */
    private record Charted(Member trust, PackMeasure measure) {
    }

    private Comparisons() {
    }

    /**
     * Why config measure {@code m} cannot be compared as it asks, with the catalogue's definition of
     * its measure: only a rate has a numerator and denominator for each unit, and only the kinds of
     * unit the definition is computed for are there. Empty when it can.
     */
    static List<String> problems(PackMeasure m, MeasureDefinition d) {
        List<String> problems = new ArrayList<>();
        if (m.compare().isEmpty()) {
            return problems;
        }
        if (d.aggregate() != Aggregate.RATE) {
            problems.add("measure '" + m.id() + "' compares its units, but catalogue measure " + d.id() + " is a "
                    + d.aggregate().code() + ": a funnel plot compares a rate (a numerator over a denominator)");
            return problems;
        }
        for (UnitType unit : m.compare()) {
            if (!d.units().contains(unit)) {
                problems.add("measure '" + m.id() + "' compares by " + unit.code() + ", but catalogue measure "
                        + d.id() + " is computed for " + String.join(", ", d.units().stream().map(UnitType::code)
                                .toList()) + " only");
            }
        }
        return problems;
    }

    /**
     * The comparisons of a trust's pack, in the config's order of measures, then of {@code compare}.
     *
     * @param definitions the catalogue measures the run computed, by id
     */
    static Made ofTrust(CheckedConfig config, YearMonth period, List<SeriesRow> rows, SmallNumbers small,
            TreatmentFunctions treatmentFunctions, Map<String, MeasureDefinition> definitions) {
        List<Comparison> comparisons = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (PackMeasure m : config.measures()) {
            boolean snapshot = snapshot(java.util.Optional.ofNullable(definitions.get(m.measure())));
            int months = snapshot ? 1 : m.compareMonths();
            for (UnitType compared : m.compare()) {
                String type = compared.code();
                Map<String, double[]> totals = totals(rows, m.measure(), type, null, period, months);
                Map<String, double[]> named = new TreeMap<>();
                totals.forEach((code, sums) -> named.put(name(type, code, treatmentFunctions), sums));
                String highlight = compared == m.unitType() ? name(type, m.unitCode(), treatmentFunctions) : null;
                String id = m.id() + ":" + type;
                Comparison c = comparison(id, List.of(m.id()), m.title(), type, period, months, snapshot, m.units(),
                        m.spec(), m.overdispersion(), highlight, named, small, skipped);
                if (c != null) {
                    comparisons.add(c);
                }
            }
        }
        return new Made(comparisons, skipped);
    }

    /**
     * The comparisons of a system's pack: for each catalogue rate that two or more trusts chart
     * trust-wide, every such trust's numerator over its denominator. The pack measures compared are
     * the trusts' measures of it, under the system pack's ids ({@code RR8.trust_cancel}); the title,
     * units and direction are the first trust's (neutral where the trusts' directions differ).
     */
    static Made ofSystem(List<Member> trusts, YearMonth period, SmallNumbers small) {
        Map<String, List<Charted>> byMeasure = new LinkedHashMap<>();
        for (Member t : trusts) {
            for (PackMeasure m : t.config().measures()) {
                if (m.unitType() == UnitType.TRUST && m.unitCode().equals(t.code())
                        && t.rows().stream().anyMatch(r -> r.measureId().equals(m.measure())
                                && r.unitType().equals("trust") && r.denominator() != null)) {
                    byMeasure.computeIfAbsent(m.measure(), k -> new ArrayList<>()).add(new Charted(t, m));
                }
            }
        }
        List<Comparison> comparisons = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        byMeasure.forEach((measure, list) -> {
            Set<String> codes = new TreeSet<>();
            list.forEach(c -> codes.add(c.trust().code()));
            if (codes.size() < 2) {
                return;
            }
            PackMeasure first = list.get(0).measure();
            Improvement direction = first.spec().improvement();
            boolean agreed = list.stream().allMatch(c -> c.measure().spec().improvement() == direction);
            boolean snapshot = snapshot(list.get(0).trust().catalogue().get(measure));
            int months = snapshot ? 1 : PackMeasure.DEFAULT_COMPARE_MONTHS;
            Map<String, double[]> named = new TreeMap<>();
            for (Member t : trusts) {
                if (codes.contains(t.code())) {
                    named.putAll(totals(t.rows(), measure, "trust", t.code(), period, months));
                }
            }
            List<String> ids = list.stream().map(c -> c.trust().code() + "." + c.measure().id()).toList();
            ChartSpec spec = first.spec().improvement(agreed ? direction : Improvement.NEUTRAL);
            Comparison c = comparison(measure + ":trust", ids, first.title(), "trust", period, months, snapshot,
                    first.units(), spec, Overdispersion.NONE, null, named, small, skipped);
            if (c != null) {
                comparisons.add(c);
            }
        });
        return new Made(comparisons, skipped);
    }

    /** Each unit's summed numerator and denominator over the span, by unit code (only {@code code}'s if given). */
    private static Map<String, double[]> totals(List<SeriesRow> rows, String measure, String type, String code,
            YearMonth period, int months) {
        LocalDate from = period.minusMonths(months - 1L).atDay(1);
        LocalDate to = period.atEndOfMonth();
        Map<String, double[]> totals = new TreeMap<>();
        for (SeriesRow r : rows) {
            if (r.measureId().equals(measure) && r.unitType().equals(type) && (code == null || r.unitCode()
                    .equals(code)) && r.numerator() != null && r.denominator() != null
                    && !r.period().isBefore(from) && !r.period().isAfter(to)) {
                double[] sums = totals.computeIfAbsent(r.unitCode(), k -> new double[2]);
                sums[0] += r.numerator();
                sums[1] += r.denominator();
            }
        }
        return totals;
    }

    /** Whether a catalogue measure is a snapshot (the waiting list at each month's end). */
    private static boolean snapshot(java.util.Optional<MeasureDefinition> definition) {
        return definition.map(d -> d.source() == SourceKind.WAITING_LIST).orElse(false);
    }

    private static Comparison comparison(String id, List<String> measureIds, String title, String type,
            YearMonth period, int months, boolean snapshot, Unit unit, ChartSpec spec, Overdispersion method,
            String highlight, Map<String, double[]> named, SmallNumbers small, List<String> skipped) {
        List<FunnelUnit> units = new ArrayList<>();
        Set<String> hidden = new TreeSet<>();
        named.forEach((name, sums) -> {
            if (sums[1] > 0) {
                units.add(new FunnelUnit(name, sums[0], sums[1]));
                if (small.hides(sums[0]) || small.hides(sums[1])) {
                    hidden.add(name);
                }
            }
        });
        String span = months == 1 ? Dates.shortMonth(period) : Dates.shortMonth(period.minusMonths(months - 1L))
                + " to " + Dates.shortMonth(period);
        String plural = Comparison.plural(type);
        if (units.size() < 2) {
            skipped.add(title + " is not compared across " + plural + ": " + units.size() + " of them had cases in "
                    + span + ", and a funnel plot needs two or more");
            return null;
        }
        FunnelKind kind = unit == Unit.RATE ? FunnelKind.RATE : FunnelKind.PROPORTION;
        double numerators = units.stream().mapToDouble(FunnelUnit::numerator).sum();
        double denominators = units.stream().mapToDouble(FunnelUnit::denominator).sum();
        if (numerators == 0 || kind == FunnelKind.PROPORTION && numerators == denominators) {
            skipped.add(title + " is not compared across " + plural + " over " + span + ": every one of them is at "
                    + (numerators == 0 ? "0" : "100%") + ", so there is nothing to tell them apart");
            return null;
        }
        FunnelResult funnel;
        try {
            funnel = Funnel.of(FunnelSpec.of(kind).overdispersion(method), units);
        } catch (IllegalArgumentException e) {
            skipped.add(title + " is not compared across " + plural + " over " + span + ": " + e.getMessage());
            return null;
        }
        return new Comparison(id, measureIds, title, type.toLowerCase(Locale.ROOT), span, snapshot, unit,
                spec.multiply(),
                spec.improvement(), highlight != null && named.containsKey(highlight) ? highlight : null, funnel,
                hidden);
    }

    /** A unit as the pack names it: a specialty by its treatment function's name and code, others by their code. */
    private static String name(String type, String code, TreatmentFunctions treatmentFunctions) {
        return type.equals("specialty") ? PackAssembler.specialty(code, treatmentFunctions) : code;
    }
}
