package kpo.reports.charts;

/**
 * How big a chart is drawn and what it carries, per place it appears. Sizes are in points (PDF) or,
 * for {@link #IMAGE}, in pixels at scale 1.
 *
 * @param width nominal width
 * @param height nominal height
 * @param font base font size: tick labels; other text is scaled from it, none of it under
 *     {@link #SMALLEST} in a PDF (WCAG 2.2's reading of legible chart text for the published pack)
 * @param mark point mark size
 * @param title whether the chart draws its own title (PNG files do; PDF pages title the chart
 *     themselves)
 * @param legend whether it has a legend
 * @param edgeLabels whether the mean, limits and target carry their values at the right edge
 * @param markerLabels whether phase breaks and annotations carry labels, and annotations a key
 * @param valueAxisLabel whether the value axis is named
 */
public record FigureStyle(double width, double height, float font, double mark, boolean title, boolean legend,
        boolean edgeLabels, boolean markerLabels, boolean valueAxisLabel) {

    /** The smallest text a chart in a PDF carries, in points. */
    public static final float SMALLEST = 8f;

    /** The chart of a measure's own page. */
    public static final FigureStyle PAGE = new FigureStyle(530, 292, 8.5f, 5.5, false, true, true, true, true);
    /** A headline chart on an A3 page. */
    public static final FigureStyle HEADLINE = new FigureStyle(372, 178, 8f, 4.2, false, false, true, true, false);
    /** One tile of a small-multiples grid. */
    public static final FigureStyle SMALL = new FigureStyle(182, 92, 8f, 3.2, false, false, false, false, false);
    /** A PNG for intranets and slides (pixels; render at scale 2 for slides). */
    public static final FigureStyle IMAGE = new FigureStyle(960, 540, 13f, 8, true, true, true, true, true);

    /** The size of secondary text (legend, edge and marker labels): a little under the ticks', never under {@link #SMALLEST}. */
    public float smallFont() {
        return Math.max(SMALLEST, font * 0.9f);
    }

    public FigureStyle size(double newWidth, double newHeight) {
        return new FigureStyle(newWidth, newHeight, font, mark, title, legend, edgeLabels, markerLabels,
                valueAxisLabel);
    }
}
