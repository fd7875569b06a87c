package kpo.jobs.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import kpo.ingest.generate.TrustGenerator;
import kpo.jobs.CliRun;
import kpo.jobs.PdfText;
import kpo.reports.PdfUaValidation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly job end to end on a small generated trust: every output there and sound, a rerun
 * byte for byte the same, a bad source stopping the run with a clear sentence and exit 3, the
 * config's mistakes each named with their line, vintages and restatements from one month to the
 * next, and a run for publication (small numbers suppressed, reconciled with a published return).
 */
class MonthlyJobTest {

    @TempDir
    static Path home;

    private static CliRun first;

    @BeforeAll
    static void runOnce() throws IOException {
        TrustGenerator.generate(new TrustGenerator.Settings("RR8", YearMonth.of(2025, 10), 24,
                TrustGenerator.Scale.SMALL, 7), home.resolve("data"));
        Files.writeString(home.resolve("pseudonym.key"), "a test key, not a real one, 32 bytes\n");
        try (var in = MonthlyJobTest.class.getResourceAsStream("/kpo/jobs/demo/kpo-demo.yaml")) {
            Files.write(home.resolve("kpo.yaml"), in.readAllBytes());
        }
        try (var in = MonthlyJobTest.class.getResourceAsStream("/kpo/jobs/demo/measures.yaml")) {
            Files.write(home.resolve("measures.yaml"), in.readAllBytes());
        }
        first = CliRun.of("run", "--config", home.resolve("kpo.yaml").toString());
    }

    private static Path month() {
        return home.resolve("out").resolve("2025-10");
    }

    /**
     * One truth across the outputs: the series a pack measure shows has, in spc_summary.json, the
     * pack's own assurance (its target and rebases), and the demo's improved measures whose limits are
     * out of date read not_assessable there as in the pack, never fail.
     */
    @Test
    void theSummaryGivesEachPackMeasuresSeriesThePacksAssurance() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> packAssurance = new HashMap<>();
        for (JsonNode m : json.readTree(month().resolve("pack_measures.json").toFile()).get("measures")) {
            packAssurance.put(m.get("measure_id").asText(), m.get("assurance").asText());
        }
        Map<String, String> seriesAssurance = new HashMap<>();
        Map<String, String> packIds = new HashMap<>();
        for (JsonNode s : json.readTree(month().resolve("spc_summary.json").toFile()).get("series")) {
            String series = s.get("measure_id").asText() + "/" + s.get("unit_type").asText() + "/"
                    + s.get("unit_code").asText();
            seriesAssurance.put(series, s.get("assurance").asText());
            if (s.has("pack_measure_id")) {
                packIds.put(series, s.get("pack_measure_id").asText());
            }
        }
        CheckedConfig config = ConfigCheck.check(kpo.jobs.config.ConfigReader.read(home.resolve("kpo.yaml")),
                home.resolve("kpo.yaml"));
        SeriesSpecs specs = SeriesSpecs.of(config.measures());
        int notAssessable = 0;
        for (PackMeasure m : config.measures()) {
            String key = m.measure() + "/" + m.seriesUnitType() + "/" + m.unitCode();
            if (!specs.of(m.seriesKey()).equals(m.spec())) {
                continue; // another pack measure shows the same series first
            }
            String pack = packAssurance.get(m.id());
            assertEquals(pack, seriesAssurance.get(key), m.id());
            assertEquals(m.id(), packIds.get(key), "the summary names the pack measure");
            notAssessable += "not_assessable".equals(pack) ? 1 : 0;
        }
        assertTrue(notAssessable >= 3, "the demo's improved waiting measures: " + notAssessable);
    }

    /**
     * spc_points.csv keeps each computed limit and adds the one the pack shows: a lead time's lower
     * limit below zero (the demo's recruitment lead times) is shown at 0; a limit within the bound is
     * shown as it is.
     */
    @Test
    void spcPointsKeepTheComputedLimitAndAddTheShownOne() throws IOException {
        List<String> lines = Files.readAllLines(month().resolve("spc_points.csv"));
        List<String> columns = List.of(lines.get(0).split(","));
        int lcl = columns.indexOf("lcl");
        int lclShown = columns.indexOf("lcl_shown");
        int ucl = columns.indexOf("ucl");
        int uclShown = columns.indexOf("ucl_shown");
        int belowZero = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split(",", -1);
            if (!row[0].equals("recruitment_each_days") || row[lcl].isEmpty()) {
                continue;
            }
            double computed = Double.parseDouble(row[lcl]);
            assertEquals(Math.max(0, computed), Double.parseDouble(row[lclShown]), 0, line);
            assertEquals(row[ucl], row[uclShown], line);
            belowZero += computed < 0 ? 1 : 0;
        }
        assertTrue(belowZero > 0, "the demo's lead times have a lower limit below zero");
    }

    /**
     * A public board publishes the demo's packs as they come: the board pack and a CSU pack pass
     * veraPDF's PDF/UA-1 profile (the summary is written to target/verapdf/, the docs keep a copy).
     */
    @Test
    void theDemosBoardPackAndACsuPackPassPdfUa1() throws IOException {
        Path csu;
        try (Stream<Path> packs = Files.list(month().resolve("csu"))) {
            csu = packs.filter(p -> p.toString().endsWith(".pdf")).sorted().findFirst().orElseThrow();
        }
        Map<String, PdfUaValidation.Outcome> outcomes = new java.util.TreeMap<>();
        outcomes.put("demo board pack (board-report.pdf)",
                PdfUaValidation.validate(Files.readAllBytes(month().resolve("board-report.pdf"))));
        outcomes.put("demo CSU pack (csu/" + csu.getFileName() + ")", PdfUaValidation.validate(Files.readAllBytes(csu)));
        PdfUaValidation.writeSummary(Path.of("target", "verapdf", "demo-packs.md"),
                "PDF/UA-1 of the demo's packs (MonthlyJobTest)", outcomes);
        outcomes.forEach((pack, outcome) -> {
            assertTrue(outcome.compliant(), pack + " fails PDF/UA-1:\n" + String.join("\n", outcome.failures()));
            assertTrue(outcome.passedChecks() > 1000, pack + ": veraPDF checked " + outcome.passedChecks());
        });
    }

    /**
     * The demo's cancellation commitments analyse their cancellations on the A3: a Pareto of the
     * reasons the synthetic theatre extracts give, over the 12 months to the reporting month, counted
     * on the run's engine from the rows the chart counts.
     */
    @Test
    void theDemosCancellationA3sShowAParetoOfTheReasons() throws IOException {
        String pack = PdfText.of(month().resolve("board-report.pdf"));
        assertTrue(pack.contains("Analysis: reasons behind Cancellation rate, all theatre cases, Nov 2024 to Oct 2025"),
                "the trust's cancellation A3");
        assertTrue(pack.matches("(?s).*of the \\d+ reasons make 80% of the [0-9,]+: .*|(?s).*One reason makes 80%.*"),
                "the vital few are named");
        // The reasons are those of the rows the chart counts: the Pareto's total is the sum of the trust's
        // cancellation-rate numerators over the same 12 months (spc_points.csv, value of each month).
        long cancelled = 0;
        for (String line : Files.readAllLines(month().resolve("spc_points.csv"))) {
            String[] f = line.split(",", -1);
            if (f[0].equals("cancellation_rate") && f[1].equals("trust") && f[5].compareTo("2024-11-01") >= 0
                    && f[5].compareTo("2025-10-01") <= 0) {
                cancelled += Long.parseLong(f[6]);
            }
        }
        assertTrue(cancelled > 100, "cancellations " + cancelled);
        assertTrue(pack.contains("80% of the " + String.format(Locale.UK, "%,d", cancelled) + ":"),
                "the A3's total is the chart's " + cancelled);
    }

    /**
     * The demo compares the trust's cancellation rate across its sites and CSUs: a funnel page each in
     * the board pack, every unit in pack_comparisons.csv, each unit's numbers the sums of its monthly
     * points in spc_points.csv over the 12 months to the reporting month, and its z-score the funnel's
     * on those sums, computed here again.
     */
    @Test
    void theDemosCancellationRateIsComparedAcrossSitesAndCsus() throws IOException {
        kpo.ingest.read.CsvTable points = kpo.ingest.read.CsvTable.read(month().resolve("spc_points.csv"));
        kpo.ingest.read.CsvTable compared = kpo.ingest.read.CsvTable.read(month().resolve("pack_comparisons.csv"));
        assertEquals(kpo.reports.PackText.COMPARISON_COLUMNS, compared.header());
        String pack = PdfText.of(month().resolve("board-report.pdf"));
        for (String type : List.of("site", "csu")) {
            Map<String, double[]> sums = new java.util.TreeMap<>();
            for (kpo.ingest.read.CsvTable.Line line : points.lines()) {
                String period = line.text(points.column("period").orElseThrow());
                if (line.text(0).equals("cancellation_rate") && line.text(1).equals(type)
                        && period.compareTo("2024-11-01") >= 0 && period.compareTo("2025-10-01") <= 0) {
                    double[] s = sums.computeIfAbsent(line.text(2), k -> new double[2]);
                    s[0] += Double.parseDouble(line.text(points.column("value").orElseThrow()));
                    s[1] += Double.parseDouble(line.text(points.column("denominator").orElseThrow()));
                }
            }
            assertTrue(sums.size() >= 2, type + ": " + sums.keySet());
            kpo.spc.funnel.FunnelResult expected = kpo.spc.funnel.Funnel.of(kpo.spc.funnel.FunnelSpec.of(
                    kpo.spc.funnel.FunnelKind.PROPORTION), sums.entrySet().stream().map(e -> new kpo.spc.funnel
                            .FunnelUnit(e.getKey(), e.getValue()[0], e.getValue()[1])).toList());
            List<kpo.ingest.read.CsvTable.Line> rows = compared.lines().stream()
                    .filter(l -> l.text(0).equals("trust_cancel:" + type)).toList();
            assertEquals(sums.size(), rows.size(), type + ": a row per unit");
            for (kpo.spc.funnel.FunnelPoint p : expected.points()) {
                kpo.ingest.read.CsvTable.Line row = rows.stream().filter(l -> l.text(8).equals(p.unit())).findFirst()
                        .orElseThrow(() -> new AssertionError("no row for " + p.unit()));
                assertEquals(p.numerator(), Double.parseDouble(row.text(9)), p.unit());
                assertEquals(p.denominator(), Double.parseDouble(row.text(10)), p.unit());
                assertEquals(p.z(), Double.parseDouble(row.text(13)), 1e-9, p.unit());
                assertEquals(expected.target(), Double.parseDouble(row.text(7)), 1e-12);
                if (p.outlier()) {
                    assertTrue(pack.contains(p.unit() + " ("), p.unit() + " is beyond a limit: named with its value");
                }
            }
            String plural = type.equals("csu") ? "CSUs" : "sites";
            assertTrue(pack.contains("Cancellation rate, all theatre cases: " + plural + " compared"), type);
        }
        assertTrue(pack.contains("Compared across sites; across CSUs"), "the measure page links to both");
    }

    /**
     * The demo's improvement events: the paediatric cardiac RPIW re-measured at 30, 60 and 90 days
     * from its chart (each the month holding the day, as spc_points.csv has it), the RAU workshop
     * planned and not re-measured; the portfolio and a page each in the pack, the RPIW marked on its
     * measure's chart.
     */
    @Test
    void theDemosEventsAreReMeasuredFromTheirCharts() throws IOException {
        kpo.ingest.read.CsvTable events = kpo.ingest.read.CsvTable.read(month().resolve("events.csv"));
        assertEquals(kpo.reports.PackText.EVENT_COLUMNS, events.header());
        kpo.ingest.read.CsvTable points = kpo.ingest.read.CsvTable.read(month().resolve("spc_points.csv"));
        Map<String, Double> cardiac = new HashMap<>();
        for (kpo.ingest.read.CsvTable.Line line : points.lines()) {
            if ("cardiac_cancel".equals(line.text(points.column("pack_measure_id").orElseThrow()))) {
                cardiac.put(line.text(points.column("period").orElseThrow()),
                        Double.parseDouble(line.text(points.column("y").orElseThrow())));
            }
        }
        List<kpo.ingest.read.CsvTable.Line> rpiw = events.lines().stream().filter(l -> l.text(0).equals("E1")).toList();
        assertEquals(List.of("30", "60", "90"), rpiw.stream().map(l -> l.text(11)).toList());
        assertEquals(List.of("2024-11-13", "2024-12-13", "2025-01-12"), rpiw.stream().map(l -> l.text(12)).toList());
        for (kpo.ingest.read.CsvTable.Line r : rpiw) {
            assertEquals("measured", r.text(13));
            assertEquals(cardiac.get(r.text(14)), Double.parseDouble(r.text(15)), 1e-12, "the month's value, " + r.text(14));
        }
        // The baseline: the median of the 6 months before the week of 14 October 2024 (April to September).
        double[] before = java.util.stream.Stream.of("2024-04-01", "2024-05-01", "2024-06-01", "2024-07-01",
                "2024-08-01", "2024-09-01").mapToDouble(cardiac::get).sorted().toArray();
        assertEquals((before[2] + before[3]) / 2, Double.parseDouble(rpiw.get(0).text(8)), 1e-12);
        List<kpo.ingest.read.CsvTable.Line> planned = events.lines().stream().filter(l -> l.text(0).equals("E2"))
                .toList();
        assertEquals(List.of("not_due", "not_due", "not_due"), planned.stream().map(l -> l.text(13)).toList(),
                "a planned event's re-measures are due on their dates, never guessed");
        assertEquals("2025-12-17", planned.get(0).text(12));
        assertTrue(Files.readString(month().resolve("events.json")).contains("\"event_id\":\"E1\""));

        String pack = PdfText.of(month().resolve("board-report.pdf"));
        assertTrue(pack.contains("Improvement portfolio: events and A3s by commitment"));
        assertTrue(pack.contains("E1: Paediatric cardiac surgery cancellations RPIW"));
        assertTrue(pack.contains("Planned: its measures are re-measured 30, 60 and 90 days after it runs."));
        assertTrue(pack.contains("E1: Paediatric cardiac surgery cancellations RPIW") && pack.contains("14 Oct 2024"),
                "the RPIW marked in the key of its measure's chart");
    }

    @Test
    void everyOutputIsThere() throws IOException {
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(month().resolve("board-report.pdf").toString(), first.out().trim().lines().reduce((a, b) -> b)
                .orElseThrow(), "the last line is the board pack");
        for (String name : List.of("board-report.pdf", "board-report.html", "spc_points.csv", "spc_summary.json",
                "series.parquet", "rejects.csv", "manifest.json", "pack_measures.csv", "pack_measures.json",
                "pack_comparisons.csv", "events.csv", "events.json")) {
            assertTrue(Files.size(month().resolve(name)) > 0, name);
        }
        try (Stream<Path> packs = Files.list(month().resolve("csu"))) {
            List<String> names = packs.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(4, names.stream().filter(n -> n.endsWith(".pdf")).count(),
                    "a pack per CSU with an A3 or a measure: " + names);
            assertEquals(names.stream().filter(n -> n.endsWith(".pdf")).map(n -> n.replace(".pdf", ".html")).toList(),
                    names.stream().filter(n -> n.endsWith(".html")).toList(), "each in HTML too");
        }
        assertTrue(Files.readString(month().resolve("board-report.html")).contains("<html lang=\"en-GB\">"));
        try (Stream<Path> charts = Files.list(month().resolve("charts"))) {
            assertEquals(18, charts.count(), "a chart per measure of the demo config");
        }
        String pdf = new String(Files.readAllBytes(month().resolve("board-report.pdf")), StandardCharsets.ISO_8859_1);
        assertTrue(pdf.startsWith("%PDF"));
        JsonNode manifest = new ObjectMapper().readTree(month().resolve("manifest.json").toFile());
        for (JsonNode source : manifest.get("sources")) {
            assertEquals(source.get("read").asLong(), source.get("accepted").asLong() + source.get("rejected").asLong(),
                    source.get("name").asText());
            assertTrue(source.get("inputs").size() == 24);
        }
        long rejects = Files.readAllLines(month().resolve("rejects.csv")).size() - 1;
        assertEquals(manifest.get("counts").get("rejects").asLong(), rejects);
        List<String> points = Files.readAllLines(month().resolve("spc_points.csv"));
        assertEquals(String.join(",", PointRow.COLUMNS), points.get(0));
        assertEquals(manifest.get("counts").get("spc_points").asLong(), points.size() - 1);
        // Individual values: every post's lead time, numbered 1, 2, … in completion order, dates never going back.
        List<String[]> posts = points.stream().filter(line -> line.startsWith("recruitment_each_days,"))
                .map(line -> line.split(",", -1)).toList();
        assertTrue(posts.size() > 100, "a point per post filled: " + posts.size());
        for (int i = 0; i < posts.size(); i++) {
            assertEquals(String.valueOf(i + 1), posts.get(i)[20], "seq of post " + (i + 1));
            assertTrue(i == 0 || posts.get(i)[5].compareTo(posts.get(i - 1)[5]) >= 0, "completion dates in order");
        }
        assertTrue(points.stream().filter(line -> line.startsWith("wl_size,"))
                .allMatch(line -> line.split(",", -1)[20].isEmpty()), "an aggregated measure's points have no seq");
        assertFalse(Files.readString(month().resolve("rejects.csv")).matches("(?s).*999\\d{7}.*"),
                "no NHS number in the rejects");
    }

    @Test
    void aRerunGivesTheSameFiles() throws IOException {
        Path copy = home.resolve("first-run");
        if (!Files.exists(copy)) {
            Files.createDirectories(copy);
            for (String name : List.of("board-report.pdf", "board-report.html", "spc_points.csv", "spc_summary.json", "rejects.csv",
                    "series.parquet", "pack_measures.csv")) {
                Files.copy(month().resolve(name), copy.resolve(name));
            }
        }
        CliRun again = CliRun.of("run", "--config", home.resolve("kpo.yaml").toString(), "--quiet");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("", again.err(), "--quiet prints nothing on success");
        for (String name : List.of("board-report.pdf", "board-report.html", "spc_points.csv", "spc_summary.json", "rejects.csv",
                "series.parquet", "pack_measures.csv")) {
            assertArrayEquals(Files.readAllBytes(copy.resolve(name)), Files.readAllBytes(month().resolve(name)), name);
        }
    }

    /**
     * The pseudonym key changes pseudonyms and nothing else: the same extracts curated afresh with
     * another key give the same numbers, signals and bytes in every output (none of them holds a
     * pseudonym). Ties between individual values are broken by the source's own order, which the key
     * cannot change.
     */
    @Test
    void anotherKeyChangesNoOutput() throws IOException {
        Path rotated = home.resolve("rotated");
        Files.createDirectories(rotated);
        Files.writeString(rotated.resolve("pseudonym.key"), "another key altogether, also 32 bytes\n");
        Files.copy(home.resolve("measures.yaml"), rotated.resolve("measures.yaml"));
        // The same extracts under the same names from the config's folder (outputs name inputs from there).
        Files.createSymbolicLink(rotated.resolve("data"), home.resolve("data"));
        Files.copy(home.resolve("kpo.yaml"), rotated.resolve("kpo.yaml"));
        CliRun run = CliRun.of("run", "--config", rotated.resolve("kpo.yaml").toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        Path other = rotated.resolve("out").resolve("2025-10");
        List<String> compared = new java.util.ArrayList<>(List.of("board-report.pdf", "spc_points.csv",
                "spc_summary.json", "rejects.csv", "series.parquet", "pack_measures.csv", "pack_measures.json"));
        try (Stream<Path> csus = Files.list(month().resolve("csu"))) {
            csus.forEach(p -> compared.add("csu/" + p.getFileName()));
        }
        for (String name : compared) {
            assertArrayEquals(Files.readAllBytes(month().resolve(name)), Files.readAllBytes(other.resolve(name)),
                    name + " is the same under another key");
        }
    }

    @Test
    void aMissingSourceStopsTheRunWithExitThree() throws IOException {
        String config = Files.readString(home.resolve("kpo.yaml")).replace("paths: [data/lead_times]",
                "paths: [data/nowhere]");
        Path broken = home.resolve("broken.yaml");
        Files.writeString(broken, config);
        CliRun run = CliRun.of("run", "--config", broken.toString(), "--out", home.resolve("out-broken").toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("source 'lead_times'") && run.err().contains("nowhere does not exist"), run.err());
        assertFalse(run.stackTrace(), run.err());
        assertFalse(Files.exists(home.resolve("out-broken").resolve("2025-10")), "nothing half written");
    }

    @Test
    void individualValuesOnAChartThatNeedsADenominatorAreABadConfig() throws IOException {
        String config = Files.readString(home.resolve("kpo.yaml")).replace(
                "measure: recruitment_each_days\n", "measure: recruitment_each_days\n    chart: p\n");
        Path wrong = home.resolve("individuals-on-p.yaml");
        Files.writeString(wrong, config);
        CliRun run = CliRun.of("run", "--config", wrong.toString(), "--out", home.resolve("out-p").toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("individuals-on-p.yaml: measure 'recruitment_each' puts the individual values of "
                + "'recruitment_each_days' on a p chart, which needs a denominator"), run.err());
        assertFalse(run.stackTrace(), run.err());
        assertFalse(Files.exists(home.resolve("out-p").resolve("2025-10")), "nothing written");
    }

    @Test
    void validateNamesEveryConfigMistakeWithItsLine() throws IOException {
        String config = Files.readString(home.resolve("kpo.yaml"))
                .replace("improvement: decrease\n    target: 212", "improvement: down\n    target: 212")
                .replace("commitment: C5", "commitment: C9");
        Path wrong = home.resolve("wrong.yaml");
        Files.writeString(wrong, config);
        CliRun run = CliRun.of("validate", "--config", wrong.toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().matches("(?s).*wrong\\.yaml line \\d+: measure 'paeds_list' has improvement 'down'.*"),
                run.err());
        assertTrue(run.err().contains("commitment 'C9', which the config does not define"), run.err());
        CliRun fine = CliRun.of("validate", "--config", home.resolve("kpo.yaml").toString());
        assertEquals(0, fine.exitCode(), fine.err());
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() throws IOException {
        Path wrong = home.resolve("unknown.yaml");
        Files.writeString(wrong, Files.readString(home.resolve("kpo.yaml")).replace("output: out", "output: out\ncolour: blue"));
        CliRun run = CliRun.of("validate", "--config", wrong.toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("unknown.yaml line") && run.err().contains("unknown key 'colour'"), run.err());
    }

    private static JsonNode manifest(Path out, String month) throws IOException {
        return new ObjectMapper().readTree(out.resolve(month).resolve("manifest.json").toFile());
    }

    @Test
    void eachMonthIsKeptAsAVintageAndTheNextMonthFlagsRestatedValues() throws IOException {
        Path out = home.resolve("out-vintages");
        String config = home.resolve("kpo.yaml").toString();
        CliRun september = CliRun.of("run", "--config", config, "--period", "2025-09", "--out", out.toString(),
                "--quiet");
        assertEquals(0, september.exitCode(), september.err());
        JsonNode sep = manifest(out, "2025-09");
        assertEquals("period", sep.at("/as_of/basis").asText(), "--period given: as of the end of the next month");
        assertEquals("2025-10-31", sep.at("/as_of/date").asText());
        assertTrue(sep.at("/restatements/compared_with").isNull(), "no earlier vintage");

        // The paediatric list's March as if the source had since been corrected: September's pack showed 18 more.
        Path vintage = out.resolve("vintages").resolve("2025-09.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(vintage));
        String prefix = "wl_size,csu,Children's Services,2025-03-01,";
        int at = java.util.stream.IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith(prefix))
                .findFirst().orElseThrow();
        String[] fields = lines.get(at).split(",", -1);
        long now = Math.round(Double.parseDouble(fields[4]));
        fields[4] = Long.toString(now + 18);
        lines.set(at, String.join(",", fields));
        Files.write(vintage, lines);

        CliRun october = CliRun.of("run", "--config", config, "--period", "2025-10", "--out", out.toString(),
                "--quiet");
        assertEquals(0, october.exitCode(), october.err());
        JsonNode oct = manifest(out, "2025-10");
        assertEquals("2025-09", oct.at("/restatements/compared_with").asText());
        assertEquals(1, oct.at("/restatements/points").asLong(), "only the planted change");
        assertEquals(1, oct.at("/restatements/measures").asLong());
        kpo.reports.format.ValueFormat counts = kpo.reports.format.ValueFormat.of(kpo.reports.Unit.COUNT, 0);
        String expected = "Mar 2025: reported " + counts.observed(now + 18) + ", now " + counts.observed(now);
        String text = PdfText.of(out.resolve("2025-10").resolve("board-report.pdf"));
        assertTrue(text.contains("Restated since the September 2025 pack (1 value, in orange above when among the last 12): "
                + expected), "measure page");
        assertTrue(text.contains("1 earlier value restated: " + expected), "what changed");
        assertTrue(text.contains("as the September 2025 pack showed them"), "what changed names its comparison");
        String paeds = Files.readAllLines(out.resolve("2025-10").resolve("pack_measures.csv")).stream()
                .filter(l -> l.startsWith("paeds_list,")).findFirst().orElseThrow();
        assertTrue(paeds.endsWith(",1,false"), "restated 1, not suppressed: " + paeds);

        // A rerun of October replaces October's vintage and still compares with September's.
        CliRun again = CliRun.of("run", "--config", config, "--period", "2025-10", "--out", out.toString(),
                "--quiet");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("2025-09", manifest(out, "2025-10").at("/restatements/compared_with").asText());
        List<String> octVintage = Files.readAllLines(out.resolve("vintages").resolve("2025-10.csv"));
        assertTrue(octVintage.stream().anyMatch(l -> l.startsWith("wl_size,csu,Children's Services,2025-10-01,")));
        assertTrue(octVintage.stream().anyMatch(l -> l.startsWith(prefix + now + ",")), "October's own figures");
    }

    @Test
    void aRunForPublicationSuppressesSmallNumbersAndReconcilesWithThePublishedReturn() throws IOException {
        assertEquals(0, first.exitCode(), first.err());
        RttProviderFixture.write(home.resolve("published-rtt.csv"), List.of(
                new RttProviderFixture.Line(YearMonth.of(2025, 10), "RR8", "15F", "C_999",
                        RttProviderFixture.bands(3, 5000, 60, 40)),
                new RttProviderFixture.Line(YearMonth.of(2025, 10), "RR8", "15F", "C_420",
                        RttProviderFixture.bands(3, 900, 60, 10))));
        String config = Files.readString(home.resolve("kpo.yaml"))
                .replace("suppress_small_numbers: false", "suppress_small_numbers: true")
                .replace("\nsources:\n", "\npublished:\n  rtt_provider: published-rtt.csv\nsources:\n");
        Path publication = home.resolve("publication.yaml");
        Files.writeString(publication, config);
        Path out = home.resolve("out-publication");
        CliRun run = CliRun.of("run", "--config", publication.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode manifest = manifest(out, "2025-10");
        assertEquals(7, manifest.at("/small_numbers/threshold").asInt());

        // Reconciliation: the engine's figure is the unsuppressed run's wl_size for the trust in October.
        List<String> original = Files.readAllLines(month().resolve("spc_points.csv"));
        String trustList = original.stream().filter(l -> l.startsWith("wl_size,trust,RR8,") && l.contains(
                ",2025-10-01,")).findFirst().orElseThrow();
        long engine = Math.round(Double.parseDouble(trustList.split(",", -1)[6]));
        JsonNode size = manifest.at("/reconciliations/0");
        assertEquals("2025-10", size.get("month").asText());
        assertEquals(engine, size.get("engine").asLong());
        assertEquals(5040, size.get("published").asLong());
        assertEquals(5040 - engine, size.get("difference").asLong());
        assertEquals(40, manifest.at("/reconciliations/1/published").asLong(), "52 weeks or more");
        String text = PdfText.of(out.resolve("2025-10").resolve("board-report.pdf"));
        assertTrue(text.contains("RTT waiting list (incomplete pathways), October 2025"), "reconciliation page");

        // spc_points.csv: every row as before, except that small counts are "*" exactly where the rule says.
        List<String> published = Files.readAllLines(out.resolve("2025-10").resolve("spc_points.csv"));
        assertEquals(original.size(), published.size());
        long hidden = 0;
        for (int i = 1; i < original.size(); i++) {
            String[] was = original.get(i).split(",", -1);
            String[] is = published.get(i).split(",", -1);
            boolean small = small(was[6]) || small(was[7]);
            if (is[6].equals("*")) {
                hidden++;
                assertTrue(small, "hidden only when small: " + original.get(i));
                assertEquals("*", is[8], "y goes with its count: " + published.get(i));
                assertEquals(was[7].isEmpty() ? "" : "*", is[7]);
            } else {
                assertEquals(original.get(i), published.get(i));
                assertFalse(!was[7].isEmpty() && small, "a rate with a small part is hidden: " + original.get(i));
                assertFalse(was[0].equals("wl_size") && small, "a small count is hidden: " + original.get(i));
            }
        }
        assertTrue(hidden > 0, "the generated trust has small counts in some unit");
        assertEquals(hidden, manifest.at("/small_numbers/spc_points_suppressed").asLong());
        try (Stream<Path> charts = Files.list(out.resolve("2025-10").resolve("charts"))) {
            assertEquals(18 - manifest.at("/small_numbers/pack_measures_suppressed").asLong(), charts.count(),
                    "no chart of a series with small numbers");
        }
        for (String line : Files.readAllLines(out.resolve("2025-10").resolve("pack_measures.csv"))) {
            if (line.endsWith(",true")) {
                assertTrue(text.contains("Chart not shown: small numbers are suppressed"), line);
            }
        }
    }

    /** A count the NHS convention suppresses: 1 to 7. */
    private static boolean small(String field) {
        if (field.isEmpty()) {
            return false;
        }
        double v = Double.parseDouble(field);
        return v >= 1 && v <= 7;
    }

    /**
     * Nothing of the machine in any output: every file the run wrote (the PDFs' text and bytes, the
     * data files, the manifest) names inputs from the config's folder ({@code data/ptl/…}), never by
     * the temporary folder the test ran in, the user's home or the server's name.
     */
    @Test
    void noOutputNamesTheMachinesFolders() throws IOException {
        assertEquals(0, first.exitCode(), first.err());
        String host = java.net.InetAddress.getLocalHost().getHostName();
        List<String> forbidden = new java.util.ArrayList<>(List.of(home.toAbsolutePath().toString(),
                home.toRealPath().toString(), System.getProperty("user.home") + "/", System.getProperty("java.io.tmpdir")));
        if (host.length() >= 6) {
            forbidden.add(host);
        }
        List<String> found = new java.util.ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(month())) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.size() > 20, "the PDFs, charts and data files: " + files.size());
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                    + (file.toString().endsWith(".pdf") ? PdfText.of(file) : "");
            for (String f : forbidden) {
                if (text.contains(f)) {
                    found.add(month().relativize(file) + " holds " + f);
                }
            }
        }
        assertEquals(List.of(), found);
        List<String> rejects = Files.readAllLines(month().resolve("rejects.csv"));
        assertTrue(rejects.get(1).startsWith("waiting_list,data/ptl/ptl_"), "named from the config's folder: "
                + rejects.get(1));
        assertEquals("kpo.yaml", manifest(home.resolve("out"), "2025-10").get("config").asText());
    }

    /**
     * A pack for publication cannot be made with small numbers shown: --publish with a config that turns
     * suppression off is refused with one sentence; with suppression left to it, the counts of 1 to 7
     * are hidden and the cover says which edition it is, as the internal pack's cover says it is one.
     */
    @Test
    void aPackForPublicationSuppressesAndSaysSo() throws IOException {
        String config = home.resolve("kpo.yaml").toString();
        CliRun refused = CliRun.of("run", "--config", config, "--publish", "--out", home.resolve("out-refused")
                .toString());
        assertEquals(3, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("the outputs are for publication (publish: true, or --publish) but "
                + "privacy.suppress_small_numbers is false"), refused.err());
        assertFalse(Files.exists(home.resolve("out-refused").resolve("2025-10")), "nothing written");

        Path published = home.resolve("kpo-published.yaml");
        Files.writeString(published, Files.readString(home.resolve("kpo.yaml"))
                .replaceAll("(?m)^  suppress_small_numbers: false.*$", ""));
        CliRun run = CliRun.of("run", "--config", published.toString(), "--publish", "--out",
                home.resolve("out-published").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(PdfText.of(home.resolve("out-published").resolve("2025-10").resolve("board-report.pdf"))
                .contains("Edition for publication: counts of 1 to 7 are shown as *"));
        assertTrue(manifest(home.resolve("out-published"), "2025-10").get("small_numbers").get("suppressed")
                .asBoolean());
        assertTrue(PdfText.of(month().resolve("board-report.pdf")).contains("Edition for use within the trust: small "
                + "numbers are shown, so not for publication"));
    }
}
