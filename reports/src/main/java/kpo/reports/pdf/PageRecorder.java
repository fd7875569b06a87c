package kpo.reports.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPRow;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import kpo.reports.page.Drawing;
import kpo.reports.page.PageModel;

/**
 * Writes down what the pack says as {@link PackDocument} lays it out: the same elements the PDF
 * draws and tags, read back into the {@link PageModel} (their words, styles, links, tables and
 * figures), so that the HTML pack comes from the one layout.
 */
final class PageRecorder {

    private final BaseFont bold;
    private final Map<PdfTemplate, PageModel.Picture> pictures = new IdentityHashMap<>();
    private final Map<PdfTemplate, String> pageNumbers = new IdentityHashMap<>();
    private final List<PageModel.Section> sections = new ArrayList<>();
    private String name;
    private List<PageModel.Block> blocks;

    PageRecorder(BaseFont bold) {
        this.bold = bold;
    }

    /** {@code template} shows {@code drawing}: where it is inline in text, the model has the drawing. */
    void picture(PdfTemplate template, Drawing drawing, float width, float height) {
        pictures.put(template, new PageModel.Picture(drawing, width, height));
    }

    /** {@code template} will show the page number of {@code destination}. */
    void pageNumber(PdfTemplate template, String destination) {
        pageNumbers.put(template, destination);
    }

    void section(String section) {
        close();
        name = section;
        blocks = new ArrayList<>();
    }

    /** A link target; one at the top of the page goes before what the page has said so far. */
    void anchor(String destination, boolean atTop) {
        PageModel.Anchor anchor = new PageModel.Anchor(destination);
        if (atTop) {
            int at = 0;
            while (at < blocks().size() && blocks().get(at) instanceof PageModel.Anchor) {
                at++;
            }
            blocks().add(at, anchor);
        } else {
            blocks().add(anchor);
        }
    }

    void text(Element element, int level) {
        blocks().add(new PageModel.Text(level, runs(element)));
    }

    void line(String text, Font font, int level) {
        blocks().add(new PageModel.Text(level, List.of(words(text, font, null))));
    }

    void table(PdfPTable table) {
        List<List<PageModel.Cell>> rows = new ArrayList<>();
        for (PdfPRow row : table.getRows()) {
            List<PageModel.Cell> cells = new ArrayList<>();
            for (PdfPCell cell : row.getCells()) {
                if (cell != null) {
                    cells.add(cell(cell));
                }
            }
            rows.add(cells);
        }
        blocks().add(new PageModel.Table(table.getHeaderRows(), rows));
    }

    void figure(String description, float width, float height, Drawing drawing, PageModel.DataTable data) {
        blocks().add(new PageModel.Figure(description, width, height, drawing, data));
    }

    void linkArea(String destination, String words) {
        blocks().add(new PageModel.LinkArea(new PageModel.Link(destination, words)));
    }

    PageModel model(String title) {
        close();
        return new PageModel(title, sections);
    }

    private List<PageModel.Block> blocks() {
        if (blocks == null) {
            section("");
        }
        return blocks;
    }

    private void close() {
        if (blocks != null) {
            sections.add(new PageModel.Section(name, blocks));
            blocks = null;
        }
    }

    private PageModel.Cell cell(PdfPCell cell) {
        List<PageModel.Text> content = new ArrayList<>();
        if (cell.getPhrase() != null) {
            content.add(new PageModel.Text(0, runs(cell.getPhrase())));
        } else if (cell.getCompositeElements() != null) {
            for (Object element : cell.getCompositeElements()) {
                content.add(new PageModel.Text(0, runs((Element) element)));
            }
        }
        boolean flagged = cell.isUseVariableBorders() && cell.hasBorder(Rectangle.LEFT);
        return new PageModel.Cell(content, Math.max(1, cell.getColspan()),
                cell.getHorizontalAlignment() == Element.ALIGN_RIGHT, cell.getBackgroundColor(),
                flagged ? cell.getBorderColorLeft() : null);
    }

    private List<PageModel.Run> runs(Element element) {
        List<PageModel.Run> runs = new ArrayList<>();
        for (Element part : element.getChunks()) {
            if (!(part instanceof Chunk chunk)) {
                continue;
            }
            PageModel.Link link = link(chunk);
            Image image = chunk.getImage();
            if (image != null) {
                PdfTemplate template = image.getTemplateData();
                if (pageNumbers.containsKey(template)) {
                    runs.add(new PageModel.PageNumber(link != null ? link
                            : new PageModel.Link(pageNumbers.get(template), "Go to its page")));
                } else if (pictures.containsKey(template)) {
                    runs.add(pictures.get(template));
                }
                continue;
            }
            runs.add(words(chunk.getContent(), chunk.getFont(), link));
        }
        return runs;
    }

    private PageModel.Words words(String text, Font font, PageModel.Link link) {
        return new PageModel.Words(text, font.getSize(), font.getBaseFont() == bold, font.getColor(), link);
    }

    private static PageModel.Link link(Chunk chunk) {
        if (chunk.hasAttributes() && chunk.getChunkAttributes().get(Chunk.GENERICTAG) instanceof String tag) {
            String[] parts = Tagging.link(tag);
            if (parts != null) {
                return new PageModel.Link(parts[0], parts[1]);
            }
        }
        return null;
    }
}
