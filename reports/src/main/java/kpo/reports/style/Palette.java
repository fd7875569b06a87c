package kpo.reports.style;

import java.awt.Color;
import kpo.spc.PointType;

/**
 * The Making Data Count colours, as NHSRplotthedots' {@code ptd_spc_colours()} defines them, and the
 * pack's few neutrals. Blue and orange were chosen by MDC to stay apart for the common forms of
 * colour blindness; every point type also has its own shape ({@link Marks}).
 */
public final class Palette {

    /** Common cause points, the value line, process limits. */
    public static final Color GREY = new Color(0xA6A6A6);
    /** Special cause improvement. */
    public static final Color BLUE = new Color(0x00B0F0);
    /** Special cause concern. */
    public static final Color ORANGE = new Color(0xE46C0A);
    /** Special cause in neither direction (neutral measures, non-directional signals), and the plan. */
    public static final Color PURPLE = new Color(0x490092);
    /** The target line. */
    public static final Color RED = new Color(0xDE1B1B);
    /** The mean line. */
    public static final Color BLACK = Color.BLACK;
    /** Body text. */
    public static final Color TEXT = new Color(0x231F20);
    /** Secondary text: captions, footers. */
    public static final Color MUTED = new Color(0x595959);
    /** Table rules and gridlines. */
    public static final Color RULE = new Color(0xD9D9D9);
    /** Table header and band fills. */
    public static final Color BAND = new Color(0xF2F2F2);
    /** NHS blue, for the cover and section bars. */
    public static final Color NHS_BLUE = new Color(0x005EB8);
    /**
     * MDC's orange as text: darkened to 4.5:1 on white and on the pack's bands and tints (WCAG 2.2
     * 1.4.3), as MDC's own orange (3.3:1) is not; still read as orange beside the marks.
     */
    public static final Color ORANGE_TEXT = new Color(0x9E4A00);
    /** MDC's blue as text, and the outline of its marks: 4.5:1 (MDC's cyan is 2.5:1 on white). */
    public static final Color BLUE_TEXT = new Color(0x006B9E);
    /** The target's red as text: 4.5:1 on the bands too. */
    public static final Color RED_TEXT = new Color(0xC8102E);
    /**
     * Grey lines that carry meaning (the value line, process limits, axes) and the outline of common
     * cause marks: 3:1 on white (WCAG 1.4.11), as MDC's grey (2.4:1) is not.
     */
    public static final Color GREY_LINE = new Color(0x767676);
    /** Light fills behind "met" and "missed" cells of a bowling chart. */
    public static final Color BLUE_TINT = new Color(0xD9F3FC);
    public static final Color ORANGE_TINT = new Color(0xFBE3D0);

    private Palette() {
    }

    /** The colour text takes for {@code colour}: its darker variant where the colour itself is under 4.5:1. */
    public static Color text(Color colour) {
        if (colour.equals(ORANGE)) {
            return ORANGE_TEXT;
        }
        if (colour.equals(BLUE)) {
            return BLUE_TEXT;
        }
        if (colour.equals(GREY)) {
            return MUTED;
        }
        return colour.equals(RED) ? RED_TEXT : colour;
    }

    /**
     * The outline drawn round a mark of {@code type}, so that the mark meets 3:1 against the page while
     * its fill stays MDC's colour: the fill's own colour where that is enough, else a darker one.
     */
    public static Color outline(PointType type) {
        return switch (type) {
            case COMMON_CAUSE -> GREY_LINE;
            case SPECIAL_CAUSE_IMPROVEMENT -> BLUE_TEXT;
            case SPECIAL_CAUSE_CONCERN -> ORANGE_TEXT;
            case SPECIAL_CAUSE_NEUTRAL_HIGH, SPECIAL_CAUSE_NEUTRAL_LOW -> PURPLE;
        };
    }

    /** The colour of a point of {@code type}. */
    public static Color of(PointType type) {
        return switch (type) {
            case COMMON_CAUSE -> GREY;
            case SPECIAL_CAUSE_IMPROVEMENT -> BLUE;
            case SPECIAL_CAUSE_CONCERN -> ORANGE;
            case SPECIAL_CAUSE_NEUTRAL_HIGH, SPECIAL_CAUSE_NEUTRAL_LOW -> PURPLE;
        };
    }
}
