package kpo.reports.pdf;

import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfName;

/**
 * A paragraph that is a heading: tagged {@code H1} (a page's title) or {@code H2} (a part of a page)
 * in the structure tree, so that a screen reader can list the pack's headings and jump between them.
 */
public final class Heading extends Paragraph {

    private static final long serialVersionUID = 1L;
    private static final PdfName[] ROLES = {PdfName.H1, PdfName.H2, PdfName.H3};

    private final int level;

    /** {@code paragraph}'s text, font, leading and spacing, as a heading of {@code level} (1 to 3). */
    public Heading(int level, Paragraph paragraph) {
        super(paragraph);
        role(level);
        this.level = level;
    }

    public int level() {
        return level;
    }

    PdfName role() {
        return role(level);
    }

    static PdfName role(int level) {
        if (level < 1 || level > ROLES.length) {
            throw new IllegalArgumentException("heading level " + level);
        }
        return ROLES[level - 1];
    }
}
