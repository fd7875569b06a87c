package kpo.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.SourceKind;
import kpo.ingest.validate.RowReader;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.validate.ReadRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file read in pieces gives the same rows, with the same line numbers, as read whole. */
class ChunkTest {

    /** Each piece scanned in turn, as an engine does on its threads. */
    private static List<long[]> scan(List<Chunk> pieces) {
        List<long[]> counts = new ArrayList<>();
        for (Chunk c : pieces) {
            try {
                counts.add(c.scan());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return counts;
    }



    @TempDir
    Path folder;



    private static final RowReader READER = new RowReader(SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST),
            ReadContext.asOf(LocalDate.of(2025, 12, 31)), Pseudonymiser.withKey("chunk test key, sixteen or more".getBytes(
                    StandardCharsets.UTF_8)));

    private Path file(boolean quoted) throws IOException {
        StringBuilder s = new StringBuilder("\uFEFFsnapshot_date,trust_code,specialty,pathway_id,clock_start_date\r\n");
        for (int i = 0; i < 2000; i++) {
            String specialty = i % 97 == 0 ? "C_777" : "C_110";
            s.append("2025-10-31,RR8,").append(quoted && i == 5 ? "\"C_1\n10\"" : specialty).append(",P").append(i)
                    .append(",2025-0").append(1 + i % 9).append("-01\r\n");
            if (i % 500 == 0) {
                s.append("\r\n");
            }
        }
        Path file = folder.resolve(quoted ? "quoted.csv" : "plain.csv");
        Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> read(List<Chunk> chunks, List<String> header) {
        List<String> rows = new ArrayList<>();
        for (Chunk chunk : chunks) {
            TextRows.rows(chunk, "csv", READER, header).forEachRemaining(r -> rows.add(describe(r)));
        }
        return rows;
    }

    private static String describe(ReadRow r) {
        return r.line() + ":" + (r instanceof ReadRow.Rejected rejected ? rejected.rejection().reason().code() : null)
                + ":" + (r instanceof ReadRow.Accepted accepted ? accepted.values()[5] : null);
    }

    @Test
    void piecesGiveTheWholeFilesRowsAndLines() throws IOException {
        Path file = file(false);
        List<String> header = TextRows.header(file, "csv");
        List<Chunk> pieces = Chunk.of(List.of(file), true, 4096, ChunkTest::scan);
        assertTrue(pieces.size() > 10, pieces.size() + " pieces");
        List<String> whole = new ArrayList<>();
        TextRows.rows(file, "csv", READER).forEachRemaining(r -> whole.add(describe(r)));
        assertEquals(whole, read(pieces, header));
        assertEquals(2000, whole.size());
        assertTrue(whole.contains("2:unknown_treatment_function:null"), "line 2 is the first row");
    }

    @Test
    void aFileWithQuotesIsReadWhole() throws IOException {
        Path file = file(true);
        List<Chunk> pieces = Chunk.of(List.of(file), true, 4096, ChunkTest::scan);
        assertEquals(1, pieces.size());
        assertEquals(2000, read(pieces, TextRows.header(file, "csv")).size());
    }
}
