package kpo.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kpo.ingest.source.ReadContext;
import kpo.ingest.IngestException;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.Field;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceMapping;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.source.Reason;
import kpo.ingest.validate.RowReader;
import kpo.ingest.validate.ReadRow;
import kpo.ingest.validate.Rejection;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing the text readers (what each Spark task runs): whatever the bytes of a waiting-list
 * extract, the reader either gives rows, each accepted with its required fields and pseudonyms or
 * rejected with a reason code, a line and a masked identifier, or stops with an
 * {@link IngestException} whose one sentence names the file and holds no identifier. Any other
 * exception is a finding. {@code mvn verify} replays the seeds in
 * {@code src/test/resources/kpo/ingest/read/TextRowsFuzzTestInputs}; docs/hardening.md says how to
 * fuzz for longer.
 */
class TextRowsFuzzTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 11, 5);
    private static final Pseudonymiser KEY = Pseudonymiser.withKey(
            "a fuzz test key of thirty-two b!".getBytes(StandardCharsets.UTF_8));
    private static final RowReader READER = new RowReader(
            SourceSpec.csv("fuzz", SourceKind.WAITING_LIST), ReadContext.asOf(AS_OF), KEY);
    private static final Set<String> REASONS = Arrays.stream(Reason.values()).map(Reason::code)
            .collect(Collectors.toSet());
    /** Where each input is written to be read as a file; JUnit deletes it after the class. */
    @TempDir
    static Path folder;

    @FuzzTest
    void csvRows(byte[] data) throws IOException {
        read(data, "csv", folder.resolve("extract.csv"));
    }

    @FuzzTest
    void jsonLines(byte[] data) throws IOException {
        read(data, "json", folder.resolve("extract.jsonl"));
    }

    /** The reader's path for one file: header, columns, then every row (SourceReader without Spark). */
    private static void read(byte[] data, String format, Path file) throws IOException {
        Files.write(file, data);
        SourceSpec spec = new SourceSpec("fuzz", SourceKind.WAITING_LIST, List.of(file.toString()), format,
                SourceMapping.NONE, 1.0);
        try {
            List<String> header = TextRows.header(file, format);
            if (header.isEmpty()) {
                return; // SourceReader stops here: "FILE is empty; expected a header line"
            }
            SourceHeader.check(spec, file.toString(), header, true);
            Iterator<ReadRow> rows = TextRows.rows(file, format, READER);
            while (rows.hasNext()) {
                assertSound(rows.next(), file);
            }
        } catch (IngestException e) {
            assertSentence(e.getMessage(), file);
        }
    }

    private static void assertSound(ReadRow r, Path file) {
        assertEquals(file.toString(), r.file());
        assertTrue(r.line() >= 1, "a line from 1");
        List<Field> fields = SourceKind.WAITING_LIST.fields();
        if (r instanceof ReadRow.Accepted accepted) {
            Object[] v = accepted.values();
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                if (f.required()) {
                    assertNotNull(v[i], f.name() + " is required");
                }
                if (f.identifier() && v[i] != null) {
                    assertTrue(((String) v[i]).matches("[0-9a-f]{32}"), "a pseudonym, not " + f.name());
                }
            }
            return;
        }
        Rejection rejection = ((ReadRow.Rejected) r).rejection();
        assertTrue(REASONS.contains(rejection.reason().code()), rejection.reason().code());
        String column = rejection.column();
        if (column != null && (column.equals("nhs_number") || column.equals("pathway_id"))) {
            assertTrue(rejection.value().chars().allMatch(c -> c == '*'), "an identifier is masked");
        }
    }

    /** One sentence, naming the file, with nothing from Java and no number shaped like an NHS number. */
    static void assertSentence(String message, Path file) {
        assertNotNull(message);
        assertTrue(message.contains(file.toString()), message);
        String rest = message.replace(file.toString(), "FILE");
        assertFalse(rest.contains("\n") || rest.contains("Exception") || rest.contains("\tat "), message);
        assertFalse(rest.matches("(?s).*\\d{10}.*"), "no identifier: " + message);
    }
}
