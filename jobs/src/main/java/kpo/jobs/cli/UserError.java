package kpo.jobs.cli;

/**
 * A mistake the user can fix, with the sentence that tells them how and the exit code it ends
 * the command with. Printed without a stack trace.
 */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public static UserError usage(String message) {
        return new UserError(ExitCode.USAGE, message);
    }

    public static UserError badInput(String message) {
        return new UserError(ExitCode.BAD_INPUT, message);
    }

    public static UserError failure(String message) {
        return new UserError(ExitCode.FAILURE, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
