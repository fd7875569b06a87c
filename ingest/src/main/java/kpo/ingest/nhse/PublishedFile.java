package kpo.ingest.nhse;

import java.nio.file.Path;
import java.util.List;
import kpo.ingest.IngestException;
import kpo.ingest.read.CsvTable;

/**
 * A file NHS England publishes, read as the user downloads it: a header, then rows, each with its
 * physical line; headers matched after trimming and ignoring case (the A&E file has stray spaces).
 * These files are small (a few thousand rows), so they are read on the driver.
 */
final class PublishedFile {

    final Path file;
    final List<CsvTable.Line> lines;
    private final CsvTable table;

    private PublishedFile(CsvTable table) {
        this.table = table;
        this.file = table.file();
        this.lines = table.lines();
    }

    static PublishedFile read(Path file) {
        return new PublishedFile(CsvTable.read(file));
    }

    /** The position of a column, or an error naming the file and the column. */
    int column(String header) {
        return table.column(header).orElseThrow(() -> new IngestException(file + " has no column '" + header
                + "': is it the NHS England file it is configured as?"));
    }

    boolean has(String header) {
        return table.has(header);
    }
}
