package kpo.reports.style;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import kpo.spc.PointType;

/**
 * The shape of each point type, so that a reader who cannot tell blue from orange can still tell
 * improvement from concern: common cause a small circle, improvement a square, concern a diamond,
 * neutral a triangle pointing the way the process moved. Shapes are centred on (0, 0).
 */
public final class Marks {

    private Marks() {
    }

    /** The mark of {@code type} at nominal size {@code size} (the circle's diameter). */
    public static Shape of(PointType type, double size) {
        return switch (type) {
            case COMMON_CAUSE -> circle(size * 0.8);
            case SPECIAL_CAUSE_IMPROVEMENT -> square(size);
            case SPECIAL_CAUSE_CONCERN -> diamond(size * 1.3);
            case SPECIAL_CAUSE_NEUTRAL_HIGH -> triangle(size * 1.2, true);
            case SPECIAL_CAUSE_NEUTRAL_LOW -> triangle(size * 1.2, false);
        };
    }

    /** The words for a point type in legends and text alternatives. */
    public static String label(PointType type) {
        return switch (type) {
            case COMMON_CAUSE -> "Common cause";
            case SPECIAL_CAUSE_IMPROVEMENT -> "Special cause: improvement";
            case SPECIAL_CAUSE_CONCERN -> "Special cause: concern";
            case SPECIAL_CAUSE_NEUTRAL_HIGH -> "Special cause: neutral (high)";
            case SPECIAL_CAUSE_NEUTRAL_LOW -> "Special cause: neutral (low)";
        };
    }

    public static Shape circle(double d) {
        return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
    }

    public static Shape square(double side) {
        return new Rectangle2D.Double(-side / 2, -side / 2, side, side);
    }

    public static Shape diamond(double across) {
        double h = across / 2;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, -h);
        path.lineTo(h, 0);
        path.lineTo(0, h);
        path.lineTo(-h, 0);
        path.closePath();
        return path;
    }

    /** An equilateral-looking triangle; Java2D's y grows downwards, so "up" has its apex at −y. */
    public static Shape triangle(double size, boolean up) {
        double h = size / 2;
        double apex = up ? -h : h;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, apex);
        path.lineTo(h, -apex * 0.8);
        path.lineTo(-h, -apex * 0.8);
        path.closePath();
        return path;
    }
}
