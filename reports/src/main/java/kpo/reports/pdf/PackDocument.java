package kpo.reports.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kpo.reports.charts.SpcFigure;

/**
 * One PDF being written: A4 landscape pages with the running frame, embedded fonts, named
 * destinations and bookmarks, page references filled in at the end, and the metadata that makes the
 * file deterministic.
 *
 * <p>Determinism: OpenPDF stamps the clock into {@code /CreationDate} and {@code /ModDate} and a
 * time-and-memory hash into the trailer {@code /ID}. Here both dates are the given day (the first
 * day after the reporting period, 00:00 UTC), and the ID is replaced, once the file is written, by
 * the first 16 bytes of the SHA-256 of the file with an all-zero ID: the same inputs give the same
 * bytes, and any change to what is printed changes the ID. The replacement has the same length, so
 * no offset in the cross-reference table moves.
 */
public final class PackDocument {

    /** A4 landscape as an 842 × 595 media box, not a rotated portrait page: text reads in page order. */
    public static final Rectangle PAGE = new Rectangle(842, 595);
    public static final float MARGIN = 36;
    public static final float TOP = 44;
    public static final float BOTTOM = 40;

    /** The trailer's document ID as OpenPDF writes it: two 16-byte hex strings. */
    private static final Pattern ID = Pattern.compile("/ID \\[(<[0-9A-Fa-f]{32}><[0-9A-Fa-f]{32}>)\\]");

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
    private final Document document;
    private final PdfWriter writer;
    private final PdfFonts fonts;
    private final PageFrame frame;
    private final PageRefs refs;
    private final Map<String, PdfTemplate> shared = new HashMap<>();

    /**
     * The document's metadata.
     *
     * @param title the document title, shown by viewers instead of the file name
     * @param subject one line on what it is
     * @param author the trust
     * @param keywords comma-separated
     * @param frameLeft the running header's left text
     * @param frameFooter the running footer's left text
     * @param dated the date of the metadata (creation and modification), from the reporting period
     */
    public record Info(String title, String subject, String author, String keywords, String frameLeft,
            String frameFooter, LocalDate dated) {
    }

    private PackDocument(Info info) {
        SpcFigure.init();
        document = new Document(PAGE, MARGIN, MARGIN, TOP, BOTTOM);
        try {
            writer = PdfWriter.getInstance(document, buffer);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        writer.setPdfVersion(PdfWriter.VERSION_1_7);
        writer.setFullCompression();
        writer.setCompressionLevel(9);
        writer.setViewerPreferences(PdfWriter.DisplayDocTitle | PdfWriter.PageModeUseOutlines);
        fonts = new PdfFonts();
        frame = new PageFrame(fonts, info.frameLeft(), info.frameFooter());
        writer.setPageEvent(frame);
        document.addTitle(info.title());
        document.addSubject(info.subject());
        document.addAuthor(info.author());
        document.addKeywords(info.keywords());
        document.addCreator("KPO analytics engine (kpo-reports)");
        document.open();
        PdfDictionary metadata = writer.getInfo();
        PdfDate date = new PdfDate(utcMidnight(info.dated()));
        metadata.put(PdfName.CREATIONDATE, date);
        metadata.put(PdfName.MODDATE, date);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("en-GB"));
        refs = new PageRefs(writer, fonts.regularBase());
    }

    public static PackDocument open(Info info) {
        return new PackDocument(info);
    }

    public PdfFonts fonts() {
        return fonts;
    }

    /** The page's content, drawn over by absolute layouts. */
    public PdfContentByte canvas() {
        return writer.getDirectContent();
    }

    /** The current page's number, from 1. */
    public int pageNumber() {
        return writer.getPageNumber();
    }

    /** Starts a new page whose header names {@code section}. */
    public void newPage(String section) {
        // A page drawn by absolute layout has direct content, so the Document counts it as begun
        // and this really breaks; on an untouched page it does nothing. The frame takes the new
        // section when the next page starts, so the page that ends keeps its own header.
        frame.section(section);
        document.newPage();
    }

    /**
     * Breaks the page when less than {@code height} points are left in a flowing layout, so that a
     * heading is never left alone at the foot of a page.
     */
    public void keepSpace(float height) {
        if (writer.getVerticalPosition(false) - BOTTOM < height) {
            document.newPage();
        }
    }

    public void add(Element element) {
        try {
            document.add(element);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The top of the area between the frame's header and footer. */
    public float top() {
        return PAGE.getHeight() - TOP;
    }

    public float left() {
        return MARGIN;
    }

    public float right() {
        return PAGE.getWidth() - MARGIN;
    }

    public float bottom() {
        return BOTTOM;
    }

    /** {@code drawing} as a vector template {@code width} × {@code height} points. */
    public PdfTemplate vector(float width, float height, Drawing drawing) {
        PdfTemplate template = canvas().createTemplate(width, height);
        Graphics2D g = template.createGraphics(width, height, fonts.mapper());
        try {
            drawing.draw(g, width, height);
        } finally {
            g.dispose();
        }
        return template;
    }

    /** A vector template made once per document under {@code key} (icons): one XObject, many uses. */
    public PdfTemplate shared(String key, float width, float height, Drawing drawing) {
        return shared.computeIfAbsent(key, k -> vector(width, height, drawing));
    }

    /** Places {@code drawing} with its top-left corner at ({@code x}, {@code top}) in page coordinates. */
    public void draw(float x, float top, float width, float height, Drawing drawing) {
        canvas().addTemplate(vector(width, height, drawing), x, top - height);
    }

    /**
     * Names the current page position {@code name} (a link target) at height {@code top}, and records
     * the page for page references.
     */
    public void destination(String name, float top) {
        canvas().localDestination(name, new PdfDestination(PdfDestination.XYZ, MARGIN - 10, top + 14, 0));
        refs.reached(name, pageNumber());
    }

    /** A clickable area on the current page that goes to {@code name}. */
    public void link(String name, float llx, float lly, float urx, float ury) {
        canvas().localGoto(name, llx, lly, urx, ury);
    }

    /** A bookmark under {@code parent} (null for the top level) that goes to {@code name}. */
    public PdfOutline bookmark(PdfOutline parent, String title, String name, boolean open) {
        return new PdfOutline(parent == null ? writer.getRootOutline() : parent,
                PdfAction.gotoLocalPage(name, false), title, open);
    }

    /** A template that will show the page number of {@code destination}. */
    public PdfTemplate pageRef(String destination, float width, float size, Color colour) {
        return refs.ref(destination, width, size, colour, true);
    }

    /** Closes the document and returns its bytes, with the page references and the ID filled in. */
    public byte[] finish() {
        refs.fill();
        document.close();
        byte[] pdf = buffer.toByteArray();
        return withId(pdf);
    }

    /**
     * Replaces the trailer's {@code /ID [<32 hex><32 hex>]} (in the cross-reference stream's
     * dictionary, which is never compressed) by the digest of the file with that ID zeroed.
     */
    static byte[] withId(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher id = ID.matcher(text);
        int at = -1;
        while (id.find()) {
            at = id.start(1);
        }
        if (at < 0) {
            throw new IllegalStateException("the PDF has no document ID to replace");
        }
        String zero = "<" + "0".repeat(32) + ">";
        byte[] zeros = (zero + zero).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(zeros, 0, pdf, at, zeros.length);
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(pdf);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String hex = "<" + HexFormat.of().withUpperCase().formatHex(digest, 0, 16) + ">";
        byte[] replacement = (hex + hex).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(replacement, 0, pdf, at, replacement.length);
        return pdf;
    }

    private static GregorianCalendar utcMidnight(LocalDate date) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.clear();
        calendar.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth(), 0, 0, 0);
        return calendar;
    }
}
