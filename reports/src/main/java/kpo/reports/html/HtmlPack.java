package kpo.reports.html;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import kpo.reports.page.Drawing;
import kpo.reports.page.PageModel;
import kpo.reports.page.PageModel.Block;
import kpo.reports.page.PageModel.Cell;
import kpo.reports.page.PageModel.Run;
import kpo.reports.page.PageModel.Text;
import kpo.reports.style.Palette;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A pack as one self-contained HTML file, drawn from the {@link PageModel} the PDF's layout
 * recorded: a {@code section} per page with its headings, paragraphs and tables (column headers as
 * {@code th scope="col"}), each chart as inline SVG with a title, its description and, on a measure's
 * page, its data as a table a screen reader can reach; links between pages as links within the file;
 * a skip link, visible focus, and a print stylesheet that starts each page on a new sheet.
 *
 * <p>The same model gives the same bytes: the SVGs' internal ids are numbered, not timed.
 */
public final class HtmlPack {

    private final StringBuilder html = new StringBuilder(1 << 20);
    private int figures;
    /** SVGs written so far: each one's internal ids start with its number. */
    private int svgs;
    /** Whether the runs being written are a heading's (bold and colour come from the stylesheet). */
    private boolean heading;

    private HtmlPack() {
    }

    public static String render(PageModel model) {
        return new HtmlPack().document(model);
    }

    private String document(PageModel model) {
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(model.title())).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">Skip to the pack</a>\n<main id=\"main\">\n");
        int page = 0;
        for (PageModel.Section section : model.sections()) {
            page++;
            html.append("<section class=\"page\" aria-label=\"").append(escape(sectionLabel(section, page)))
                    .append("\">\n");
            for (Block block : section.blocks()) {
                block(block);
            }
            html.append("</section>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A section is named by its first heading, else by the running header's name. */
    private static String sectionLabel(PageModel.Section section, int page) {
        for (Block block : section.blocks()) {
            if (block instanceof Text text && text.level() > 0 && !text.plain().isBlank()) {
                return text.plain().strip();
            }
        }
        return section.name().isEmpty() ? "Page " + page : section.name();
    }

    private void block(Block block) {
        if (block instanceof PageModel.Anchor anchor) {
            html.append("<span id=\"").append(id(anchor.name())).append("\"></span>\n");
        } else if (block instanceof Text text) {
            text(text);
        } else if (block instanceof PageModel.Table table) {
            table(table);
        } else if (block instanceof PageModel.Figure figure) {
            figure(figure);
        } else if (block instanceof PageModel.LinkArea area) {
            html.append("<p class=\"more\"><a href=\"#").append(id(area.link().destination())).append("\">")
                    .append(escape(area.link().words())).append("</a></p>\n");
        }
    }

    private void text(Text text) {
        if (text.runs().isEmpty() || text.plain().isBlank() && text.runs().stream()
                .noneMatch(r -> !(r instanceof PageModel.Words))) {
            return;
        }
        String tag = text.level() == 0 ? "p" : "h" + text.level();
        html.append('<').append(tag).append('>');
        heading = text.level() > 0;
        runs(text.runs());
        heading = false;
        html.append("</").append(tag).append(">\n");
    }

    private void runs(List<Run> runs) {
        PageModel.Link open = null;
        for (Run run : runs) {
            PageModel.Link link = run instanceof PageModel.Words words ? words.link()
                    : run instanceof PageModel.PageNumber number ? number.link() : null;
            if (open != null && !open.equals(link)) {
                html.append("</a>");
                open = null;
            }
            if (link != null && open == null && !(run instanceof PageModel.PageNumber)) {
                html.append("<a href=\"#").append(id(link.destination())).append("\">");
                open = link;
            }
            if (run instanceof PageModel.Words words) {
                words(words);
            } else if (run instanceof PageModel.PageNumber number) {
                pageLink(number.link());
            } else if (run instanceof PageModel.Picture picture) {
                html.append(svg(picture.drawing(), picture.width(), picture.height(), null, null, "icon"));
            }
        }
        if (open != null) {
            html.append("</a>");
        }
    }

    private void words(PageModel.Words words) {
        String text = escape(words.text()).replace("\n", "<br>");
        // A heading takes its colour from the stylesheet.
        String colour = heading ? null : colour(words.colour());
        if (colour != null) {
            html.append("<span style=\"color:").append(colour).append("\">");
        }
        // A heading is bold by its own style; <strong> inside it would say nothing more.
        html.append(words.bold() && !heading ? "<strong>" + text + "</strong>" : text);
        if (colour != null) {
            html.append("</span>");
        }
    }

    /** A page number in the PDF is a plain link here: "Go", its words for a screen reader. */
    private void pageLink(PageModel.Link link) {
        String words = link.words();
        String rest = words.startsWith("Go ") ? words.substring(2) : " (" + words + ")";
        html.append("<a href=\"#").append(id(link.destination())).append("\">Go<span class=\"visually-hidden\">")
                .append(escape(rest)).append("</span></a>");
    }

    private void table(PageModel.Table table) {
        html.append("<div class=\"table\"><table>\n");
        List<List<Cell>> rows = table.rows();
        for (int r = 0; r < rows.size(); r++) {
            boolean header = r < table.headerRows();
            if (r == 0 && header) {
                html.append("<thead>\n");
            }
            if (r == table.headerRows()) {
                html.append("<tbody>\n");
            }
            html.append("<tr>");
            for (Cell cell : rows.get(r)) {
                cell(cell, header);
            }
            html.append("</tr>\n");
            if (r == table.headerRows() - 1) {
                html.append("</thead>\n");
            }
        }
        if (rows.size() > table.headerRows()) {
            html.append("</tbody>\n");
        }
        html.append("</table></div>\n");
    }

    private void cell(Cell cell, boolean header) {
        String tag = header ? "th" : "td";
        html.append('<').append(tag);
        if (header) {
            html.append(" scope=\"col\"");
        }
        if (cell.columns() > 1) {
            html.append(" colspan=\"").append(cell.columns()).append('"');
        }
        if (cell.right()) {
            html.append(" class=\"num\"");
        }
        StringBuilder style = new StringBuilder();
        String fill = colour(cell.fill());
        if (fill != null && !header) {
            style.append("background:").append(fill).append(';');
        }
        String flag = colour(cell.flag());
        if (flag != null) {
            style.append("border-left:4px solid ").append(flag).append(';');
        }
        if (!style.isEmpty()) {
            html.append(" style=\"").append(style).append('"');
        }
        html.append('>');
        boolean first = true;
        for (Text text : cell.content()) {
            if (!first) {
                html.append("<br>");
            }
            runs(text.runs());
            first = false;
        }
        html.append("</").append(tag).append('>');
    }

    private void figure(PageModel.Figure figure) {
        figures++;
        String title = figure.description();
        int colon = title.indexOf(": ");
        if (colon > 0) {
            title = title.substring(0, colon);
        }
        html.append("<figure class=\"chart\">\n")
                .append(svg(figure.drawing(), figure.width(), figure.height(), title, figure.description(), "chart"))
                .append('\n');
        if (figure.data() != null) {
            PageModel.DataTable data = figure.data();
            html.append("<details><summary>").append(escape(data.caption())).append("</summary>\n")
                    .append("<div class=\"table\"><table>\n<caption class=\"visually-hidden\">")
                    .append(escape(data.caption())).append("</caption>\n<thead><tr>");
            for (String header : data.headers()) {
                html.append("<th scope=\"col\">").append(escape(header)).append("</th>");
            }
            html.append("</tr></thead>\n<tbody>\n");
            for (List<String> row : data.rows()) {
                html.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    html.append(i == 0 ? "<th scope=\"row\">" : "<td class=\"num\">").append(escape(row.get(i)))
                            .append(i == 0 ? "</th>" : "</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</tbody></table></div>\n</details>\n");
        }
        html.append("</figure>\n");
    }

    /**
     * {@code drawing} as an inline SVG element: a chart is an image with a title and a description
     * ({@code role="img"}); an icon or sparkline, whose meaning is in the words beside it, is hidden
     * from screen readers.
     */
    private String svg(Drawing drawing, float width, float height, String title, String description,
            String kind) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // Ids inside each SVG start with the figure's number: unique in the page, the same every run.
        String prefix = kind.charAt(0) + String.valueOf(++svgs);
        g.setDefsKeyPrefix(prefix);
        drawing.draw(g, width, height);
        g.dispose();
        String svg = g.getSVGElement(null, false, new ViewBox(0, 0, (int) Math.ceil(width),
                (int) Math.ceil(height)), PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
        int open = svg.indexOf('>') + 1;
        String attributes;
        String inside = "";
        if (title == null) {
            attributes = " class=\"" + kind + "\" width=\"" + Math.round(width) + "\" height=\"" + Math.round(height)
                    + "\" aria-hidden=\"true\" focusable=\"false\"";
        } else {
            String id = "fig" + figures;
            attributes = " class=\"" + kind + "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\"";
            inside = "<title id=\"" + id + "-title\">" + escape(title) + "</title><desc id=\"" + id + "-desc\">"
                    + escape(description) + "</desc>";
        }
        return svg.substring(0, open - 1) + attributes + ">" + inside + svg.substring(open);
    }


    /** A link target's id: the PDF's destination name with anything but letters, digits, - and _ as -. */
    static String id(String destination) {
        return destination.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** A colour for text or a fill, or null for none: white text stood on a band the HTML does not draw. */
    private static String colour(Color colour) {
        if (colour == null || colour.equals(Color.WHITE) || colour.equals(Palette.TEXT)) {
            return null;
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue());
    }

    /** {@code text} safe in HTML text and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            :root { color: #212b32; background: #fff; }
            body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 1rem; line-height: 1.45;
              margin: 0 auto; max-width: 72rem; padding: 0 1rem 3rem; }
            .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
            .skip:focus { left: 1rem; }
            a { color: #005eb8; }
            a:focus-visible, summary:focus-visible { outline: 3px solid #212b32; outline-offset: 2px;
              background: #ffeb3b; }
            section.page { border-top: 2px solid #005eb8; padding-top: .5rem; margin-top: 2rem; }
            h1 { font-size: 1.6rem; margin: .5rem 0; }
            h2 { font-size: 1.2rem; color: #005eb8; margin: 1rem 0 .4rem; }
            h3 { font-size: 1rem; margin: .8rem 0 .3rem; }
            p { margin: .3rem 0 .6rem; }
            .table { overflow-x: auto; }
            table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .9rem; }
            th, td { border-bottom: 1px solid #d8dde0; padding: .25rem .5rem; text-align: left; vertical-align: middle; }
            thead th { background: #f0f4f5; border-bottom-color: #768692; }
            .num { text-align: right; }
            figure.chart { margin: .5rem 0 1rem; }
            svg.chart { width: 100%; max-width: 60rem; height: auto; display: block; }
            svg.icon { vertical-align: middle; }
            summary { cursor: pointer; color: #005eb8; margin: .3rem 0; }
            .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
              white-space: nowrap; }
            .more { margin: 0 0 1rem; }
            @media print {
              body { max-width: none; padding: 0; font-size: 10pt; }
              .skip { display: none; }
              section.page { break-before: page; border-top: none; margin-top: 0; }
              section.page:first-of-type { break-before: auto; }
              details > summary { display: none; }
              details { display: none; }
              a { color: inherit; text-decoration: none; }
              figure, table, tr { break-inside: avoid; }
            }
            """;
}
