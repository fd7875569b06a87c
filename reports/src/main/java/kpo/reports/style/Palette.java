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
    /** Light fills behind "met" and "missed" cells of a bowling chart. */
    public static final Color BLUE_TINT = new Color(0xD9F3FC);
    public static final Color ORANGE_TINT = new Color(0xFBE3D0);

    private Palette() {
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
