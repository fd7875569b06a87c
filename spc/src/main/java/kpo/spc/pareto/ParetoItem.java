package kpo.spc.pareto;

/**
 * One bar of a Pareto chart.
 *
 * @param rank 1 for the most frequent reason; the "other" bar ranks after the last reason shown
 * @param reason the reason as most often written (or "Other (n reasons)")
 * @param count how many times it was given
 * @param share its share of all, 0 to 1
 * @param cumulative the share of this bar and every bar before it
 * @param vital whether it is one of the few reasons that together make the vital share (80%)
 * @param reasons how many distinct reasons the bar holds: 1, or the number folded into "other"
 */
public record ParetoItem(int rank, String reason, long count, double share, double cumulative, boolean vital,
        int reasons) {

    /** Whether this is the bar of the reasons beyond the top ones. */
    public boolean other() {
        return reasons > 1;
    }
}
