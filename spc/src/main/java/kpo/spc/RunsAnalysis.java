package kpo.spc;

/**
 * The runs analysis of one phase: a signal of the phase, not of a point.
 *
 * <p>For every rule set but {@link RuleSet#IHI} these are Anhøj's statistics (Anhøj & Olesen
 * 2014): useful observations are the included, non-missing points not on the centre line; a run is
 * a maximal sequence of them on one side; the signal is {@code longestRun > round(log2 n) + 3} or
 * {@code crossings < qbinom(0.05, n − 1, 0.5)}. Only {@link RuleSet#ANHOEJ} uses the signal to judge
 * the process, the other rule sets report it for information. For {@link RuleSet#IHI} the signal is
 * too few or too many runs against the runs table, and {@code crossingsMax} is set. The MR chart's
 * signal is always false, as qicharts2 has it. Counts that do not exist are {@code null}.
 *
 * @param phase phase number, from 1
 * @param observations included points of the phase, missing ones counted
 * @param useful included, non-missing points not on the centre line
 * @param longestRun the longest run, or null with no useful point
 * @param longestRunMax the longest run allowed (Anhøj), or null
 * @param crossings number of times the series crosses the centre line (runs − 1), or null
 * @param crossingsMin the fewest crossings allowed, or null
 * @param crossingsMax the most crossings allowed (IHI only), or null
 * @param signal whether the phase shows non-random variation by this analysis
 */
public record RunsAnalysis(int phase, int observations, int useful, Integer longestRun, Integer longestRunMax,
        Integer crossings, Integer crossingsMin, Integer crossingsMax, boolean signal) {
}
