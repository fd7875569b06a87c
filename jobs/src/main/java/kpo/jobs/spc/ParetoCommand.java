package kpo.jobs.spc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import kpo.ingest.read.CsvTable;
import kpo.jobs.Kpo;
import kpo.jobs.cli.ExitCode;
import kpo.jobs.cli.UserError;
import kpo.spc.pareto.Pareto;
import kpo.spc.pareto.ParetoItem;
import kpo.spc.pareto.ParetoResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code kpo pareto}: which few reasons make most of the rows of a CSV file (a cancellation extract, say). */
@Command(name = "pareto", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A Pareto of the reasons in one column of a CSV file: each reason's count, share and "
                + "cumulative share, most frequent first, the rest past the top ones as one \"Other\" bar, and "
                + "the vital few: the fewest reasons that together make 80%.",
                "",
                "Reasons are grouped by their exact text after trimming and case-folding, and shown as most often "
                        + "written; a blank reason is counted as \"" + Pareto.NO_REASON + "\". With --count, each "
                        + "row is a reason and how many times it was given (an already counted table)."},
        footer = {"", "Exit codes: 0 done, 1 failure, 2 usage error, 3 bad input data (FILE:LINE: field: reason).",
                "Example: kpo pareto --input theatre_cases_2025-10.csv --column reason --only status=cancelled"})
public final class ParetoCommand implements Callable<Integer> {

    @ParentCommand
    private Kpo kpo;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "a CSV file with a header")
    private Path input;

    @Option(names = "--column", paramLabel = "NAME", defaultValue = "reason",
            description = "the column of reasons (default: ${DEFAULT-VALUE})")
    private String column;

    @Option(names = "--count", paramLabel = "NAME",
            description = "a column of counts: each row's reason was given that many times (default: once per row)")
    private String count;

    @Option(names = "--only", paramLabel = "NAME=VALUE",
            description = "count only the rows whose column NAME holds VALUE (trimmed; repeatable, all must hold), "
                    + "e.g. status=cancelled")
    private java.util.Map<String, String> only = new java.util.LinkedHashMap<>();

    @Option(names = "--top", paramLabel = "N", defaultValue = "" + Pareto.DEFAULT_TOP,
            description = "reasons shown before \"Other\" (default: ${DEFAULT-VALUE})")
    private int top;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, csv or json (default: ${DEFAULT-VALUE})")
    private String format;

    @Override
    public Integer call() {
        String shape = format.trim().toLowerCase(Locale.ROOT);
        if (!List.of("json", "csv", "text").contains(shape)) {
            throw UserError.usage("unknown format '" + format + "'; expected text, csv or json");
        }
        if (top < 1) {
            throw UserError.usage("--top must be 1 or more, not " + top);
        }
        ParetoResult pareto = Pareto.ofCounts(read(), top);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(kpo.stdout(), StandardCharsets.UTF_8));
        out.print(switch (shape) {
            case "json" -> json(pareto, column);
            case "csv" -> csv(pareto);
            default -> text(pareto, column);
        });
        out.flush();
        return ExitCode.OK;
    }

    /** The reasons (and counts), every problem of the file at once, each with its line and field. */
    private List<Pareto.Count> read() {
        CsvTable table = SmallCsv.read(input);
        String name = input.toString();
        List<String> missing = new ArrayList<>();
        if (!table.has(column)) {
            missing.add(column);
        }
        if (count != null && !table.has(count)) {
            missing.add(count);
        }
        only.keySet().stream().filter(c -> !table.has(c)).forEach(missing::add);
        if (!missing.isEmpty()) {
            throw UserError.badInput(name + ":1: the header lacks " + String.join(", ", missing)
                    + (count == null ? "; name the reasons' column with --column" : ""));
        }
        int reasonAt = table.column(column).orElseThrow();
        Integer countAt = count == null ? null : table.column(count).orElseThrow();
        List<Pareto.Count> counts = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (CsvTable.Line row : table.lines()) {
            if (!only.entrySet().stream().allMatch(e -> row.text(table.column(e.getKey()).orElseThrow()).strip()
                    .equals(e.getValue().strip()))) {
                continue;
            }
            long times = 1;
            if (countAt != null) {
                String text = row.text(countAt);
                try {
                    times = Long.parseLong(text.strip());
                } catch (NumberFormatException e) {
                    times = -1;
                }
                if (times < 0) {
                    problems.add(new InputProblem(name, row.number(), count, text.isEmpty() ? "the count is empty"
                            : SmallCsv.quoted(text) + " is not a whole number of 0 or more"));
                    continue;
                }
            }
            counts.add(new Pareto.Count(row.text(reasonAt), times));
        }
        SmallCsv.stopIfAny(problems);
        return counts;
    }

    static String text(ParetoResult p, String column) {
        StringBuilder s = new StringBuilder();
        if (p.total() == 0) {
            return "No rows to count in column '" + column + "'.\n";
        }
        s.append(String.format(Locale.ROOT, "Pareto of %s by '%s': %d %s; %d make %s (%s).%n",
                ResultFormat.number(p.total()), column, p.distinct(), p.distinct() == 1 ? "reason" : "reasons",
                p.vitalFew().size(), ResultFormat.percent(Pareto.VITAL_SHARE), String.join("; ", p.vitalFew())));
        s.append(String.format(Locale.ROOT, "%4s  %-40s %10s %8s %11s%n", "#", "reason", "count", "share",
                "cumulative"));
        for (ParetoItem item : p.items()) {
            String reason = item.reason().length() > 40 ? item.reason().substring(0, 39) + "…" : item.reason();
            s.append(String.format(Locale.ROOT, "%4d  %-40s %10s %8s %11s%s%n", item.rank(), reason,
                    ResultFormat.number(item.count()), ResultFormat.percent(item.share()),
                    ResultFormat.percent(item.cumulative()),
                    item.vital() ? "  *" : ""));
        }
        s.append("* among the reasons that together make ").append(ResultFormat.percent(Pareto.VITAL_SHARE))
                .append(".\n");
        return s.toString();
    }

    static String csv(ParetoResult p) {
        StringBuilder s = new StringBuilder("rank,reason,count,share,cumulative,vital,reasons\n");
        for (ParetoItem item : p.items()) {
            s.append(item.rank()).append(',').append(ResultFormat.csvField(item.reason())).append(',')
                    .append(item.count()).append(',').append(ResultFormat.number(item.share())).append(',')
                    .append(ResultFormat.number(item.cumulative())).append(',').append(item.vital()).append(',')
                    .append(item.reasons()).append('\n');
        }
        return s.toString();
    }

    static String json(ParetoResult p, String column) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("column", column);
        root.put("total", p.total());
        root.put("reasons", p.distinct());
        root.put("vital_share", Pareto.VITAL_SHARE);
        p.vitalFew().forEach(root.putArray("vital_few")::add);
        ArrayNode items = root.putArray("items");
        for (ParetoItem item : p.items()) {
            ObjectNode o = items.addObject();
            o.put("rank", item.rank());
            o.put("reason", item.reason());
            o.put("count", item.count());
            o.put("share", item.share());
            o.put("cumulative", item.cumulative());
            o.put("vital", item.vital());
            o.put("reasons", item.reasons());
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
