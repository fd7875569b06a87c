package kpo.ingest.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kpo.ingest.read.TextRows;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceMapping;
import kpo.ingest.validate.RowReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import kpo.ingest.validate.ReadRow;

/**
 * A CSV written from generated rows reads back to the same values, whatever the writer chose:
 * quoting (needed or not), LF or CRLF, a byte-order mark, the column order. Field values carry
 * commas, quotes, line breaks and non-ASCII text; numbers are written as Java writes doubles.
 * The reader runs without Spark here (the same iterator the Spark tasks run).
 */
class CsvRoundTripPropertyTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 11, 5);
    private static final RowReader MEASURES = new RowReader(
            kpo.ingest.source.SourceSpec.csv("measures", SourceKind.MEASURES), kpo.ingest.source.ReadContext.asOf(AS_OF), null);
    private static final List<String> COLUMNS = List.of("period", "unit_code", "measure_id", "value", "denominator");

    /** One generated measure row. */
    record Measure(LocalDate period, String unit, String measure, double value, Double denominator) {
    }

    /** How the file is written. */
    record Style(boolean bom, boolean crlf, boolean quoteAll, long columnOrderSeed) {
    }

    @Property(tries = 200)
    void aWrittenCsvReadsBackToTheSameValuesAndLines(@ForAll("measures") List<Measure> rows,
            @ForAll("styles") Style style) throws IOException {
        List<String> columns = new ArrayList<>(COLUMNS);
        java.util.Collections.shuffle(columns, new Random(style.columnOrderSeed()));
        String eol = style.crlf() ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder(style.bom() ? "\uFEFF" : "");
        text.append(String.join(",", columns)).append(eol);
        long line = 2;
        List<Long> lines = new ArrayList<>();
        for (Measure m : rows) {
            lines.add(line);
            List<String> fields = new ArrayList<>();
            for (String c : columns) {
                String value = switch (c) {
                    case "period" -> m.period().toString();
                    case "unit_code" -> m.unit();
                    case "measure_id" -> m.measure();
                    case "value" -> Double.toString(m.value());
                    default -> m.denominator() == null ? "" : Double.toString(m.denominator());
                };
                fields.add(csvField(value, style.quoteAll()));
            }
            String record = String.join(",", fields);
            text.append(record).append(eol);
            line += lineBreaks(record) + 1;
        }
        Path file = Files.createTempFile("roundtrip", ".csv");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            List<ReadRow> read = new ArrayList<>();
            TextRows.rows(file, "csv", MEASURES).forEachRemaining(read::add);
            assertEquals(rows.size(), read.size());
            for (int i = 0; i < rows.size(); i++) {
                Measure m = rows.get(i);
                ReadRow r = read.get(i);
                assertTrue(r instanceof ReadRow.Accepted, () -> "rejected: " + r);
                Object[] v = ((ReadRow.Accepted) r).values(); // the fields in schema order, then period
                assertEquals(m.period(), v[0]);
                assertEquals(m.unit().trim(), v[1]);
                assertEquals(m.measure().trim(), v[2]);
                assertEquals(m.value(), (double) v[3]);
                assertEquals(m.denominator(), v[4]);
                assertEquals(lines.get(i), r.line(), "the physical line of row " + i);
            }
        } finally {
            Files.delete(file);
        }
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled. */
    static String csvField(String value, boolean quoteAnyway) {
        boolean needed = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return needed || quoteAnyway ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** Line breaks as a reader counts them: CRLF, LF or a lone CR. */
    static long lineBreaks(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    @Provide
    Arbitrary<Style> styles() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.longs()).as(Style::new);
    }

    @Provide
    Arbitrary<List<Measure>> measures() {
        Arbitrary<LocalDate> periods = Arbitraries.integers().between(0, 35 * 12).map(
                m -> LocalDate.of(1990, 1, 1).plusMonths(m));
        // Text with the characters that break naive CSV: commas, quotes, CR, LF, spaces, non-ASCII.
        Arbitrary<String> text = Arbitraries.strings().withChars("abcXYZ019 ,\"\r\n;'é€ß\t")
                .withCharRange('\u4e00', '\u4e10').ofMinLength(1).ofMaxLength(12).filter(s -> !s.trim().isEmpty());
        Arbitrary<Double> values = Arbitraries.oneOf(Arbitraries.integers().between(-1000, 100000).map(i -> (double) i),
                Arbitraries.doubles().between(-1e12, 1e12), Arbitraries.of(0.0, -0.0, 1e-300, 1e300, 0.1, 1 / 3.0));
        Arbitrary<Double> denominators = Arbitraries.oneOf(Arbitraries.just(null),
                Arbitraries.doubles().between(0, 1e9));
        return Combinators.combine(periods, text, text, values, denominators).as(Measure::new).list().ofMaxSize(25);
    }
}
