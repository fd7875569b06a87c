package kpo.ingest.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kpo.ingest.source.ReadContext;
import kpo.ingest.IngestException;
import kpo.ingest.BothEngines;
import kpo.ingest.curate.CuratedStore;
import kpo.ingest.validate.Rejection;
import org.junit.jupiter.api.io.TempDir;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.Field;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceMapping;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.source.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/badinput/manifest.txt}): every malformed extract
 * there is read on both engines, and its outcome is exactly the one the manifest states:
 * a one-sentence {@link IngestException} naming the file (and line, where there is one), or exact
 * counts of accepted and rejected rows by reason, with every rejection located and no identifier
 * in it. Adding a case is adding a file and a line to the manifest.
 */
class BadInputCorpusTest extends BothEngines {

    /** The corpus is dated: later dates are in the future. */
    static final LocalDate AS_OF = LocalDate.of(2025, 11, 5);
    private static final Pseudonymiser KEY = Pseudonymiser.withKey(
            "a corpus test key of 32 bytes!!!".getBytes(StandardCharsets.UTF_8));
    private static final Set<String> WHOLE_ROW_REASONS = Set.of(Reason.SHORT_ROW.code(), Reason.MALFORMED_ROW.code(),
            Reason.LONG_ROW.code());

    /** One line of the manifest. */
    record Case(String file, SourceKind kind, String format, Map<String, String> options, String expected) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Path folder() {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("/badinput/manifest.txt").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Case> manifest() throws IOException {
        return Files.readAllLines(folder().resolve("manifest.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> {
                    String[] parts = Arrays.stream(l.split("\\|", 5)).map(String::strip).toArray(String[]::new);
                    Map<String, String> options = new LinkedHashMap<>();
                    if (!parts[3].equals("-")) {
                        for (String pair : parts[3].split(";")) {
                            String[] kv = pair.split("=", 2);
                            options.put(kv[0].strip(), kv[1].strip());
                        }
                    }
                    return new Case(parts[0], SourceKind.fromCode(parts[1]).orElseThrow(), parts[2], options, parts[4]);
                }).toList();
    }

    static Stream<Arguments> cases() throws IOException {
        return manifest().stream().flatMap(c -> engines().map(e -> Arguments.of(c, e)));
    }

    @TempDir
    Path stores;

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void eachBadInputHasItsStatedOutcome(Case c, String engine) throws IOException {
        Path file = folder().resolve(c.file());
        assertTrue(Files.exists(file), "the corpus holds " + c.file());
        SourceSpec spec = new SourceSpec(c.kind().code(), c.kind(), List.of(file.toString()), c.format(),
                new SourceMapping(Map.of(), c.options().get("date_format"), c.options().get("timestamp_format"),
                        Map.of()), Double.parseDouble(c.options().getOrDefault("max_reject_rate", "1.0")));
        Pseudonymiser key = "none".equals(c.options().get("key")) ? null : KEY;
        if (c.expected().startsWith("error")) {
            IngestException e = assertThrows(IngestException.class, () -> curate(engine(engine), stores, spec,
                    ReadContext.asOf(AS_OF), key), c.file() + " is refused");
            assertErrorIs(c, e.getMessage());
            return;
        }
        assertCounts(c, curate(engine(engine), stores, spec, ReadContext.asOf(AS_OF), key), file);
    }

    /** The message: one line, the file named, the expected words, no identifier, nothing from Java. */
    static void assertErrorIs(Case c, String message) {
        String expected = c.expected();
        String text = expected.substring(expected.indexOf(':') + 1).strip();
        assertTrue(message.contains(c.file()), "names the file: " + message);
        assertTrue(message.contains(text), "says '" + text + "': " + message);
        if (expected.startsWith("error@")) {
            String line = expected.substring("error@".length(), expected.indexOf(':'));
            assertTrue(message.contains(c.file() + ":" + line + ":"), "names line " + line + ": " + message);
        }
        assertFalse(message.contains("\n"), "one sentence: " + message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), "nothing from Java: " + message);
        assertFalse(message.matches("(?s).*\\d{3} ?\\d{3} ?\\d{4}.*"), "no NHS number: " + message);
    }

    static void assertCounts(Case c, Curated data, Path file) throws IOException {
        Map<String, Long> expected = new TreeMap<>();
        Map<String, Long> firstLines = new TreeMap<>();
        for (String token : c.expected().split("\\s+")) {
            String[] kv = token.split("=");
            if (kv[0].startsWith("line:")) {
                firstLines.put(kv[0].substring("line:".length()), Long.parseLong(kv[1]));
            } else {
                expected.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        long read = expected.remove("read");
        long accepted = expected.remove("accepted");
        CuratedStore.Curation counts = data.curation();
        Map<String, Long> byReason = new TreeMap<>();
        counts.rejectedByReason().forEach((r, n) -> byReason.put(r.code(), n));
        String actual = "read=" + counts.read() + " accepted=" + counts.accepted() + " " + byReason;
        assertEquals(read, counts.read(), actual);
        assertEquals(accepted, counts.accepted(), actual);
        assertEquals(expected, byReason, actual);

        // Every rejection is located and explained, and carries no identifier.
        long lastLine = "parquet".equals(c.format()) ? counts.read() : physicalLines(file);
        Set<String> identifiers = c.kind().fields().stream().filter(Field::identifier).map(Field::name)
                .collect(Collectors.toSet());
        Set<String> reasons = Arrays.stream(Reason.values()).map(Reason::code).collect(Collectors.toSet());
        List<Rejection> rejects = data.rejects();
        assertEquals(counts.rejected(), rejects.size());
        Map<String, Long> first = new TreeMap<>();
        for (Rejection r : rejects) {
            assertEquals(file.toString(), r.file());
            long line = r.line();
            assertTrue(line >= 1 && line <= lastLine, "line " + line + " of " + lastLine);
            String reason = r.reason().code();
            assertTrue(reasons.contains(reason), reason);
            if (!WHOLE_ROW_REASONS.contains(reason)) {
                assertNotNull(r.column(), "a field rejection names its column: " + r);
            }
            if (r.column() != null && identifiers.contains(r.column())) {
                assertTrue(r.value().chars().allMatch(ch -> ch == '*'), "an identifier is masked: " + r);
            }
            first.merge(reason, line, Math::min);
        }
        firstLines.forEach((reason, line) -> assertEquals(line, first.get(reason), "first line of " + reason));
        assertFalse(rejects.toString().contains("9434765919"), "no NHS number survives");
    }

    /** Physical lines: line breaks, plus one for a last line without one. */
    private static long physicalLines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long breaks = 0;
        for (byte b : bytes) {
            breaks += b == '\n' ? 1 : 0;
        }
        return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? breaks + 1 : breaks;
    }
}
