package kpo.jobs.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kpo.ingest.IngestException;
import kpo.ingest.read.CsvTable;

/**
 * The owners' monthly commentary from a CSV they fill in (a shared spreadsheet saved as CSV), one
 * row per measure and month, so that owners need not edit the job's config:
 *
 * <pre>
 * measure,period,shows,so_what,actions,author,approver,date
 * paeds_list,2025-10,"The list held at its new level.",...,Dr A Patel,S Okafor,2025-11-05
 * </pre>
 *
 * {@code measure} is the pack measure's id, {@code period} the month the commentary is for; a
 * commentary needs an author, its date and at least one of shows, so what and actions. The
 * approver may be blank (the pack says it is not yet approved). Headers match ignoring case.
 */
public final class CommentaryFile {

    /** The header, in the order the template has it. */
    public static final List<String> COLUMNS = List.of("measure", "period", "shows", "so_what", "actions", "author",
            "approver", "date");

    private record Key(String measure, YearMonth period) {
    }

    private final Map<Key, KpoConfig.CommentaryConfig> entries;
    private final List<String> problems;

    private CommentaryFile(Map<Key, KpoConfig.CommentaryConfig> entries, List<String> problems) {
        this.entries = Map.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads the file, checking every row against the config's measure ids.
     *
     * @param measureIds the pack measures' ids: a commentary for any other is a problem
     */
    public static CommentaryFile read(Path file, Set<String> measureIds) {
        String name = file.getFileName().toString();
        List<String> problems = new ArrayList<>();
        CsvTable table;
        try {
            table = CsvTable.read(file);
        } catch (IngestException e) {
            return new CommentaryFile(Map.of(), List.of(e.getMessage()));
        }
        int[] at = new int[COLUMNS.size()];
        for (int i = 0; i < COLUMNS.size(); i++) {
            at[i] = table.column(COLUMNS.get(i)).orElse(-1);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !table.has(c) && !c.equals("approver")).toList();
        if (!missing.isEmpty()) {
            return new CommentaryFile(Map.of(), List.of(name + " line 1: the header lacks " + String.join(", ", missing)
                    + "; expected " + String.join(",", COLUMNS)));
        }
        Map<Key, KpoConfig.CommentaryConfig> entries = new HashMap<>();
        Map<Key, Long> firstLine = new HashMap<>();
        for (CsvTable.Line line : table.lines()) {
            String where = name + " line " + line.number() + ": ";
            String measure = line.text(at[0]);
            String month = line.text(at[1]);
            String shows = line.text(at[2]);
            String soWhat = line.text(at[3]);
            String actions = line.text(at[4]);
            String author = line.text(at[5]);
            String approver = line.text(at[6]);
            String date = line.text(at[7]);
            int before = problems.size();
            if (!measureIds.contains(measure)) {
                problems.add(where + "measure '" + measure + "' is not a measure of the config");
            }
            YearMonth period = null;
            try {
                period = YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                problems.add(where + "period '" + month + "'; expected the month as YYYY-MM");
            }
            LocalDate written = null;
            try {
                written = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                problems.add(where + "date '" + date + "'; expected the day it was written as YYYY-MM-DD");
            }
            if (shows.isEmpty() && soWhat.isEmpty() && actions.isEmpty()) {
                problems.add(where + "the commentary is empty; fill in at least one of shows, so_what and actions");
            }
            if (author.isEmpty()) {
                problems.add(where + "author is blank; a commentary needs the name of who wrote it");
            }
            if (problems.size() > before) {
                continue;
            }
            Key key = new Key(measure, period);
            Long first = firstLine.putIfAbsent(key, line.number());
            if (first != null) {
                problems.add(where + "a second commentary for measure '" + measure + "' in " + period
                        + " (the first is on line " + first + ")");
                continue;
            }
            entries.put(key, new KpoConfig.CommentaryConfig(blankToNull(shows), blankToNull(soWhat),
                    blankToNull(actions), author, blankToNull(approver), written));
        }
        return new CommentaryFile(entries, problems);
    }

    /** Every problem found, each naming the file and line; empty when the file is good. */
    public List<String> problems() {
        return problems;
    }

    /** The commentary of each measure for {@code period}, by pack measure id. */
    public Map<String, KpoConfig.CommentaryConfig> forPeriod(YearMonth period) {
        Map<String, KpoConfig.CommentaryConfig> found = new HashMap<>();
        entries.forEach((key, commentary) -> {
            if (key.period().equals(period)) {
                found.put(key.measure(), commentary);
            }
        });
        return found;
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
