package kpo.reports.narrative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kpo.reports.Comparison;
import kpo.reports.SmallNumbers;
import kpo.reports.format.ValueFormat;
import kpo.spc.funnel.FunnelKind;
import kpo.spc.funnel.FunnelPoint;
import kpo.spc.funnel.FunnelResult;
import kpo.spc.funnel.Overdispersion;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * What a funnel plot shows, in words: the pooled value, then the units beyond each pair of limits,
 * widest first, each with its value and size. A unit is called worse or better only beyond a limit,
 * and the limit is named with it; a unit beyond the 95% limits only is named as one that chance alone
 * puts there about 1 time in 20, never as worse. Written from the funnel, so it says what the plot
 * shows.
 */
public final class ComparisonText {

    private ComparisonText() {
    }

    /** How the comparison's values print: as the measure's chart prints them. */
    public static ValueFormat values(Comparison c) {
        double typical = Math.abs(c.funnel().target() * c.multiply());
        int decimals = switch (c.unit()) {
            case PROPORTION -> typical * 100 < 1 ? 2 : 1;
            case PERCENT -> typical < 1 ? 2 : 1;
            default -> typical >= 100 ? 0 : typical >= 10 ? 1 : 2;
        };
        return ValueFormat.of(c.unit(), decimals, c.multiply());
    }

    /** A value of the funnel's scale (numerator over denominator) as printed. */
    public static String value(Comparison c, double value) {
        return values(c).format(value * c.multiply());
    }

    /** A unit's value as printed: "*" where it is a small number in a published pack. */
    public static String value(Comparison c, FunnelPoint p) {
        return c.hidden(p) ? SmallNumbers.SYMBOL : value(c, p.value());
    }

    /** A level as words: "95%", "99.8%". */
    public static String level(double level) {
        return ValueFormat.number(level * 100, level * 100 == Math.rint(level * 100) ? 0 : 1) + "%";
    }

    /** Which pair of limits a unit lies beyond, for a table cell: "above 99.8%", "below 95%", "within". */
    public static String position(Comparison c, FunnelPoint p) {
        if (c.hidden(p)) {
            return SmallNumbers.SYMBOL;
        }
        if (!p.outlier()) {
            return "within";
        }
        return (p.side() > 0 ? "above " : "below ") + level(p.beyond()) + (c.worse(p) ? ": worse"
                : c.better(p) ? ": better" : "");
    }

    /** The narrowest level drawn (0.95 by default). */
    public static double narrowest(Comparison c) {
        return c.funnel().spec().levels().get(0);
    }

    /** The units as the page's sentences name them, widest limits first. */
    public static List<String> sentences(Comparison c) {
        FunnelResult f = c.funnel();
        List<FunnelPoint> shown = f.points().stream().filter(p -> !c.hidden(p)).toList();
        List<String> out = new ArrayList<>();
        out.add("The " + f.points().size() + " " + c.plural() + " together: " + value(c, f.target())
                + (c.snapshot() ? " at the end of " : " over ") + c.span() + ". Each " + c.singular()
                + " is compared with that, allowing for its size: the smaller "
                + "a " + c.singular() + ", the wider the limits chance alone allows it.");
        List<Double> levels = new ArrayList<>(f.spec().levels());
        java.util.Collections.reverse(levels);
        int beyond = 0;
        for (double level : levels) {
            List<FunnelPoint> high = at(shown, level, 1);
            List<FunnelPoint> low = at(shown, level, -1);
            beyond += high.size() + low.size();
            boolean widest = level == c.widest();
            if (widest) {
                sentence(out, c, high, "Above the " + level(level) + " limit");
                sentence(out, c, low, "Below the " + level(level) + " limit");
            } else if (!high.isEmpty() || !low.isEmpty()) {
                List<String> named = new ArrayList<>();
                high.forEach(p -> named.add(named(c, p) + ", higher"));
                low.forEach(p -> named.add(named(c, p) + ", lower"));
                long oneIn = Math.round(1 / (1 - level));
                out.add("Beyond the " + level(level) + " limits but within the " + level(nextWider(c, level))
                        + ", where chance alone puts about 1 " + c.singular() + " in " + oneIn + ": "
                        + String.join("; ", named) + ". Worth watching; not on its own a difference.");
            }
        }
        if (beyond == 0) {
            out.add("Every " + c.singular() + (c.hidden().isEmpty() ? "" : " shown") + " lies within the "
                    + level(narrowest(c)) + " limits: the differences between them are no more than chance "
                    + "explains, given their sizes.");
        } else if (shown.size() > beyond) {
            out.add("The other " + (shown.size() - beyond) + " lie within the " + level(narrowest(c)) + " limits.");
        }
        if (c.highlight() != null) {
            shown.stream().filter(p -> p.unit().equals(c.highlight()) && !p.outlier()).findFirst()
                    .ifPresent(p -> out.add(p.unit() + ", this measure's " + c.singular() + ", is among them at "
                            + value(c, p) + "."));
        }
        if (!c.hidden().isEmpty()) {
            out.add(c.hidden().size() + " " + (c.hidden().size() == 1 ? c.singular() + " has" : c.plural() + " have")
                    + " a small count, suppressed in published outputs: not drawn, though counted in the total.");
        }
        out.add(overdispersion(c));
        return out;
    }

    /** The chart's text alternative: what is plotted, and what the sentences say. */
    public static String description(Comparison c) {
        FunnelResult f = c.funnel();
        List<String> levels = f.spec().levels().stream().map(ComparisonText::level).toList();
        return "Funnel plot of " + c.title() + " by " + c.singular() + ", " + c.span() + ": each " + c.singular()
                + "'s value against its size (its denominator), with the value of all " + c.plural()
                + " together as a line and "
                + String.join(" and ", levels) + " limits curving in as size grows. "
                + String.join(" ", sentences(c));
    }

    /** Units beyond exactly {@code level} on {@code side}, the furthest out first. */
    private static List<FunnelPoint> at(List<FunnelPoint> points, double level, int side) {
        return points.stream().filter(p -> p.beyond() == level && p.side() == side)
                .sorted(Comparator.comparingDouble((FunnelPoint p) -> -Math.abs(p.z()))
                        .thenComparing(FunnelPoint::unit))
                .toList();
    }

    /** "Above the 99.8% limit, worse than chance explains for its size: A (18.9% of 1,204); B (…)." */
    private static void sentence(List<String> out, Comparison c, List<FunnelPoint> points, String where) {
        if (points.isEmpty()) {
            return;
        }
        FunnelPoint first = points.get(0);
        String judged = c.worse(first) ? ", and so worse" : c.better(first) ? ", and so better" : "";
        String direction = first.side() > 0 ? "higher" : "lower";
        out.add(where + ", " + direction + " than chance explains for " + (points.size() == 1 ? "its" : "their")
                + " size" + judged + ": " + String.join("; ", points.stream().map(p -> named(c, p)).toList()) + ".");
    }

    /** A unit's size (its denominator) as printed: "1,204", or "*" where it is hidden as a small number. */
    public static String size(Comparison c, FunnelPoint p) {
        return c.hidden(p) ? SmallNumbers.SYMBOL
                : ValueFormat.number(p.denominator(), p.denominator() == Math.rint(p.denominator()) ? 0 : 1);
    }

    /** "Children's Cardiac Services (18.9% of 1,204)": a unit with its value and size. */
    private static String named(Comparison c, FunnelPoint p) {
        String size = size(c, p);
        return p.unit() + " (" + value(c, p) + (c.funnel().spec().kind() == FunnelKind.PROPORTION ? " of " : " over ")
                + size + ")";
    }

    /** The next wider level drawn than {@code level}. */
    private static double nextWider(Comparison c, double level) {
        return c.funnel().spec().levels().stream().filter(l -> l > level).findFirst().orElse(level);
    }

    /**
     * Whether the units vary more than chance alone would make them, and what the limits do about it.
     * φ is tested as Spiegelhalter (2005) §4.2 does: I·φ against χ² on I − 1 degrees of freedom.
     */
    static String overdispersion(Comparison c) {
        FunnelResult f = c.funnel();
        int units = f.points().size();
        double phi = f.phi();
        String phiText = "φ = " + ValueFormat.number(phi, 2);
        boolean over = units > 1
                && units * phi > new ChiSquaredDistribution(units - 1).inverseCumulativeProbability(0.95);
        Overdispersion method = f.spec().overdispersion();
        if (method == Overdispersion.NONE) {
            return over ? "The " + c.plural() + " vary more than chance alone would make them (" + phiText
                    + ", against 1 for chance): lasting differences between them (case mix, how each works) put "
                    + "more outside the limits than chance would, and the limits here allow for chance only."
                    : "They vary about as much as chance alone would make them (" + phiText + "), so the limits "
                            + "allow for chance only.";
        }
        String how = switch (method) {
            case MULTIPLICATIVE -> phi > 1 ? "widened by √φ (Spiegelhalter 2005)" : "not narrowed, as φ is not above 1";
            case ADDITIVE -> "widened by the variation between " + c.plural() + " beyond chance (additive random "
                    + "effects, Spiegelhalter 2005)";
            case LANEY -> "scaled by Laney's σz = " + ValueFormat.number(f.scale(), 2) + " (Laney 2002)";
            case NONE -> "";
        };
        return "The limits allow for " + c.plural() + " varying more than chance alone (" + phiText + "): "
                + how + ".";
    }
}
