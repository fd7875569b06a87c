package kpo.jobs.spc;

import java.util.List;

/**
 * One thing wrong with an input file, located for the person who has to fix it: the file, the
 * physical line (the header is line 1) and the field.
 */
public record InputProblem(String file, long line, String field, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + (field == null ? "" : field + ": ") + message;
    }

    /**
     * The message for a file's problems: each listed on a line of its own, and how many more there
     * were when {@code total} is more than were listed.
     */
    public static String message(List<InputProblem> listed, int total) {
        StringBuilder message = new StringBuilder();
        for (InputProblem problem : listed) {
            message.append(message.length() == 0 ? "" : "\n").append(problem);
        }
        if (total > listed.size()) {
            message.append("\n... and ").append(total - listed.size()).append(" more problems");
        }
        return message.toString();
    }
}
