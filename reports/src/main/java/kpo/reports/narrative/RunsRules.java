package kpo.reports.narrative;

import kpo.spc.ChartResult;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.RuleSet;

/**
 * Where the runs analysis judges a chart. Every rule set reports Anhøj's runs analysis, but only run
 * charts and the {@code anhoej} and {@code ihi} rule sets use it to call variation non-random (the
 * others report it for information, as the engine's {@code RunsAnalysis} says); the MR chart's never
 * signals. The chart, the words and the summary's order all ask here.
 */
public final class RunsRules {

    private RunsRules() {
    }

    /** Whether a runs signal on this chart is special cause variation. */
    public static boolean judge(ChartSpec spec) {
        return spec.chart() != ChartType.MR
                && (spec.chart() == ChartType.RUN || spec.rules() == RuleSet.ANHOEJ || spec.rules() == RuleSet.IHI);
    }

    /** Whether phase {@code phase} of {@code chart} shows non-random runs, where the runs rules judge it. */
    public static boolean signal(ChartResult chart, int phase) {
        return judge(chart.spec()) && chart.runs().stream().anyMatch(r -> r.phase() == phase && r.signal());
    }

    /** Whether the latest phase shows non-random runs, where the runs rules judge the chart. */
    public static boolean latestPhaseSignals(ChartResult chart) {
        return !chart.runs().isEmpty() && signal(chart, chart.runs().get(chart.runs().size() - 1).phase());
    }
}
