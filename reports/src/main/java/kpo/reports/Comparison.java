package kpo.reports;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import kpo.spc.Improvement;
import kpo.spc.funnel.FunnelPoint;
import kpo.spc.funnel.FunnelResult;

/**
 * Units compared on a funnel plot: one measure's numerators and denominators of every site, CSU,
 * specialty or trust over a span, each unit's value against the pooled value with limits that
 * widen as units get smaller. It answers the board's question after "is it changing?": is this
 * unit different from the rest, given its size?
 *
 * @param id unique in the pack ({@code trust_cancel:csu})
 * @param measureIds the pack measures it compares (a trust's measure compared across its sites;
 *     in a system pack, each trust's measure of the same catalogue measure), whose pages link here
 * @param title the measure compared ("Cancellation rate, all theatre cases")
 * @param unitType the kind of unit compared: trust, site, csu or specialty
 * @param span the months counted, in words ("Nov 2024 to Oct 2025"), or the month of a snapshot
 * @param snapshot whether the values are one month's snapshot (a waiting list at the month's end)
 *     rather than counts summed over the span
 * @param unit how values print (a proportion as a percentage)
 * @param multiply the factor values are shown at (1000 for a rate per 1,000), as on the measure's chart
 * @param improvement which direction is better, so that a unit beyond a limit on the worse side is
 *     called worse (and only then)
 * @param highlight the unit of the measure compared, named on the chart, or null (a trust measure
 *     compared across its sites)
 * @param funnel the funnel: target, limits, every unit's value and z-score
 * @param hidden units whose numerator or denominator is a small number in a published pack: not
 *     drawn, their values shown as "*" (they still count in the pooled value, which is a total)
 */
public record Comparison(String id, List<String> measureIds, String title, String unitType, String span,
        boolean snapshot, Unit unit, double multiply, Improvement improvement, String highlight, FunnelResult funnel,
        Set<String> hidden) {

    public Comparison {
        Checks.text(id, "comparison id");
        measureIds = List.copyOf(measureIds);
        Checks.text(title, "comparison title");
        Checks.text(unitType, "comparison unit type");
        unitType = unitType.toLowerCase(Locale.ROOT);
        Checks.text(span, "comparison span");
        Checks.required(unit, "comparison unit");
        Checks.required(improvement, "comparison improvement");
        Checks.required(funnel, "comparison funnel");
        hidden = Set.copyOf(hidden);
        if (!(multiply > 0)) {
            throw new IllegalArgumentException("comparison " + id + ": multiply must be above 0; got " + multiply);
        }
    }

    /** The units in words, plural: "sites", "CSUs", "specialties", "trusts". */
    public String plural() {
        return plural(unitType);
    }

    /** A kind of unit ({@code site}, {@code csu}, …) in words, plural. */
    public static String plural(String unitType) {
        return switch (unitType) {
            case "csu" -> "CSUs";
            case "specialty" -> "specialties";
            default -> unitType + "s";
        };
    }

    /** One unit in words: "site", "CSU", "specialty", "trust". */
    public String singular() {
        return unitType.equals("csu") ? "CSU" : unitType;
    }

    /** Whether {@code point}'s value is hidden as a small number. */
    public boolean hidden(FunnelPoint point) {
        return hidden.contains(point.unit());
    }

    /** The widest pair of limits drawn (0.998 by default): the one a unit must pass to be called worse or better. */
    public double widest() {
        List<Double> levels = funnel.spec().levels();
        return levels.get(levels.size() - 1);
    }

    /**
     * Whether {@code point} lies beyond the widest limits on the worse side: above them for a measure
     * where lower is better, below them where higher is; never for a neutral measure. A unit beyond a
     * narrower pair only is not called worse: chance alone puts about 1 in 20 beyond 95% limits.
     */
    public boolean worse(FunnelPoint point) {
        return point.outlier() && point.beyond() == widest() && (improvement == Improvement.DECREASE
                && point.side() > 0 || improvement == Improvement.INCREASE && point.side() < 0);
    }

    /** Whether {@code point} lies beyond the widest limits on the better side. */
    public boolean better(FunnelPoint point) {
        return point.outlier() && point.beyond() == widest() && (improvement == Improvement.DECREASE
                && point.side() < 0 || improvement == Improvement.INCREASE && point.side() > 0);
    }
}
