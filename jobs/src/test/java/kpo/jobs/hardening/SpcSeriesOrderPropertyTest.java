package kpo.jobs.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import kpo.jobs.CliRun;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code kpo spc} charts each series of a file on its own: shuffling the rows (so that the series
 * ids come in another order, interleaved, and each series' periods out of order) gives every series
 * exactly the same output. Only the order of the series in the output may change.
 */
class SpcSeriesOrderPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Property(tries = 40)
    void shufflingTheRowsChangesNoSeriesOutput(@ForAll("series") Map<String, List<Integer>> series,
            @ForAll long seed, @ForAll("charts") String chart) throws IOException {
        List<String> rows = new ArrayList<>();
        series.forEach((id, values) -> {
            for (int i = 0; i < values.size(); i++) {
                Integer v = values.get(i);
                rows.add(LocalDate.of(2022, 1, 1).plusMonths(i) + "," + (v == null ? "" : v) + ",\"" + id + "\"");
            }
        });
        List<String> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(bySeries(run(rows, chart)), bySeries(run(shuffled, chart)));
    }

    private static JsonNode run(List<String> rows, String chart) throws IOException {
        Path file = Files.createTempFile("series", ".csv");
        try {
            Files.writeString(file, "period,value,series\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
            CliRun run = CliRun.of("spc", "--input", file.toString(), "--chart", chart, "--improvement", "decrease",
                    "--target", "10");
            assertEquals(0, run.exitCode(), run.err());
            return JSON.readTree(run.out());
        } finally {
            Files.delete(file);
        }
    }

    private static Map<String, JsonNode> bySeries(JsonNode output) {
        Map<String, JsonNode> result = new TreeMap<>();
        output.get("series").forEach(s -> result.put(s.get("id").asText(), s));
        return result;
    }

    @Provide
    Arbitrary<String> charts() {
        return Arbitraries.of("xmr", "i", "run", "c", "mr");
    }

    @Provide
    Arbitrary<Map<String, List<Integer>>> series() {
        Arbitrary<String> ids = Arbitraries.strings().withChars("ABCxyz 019,/").ofMinLength(1).ofMaxLength(6)
                .filter(s -> !s.isBlank() && s.equals(s.trim()));
        Arbitrary<Integer> value = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12,
                Arbitraries.integers().between(0, 60)), net.jqwik.api.Tuple.of(1, Arbitraries.just(null)));
        return Arbitraries.maps(ids, value.list().ofMinSize(1).ofMaxSize(30)).ofMinSize(1).ofMaxSize(5);
    }
}
