package kpo.reports.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;
import java.util.List;

/**
 * The pack's structure tree (PDF/UA-1): a {@code Document} element holding a {@code Sect} per section,
 * each holding the headings, paragraphs, tables, figures and links in the order a person reads them,
 * and everything else on the page (the running header and footer, bands, rules, icons whose words
 * are beside them) marked as an artifact a screen reader passes over.
 *
 * <p>OpenPDF tags nothing by itself: every piece of content is wrapped here in a marked-content
 * sequence ({@code BDC … EMC}) that names its structure element. An element holds either content or
 * child elements, never both, so a block that holds a link is marked as one {@code Link} child of
 * its element; the link's annotation hangs off that {@code Link} (an {@code OBJR}) with a sentence
 * saying where it goes, which is what a screen reader announces.
 */
final class Tagging extends PdfPageEventHelper {

    /** The generic tag of a chunk that links: this prefix, the destination, a separator, the words. */
    static final String LINK = "kpo:link\u001f";
    private static final String SEPARATOR = "\u001f";

    static final PdfName ARTIFACT = new PdfName("Artifact");
    private static final PdfName PAGINATION = new PdfName("Pagination");
    private static final PdfName SCOPE = new PdfName("Scope");
    private static final PdfName COLUMN = new PdfName("Column");
    private static final PdfName COLSPAN = new PdfName("ColSpan");
    private static final PdfName TABLE = new PdfName("Table");

    private final PdfWriter writer;
    private final PdfStructureElement root;
    private PdfStructureElement section;
    /** The Link element whose content is being drawn: the annotations of its chunks hang off it. */
    private PdfStructureElement link;

    Tagging(PdfWriter writer) {
        this.writer = writer;
        this.root = new PdfStructureElement(writer.getStructureTreeRoot(), PdfName.DOCUMENT);
        this.section = root;
    }

    /** Starts a new {@code Sect}: what follows belongs to it. */
    void newSection() {
        section = new PdfStructureElement(root, PdfName.SECT);
    }

    /** A new element of {@code role} at the end of the current section. */
    PdfStructureElement element(PdfName role) {
        return new PdfStructureElement(section, role);
    }

    /** A new element of {@code role} at the end of {@code parent}. */
    static PdfStructureElement element(PdfStructureElement parent, PdfName role) {
        return new PdfStructureElement(parent, role);
    }

    /** A figure with its words for a person who cannot see it. */
    PdfStructureElement figure(String alternative) {
        PdfStructureElement figure = element(PdfName.FIGURE);
        figure.put(PdfName.ALT, new PdfString(alternative, PdfObject.TEXT_UNICODE));
        return figure;
    }

    /**
     * The element that takes the content of {@code element}: a {@code Link} child when the content holds
     * a link (an element cannot hold both content and a child), else the element itself.
     */
    static PdfStructureElement holder(PdfStructureElement element, boolean links) {
        return links ? new PdfStructureElement(element, PdfName.LINK) : element;
    }

    /** Draws {@code draw} as content of {@code holder}. */
    void mark(PdfContentByte cb, PdfStructureElement holder, Runnable draw) {
        PdfStructureElement outer = link;
        link = PdfName.LINK.equals(holder.get(PdfName.S)) ? holder : null;
        cb.beginMarkedContentSequence(holder);
        try {
            draw.run();
        } finally {
            cb.endMarkedContentSequence();
            link = outer;
        }
    }

    /** Draws {@code draw} as an artifact: no reader hears it. */
    static void artifact(PdfContentByte cb, Runnable draw) {
        cb.beginMarkedContentSequence(ARTIFACT, new PdfDictionary(), true);
        try {
            draw.run();
        } finally {
            cb.endMarkedContentSequence();
        }
    }

    /** Draws {@code draw} as the page's running header or footer ({@code Header}, {@code Footer}). */
    static void pagination(PdfContentByte cb, String subtype, Runnable draw) {
        PdfDictionary properties = new PdfDictionary();
        properties.put(PdfName.TYPE, PAGINATION);
        properties.put(PdfName.SUBTYPE, new PdfName(subtype));
        cb.beginMarkedContentSequence(ARTIFACT, properties, true);
        try {
            draw.run();
        } finally {
            cb.endMarkedContentSequence();
        }
    }

    /** The attributes of a header cell over its column. */
    static void columnHeader(PdfStructureElement cell) {
        attributes(cell).put(SCOPE, COLUMN);
    }

    /** The attributes of a cell that spans {@code columns} columns. */
    static void columnSpan(PdfStructureElement cell, int columns) {
        attributes(cell).put(COLSPAN, new PdfNumber(columns));
    }

    private static PdfDictionary attributes(PdfStructureElement cell) {
        PdfDictionary attributes = cell.getAsDict(PdfName.A);
        if (attributes == null) {
            attributes = new PdfDictionary();
            attributes.put(PdfName.O, TABLE);
            cell.put(PdfName.A, attributes);
        }
        return attributes;
    }

    /** A chunk's generic tag that makes it a link to {@code destination} described by {@code words}. */
    static String linkTag(String destination, String words) {
        return LINK + destination + SEPARATOR + words;
    }

    /** The destination and the words of a link's generic tag; null when the tag is not a link. */
    static String[] link(String tag) {
        return tag.startsWith(LINK) ? tag.substring(LINK.length()).split(SEPARATOR, 2) : null;
    }

    /** Whether any chunk of {@code elements} links somewhere. */
    static boolean linksIn(List<? extends Element> elements) {
        for (Element element : elements) {
            if (links(element)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any chunk of {@code element} (a paragraph, a phrase or a table cell) links somewhere. */
    static boolean links(Element element) {
        if (element instanceof PdfPCell cell) {
            if (cell.getPhrase() != null && links(cell.getPhrase())) {
                return true;
            }
            return cell.getCompositeElements() != null && linksIn(cell.getCompositeElements());
        }
        for (Element part : element.getChunks()) {
            if (part instanceof Chunk chunk && chunk.hasAttributes()
                    && chunk.getChunkAttributes().get(Chunk.GENERICTAG) instanceof String text
                    && text.startsWith(LINK)) {
                return true;
            }
        }
        return false;
    }

    /** A chunk with a link tag was written at {@code rect}: its annotation, tied to the Link being drawn. */
    @Override
    public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String text) {
        String[] parts = link(text);
        if (parts == null) {
            return;
        }
        PdfStructureElement target = link != null ? link : element(PdfName.LINK);
        annotate(target, rect.getLeft(), rect.getBottom(), rect.getRight(), rect.getTop(), parts[0], parts[1]);
    }

    /**
     * A link annotation over the rectangle, going to {@code destination}, announced as {@code words},
     * and tied to {@code link} in the structure tree. {@code link} must already hold its content's
     * marked content, if it has any: its kids then begin with that content.
     */
    void annotate(PdfStructureElement link, float llx, float lly, float urx, float ury, String destination,
            String words) {
        PdfAnnotation annotation = new PdfAnnotation(writer, llx, lly, urx, ury,
                PdfAction.gotoLocalPage(destination, false));
        annotation.setFlags(PdfAnnotation.FLAGS_PRINT);
        annotation.put(PdfName.CONTENTS, new PdfString(words, PdfObject.TEXT_UNICODE));
        PdfDictionary reference = new PdfDictionary(PdfName.OBJR);
        reference.put(PdfName.OBJ, annotation.getIndirectReference());
        reference.put(PdfName.PG, writer.getCurrentPage());
        PdfObject kids = link.get(PdfName.K);
        PdfArray array;
        if (kids instanceof PdfArray existing) {
            array = existing;
        } else {
            array = new PdfArray();
            if (kids != null) {
                array.add(kids);
            }
            link.put(PdfName.K, array);
        }
        array.add(reference);
        annotation.put(PdfName.STRUCTPARENT,
                new PdfNumber(writer.getStructureTreeRoot().addExistingObject(link.getReference())));
        writer.addAnnotation(annotation);
    }
}
