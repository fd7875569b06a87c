package kpo.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kpo.jobs.CliRun;
import kpo.jobs.PdfText;
import kpo.spc.ChartResult;
import kpo.spc.ChartSpec;
import kpo.spc.ChartType;
import kpo.spc.Improvement;
import kpo.spc.Observation;
import kpo.spc.RuleSet;
import kpo.spc.Spc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team moving from SPCreporter: its measure_config, report_config and measure-data sheets saved
 * as CSV, and an owners' commentary file, with no extracts of its own, make a board pack whose
 * charts are NHSRplotthedots' (ptd rules) on the sheets' values.
 */
class SpcReporterRunTest {

    private static final List<String> FILES = List.of("kpo.yaml", "measure_config.csv", "report_config.csv",
            "month.csv", "week.csv", "events.csv", "commentary.csv");

    @TempDir
    static Path home;

    private static CliRun run;

    @BeforeAll
    static void runOnce() throws IOException {
        for (String name : FILES) {
            try (InputStream in = SpcReporterRunTest.class.getResourceAsStream("/spcreporter/" + name)) {
                Files.write(home.resolve(name), in.readAllBytes());
            }
        }
        run = CliRun.of("run", "--config", home.resolve("kpo.yaml").toString());
    }

    private static Path month() {
        return home.resolve("out").resolve("2025-10");
    }

    /** The fixture's files, copied into {@code folder} to be changed there. */
    private static void copyFixture(Path folder) throws IOException {
        for (String name : FILES) {
            Files.copy(home.resolve(name), folder.resolve(name));
        }
    }

    /** Writes "n/a" over every value in the first {@code periods} period columns of a data sheet (blanks stay blank). */
    private static void breakValues(Path sheet, int periods) throws IOException {
        List<String> lines = Files.readAllLines(sheet);
        List<String> broken = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            for (int i = 3; i < cells.length && i < 3L + periods; i++) {
                cells[i] = cells[i].isEmpty() ? "" : "n/a";
            }
            broken.add(String.join(",", cells));
        }
        Files.write(sheet, broken);
    }

    @Test
    void theSheetsMakeAPackWithEveryReportedMeasure() throws IOException {
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = Files.readAllLines(month().resolve("pack_measures.csv"));
        assertEquals(List.of("1", "2_month", "2_week", "3", "4"), rows.stream().skip(1).map(r -> r.substring(0,
                r.indexOf(','))).toList());
        JsonNode manifest = new ObjectMapper().readTree(month().resolve("manifest.json").toFile());
        JsonNode source = manifest.get("sources").get(0);
        assertEquals("spcreporter", source.get("name").asText());
        // 34 months x 3 measures - 1 blank cell, plus 61 weeks, plus 39 events.
        assertEquals(34 * 3 - 1 + 61 + 39, source.get("read").asLong());
        assertEquals(1, source.get("rejected").asLong());
        assertEquals(source.get("read").asLong(), source.get("accepted").asLong() + source.get("rejected").asLong());
        List<String> rejects = Files.readAllLines(month().resolve("rejects.csv"));
        assertEquals(2, rejects.size(), "the header and the one bad cell");
        assertTrue(rejects.get(1).matches("spcreporter,.*month\\.csv,4,2024-09-01,n/a,bad_number"), rejects.get(1));
    }

    /**
     * A t chart from the events sheet (SPCreporter's aggregation "none"): the days between events,
     * charted under the monthly job's rules for every control chart (NHSRplotthedots' ptd is xmr only),
     * never an internal error.
     */
    @Test
    void theEventsSheetMakesATChartOfTheDaysBetweenEvents() throws IOException {
        assertEquals(0, run.exitCode(), run.err());
        List<String> events = Files.readAllLines(home.resolve("events.csv")).stream().skip(1).toList();
        List<String[]> points = Files.readAllLines(month().resolve("spc_points.csv")).stream()
                .filter(l -> l.startsWith("spcr_4_none,")).map(l -> l.split(",", -1)).toList();
        assertEquals(events.size(), points.size(), "a point per event after the first, and one to the cut-off");
        assertTrue(points.stream().allMatch(p -> p[3].equals("t") && p[4].startsWith("mdc")), "t chart, mdc rules");
        assertTrue(points.stream().allMatch(p -> p[23].equals("4")), "the team's own id for the measure");
        LocalDate first = LocalDate.parse(events.get(0).split(",")[3]);
        LocalDate second = LocalDate.parse(events.get(1).split(",")[3]);
        assertEquals((double) java.time.temporal.ChronoUnit.DAYS.between(first, second), Double.parseDouble(
                points.get(0)[6]), 0);
        assertEquals("1", points.get(0)[20], "numbered in event order");
        String[] last = points.get(points.size() - 1);
        assertEquals(List.of("2025-10-31", "16"), List.of(last[5], last[6]),
                "SPCreporter's last point: 16 Oct, the last fall, to the end of October");
    }

    /**
     * kpo validate opens the data sheets as the run does: a t row whose events sheet is not listed is
     * named with its report_config line and the pack measure's id, before any work.
     */
    @Test
    void validateFindsAReportRowWithNoValues(@TempDir Path other) throws IOException {
        copyFixture(other);
        Files.writeString(other.resolve("kpo.yaml"), Files.readString(other.resolve("kpo.yaml"))
                .replace("data: [month.csv, week.csv, events.csv]", "data: [month.csv, week.csv]"));
        CliRun validate = CliRun.of("validate", "--config", other.resolve("kpo.yaml").toString());
        assertEquals(3, validate.exitCode(), validate.err());
        assertTrue(validate.err().contains("report_config.csv line 6: measure '4' has no values in the SPCreporter "
                + "data sheets (a t chart is drawn from the events sheet: list events.csv among the data, or give the "
                + "data workbook an events sheet)"),
                validate.err());
        assertTrue(CliRun.of("validate", "--config", home.resolve("kpo.yaml").toString()).exitCode() == 0,
                "the whole set validates");
    }

    /**
     * The sheets have a reject limit like every source: past it the run stops with one sentence, and a
     * sheet whose every value is rejected says so, naming the sheet.
     */
    @Test
    void tooManyRejectedValuesStopTheRun(@TempDir Path other) throws IOException {
        copyFixture(other);
        List<String> lines = Files.readAllLines(other.resolve("week.csv"));
        breakValues(other.resolve("week.csv"), Integer.MAX_VALUE);
        CliRun all = CliRun.of("run", "--quiet", "--config", other.resolve("kpo.yaml").toString());
        assertEquals(3, all.exitCode(), all.err());
        assertTrue(all.err().contains("week.csv: every one of its 61 values was rejected (bad_number): is it an "
                + "SPCreporter data sheet, with numbers in its period columns?"), all.err());

        Files.write(other.resolve("week.csv"), lines);
        breakValues(other.resolve("month.csv"), 12);
        CliRun many = CliRun.of("run", "--quiet", "--config", other.resolve("kpo.yaml").toString());
        assertEquals(3, many.exitCode(), many.err());
        assertTrue(many.err().matches("(?s).*source 'spcreporter': \\d+ of \\d+ values \\([0-9.]+%\\) were rejected, "
                + "above the limit of 5\\.0% \\(spcreporter\\.max_reject_rate\\); the commonest reason is bad_number.*"),
                many.err());
        assertFalse(many.err().contains("Exception"), many.err());
    }

    @Test
    void theChartsAreNhsrPlotTheDotsOnTheSheetsValues() throws IOException {
        List<String> sheet = Files.readAllLines(home.resolve("month.csv"));
        String[] periods = sheet.get(0).split(",");
        String[] values = sheet.get(2).split(",", -1);
        List<Observation> observations = new ArrayList<>();
        for (int i = 3; i < periods.length; i++) {
            observations.add(Observation.of(LocalDate.parse(periods[i]), Double.parseDouble(values[i])));
        }
        // spc_points.csv charts the series a pack measure shows as the pack does: with the sheet's rebase
        // (15 Apr 2024) moved to the next point, May 2024, as SPCreporter moves it (SpcReporterSource.align);
        // percentages x 100.
        ChartResult expected = Spc.chart(ChartSpec.of(ChartType.XMR).rules(RuleSet.fromCode("ptd").orElseThrow())
                .improvement(Improvement.INCREASE).multiply(100).rebases(List.of(LocalDate.of(2024, 5, 1))),
                observations);
        assertEquals(2, expected.phases());
        List<String> csv = Files.readAllLines(month().resolve("spc_points.csv"));
        List<String> columns = List.of(csv.get(0).split(","));
        List<String[]> lines = csv.stream().skip(1).filter(l -> l.startsWith("spcr_2_month,"))
                .map(l -> l.split(",", -1)).toList();
        assertEquals(expected.points().size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(expected.points().get(i).upperLimit(), Double.parseDouble(lines.get(i)[columns.indexOf("ucl")]),
                    1e-9);
            assertEquals(expected.points().get(i).y(), Double.parseDouble(lines.get(i)[columns.indexOf("y")]), 1e-9);
        }
    }

    @Test
    void aRebaseBetweenPointsMovesToTheNextPointAsSpcReporterDoes() {
        java.util.TreeSet<LocalDate> periods = new java.util.TreeSet<>(List.of(LocalDate.of(2024, 4, 1),
                LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 1)));
        List<kpo.jobs.config.KpoConfig.RebaseConfig> aligned = SpcReporterSource.align(List.of(
                new kpo.jobs.config.KpoConfig.RebaseConfig(LocalDate.of(2024, 4, 15), "new model", "COO"),
                new kpo.jobs.config.KpoConfig.RebaseConfig(LocalDate.of(2024, 6, 1), "exact", "COO"),
                new kpo.jobs.config.KpoConfig.RebaseConfig(LocalDate.of(2024, 7, 1), "after the data", "COO")), periods);
        assertEquals(List.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 1)),
                aligned.stream().map(kpo.jobs.config.KpoConfig.RebaseConfig::date).toList());
    }

    @Test
    void theOwnersCommentaryForTheMonthIsInThePack() throws IOException {
        String all = PdfText.of(month().resolve("board-report.pdf"));
        assertTrue(all.contains("Four-hour performance stepped up after the new front-door model"), "the file's words");
        assertTrue(all.contains("Falls are stable around six per thousand bed days"), "the sheet's own comment");
        assertFalse(all.contains("Last month's words"), "September's commentary is not October's");
    }
}
