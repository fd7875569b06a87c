package kpo.jobs.spc;

/**
 * One thing wrong with an input file, located for the person who has to fix it: the file, the
 * physical line (the header is line 1) and the field.
 */
public record InputProblem(String file, long line, String field, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + (field == null ? "" : field + ": ") + message;
    }
}
