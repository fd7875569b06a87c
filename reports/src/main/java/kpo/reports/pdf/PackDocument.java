package kpo.reports.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.xml.xmp.XmpWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kpo.reports.charts.SpcFigure;
import kpo.reports.page.Drawing;
import kpo.reports.page.PageModel;

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
    private final Tagging tagging;
    private final PageRecorder recorder;
    private final String title;
    /** The first words of each element a column had no room for (a layout that measured wrongly). */
    private final List<String> cut = new java.util.ArrayList<>();
    /** Where the next flowing element starts on the current page. */
    private float flowY = PAGE.getHeight() - TOP;

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
        writer.setTagged();
        // Links are visited in the order of the structure tree, which is the reading order.
        writer.setTabs(PdfName.S);
        fonts = new PdfFonts();
        recorder = new PageRecorder(fonts.boldBase());
        title = info.title();
        frame = new PageFrame(fonts, info.frameLeft(), info.frameFooter());
        writer.setPageEvent(frame);
        document.addTitle(info.title());
        document.addSubject(info.subject());
        document.addAuthor(info.author());
        document.addKeywords(info.keywords());
        document.addCreator("KPO analytics engine (kpo-reports)");
        document.open();
        // The structure tree's elements are objects of the file: they can be made once it is open.
        tagging = new Tagging(writer);
        writer.setPageEvent(tagging);
        PdfDictionary metadata = writer.getInfo();
        PdfDate date = new PdfDate(utcMidnight(info.dated()));
        metadata.put(PdfName.CREATIONDATE, date);
        metadata.put(PdfName.MODDATE, date);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("en-GB"));
        writer.setXmpMetadata(xmp(metadata));
        refs = new PageRefs(writer, fonts.regularBase());
    }

    /**
     * The XMP metadata: the document information (so its dates are the pack's, not the clock's) and
     * the PDF/UA identifier that says the file claims PDF/UA-1.
     */
    private static byte[] xmp(PdfDictionary info) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XmpWriter xmp = new XmpWriter(bytes, info, 0);
            xmp.addRdfDescription("xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"",
                    "<pdfuaid:part>1</pdfuaid:part>");
            xmp.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static PackDocument open(Info info) {
        return new PackDocument(info);
    }

    public PdfFonts fonts() {
        return fonts;
    }

    /** The page's content. Pages do not draw on it directly: every mark must be tagged or an artifact. */
    private PdfContentByte canvas() {
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
        tagging.newSection();
        recorder.section(section);
        flowY = top();
    }

    /**
     * Breaks the page when less than {@code height} points are left in a flowing layout, so that a
     * heading is never left alone at the foot of a page.
     */
    public void keepSpace(float height) {
        if (flowY - BOTTOM < height) {
            breakFlow();
        }
    }

    /** A flowing page continues on the next page, in the same section. */
    private void breakFlow() {
        document.newPage();
        flowY = top();
    }

    private boolean atTopOfPage() {
        return flowY >= top() - 0.01f;
    }

    /**
     * Adds a paragraph, a heading or a table below what the page holds, continuing on new pages as
     * needed: a paragraph splits between lines, a table between rows (its header rows repeated).
     */
    public void add(Element element) {
        if (element instanceof PdfPTable table) {
            flowTable(table);
        } else {
            flowText(element);
        }
    }

    private void flowText(Element element) {
        recorder.text(element, level(element));
        PdfStructureElement holder = Tagging.holder(tagging.element(role(element)), Tagging.links(element));
        ColumnText column = new ColumnText(canvas());
        column.addElement(element);
        while (true) {
            boolean fresh = atTopOfPage();
            // Space before a paragraph is left out at the top of a page, as in a word processor.
            column.setAdjustFirstLine(fresh);
            column.setSimpleColumn(left(), bottom(), right(), flowY);
            int status = go(holder, column);
            flowY = column.getYLine();
            if (!ColumnText.hasMoreText(status)) {
                return;
            }
            if (fresh && column.getLinesWritten() == 0) {
                throw new IllegalStateException("a paragraph taller than a page cannot be laid out");
            }
            breakFlow();
        }
    }

    private int go(PdfStructureElement holder, ColumnText column) {
        int[] status = new int[1];
        tagging.mark(canvas(), holder, () -> {
            try {
                status[0] = column.go();
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
        });
        return status[0];
    }

    private static PdfName role(Element element) {
        return element instanceof Heading heading ? heading.role() : PdfName.P;
    }

    private static int level(Element element) {
        return element instanceof Heading heading ? heading.level() : 0;
    }

    private void flowTable(PdfPTable table) {
        if (!atTopOfPage()) {
            flowY -= table.spacingBefore();
        }
        recorder.table(table);
        PdfStructureElement element = tagging.element(PdfName.TABLE);
        int headerRows = table.getHeaderRows();
        for (int row = 0; row < table.size(); row++) {
            float height = table.getRowHeight(row);
            if (flowY - height < bottom() && !atTopOfPage()) {
                breakFlow();
                if (row >= headerRows && headerRows > 0) {
                    // The header repeated over a table's continuation is for the eye: the reader has
                    // heard it already.
                    float y = flowY;
                    Tagging.artifact(canvas(), () -> table.writeSelectedRows(0, headerRows, left(), y, canvas()));
                    flowY -= table.getHeaderHeight();
                }
            }
            writeRow(element, table, row, left(), flowY, row < headerRows);
            flowY -= height;
        }
        flowY -= table.spacingAfter();
    }

    /**
     * Writes {@code table} (of locked width) with its top-left corner at ({@code x}, {@code top}), every
     * cell tagged; returns the y of its bottom. Rows below {@code table.getHeaderRows()} are its body.
     */
    public float table(PdfPTable table, float x, float top) {
        recorder.table(table);
        PdfStructureElement element = tagging.element(PdfName.TABLE);
        float y = top;
        for (int row = 0; row < table.size(); row++) {
            writeRow(element, table, row, x, y, row < table.getHeaderRows());
            y -= table.getRowHeight(row);
        }
        return y;
    }

    /** One row: a {@code TR} of {@code TH} (over their column) or {@code TD}, each cell its own marked content. */
    private void writeRow(PdfStructureElement table, PdfPTable pdfTable, int row, float x, float top,
            boolean header) {
        PdfStructureElement tr = Tagging.element(table, PdfName.TABLEROW);
        PdfPCell[] cells = pdfTable.getRow(row).getCells();
        float[] widths = pdfTable.getAbsoluteWidths();
        float cellX = x;
        for (int column = 0; column < cells.length; column++) {
            PdfPCell cell = cells[column];
            if (cell != null) {
                PdfStructureElement td = Tagging.element(tr, header ? PdfName.TH : PdfName.TD);
                if (header) {
                    Tagging.columnHeader(td);
                }
                int span = Math.max(1, cell.getColspan());
                if (span > 1) {
                    Tagging.columnSpan(td, span);
                }
                int from = column;
                float at = cellX;
                tagging.mark(canvas(), Tagging.holder(td, Tagging.links(cell)),
                        () -> pdfTable.writeSelectedRows(from, from + span, row, row + 1, at, top, canvas()));
            }
            cellX += widths[column];
        }
    }

    /**
     * Lays {@code elements} into the column from {@code x} to {@code x + width}, starting at
     * {@code top} and stopping at {@code bottom}, each element tagged (a {@link Heading} as a heading,
     * anything else as a paragraph); returns the y below the last line written. Text that does not fit
     * is dropped, so callers size their columns from {@link Blocks#height}.
     */
    public float column(float x, float top, float width, float bottom, List<? extends Element> elements) {
        ColumnText column = new ColumnText(canvas());
        column.setSimpleColumn(x, bottom, x + width, top);
        boolean first = true;
        for (Element element : elements) {
            if (element instanceof PdfPTable table) {
                // A table is written cell by cell, as a table, where a column of text would have put it.
                float y = column.getYLine() - (first ? 0 : table.spacingBefore());
                if (y - table.getTotalHeight() < bottom) {
                    cut.add("a table of " + table.size() + " rows");
                    break;
                }
                y = table(table, x, y) - table.spacingAfter();
                column.setYLine(y);
                first = false;
                continue;
            }
            recorder.text(element, level(element));
            column.addElement(element);
            // One go per element, so each is its own marked content; the first line of the column
            // is placed as one go over all of them would place it, and no other.
            column.setAdjustFirstLine(first);
            first = false;
            int status = go(Tagging.holder(tagging.element(role(element)), Tagging.links(element)), column);
            if (ColumnText.hasMoreText(status)) {
                String words = element.getChunks().stream().filter(c -> c instanceof com.lowagie.text.Chunk)
                        .map(c -> ((com.lowagie.text.Chunk) c).getContent()).reduce("", String::concat);
                cut.add(words.length() > 60 ? words.substring(0, 60) + "…" : words);
                break;
            }
        }
        return column.getYLine();
    }

    /** One line of text at a baseline, a paragraph of its own. */
    public void line(String text, Font font, float x, float baseline, int align) {
        recorder.line(text, font, 0);
        line(PdfName.P, text, font, x, baseline, align);
    }

    /** One line of text at a baseline that is a heading of {@code level}. */
    public void headingLine(int level, String text, Font font, float x, float baseline, int align) {
        recorder.line(text, font, level);
        line(Heading.role(level), text, font, x, baseline, align);
    }

    private void line(PdfName role, String text, Font font, float x, float baseline, int align) {
        PdfContentByte cb = canvas();
        tagging.mark(cb, tagging.element(role),
                () -> ColumnText.showTextAligned(cb, align, new Phrase(text, font), x, baseline, 0));
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
        recorder.picture(template, drawing, width, height);
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

    /**
     * Places {@code drawing} with its top-left corner at ({@code x}, {@code top}) in page coordinates,
     * as a figure that a screen reader announces by {@code description}.
     */
    public void figure(float x, float top, float width, float height, String description, Drawing drawing) {
        figure(x, top, width, height, description, null, drawing);
    }

    /** A figure as above whose values the HTML pack also gives as a table ({@code data}). */
    public void figure(float x, float top, float width, float height, String description, PageModel.DataTable data,
            Drawing drawing) {
        recorder.figure(description, width, height, drawing, data);
        PdfTemplate template = vector(width, height, drawing);
        tagging.mark(canvas(), tagging.figure(description), () -> canvas().addTemplate(template, x, top - height));
    }

    /** Places {@code template} at ({@code x}, {@code y}) as decoration: its meaning is in words beside it. */
    public void decoration(PdfTemplate template, float x, float y) {
        Tagging.artifact(canvas(), () -> canvas().addTemplate(template, x, y));
    }

    /** Draws on the page what is decoration only (a band, a rule, an arrow between boxes). */
    public void decoration(Consumer<PdfContentByte> drawing) {
        PdfContentByte cb = canvas();
        Tagging.artifact(cb, () -> drawing.accept(cb));
    }

    /**
     * Names the current page position {@code name} (a link target) at height {@code top}, and records
     * the page for page references.
     */
    public void destination(String name, float top) {
        canvas().localDestination(name, new PdfDestination(PdfDestination.XYZ, MARGIN - 10, top + 14, 0));
        recorder.anchor(name, top >= top() - 1);
        refs.reached(name, pageNumber());
    }

    /** A clickable area on the current page that goes to {@code name}, announced as {@code words}. */
    public void link(String name, String words, float llx, float lly, float urx, float ury) {
        recorder.linkArea(name, words);
        tagging.annotate(tagging.element(PdfName.LINK), llx, lly, urx, ury, name, words);
    }

    /** A bookmark under {@code parent} (null for the top level) that goes to {@code name}. */
    public PdfOutline bookmark(PdfOutline parent, String title, String name, boolean open) {
        return new PdfOutline(parent == null ? writer.getRootOutline() : parent,
                PdfAction.gotoLocalPage(name, false), title, open);
    }

    /** A template that will show the page number of {@code destination}. */
    public PdfTemplate pageRef(String destination, float width, float size, Color colour) {
        PdfTemplate template = refs.ref(destination, width, Math.max(size, PdfFonts.BODY_MINIMUM), colour, true);
        recorder.pageNumber(template, destination);
        return template;
    }

    /**
     * The text that did not fit where a page put it (its first words), in the order met: nothing, when
     * every layout measured its text right. Tests hold the packs to that.
     */
    public List<String> cut() {
        return List.copyOf(cut);
    }

    /** What the pack says, page by page, as the HTML pack draws it; complete once {@link #finish} is called. */
    public PageModel model() {
        return recorder.model(title);
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
