package kpo.jobs.cli;

/** The exit codes of every {@code kpo} command, a contract for the scripts that call it. */
public final class ExitCode {

    /** Done. */
    public static final int OK = 0;
    /** Anything that is neither a usage error nor bad input data: an unreadable file, a full disk. */
    public static final int FAILURE = 1;
    /** An unknown command, option, chart or rule set, or an option value that does not parse. */
    public static final int USAGE = 2;
    /** The input data cannot be used; the message names the file, the line and the field. */
    public static final int BAD_INPUT = 3;

    private ExitCode() {
    }
}
