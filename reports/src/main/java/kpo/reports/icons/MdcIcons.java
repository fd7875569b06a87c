package kpo.reports.icons;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import kpo.reports.style.Palette;
import kpo.reports.style.Typeface;
import kpo.spc.AssuranceIcon;
import kpo.spc.VariationIcon;

/**
 * The Making Data Count variation and assurance icons, drawn as vectors on any Graphics2D (a PDF
 * template or a PNG). Their design follows MDC's: a white disc in a coloured ring, blue for
 * improvement and pass, orange for concern and fail, purple for neutral, grey for common cause and
 * hit and miss; H or L says which way a special cause moved, P or F whether the target will be met.
 * A small run of dots inside shows the pattern. Every icon is printed beside its words as well
 * ({@link #label(VariationIcon)}), so colour is never the only signal.
 */
public final class MdcIcons {

    private static final Color NONE_GREY = new Color(0xBFBFBF);

    private MdcIcons() {
    }

    /** Draws {@code icon} in the square at ({@code x}, {@code y}) of side {@code size}. */
    public static void draw(Graphics2D g, VariationIcon icon, double x, double y, double size) {
        Color colour = colour(icon);
        Ring ring = ring(g, colour, x, y, size);
        double[] levels = switch (icon) {
            case COMMON_CAUSE -> new double[] {0.42, 0.30, 0.46, 0.34, 0.44, 0.36};
            case IMPROVEMENT_HIGH, CONCERN_HIGH, NEUTRAL_HIGH -> new double[] {0.50, 0.44, 0.52, 0.46, 0.24, 0.10};
            case IMPROVEMENT_LOW, CONCERN_LOW, NEUTRAL_LOW -> new double[] {0.20, 0.26, 0.18, 0.24, 0.46, 0.60};
        };
        boolean special = icon != VariationIcon.COMMON_CAUSE;
        for (int i = 0; i < levels.length; i++) {
            Color dot = special && i >= 4 ? colour : Palette.GREY;
            dot(g, dot, ring.cx - 0.58 * ring.r + i * 0.232 * ring.r, ring.cy + levels[i] * ring.r, ring.r * 0.13);
        }
        if (special) {
            letter(g, colour, high(icon) ? "H" : "L", ring);
        }
    }

    /** Draws {@code icon} in the square at ({@code x}, {@code y}) of side {@code size}. */
    public static void draw(Graphics2D g, AssuranceIcon icon, double x, double y, double size) {
        Color colour = colour(icon);
        Ring ring = ring(g, colour, x, y, size);
        Stroke saved = g.getStroke();
        double lineY = ring.cy + 0.42 * ring.r;
        float width = (float) (ring.r * 0.09);
        switch (icon) {
            case PASS, FAIL -> {
                dashedLine(g, Palette.RED, ring, lineY, width);
                letter(g, colour, icon == AssuranceIcon.PASS ? "P" : "F", ring);
            }
            case HIT_AND_MISS -> {
                dashedLine(g, Palette.RED, ring, ring.cy + 0.05 * ring.r, width);
                Path2D.Double wave = new Path2D.Double();
                double from = ring.cx - 0.62 * ring.r;
                wave.moveTo(from, ring.cy);
                for (int i = 1; i <= 24; i++) {
                    double t = i / 24.0;
                    wave.lineTo(from + t * 1.24 * ring.r, ring.cy + Math.sin(t * Math.PI * 3) * 0.38 * ring.r);
                }
                g.setColor(Palette.GREY.darker());
                g.setStroke(new BasicStroke((float) (ring.r * 0.14), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(wave);
            }
            case NOT_ASSESSABLE -> letter(g, colour, "?", ring);
            case NONE -> {
                g.setColor(NONE_GREY);
                g.setStroke(new BasicStroke((float) (ring.r * 0.14), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(ring.cx - 0.35 * ring.r, ring.cy, ring.cx + 0.35 * ring.r, ring.cy));
            }
        }
        g.setStroke(saved);
    }

    /** The icon's words, printed beside it: "Concern (high)". */
    public static String label(VariationIcon icon) {
        return switch (icon) {
            case COMMON_CAUSE -> "Common cause";
            case IMPROVEMENT_HIGH -> "Improvement (high)";
            case IMPROVEMENT_LOW -> "Improvement (low)";
            case CONCERN_HIGH -> "Concern (high)";
            case CONCERN_LOW -> "Concern (low)";
            case NEUTRAL_HIGH -> "Neither (high)";
            case NEUTRAL_LOW -> "Neither (low)";
        };
    }

    /** The icon's words, printed beside it: "Hit and miss". */
    public static String label(AssuranceIcon icon) {
        return switch (icon) {
            case PASS -> "Consistently passing";
            case FAIL -> "Consistently failing";
            case HIT_AND_MISS -> "Hit and miss";
            case NOT_ASSESSABLE -> "Limits out of date";
            case NONE -> "No target";
        };
    }

    /** What the icon means, for the methodology page. */
    public static String meaning(VariationIcon icon) {
        return switch (icon) {
            case COMMON_CAUSE -> "Common cause variation: no significant change; the process is stable.";
            case IMPROVEMENT_HIGH -> "Special cause improvement: higher values, where higher is better.";
            case IMPROVEMENT_LOW -> "Special cause improvement: lower values, where lower is better.";
            case CONCERN_HIGH -> "Special cause concern: higher values, where lower is better.";
            case CONCERN_LOW -> "Special cause concern: lower values, where higher is better.";
            case NEUTRAL_HIGH -> "Special cause of neither improvement nor concern: higher values (no direction is "
                    + "set as better).";
            case NEUTRAL_LOW -> "Special cause of neither improvement nor concern: lower values.";
        };
    }

    /** What the icon means, for the methodology page. */
    public static String meaning(AssuranceIcon icon) {
        return switch (icon) {
            case PASS -> "The target lies beyond the process limits on the good side: the process will "
                    + "consistently meet it.";
            case FAIL -> "The target lies beyond the process limits on the bad side: the process will not meet it "
                    + "until it changes.";
            case HIT_AND_MISS -> "The target lies within the process limits: it will be met in some periods and "
                    + "missed in others, at random, until the process changes.";
            case NOT_ASSESSABLE -> "The process has changed since its limits were set (a sustained shift or trend "
                    + "runs to the latest point), so the target cannot be judged against them; the measure page "
                    + "proposes a rebase for the owner to agree.";
            case NONE -> "No target, a measure with no preferred direction, or a chart without process limits.";
        };
    }

    public static Color colour(VariationIcon icon) {
        return switch (icon) {
            case COMMON_CAUSE -> Palette.GREY;
            case IMPROVEMENT_HIGH, IMPROVEMENT_LOW -> Palette.BLUE;
            case CONCERN_HIGH, CONCERN_LOW -> Palette.ORANGE;
            case NEUTRAL_HIGH, NEUTRAL_LOW -> Palette.PURPLE;
        };
    }

    public static Color colour(AssuranceIcon icon) {
        return switch (icon) {
            case PASS -> Palette.BLUE;
            case FAIL -> Palette.ORANGE;
            case HIT_AND_MISS, NOT_ASSESSABLE -> Palette.GREY;
            case NONE -> NONE_GREY;
        };
    }

    private static boolean high(VariationIcon icon) {
        return icon == VariationIcon.IMPROVEMENT_HIGH || icon == VariationIcon.CONCERN_HIGH
                || icon == VariationIcon.NEUTRAL_HIGH;
    }

    private record Ring(double cx, double cy, double r) {
    }

    private static Ring ring(Graphics2D g, Color colour, double x, double y, double size) {
        double stroke = size * 0.09;
        double r = size / 2 - stroke / 2;
        double cx = x + size / 2;
        double cy = y + size / 2;
        Ellipse2D disc = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        Stroke saved = g.getStroke();
        g.setColor(Color.WHITE);
        g.fill(disc);
        g.setColor(colour);
        g.setStroke(new BasicStroke((float) stroke));
        g.draw(disc);
        g.setStroke(saved);
        return new Ring(cx, cy, r);
    }

    private static void dot(Graphics2D g, Color colour, double cx, double cy, double radius) {
        g.setColor(colour);
        g.fill(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
    }

    private static void letter(Graphics2D g, Color colour, String letter, Ring ring) {
        Font font = Typeface.bold((float) (ring.r * 0.95));
        g.setColor(colour);
        FontMetrics metrics = g.getFontMetrics(font);
        float width = metrics.stringWidth(letter);
        // Cap height of Liberation Sans is 0.716 em: centre the capital on the ring's upper half.
        float baseline = (float) (ring.cy - 0.12 * ring.r + 0.5 * 0.716 * font.getSize2D() - 0.2 * ring.r);
        // The letter is drawn as an outline, not as text: the icon's words are printed beside it,
        // and a stray "H" in the text layer would be read out by screen readers and searches.
        Shape outline = font.createGlyphVector(g.getFontRenderContext(), letter)
                .getOutline((float) (ring.cx - width / 2), baseline);
        g.fill(outline);
    }

    private static void dashedLine(Graphics2D g, Color colour, Ring ring, double y, float width) {
        g.setColor(colour);
        float dash = (float) (ring.r * 0.22);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {dash, dash * 0.7f}, 0f));
        g.draw(new Line2D.Double(ring.cx - 0.7 * ring.r, y, ring.cx + 0.7 * ring.r, y));
    }
}
