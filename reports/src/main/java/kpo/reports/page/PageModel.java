package kpo.reports.page;

import java.awt.Color;
import java.util.List;

/**
 * One pack as a reader meets it: its title and its sections (one per page of the PDF, a flowing
 * section over several pages as one), each a list of blocks in reading order. Immutable.
 */
public record PageModel(String title, List<Section> sections) {

    public PageModel {
        sections = List.copyOf(sections);
    }

    /** A page of the pack (or a flowing section): the name its running header gives and its blocks. */
    public record Section(String name, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** Something a page says. */
    public sealed interface Block permits Anchor, Text, Table, Figure, LinkArea {
    }

    /** A place links go to: {@code name} is the PDF's named destination. */
    public record Anchor(String name) implements Block {
    }

    /** A paragraph ({@code level} 0) or a heading of {@code level} 1 to 3, as runs of text and pictures. */
    public record Text(int level, List<Run> runs) implements Block {
        public Text {
            runs = List.copyOf(runs);
        }

        /** The words, without the pictures. */
        public String plain() {
            StringBuilder text = new StringBuilder();
            for (Run run : runs) {
                if (run instanceof Words words) {
                    text.append(words.text());
                }
            }
            return text.toString();
        }
    }

    /** Where a link goes and the words that say so. */
    public record Link(String destination, String words) {
    }

    /** A piece of a paragraph or a cell. */
    public sealed interface Run permits Words, PageNumber, Picture {
    }

    /** Text in one style ({@code size} in points); {@code link} is null when it links nowhere. */
    public record Words(String text, float size, boolean bold, Color colour, Link link) implements Run {
    }

    /** The page number of a destination (it links there). */
    public record PageNumber(Link link) implements Run {
    }

    /** A small drawing in the text (an icon, a sparkline, a legend line): decoration, its meaning in words beside it. */
    public record Picture(Drawing drawing, float width, float height) implements Run {
    }

    /** A table: its rows, the first {@code headerRows} of them headers of its columns. */
    public record Table(int headerRows, List<List<Cell>> rows) implements Block {
        public Table {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A cell: its paragraphs, the columns it spans, whether its text is set right (numbers), its fill
     * and the colour of its flag (a rule on its left), each null when it has none.
     */
    public record Cell(List<Text> content, int columns, boolean right, Color fill, Color flag) {
        public Cell {
            content = List.copyOf(content);
        }
    }

    /**
     * A chart: its description (the words a reader hears instead of the picture), its size in points,
     * the drawing, and its data as a table (null where the page gives none, e.g. a small multiple).
     */
    public record Figure(String description, float width, float height, Drawing drawing, DataTable data)
            implements Block {
    }

    /** A chart's values as a table. */
    public record DataTable(String caption, List<String> headers, List<List<String>> rows) {
        public DataTable {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** An area of the page that links somewhere (a small multiple's tile). */
    public record LinkArea(Link link) implements Block {
    }
}
