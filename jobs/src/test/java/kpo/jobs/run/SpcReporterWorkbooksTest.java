package kpo.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kpo.jobs.CliRun;
import kpo.jobs.PdfText;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team moving from SPCreporter brings its three workbooks as they are, in the shape of
 * SPCreporter's own example ({@code data.xlsx} with sheets week, month and events;
 * {@code measure_config.xlsx}; {@code report_config.xlsx}): date cells and Excel serials as period
 * headings, numbers as number cells, a ref reported weekly and monthly, a t row from the events
 * sheet. The values of three measures are those of NHSRplotthedots reference cases (their dates moved
 * to end in October 2025, which ptd's rules do not see), so the pack's charts and the data outputs are
 * checked against the package's own numbers to 1e-9.
 */
class SpcReporterWorkbooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate LAST_MONTH = LocalDate.of(2025, 10, 1);
    private static final LocalDate LAST_WEEK = LocalDate.of(2025, 10, 27);

    /** A reference case and the pack measure its values become. */
    private record Case(String file, String packId, double multiply) {
    }

    private static final List<Case> CASES = List.of(
            new Case("ptd_ae_rrk_attendances_rebase_merger", "1_month", 1),
            new Case("ptd_cancellations_proportion_target", "2", 100),
            new Case("ptd_waiting_list_step_weekly", "3", 1));

    /** Falls with severe harm: the events sheet's times (one with a time of day). */
    private static final List<LocalDateTime> FALLS = List.of(LocalDate.of(2024, 11, 3).atStartOfDay(),
            LocalDate.of(2025, 1, 20).atStartOfDay(), LocalDate.of(2025, 2, 2).atTime(14, 30),
            LocalDate.of(2025, 5, 17).atStartOfDay(), LocalDate.of(2025, 8, 9).atStartOfDay());

    @TempDir
    static Path home;

    private static CliRun run;

    private static JsonNode reference(String name) throws IOException {
        return JSON.readTree(Path.of(System.getProperty("kpo.shared.dir"), "reference", "cases", name + ".json")
                .toFile());
    }

    /** A case's values, keyed by their moved dates: monthly cases end in October 2025, weekly on 27 Oct. */
    private static Map<LocalDate, Double> values(String name) throws IOException {
        JsonNode input = reference(name).get("input");
        boolean weekly = name.contains("weekly");
        Map<LocalDate, Double> values = new java.util.TreeMap<>();
        for (int i = 0; i < input.size(); i++) {
            int back = input.size() - 1 - i;
            values.put(weekly ? LAST_WEEK.minusWeeks(back) : LAST_MONTH.minusMonths(back),
                    input.get(i).get("value").asDouble());
        }
        return values;
    }

    @BeforeAll
    static void runOnce() throws IOException {
        Files.writeString(home.resolve("kpo.yaml"), """
                # A team moving from SPCreporter: its three workbooks as they are.
                trust: {code: RR8, name: Test Trust}
                output: out
                curated: curated
                spcreporter:
                  measure_config: measure_config.xlsx
                  report_config: report_config.xlsx
                  data: [data.xlsx]
                """);
        writeData(home.resolve("data.xlsx"));
        writeSheet(home.resolve("measure_config.xlsx"), "measure_config", List.of(
                List.of("ref", "measure_name", "data_source", "data_owner", "accountable_person", "unit",
                        "improvement_direction", "target", "target_set_by", "data_quality", "rebase_dates",
                        "rebase_comment", "allowable_days_lag", "reviewed_at", "escalated_to"),
                List.of(1, "Type 1 attendances", "ED system", "Tom Reid", "Chief Operating Officer", "integer",
                        "neutral", "-", "", "GGGG", "\"2025-01-15\"", "Merged with the county hospital", "", "",
                        ""),
                List.of(2, "On-the-day cancellations", "Theatre system", "Ann Lee", "Medical Director", "%",
                        "decrease", 0.05, "Board", "GAGG", "", "", 31, "Theatres board", ""),
                List.of(3, "Waiting list", "PAS", "Raj Patel", "Chief Operating Officer", "integer", "decrease",
                        "-", "", "GGGG", "", "", "", "", ""),
                List.of(4, "Falls with severe harm", "Datix", "Jane Smith", "Chief Nurse", "integer", "decrease", 0,
                        "Board", "GGGG", "", "", "", "Quality committee", "")));
        writeSheet(home.resolve("report_config.xlsx"), "report_config", List.of(
                List.of("ref", "measure_name", "domain", "spc_chart_type", "aggregation", "report_comment"),
                List.of(1, "Type 1 attendances", "Responsive", "xmr", "month", ""),
                List.of(1, "Type 1 attendances", "Responsive", "xmr", "week", ""),
                List.of(3, "Waiting list", "Responsive", "xmr", "week", "Validated weekly by the RTT team"),
                List.of(2, "On-the-day cancellations", "Effective", "xmr", "month", ""),
                List.of(4, "Falls with severe harm", "Safe", "t", "none", "")));
        run = CliRun.of("run", "--config", home.resolve("kpo.yaml").toString());
    }

    /** data.xlsx: month headings as date cells, week headings as Excel serial numbers, the events sheet. */
    private static void writeData(Path file) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle dateTime = book.createCellStyle();
            dateTime.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));

            Map<LocalDate, Double> attendances = values("ptd_ae_rrk_attendances_rebase_merger");
            Map<LocalDate, Double> cancellations = values("ptd_cancellations_proportion_target");
            Sheet month = book.createSheet("month");
            List<LocalDate> months = new ArrayList<>(attendances.keySet());
            Row heading = month.createRow(0);
            List.of("ref", "measure_name", "comment").forEach(h -> heading.createCell(heading.getPhysicalNumberOfCells())
                    .setCellValue(h));
            for (LocalDate m : months) {
                Cell cell = heading.createCell(heading.getLastCellNum());
                cell.setCellValue(m);
                cell.setCellStyle(date);
            }
            valuesRow(month.createRow(1), 1, "Type 1 attendances", "", months, attendances);
            valuesRow(month.createRow(2), 2, "On-the-day cancellations", "Fewer since the new pre-op calls", months,
                    cancellations);

            Map<LocalDate, Double> waiting = values("ptd_waiting_list_step_weekly");
            Sheet week = book.createSheet("week");
            List<LocalDate> weeks = new ArrayList<>(waiting.keySet());
            Row weekHeading = week.createRow(0);
            List.of("ref", "measure_name", "comment").forEach(h -> weekHeading.createCell(
                    weekHeading.getPhysicalNumberOfCells()).setCellValue(h));
            for (LocalDate w : weeks) {
                // The date as readxl names such a column: Excel's serial number, in a General cell.
                weekHeading.createCell(weekHeading.getLastCellNum()).setCellValue(
                        ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), w));
            }
            Map<LocalDate, Double> weeklyAttendances = new java.util.TreeMap<>();
            for (int i = 0; i < weeks.size(); i++) {
                weeklyAttendances.put(weeks.get(i), 2100.0 + (i * 37 % 11) * 20 - (i % 3) * 15);
            }
            valuesRow(week.createRow(1), 1, "Type 1 attendances", "", weeks, weeklyAttendances);
            valuesRow(week.createRow(2), 3, "Waiting list", "", weeks, waiting);

            Sheet events = book.createSheet("events");
            Row eventHeading = events.createRow(0);
            List.of("ref", "measure_name", "comment", "event_date_or_datetime").forEach(h -> eventHeading.createCell(
                    eventHeading.getPhysicalNumberOfCells()).setCellValue(h));
            for (int i = 0; i < FALLS.size(); i++) {
                Row row = events.createRow(i + 1);
                row.createCell(0).setCellValue(4);
                row.createCell(1).setCellValue("Falls with severe harm");
                row.createCell(3).setCellValue(FALLS.get(i));
                row.getCell(3).setCellStyle(dateTime);
            }
            book.write(out);
        }
    }

    private static void valuesRow(Row row, int ref, String name, String comment, List<LocalDate> periods,
            Map<LocalDate, Double> values) {
        row.createCell(0).setCellValue(ref);
        row.createCell(1).setCellValue(name);
        row.createCell(2).setCellValue(comment);
        for (int i = 0; i < periods.size(); i++) {
            Double value = values.get(periods.get(i));
            if (value != null) {
                row.createCell(3 + i).setCellValue(value);
            }
        }
    }

    /** A one-sheet workbook: text cells and number cells as written. */
    private static void writeSheet(Path file, String name, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet(name);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (!value.toString().isEmpty()) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            book.write(out);
        }
    }

    private static Path month() {
        return home.resolve("out").resolve("2025-10");
    }

    @Test
    void theWorkbooksValidateAndRun() {
        assertEquals(0, run.exitCode(), run.err());
        CliRun validate = CliRun.of("validate", "--config", home.resolve("kpo.yaml").toString());
        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(run.out().strip().endsWith("board-report.pdf"), run.out());
    }

    /**
     * Every point of the three reference measures as the data outputs give them, as the pack charts
     * them (spc_points.csv by pack measure), equals NHSRplotthedots': value, centre, limits, point type;
     * and the pack's icons equal the package's.
     */
    @Test
    void everyPointEqualsNhsrPlotTheDots() throws IOException {
        assertEquals(0, run.exitCode(), run.err());
        List<String> csv = Files.readAllLines(month().resolve("spc_points.csv"));
        List<String> columns = List.of(csv.get(0).split(","));
        JsonNode pack = JSON.readTree(month().resolve("pack_measures.json").toFile()).get("measures");
        List<String> problems = new ArrayList<>();
        for (Case c : CASES) {
            JsonNode expected = reference(c.file()).get("expected");
            List<String[]> rows = csv.stream().skip(1).map(l -> l.split(",", -1))
                    .filter(r -> r[columns.indexOf("pack_measure_id")].equals(c.packId())).toList();
            JsonNode want = expected.get("points");
            assertEquals(want.size(), rows.size(), c.packId());
            for (int i = 0; i < want.size(); i++) {
                String[] row = rows.get(i);
                JsonNode e = want.get(i);
                for (String[] pair : new String[][] {{"value", "y"}, {"centre", "centre"}, {"ucl", "ucl"},
                        {"lcl", "lcl"}}) {
                    double got = Double.parseDouble(row[columns.indexOf(pair[1])]);
                    double wanted = e.get(pair[0]).asDouble() * c.multiply();
                    if (Math.abs(got - wanted) > 1e-9) {
                        problems.add(c.packId() + " point " + i + " " + pair[1] + ": " + got + " != " + wanted);
                    }
                }
                if (!e.get("point_type").asText().equals(row[columns.indexOf("point_type")])) {
                    problems.add(c.packId() + " point " + i + " type " + row[columns.indexOf("point_type")]);
                }
            }
            JsonNode measure = null;
            for (JsonNode m : pack) {
                measure = m.get("measure_id").asText().equals(c.packId()) ? m : measure;
            }
            String assurance = expected.get("assurance_icon").isNull() ? "none"
                    : expected.get("assurance_icon").asText().replace("inconsistent", "hit_and_miss");
            if (!expected.get("variation_icon").asText().equals(measure.get("variation").asText())
                    || !assurance.equals(measure.get("assurance").asText())) {
                problems.add(c.packId() + " icons " + measure.get("variation") + " " + measure.get("assurance"));
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * The t row: days between falls, ending with the days from the last fall to the end of October, as
     * SPCreporter ends it; more days between falls is better, and there is no target.
     */
    @Test
    void theEventsSheetEndsAtTheCutoff() throws IOException {
        List<String> csv = Files.readAllLines(month().resolve("spc_points.csv"));
        List<String> columns = List.of(csv.get(0).split(","));
        List<String[]> rows = csv.stream().skip(1).map(l -> l.split(",", -1))
                .filter(r -> r[columns.indexOf("pack_measure_id")].equals("4")).toList();
        assertEquals(FALLS.size(), rows.size(), "a point per fall after the first, and one to the cut-off");
        assertEquals("t", rows.get(0)[columns.indexOf("chart")]);
        assertEquals(13.604166666666666, Double.parseDouble(rows.get(1)[columns.indexOf("y")]), 1e-9,
                "20 Jan to 2 Feb 14:30");
        String[] last = rows.get(rows.size() - 1);
        assertEquals("2025-10-31", last[columns.indexOf("period")]);
        assertEquals(ChronoUnit.DAYS.between(LocalDate.of(2025, 8, 9), LocalDate.of(2025, 11, 1)),
                Double.parseDouble(last[columns.indexOf("y")]), 1e-9);
        JsonNode falls = null;
        for (JsonNode m : JSON.readTree(month().resolve("pack_measures.json").toFile()).get("measures")) {
            falls = m.get("measure_id").asText().equals("4") ? m : falls;
        }
        assertEquals("Falls with severe harm (time-between)", falls.get("title").asText());
        assertTrue(falls.get("target").isNull());
    }

    /** The summary groups by domain in report_config's order; a ref at two aggregations is told apart. */
    @Test
    void thePackReadsAsTheTeamsReportDid() throws IOException {
        String all = PdfText.of(month().resolve("board-report.pdf"));
        int responsive = all.indexOf("Responsive 3 measures");
        int effective = all.indexOf("Effective 1 measure");
        int safe = all.indexOf("Safe 1 measure");
        assertTrue(responsive > 0 && effective > responsive && safe > effective, "domains in report_config's order");
        assertTrue(all.contains("Type 1 attendances (weekly)") && all.contains("Type 1 attendances (monthly)"));
        assertTrue(all.contains("Note Validated weekly by the RTT team"), "the report comment with its measure");
        assertTrue(all.contains("Fewer since the new pre-op calls"), "the sheet's comment as commentary");
    }
}
