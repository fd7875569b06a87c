package kpo.jobs.spc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kpo.spc.ChartType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A plain series file (no quotes, LF or CRLF lines) is read whole and checked on every core; any
 * other is read as it streams in by the RFC 4180 parser. For every plain file the two readers give
 * the same series, observations, lines, row count and problems in the same order, whatever the
 * file holds: blank and white-space lines, short rows, bad numbers and dates, repeated periods,
 * a byte-order mark, CRLF, non-ASCII series ids, problems past the first ten.
 */
class SeriesFileReadersAgreePropertyTest {

    @Property(tries = 300)
    void thePlainReaderReadsAsTheStreamingOneDoes(@ForAll("files") String text, @ForAll("charts") ChartType chart) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertTrue(PlainCsv.applies(bytes), "the generated file is plain");
        SeriesFile plain = SeriesFile.readCsv("f.csv", new ByteArrayInputStream(bytes), chart,
                SeriesFile.ColumnNames.DEFAULT);
        SeriesFile streaming = SeriesFile.readCsvStreaming("f.csv", new ByteArrayInputStream(bytes), chart,
                SeriesFile.ColumnNames.DEFAULT);
        assertEquals(streaming.problems(), plain.problems());
        assertEquals(streaming.problemCount(), plain.problemCount());
        assertEquals(streaming.rows(), plain.rows());
        List<SeriesFile.Series> expected = streaming.series();
        List<SeriesFile.Series> actual = plain.series();
        assertEquals(expected.stream().map(SeriesFile.Series::id).toList(),
                actual.stream().map(SeriesFile.Series::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).observations(), actual.get(i).observations());
            assertArrayEquals(expected.get(i).lines(), actual.get(i).lines());
        }
    }

    @Provide
    Arbitrary<ChartType> charts() {
        return Arbitraries.of(ChartType.XMR, ChartType.P, ChartType.T, ChartType.XBAR);
    }

    @Provide
    Arbitrary<String> files() {
        Arbitrary<String> header = Arbitraries.of("period,value,denominator,series", "series,period,value,denominator",
                "Period , VALUE,denominator,series,extra", "period,value,series", "value,period");
        Arbitrary<String> period = Arbitraries.of("2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-03",
                "2024-02-30", "", " 2024-05-01 ", "01/06/2024", "x");
        Arbitrary<String> number = Arbitraries.of("12", "3", "0", "-3", "1.5", "", " 7 ", "NaN", "1e400", "-0", "40",
                "10");
        Arbitrary<String> id = Arbitraries.of("a", "b", " c ", "Δ ward", "", "a");
        Arbitrary<String> row = Combinators.combine(period, number, number, id, Arbitraries.integers().between(0, 9))
                .as((p, v, d, s, shape) -> switch (shape) {
                    case 0 -> "";
                    case 1 -> "   ";
                    case 2 -> p + "," + v;
                    case 3 -> s + "," + p + "," + v + "," + d;
                    default -> p + "," + v + "," + d + "," + s;
                });
        Arbitrary<List<String>> rows = row.list().ofMinSize(0).ofMaxSize(400);
        return Combinators.combine(header, rows, Arbitraries.of("\n", "\r\n"), Arbitraries.of("", "\uFEFF"),
                Arbitraries.of(true, false)).as((h, r, end, bom, last) -> {
                    List<String> lines = new ArrayList<>();
                    lines.add(h);
                    lines.addAll(r);
                    return bom + String.join(end, lines) + (last ? end : "");
                });
    }
}
