package kpo.reports.narrative;

import kpo.reports.MeasureReport;
import kpo.reports.format.Dates;
import kpo.reports.format.ValueFormat;
import kpo.reports.icons.MdcIcons;
import kpo.spc.ChartResult;
import kpo.spc.RebaseProposal;
import kpo.spc.Signal;

/**
 * The words every page uses for a chart whose limits are out of date and the rebase the engine
 * proposes for it ({@link ChartResult#proposal()}): one set of sentences, so that the measure page,
 * the A3 and the methodology page tell the same story.
 */
public final class Proposal {

    private Proposal() {
    }

    /** "a shift", "a trend": what made the limits out of date. */
    public static String what(RebaseProposal proposal) {
        return proposal.signal() == Signal.SHIFT ? "a shift" : "a trend";
    }

    /** The period the proposed phase would start, in prose: "March 2025", "the week beginning 3 Mar 2025". */
    public static String from(MeasureReport measure) {
        RebaseProposal proposal = measure.chart().proposal();
        return Dates.periodInProse(proposal.from(), new SeriesFacts(measure.chart()).frequency());
    }

    /**
     * The proposal in one sentence: "A rebase from March 2025 is proposed: a centre of 17 and limits
     * of 5 to 29 over its 8 months, which would read Improvement (low) and Consistently passing."
     */
    public static String sentence(MeasureReport measure) {
        ChartResult chart = measure.chart();
        RebaseProposal proposal = chart.proposal();
        ValueFormat values = ValueFormat.of(measure.unit(), chart);
        SeriesFacts facts = new SeriesFacts(chart);
        String limits = Double.isNaN(proposal.upperLimit()) ? "" : " and limits of "
                + values.range(proposal.lowerLimit(), proposal.upperLimit());
        String icons = MdcIcons.label(proposal.variation())
                + (chart.spec().hasTarget() ? " and " + MdcIcons.label(proposal.assurance()) : "");
        return "A rebase from " + from(measure) + " is proposed: a centre of " + values.format(proposal.centre())
                + limits + " over its " + proposal.points() + " " + facts.frequency().nouns(proposal.points())
                + ", which would read " + icons + ". It changes nothing until the owner agrees it and the "
                + "rebase is recorded in the config with its reason.";
    }
}
