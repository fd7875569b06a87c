package kpo.jobs.spc;

import java.nio.file.Path;
import java.util.List;
import kpo.ingest.IngestException;
import kpo.ingest.read.CsvTable;
import kpo.jobs.cli.SafeFiles;
import kpo.jobs.cli.UserError;

/**
 * How the analyst commands that read a small CSV file ({@code kpo funnel}, {@code kpo pareto}) read
 * it and report what is wrong with it: the file checked readable and read whole, then every problem of
 * its rows at once (the first {@link #MAX_PROBLEMS}, and how many more), each with its line and field.
 */
final class SmallCsv {

    /** The most problems a message lists (the rest are counted). */
    static final int MAX_PROBLEMS = 20;

    private SmallCsv() {
    }

    /** {@code input} read as a table, or a bad-input error naming the file and line. */
    static CsvTable read(Path input) {
        SafeFiles.requireReadable(input, input.toString());
        try {
            return CsvTable.read(input);
        } catch (IngestException e) {
            throw UserError.badInput(e.getMessage());
        }
    }

    /** Stops with a bad-input error listing {@code problems}, when there are any. */
    static void stopIfAny(List<InputProblem> problems) {
        if (!problems.isEmpty()) {
            throw UserError.badInput(InputProblem.message(problems.subList(0, Math.min(MAX_PROBLEMS, problems.size())),
                    problems.size()));
        }
    }

    /** A field's text as a message quotes it: in quotes, cut at 40 characters. */
    static String quoted(String text) {
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }
}
