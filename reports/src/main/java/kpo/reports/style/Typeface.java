package kpo.reports.style;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Liberation Sans, bundled (SIL OFL; licence beside the fonts), the one typeface of every page and
 * chart. The same TTF is the AWT font JFreeChart measures text with and the font embedded in the
 * PDF, so text is neither stretched nor letter-spaced: a system font (DejaVu through fontconfig on
 * Debian) is wider than the PDF's and PdfGraphics2D would pad every string to fit. Bundled rather
 * than looked up so that every machine renders identically. Metric-compatible with Arial/Helvetica
 * and has £ ≥ ≤ – • ′ and the combining macron of x̄.
 */
public final class Typeface {

    private static final String FOLDER = "/kpo/reports/fonts/";
    private static final byte[] REGULAR_TTF = read("LiberationSans-Regular.ttf");
    private static final byte[] BOLD_TTF = read("LiberationSans-Bold.ttf");
    private static final Font REGULAR = awt(REGULAR_TTF);
    private static final Font BOLD = awt(BOLD_TTF);

    private Typeface() {
    }

    /** The regular TTF's bytes (shared: do not modify). */
    public static byte[] regularTtf() {
        return REGULAR_TTF;
    }

    /** The bold TTF's bytes (shared: do not modify). */
    public static byte[] boldTtf() {
        return BOLD_TTF;
    }

    /** The AWT regular face at {@code size} points. */
    public static Font regular(float size) {
        return REGULAR.deriveFont(size);
    }

    /**
     * The AWT bold face at {@code size} points: the Bold TTF itself, never {@code deriveFont(BOLD)},
     * which would embolden the regular outlines and map to the regular PDF font.
     */
    public static Font bold(float size) {
        return BOLD.deriveFont(size);
    }

    /** Whether an AWT font is our bold face (how the PDF font mapper picks the embedded font). */
    public static boolean isBold(Font font) {
        return font.getFontName().contains("Bold") || font.isBold();
    }

    private static byte[] read(String name) {
        try (InputStream in = Typeface.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + FOLDER + name + " is missing from the reports jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font awt(byte[] ttf) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font is not a TrueType font", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
