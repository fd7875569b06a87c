package kpo.reports.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.util.List;
import kpo.reports.style.Palette;

/**
 * The few layout pieces every page uses: text placed in a box, a section heading, tables with the
 * pack's look (hairline rules, no boxes), and templates inline in text.
 */
public final class Blocks {

    private Blocks() {
    }

    /** The height {@code elements} take in a column {@code width} wide. */
    public static float height(float width, List<? extends Element> elements) {
        ColumnText column = new ColumnText(null);
        column.setSimpleColumn(0, -100_000, width, 0);
        for (Element element : elements) {
            column.addElement(element);
        }
        try {
            column.go(true);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        return -column.getYLine();
    }

    /** A paragraph with the pack's leading (1.25 × size) and space after. */
    public static Paragraph paragraph(String text, Font font, float spaceAfter) {
        Paragraph paragraph = new Paragraph(font.getSize() * 1.25f, text, font);
        paragraph.setSpacingAfter(spaceAfter);
        return paragraph;
    }

    /** A paragraph of several runs of text (e.g. a bold label and its value). */
    public static Paragraph paragraph(float leading, float spaceAfter, Chunk... chunks) {
        Paragraph paragraph = new Paragraph(leading);
        // The paragraph's own font sets the spacing lines OpenPDF adds; left to the default it would
        // put an unembedded Helvetica in the file.
        if (chunks.length > 0) {
            paragraph.setFont(chunks[0].getFont());
        }
        for (Chunk chunk : chunks) {
            paragraph.add(chunk);
        }
        paragraph.setSpacingAfter(spaceAfter);
        return paragraph;
    }

    /** A section heading inside a page (level 2): bold NHS-blue text. */
    public static Heading heading(String text, PdfFonts fonts, float size) {
        Paragraph heading = new Paragraph(size * 1.3f, text, fonts.bold(size, Palette.NHS_BLUE));
        heading.setSpacingBefore(size * 0.4f);
        heading.setSpacingAfter(size * 0.3f);
        return new Heading(2, heading);
    }

    /** A page title (level 1): large bold text. */
    public static Heading title(String text, PdfFonts fonts) {
        Paragraph title = new Paragraph(22, text, fonts.bold(17));
        title.setSpacingAfter(4);
        return new Heading(1, title);
    }

    /** A table of the given relative widths, {@code width} points wide, in the pack's look. */
    public static PdfPTable table(float width, float... relativeWidths) {
        PdfPTable table = new PdfPTable(relativeWidths);
        table.setTotalWidth(width);
        table.setLockedWidth(true);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        // A row that does not fit moves whole to the next page; only a row taller than a page splits.
        table.setSplitLate(true);
        table.setSpacingBefore(2);
        table.setSpacingAfter(6);
        return table;
    }

    /** A body cell: hairline rule below, no other border. */
    public static PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(Palette.RULE);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(2.5f);
        cell.setPaddingBottom(4f);
        cell.setPaddingLeft(3);
        cell.setPaddingRight(3);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setUseAscender(true);
        return cell;
    }

    public static PdfPCell cell(String text, Font font) {
        return cell(new Phrase(text, font));
    }

    /** Marks a row with a thick coloured rule on the left of {@code cell}, keeping its rule below. */
    public static void flag(PdfPCell cell, Color colour) {
        cell.setUseVariableBorders(true);
        cell.setBorder(Rectangle.BOTTOM | Rectangle.LEFT);
        cell.setBorderWidthLeft(2.5f);
        cell.setBorderColorLeft(colour);
        cell.setBorderWidthBottom(0.5f);
        cell.setBorderColorBottom(Palette.RULE);
    }

    /** A right-aligned cell for numbers. */
    public static PdfPCell number(String text, Font font) {
        PdfPCell cell = cell(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    /** A header cell: bold, banded. */
    public static PdfPCell header(String text, PdfFonts fonts, float size) {
        PdfPCell cell = cell(new Phrase(text, fonts.bold(size)));
        cell.setBackgroundColor(Palette.BAND);
        cell.setBorderColor(Palette.GREY);
        return cell;
    }

    /** A header cell aligned right, over a column of numbers. */
    public static PdfPCell headerNumber(String text, PdfFonts fonts, float size) {
        PdfPCell cell = header(text, fonts, size);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    /** A cell spanning the whole row, for a group heading inside a table. */
    public static PdfPCell group(Phrase phrase, int columns, Color fill) {
        PdfPCell cell = cell(phrase);
        cell.setColspan(columns);
        cell.setBackgroundColor(fill);
        cell.setPaddingTop(4);
        cell.setPaddingBottom(5);
        return cell;
    }

    /** {@code template} inline in text, sitting on the baseline shifted down by {@code drop}. */
    public static Chunk inline(PdfTemplate template, float drop) {
        try {
            return new Chunk(Image.getInstance(template), 0, -drop, true);
        } catch (com.lowagie.text.BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A chunk that links to {@code destination}; a screen reader announces "Go to" and its text. */
    public static Chunk link(String text, Font font, String destination) {
        return link(new Chunk(text, font), destination, "Go to " + text);
    }

    /** {@code chunk} (text or an inline template) made a link to {@code destination}, announced as {@code words}. */
    public static Chunk link(Chunk chunk, String destination, String words) {
        chunk.setGenericTag(Tagging.linkTag(destination, words));
        return chunk;
    }
}
