package kpo.jobs.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kpo.ingest.IngestException;
import kpo.ingest.nhse.SpcReporterData;
import kpo.ingest.read.CsvTable;
import kpo.ingest.read.Workbook;

/**
 * The measures a team kept in the NHS-R community's SPCreporter, from its {@code measure_config}
 * and {@code report_config} workbooks ({@code .xlsx}: the sheet named as the file, else the first)
 * or those sheets saved as CSV, as the job's own measure configs. Each row of {@code report_config}
 * (a measure at an aggregation) becomes one pack measure, in report_config's order:
 * <ul>
 * <li>id {@code ref} (or {@code ref_aggregation} when a ref is reported at several, and then the
 * title says which: "Attendances (weekly)"), title {@code measure_name}, chart {@code spc_chart_type}
 * ({@code xmr} or {@code t}), rules {@code ptd} on xmr (SPCreporter charts with NHSRplotthedots, so
 * the signals are the ones it showed);</li>
 * <li>a {@code t} row (aggregation {@code none}) is the time between the events of the
 * {@code events} sheet, titled "(time-between)", in days, with no target and the improvement
 * direction turned round (fewer events is more days between them), as SPCreporter does; it is
 * charted as a t chart under the rules the monthly job uses for every control chart (SPCreporter
 * draws an XmR of whole days);</li>
 * <li>{@code domain} heads the summary's group, {@code report_comment} is shown with the measure;</li>
 * <li>{@code improvement_direction}, {@code target} ({@code -} for none), {@code allowable_days_lag}
 * (blank is SPCreporter's 0), {@code baseline_period} (limits fixed on the first n points, where an
 * older measure_config has it), {@code data_owner} as owner, {@code unit} ({@code integer} → count,
 * {@code decimal} → number, {@code %} → percent of values kept as proportions, so ×100);</li>
 * <li>{@code rebase_dates} ({@code "2020-01-01", "2021-05-01"}) each with {@code rebase_comment} as
 * its reason and, since SPCreporter records no one, the {@code accountable_person} as who agreed it;</li>
 * <li>{@code data_quality}, four STAR letters (R/A/G for sign-off, timeliness, audit, systems), as
 * the worst of them: all G good, any R poor, else reasonable;</li>
 * <li>the definition says where the data comes from, who set the target and who is accountable.</li>
 * </ul>
 * Not used: {@code measure_prefix}, {@code reviewed_at} and {@code escalated_to} (the pack has no
 * place for them yet) and measure_config's {@code measure_name} (report_config's is shown, as in
 * SPCreporter). The values come from the measure-data sheets ({@link SpcReporterData}), for the
 * trust as unit {@code unit}.
 */
public final class SpcReporterSheets {

    private static final List<String> MEASURE_COLUMNS = List.of("ref", "measure_name", "data_source", "data_owner",
            "accountable_person", "unit", "improvement_direction", "target", "target_set_by", "data_quality",
            "rebase_dates", "rebase_comment");
    private static final List<String> REPORT_COLUMNS = List.of("ref", "measure_name", "domain", "spc_chart_type",
            "aggregation");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Map<String, String> ADJECTIVES = Map.of("day", "daily", "week", "weekly", "month",
            "monthly", "calendar_year", "calendar year", "financial_year", "financial year");

    /**
     * The measures made, and every problem found (each naming file and line).
     *
     * @param rows where each measure was reported, by its id: {@code report_config.csv line 5: }, to
     *     begin a message about it
     */
    public record Import(List<KpoConfig.MeasureConfig> measures, List<String> problems, Map<String, String> rows) {

        public Import {
            measures = List.copyOf(measures);
            // A measure_config row reported at several aggregations is read once for each: say each problem once.
            problems = problems.stream().distinct().toList();
            rows = Map.copyOf(rows);
        }
    }

    private SpcReporterSheets() {
    }

    /**
     * @param trustCode the unit code the data sheets' values are read for
     */
    public static Import read(Path measureConfig, Path reportConfig, String trustCode) {
        List<String> problems = new ArrayList<>();
        CsvTable measures = table(measureConfig, MEASURE_COLUMNS, problems);
        CsvTable reports = table(reportConfig, REPORT_COLUMNS, problems);
        if (measures == null || reports == null) {
            return new Import(List.of(), problems, Map.of());
        }
        Map<String, CsvTable.Line> byRef = new HashMap<>();
        for (CsvTable.Line line : measures.lines()) {
            String ref = text(measures, line, "ref");
            if (ref.isEmpty()) {
                problems.add(where(measureConfig, line) + "ref is blank");
            } else if (byRef.putIfAbsent(ref, line) != null) {
                problems.add(where(measureConfig, line) + "ref '" + ref + "' is configured twice (first on line "
                        + byRef.get(ref).number() + ")");
            }
        }
        Map<String, Integer> aggregationsOf = new HashMap<>();
        for (CsvTable.Line line : reports.lines()) {
            aggregationsOf.merge(text(reports, line, "ref"), 1, Integer::sum);
        }
        List<KpoConfig.MeasureConfig> made = new ArrayList<>();
        Map<String, String> rows = new HashMap<>();
        Set<String> reported = new HashSet<>();
        for (CsvTable.Line line : reports.lines()) {
            String where = where(reportConfig, line);
            String ref = text(reports, line, "ref");
            String aggregation = text(reports, line, "aggregation").toLowerCase(Locale.ROOT);
            CsvTable.Line m = byRef.get(ref);
            if (m == null) {
                problems.add(where + "ref '" + ref + "' is not in " + measureConfig.getFileName());
                continue;
            }
            if (aggregation.isEmpty()) {
                problems.add(where + "aggregation is blank; expected week, month, ...");
                continue;
            }
            if (!reported.add(ref + "\u0000" + aggregation)) {
                problems.add(where + "ref '" + ref + "' is reported twice at aggregation " + aggregation);
                continue;
            }
            String chart = text(reports, line, "spc_chart_type").toLowerCase(Locale.ROOT);
            if (!chart.equals("xmr") && !chart.equals("t")) {
                problems.add(where + "spc_chart_type '" + chart + "'; expected xmr or t");
                continue;
            }
            String name = blankTo(text(reports, line, "measure_name"), text(measures, m, "measure_name"));
            KpoConfig.MeasureConfig measure = measure(measures, m, measureConfig, ref, name, aggregation, chart,
                    aggregationsOf.get(ref) > 1, trustCode, problems).reported(text(reports, line, "domain"),
                    text(reports, line, "report_comment"));
            made.add(measure);
            rows.put(measure.id(), where);
        }
        return new Import(made, problems, rows);
    }

    private static KpoConfig.MeasureConfig measure(CsvTable sheet, CsvTable.Line line, Path file, String ref,
            String name, String aggregation, String chart, boolean several, String trustCode, List<String> problems) {
        String where = where(file, line);
        String unit = text(sheet, line, "unit");
        String units;
        Double multiply = null;
        if (chart.equals("t")) {
            units = "days";
        } else {
            switch (unit.toLowerCase(Locale.ROOT)) {
                case "integer" -> units = "count";
                case "decimal" -> units = "number";
                case "%" -> {
                    units = "percent";
                    multiply = 100.0;
                }
                default -> {
                    problems.add(where + "unit '" + unit + "'; expected integer, decimal or %");
                    units = null;
                }
            }
        }
        String direction = text(sheet, line, "improvement_direction").toLowerCase(Locale.ROOT);
        if (!List.of("increase", "decrease", "neutral").contains(direction)) {
            problems.add(where + "improvement_direction '" + direction + "'; expected increase, decrease or neutral");
        } else if (chart.equals("t")) {
            // The direction is the events' (fewer falls is better); the chart is of the time between them.
            direction = direction.equals("decrease") ? "increase" : direction.equals("increase") ? "decrease"
                    : direction;
        }
        Double target = null;
        String targetText = text(sheet, line, "target");
        // SPCreporter sets no target on a t chart: the target is of the events, not of the days between.
        if (!chart.equals("t") && !targetText.isEmpty() && !targetText.equals("-")) {
            try {
                target = Double.valueOf(targetText);
                if (multiply != null) {
                    target *= multiply;
                }
            } catch (NumberFormatException e) {
                problems.add(where + "target '" + targetText + "'; expected a number or -");
            }
        }
        // A blank lag is SPCreporter's 0: the data must reach the end of the reporting month.
        Integer lag = 0;
        String lagText = text(sheet, line, "allowable_days_lag");
        if (!lagText.isEmpty()) {
            lag = wholeNumber(lagText);
            if (lag == null || lag < 0) {
                problems.add(where + "allowable_days_lag '" + lagText + "'; expected a whole number of days");
            }
        }
        // baseline_period (earlier SPCreporter versions): limits fixed on the first n points.
        Integer baseline = null;
        String baselineText = text(sheet, line, "baseline_period");
        if (!baselineText.isEmpty() && !baselineText.equals("-")) {
            baseline = wholeNumber(baselineText);
            if (baseline == null || baseline < 2) {
                problems.add(where + "baseline_period '" + baselineText + "'; expected a number of points (2 or "
                        + "more), or blank for limits on every point");
                baseline = null;
            }
        }
        String accountable = text(sheet, line, "accountable_person");
        List<KpoConfig.RebaseConfig> rebases = new ArrayList<>();
        String rebaseText = text(sheet, line, "rebase_dates");
        Matcher dates = DATE.matcher(rebaseText);
        while (dates.find()) {
            try {
                rebases.add(new KpoConfig.RebaseConfig(LocalDate.parse(dates.group()),
                        blankTo(text(sheet, line, "rebase_comment"), "not recorded in SPCreporter"),
                        blankTo(accountable, "not recorded in SPCreporter")));
            } catch (DateTimeParseException e) {
                problems.add(where + "rebase_dates has '" + dates.group() + "', which is not a date");
            }
        }
        if (rebases.isEmpty() && !rebaseText.isBlank() && !rebaseText.equals("-")) {
            problems.add(where + "rebase_dates '" + rebaseText + "'; expected dates as \"YYYY-MM-DD\", ...");
        }
        String quality = text(sheet, line, "data_quality").toUpperCase(Locale.ROOT);
        String rating = null;
        if (!quality.isEmpty()) {
            if (!quality.matches("[RAG]{4}")) {
                problems.add(where + "data_quality '" + quality + "'; expected four letters R, A or G (e.g. GGAG)");
            } else {
                rating = quality.contains("R") ? "poor" : quality.contains("A") ? "reasonable" : "good";
            }
        }
        StringBuilder definition = new StringBuilder("From SPCreporter (ref ").append(ref).append(", ")
                .append(aggregation).append(")");
        appendIf(definition, "data source", text(sheet, line, "data_source"));
        appendIf(definition, "target set by", text(sheet, line, "target_set_by"));
        appendIf(definition, "accountable", accountable);
        appendIf(definition, "STAR data quality", quality);
        if (chart.equals("t")) {
            definition.append(". Each point is the days since the event before it; the last is the days from the "
                    + "last event to the end of the reporting month, as SPCreporter draws it (no event since)");
        }
        String id = several ? ref + "_" + aggregation : ref;
        // Titles tell a ref reported at two aggregations apart, and a t chart from the events' own chart.
        String title = name + (chart.equals("t") ? " (time-between)"
                : several ? " (" + ADJECTIVES.getOrDefault(aggregation, aggregation) + ")" : "");
        return new KpoConfig.MeasureConfig(id, SpcReporterData.measureId(ref, aggregation),
                new KpoConfig.UnitConfig("unit", trustCode), title, definition + ".",
                units, null, chart, chart.equals("xmr") ? "ptd" : null, null, null, direction, target, null, null,
                rebases, null, blankTo(text(sheet, line, "data_owner"), null), rating, null, baseline, multiply, null,
                lag, null, null, null, null, null);
    }

    /** A whole number as a sheet holds it ({@code 31}, or {@code 31.0} from a spreadsheet), else null. */
    private static Integer wholeNumber(String text) {
        try {
            double value = Double.parseDouble(text);
            return value == Math.rint(value) && Math.abs(value) < Integer.MAX_VALUE ? (int) value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static CsvTable table(Path file, List<String> required, List<String> problems) {
        CsvTable table;
        try {
            table = Workbook.is(file) ? firstSheet(file) : CsvTable.read(file);
        } catch (IngestException e) {
            problems.add(e.getMessage());
            return null;
        }
        List<String> missing = required.stream().filter(c -> !table.has(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(file.getFileName() + " line 1: the header lacks " + String.join(", ", missing)
                    + ": is it SPCreporter's sheet?");
            return null;
        }
        return table;
    }

    /**
     * A config workbook's sheet: the one named as the file is (SPCreporter's {@code measure_config.xlsx}
     * has a sheet {@code measure_config}), else its first.
     */
    private static CsvTable firstSheet(Path file) {
        Map<String, CsvTable> sheets = Workbook.read(file);
        if (sheets.isEmpty()) {
            throw new IngestException(file.getFileName() + " has no sheet with anything in it");
        }
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return sheets.entrySet().stream().filter(e -> e.getKey().trim().equalsIgnoreCase(stem)).findFirst()
                .orElse(sheets.entrySet().iterator().next()).getValue();
    }

    /** A cell's text; "NA" (how R's write.csv writes an empty cell) is empty. */
    private static String text(CsvTable table, CsvTable.Line line, String column) {
        String text = line.text(table.column(column).orElse(-1));
        return text.equals("NA") ? "" : text;
    }

    private static String where(Path file, CsvTable.Line line) {
        return file.getFileName() + " line " + line.number() + ": ";
    }

    private static String blankTo(String text, String otherwise) {
        return text.isEmpty() ? otherwise : text;
    }

    private static void appendIf(StringBuilder to, String label, String text) {
        if (!text.isEmpty()) {
            to.append("; ").append(label).append(": ").append(text);
        }
    }
}
