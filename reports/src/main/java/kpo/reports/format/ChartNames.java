package kpo.reports.format;

import kpo.spc.ChartType;
import kpo.spc.RuleSet;

/** Chart types and rule sets as a board paper names them. */
public final class ChartNames {

    private ChartNames() {
    }

    /** "XmR chart", "Laney P′ chart". */
    public static String of(ChartType chart) {
        return switch (chart) {
            case RUN -> "Run chart";
            case XMR -> "XmR chart";
            case I -> "I chart";
            case MR -> "Moving range chart";
            case P -> "P chart";
            case PP -> "Laney P′ chart";
            case U -> "U chart";
            case UP -> "Laney U′ chart";
            case C -> "C chart";
            case G -> "G chart";
            case T -> "T chart";
            case XBAR -> "Xbar chart";
            case S -> "S chart";
            case IP -> "I′ chart";
        };
    }

    /** What the chart is for, one phrase, for the methodology page. */
    public static String purpose(ChartType chart) {
        return switch (chart) {
            case RUN -> "any measure over time; median centre line, no process limits";
            case XMR -> "single values over time (Making Data Count): mean ± 2.66 × mean moving range";
            case I -> "single values over time (qicharts2): mean ± 3 × mean moving range ÷ 1.128";
            case MR -> "the moving ranges behind an XmR or I chart";
            case P -> "proportions with binomial limits that vary with each denominator";
            case PP -> "proportions with large denominators: P limits widened by the between-period variation "
                    + "(Laney 2002)";
            case U -> "rates per unit with Poisson limits";
            case UP -> "rates with large denominators: U limits widened by the between-period variation (Laney 2002)";
            case C -> "counts of events in equal opportunities";
            case G -> "cases or days between rare events";
            case T -> "time between rare events (Nelson's transformation)";
            case XBAR -> "means of subgroups";
            case S -> "standard deviations of subgroups";
            case IP -> "proportions with varying denominators (Taylor's I′)";
        };
    }

    /** "Making Data Count (mdc-2023.11)". */
    public static String of(RuleSet rules) {
        String name = switch (rules) {
            case MDC -> "Making Data Count";
            case PTD -> "NHSRplotthedots";
            case ANHOEJ -> "Anhøj";
            case IHI -> "IHI run chart rules";
            case WE -> "Western Electric";
            case NELSON -> "Nelson";
        };
        return name + " (" + rules.qualifiedName() + ")";
    }

    /** The centre line's name: the median on run and G charts, the mean elsewhere. */
    public static String centre(ChartType chart) {
        return chart == ChartType.RUN || chart == ChartType.G ? "Median" : "Mean";
    }
}
