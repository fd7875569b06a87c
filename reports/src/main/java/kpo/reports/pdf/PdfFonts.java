package kpo.reports.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import kpo.reports.style.Typeface;

/**
 * The fonts of one PDF: Liberation Sans Regular and Bold, embedded as subsets with Identity-H
 * encoding (so ≥, ≤, ′ and the rest print; base-14 Helvetica would drop them) and a ToUnicode map
 * (so the text can be searched and copied). The same instances serve the document's own text and
 * every chart drawn through PdfGraphics2D, via {@link #mapper()}: one embedded subset per face.
 * Made per document because a BaseFont records which glyphs its document used.
 */
public final class PdfFonts {

    private final BaseFont regular;
    private final BaseFont bold;
    private final FontMapper mapper;

    PdfFonts() {
        this.regular = create("LiberationSans-Regular.ttf", Typeface.regularTtf(), 0x5eed1L);
        this.bold = create("LiberationSans-Bold.ttf", Typeface.boldTtf(), 0x5eed2L);
        this.mapper = new FontMapper() {
            @Override
            public BaseFont awtToPdf(java.awt.Font font) {
                return Typeface.isBold(font) ? bold : regular;
            }

            @Override
            public java.awt.Font pdfToAwt(BaseFont font, int size) {
                return font == bold ? Typeface.bold(size) : Typeface.regular(size);
            }
        };
    }

    private static BaseFont create(String name, byte[] ttf, long seed) {
        try {
            BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
            // The subset tag ("ABCDEF+LiberationSans") is random by default; a fixed sequence keeps
            // the same inputs giving the same bytes.
            font.setSecureRandom(new FixedRandom(seed));
            // OpenPDF's CIDSet lists the subset's CIDs in a way PDF/UA validators reject (veraPDF
            // 7.21.4.2-2); the entry is optional, so it is left out.
            font.setIncludeCidSet(false);
            return font;
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot embed " + name, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BaseFont regularBase() {
        return regular;
    }

    public BaseFont boldBase() {
        return bold;
    }

    /** Maps the AWT fonts of charts and icons onto the embedded fonts. */
    public FontMapper mapper() {
        return mapper;
    }

    /**
     * The smallest text a pack prints, in points: WCAG asks for text a reader can enlarge, and a
     * published board paper read on paper or at 100% needs 9 points at least. Every font of the pages
     * comes from here, so no page can ask for less; layouts measure their text and make room.
     */
    public static final float BODY_MINIMUM = 9f;

    public Font regular(float size) {
        return regular(size, kpo.reports.style.Palette.TEXT);
    }

    public Font regular(float size, Color colour) {
        return new Font(regular, Math.max(size, BODY_MINIMUM), Font.NORMAL, colour);
    }

    public Font bold(float size) {
        return bold(size, kpo.reports.style.Palette.TEXT);
    }

    public Font bold(float size, Color colour) {
        return new Font(bold, Math.max(size, BODY_MINIMUM), Font.NORMAL, colour);
    }

    /** A SecureRandom in name only: the same seed gives the same subset tags, which is all it is used for. */
    private static final class FixedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient SplittableRandom random;

        FixedRandom(long seed) {
            super(new byte[0]);
            this.random = new SplittableRandom(seed);
        }

        @Override
        public double nextDouble() {
            return random.nextDouble();
        }
    }
}
