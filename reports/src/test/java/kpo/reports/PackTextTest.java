package kpo.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import kpo.reports.fixtures.FixturePack;
import kpo.reports.narrative.ChartDescription;
import kpo.reports.narrative.Narrative;
import org.junit.jupiter.api.Test;

/** The pack's words as CSV and JSON: the same narrative and text alternatives as the PDF. */
class PackTextTest {

    private final BoardPack pack = FixturePack.trust();

    @Test
    void csvHasAHeaderAndOneQuotedRowPerMeasure() {
        StringBuilder csv = new StringBuilder();
        PackText.csv(pack, csv);
        List<String> lines = csv.toString().lines().toList();
        assertEquals(String.join(",", PackText.COLUMNS), lines.get(0));
        assertEquals(pack.measures().size() + 1, lines.size());
        assertTrue(csv.toString().endsWith("\r\n"));
        assertTrue(lines.get(1).startsWith("wl_paeds,Paediatric RTT waiting list,C1;CH-1,Children's,Paediatrics,count,"
                + "2025-10-27,226,226,212,common_cause,Common cause,hit_and_miss,Hit and miss,hit_and_miss,good,false,"
                + "\"The latest value is 226"), lines.get(1));
    }

    @Test
    void jsonCarriesTheSameWordsAsThePdf() throws Exception {
        StringBuilder json = new StringBuilder();
        PackText.json(pack, json);
        JsonNode root = new ObjectMapper().readTree(json.toString());
        assertEquals("RXZ", root.get("trust").asText());
        assertEquals("2025-10", root.get("period").asText());
        JsonNode first = root.get("measures").get(0);
        MeasureReport m = pack.measure(first.get("measure_id").asText());
        assertEquals(Narrative.of(m).text(), first.get("narrative").asText());
        assertEquals(ChartDescription.of(m), first.get("chart_description").asText());
        assertEquals(212, first.get("target").asDouble());
        assertEquals(pack.measures().size(), root.get("measures").size());
        assertTrue(root.get("measures").get(root.get("measures").size() - 1).get("target").isNumber());
    }
}
