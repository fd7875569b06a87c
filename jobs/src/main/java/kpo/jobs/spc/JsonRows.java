package kpo.jobs.spc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import kpo.spc.ChartType;

/**
 * Rows from JSON, located by line: an array of row objects, or a reference case
 * ({@code shared/reference/cases/*.json}) whose {@code input} array holds them. In a reference case
 * of an XmR chart the value is already the plotted proportion and the denominator is informative
 * only (shared/reference/README.md), so it is dropped.
 */
final class JsonRows {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonRows() {
    }

    /** The chart a reference case was computed for, when {@code file} is one. */
    static Optional<ChartType> caseChart(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = new ObjectMapper().readTree(in);
            if (root != null && root.isObject() && root.has("input") && root.path("chart").isTextual()) {
                return ChartType.fromCode(root.get("chart").asText());
            }
        } catch (IOException e) {
            // the real read reports what is wrong, with its line
        }
        return Optional.empty();
    }

    static void read(SeriesFile file, InputStream in) {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                rows(file, p, false);
            } else if (first == JsonToken.START_OBJECT) {
                boolean informativeDenominator = false;
                boolean sawInput = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("chart".equals(field) && value == JsonToken.VALUE_STRING) {
                        informativeDenominator = "xmr".equals(p.getText());
                    } else if ("input".equals(field) && value == JsonToken.START_ARRAY) {
                        sawInput = true;
                        rows(file, p, informativeDenominator);
                    } else {
                        p.skipChildren();
                    }
                }
                if (!sawInput) {
                    file.problemAt(1, null, "the JSON object has no 'input' array of rows");
                }
            } else {
                file.problemAt(1, null, "expected a JSON array of rows, or an object with an 'input' array");
            }
            if (file.problemCountNow() == 0) {
                file.noRowsCheck();
            }
        } catch (JsonProcessingException e) {
            file.problemAt(e.getLocation() == null ? 1 : e.getLocation().getLineNr(), null,
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            file.unreadable(e);
        }
    }

    private static void rows(SeriesFile file, JsonParser p, boolean informativeDenominator) throws IOException {
        SeriesFile.ColumnNames names = file.names();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long line = p.currentTokenLocation().getLineNr();
            int before = file.problemCountNow();
            file.countRow();
            String period = null;
            double value = Double.NaN;
            double denominator = Double.NaN;
            int sequence = 0;
            StringBuilder id = new StringBuilder();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName().trim().toLowerCase(java.util.Locale.ROOT);
                JsonToken token = p.nextToken();
                if (field.equals(names.period())) {
                    period = token == JsonToken.VALUE_NULL ? null : p.getText();
                } else if (field.equals(names.value())) {
                    value = number(file, p, token, line, "value");
                } else if (field.equals(names.denominator())) {
                    denominator = number(file, p, token, line, "denominator");
                } else if (field.equals(SeriesFile.SEQUENCE) && token != JsonToken.VALUE_NULL) {
                    sequence = sequence(file, p, token, line);
                } else if (names.series().contains(field)) {
                    id.append(id.length() == 0 ? "" : " / ").append(token == JsonToken.VALUE_NULL ? "" : p.getText());
                } else {
                    p.skipChildren();
                }
            }
            file.accept(line, period, value, informativeDenominator ? Double.NaN : denominator, sequence,
                    id.length() == 0 ? SeriesFile.DEFAULT_SERIES : id.toString(), before);
        }
    }

    private static double number(SeriesFile file, JsonParser p, JsonToken token, long line, String field)
            throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return Double.NaN;
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = p.getDoubleValue();
            if (Double.isFinite(value)) {
                return value;
            }
            file.problemAt(line, field, "'" + p.getText() + "' is too large for a number");
            return Double.NaN;
        }
        if (token == JsonToken.VALUE_STRING) {
            return file.number(p.getText(), line, field);
        }
        file.problemAt(line, field, "expected a number or null");
        p.skipChildren();
        return Double.NaN;
    }

    /** An individual value's sequence number: a whole number of 1 or more, as a number or a string. */
    private static int sequence(SeriesFile file, JsonParser p, JsonToken token, long line) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_STRING) {
            return file.sequence(p.getText(), line);
        }
        file.problemAt(line, SeriesFile.SEQUENCE, "expected a whole number of 1 or more, or null");
        p.skipChildren();
        return 0;
    }
}
