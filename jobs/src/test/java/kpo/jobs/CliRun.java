package kpo.jobs;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of {@code kpo}: exit code and what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        ByteArrayOutputStream results = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = Kpo.commandLine(results);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int code = line.execute(args);
        return new CliRun(code, out + results.toString(StandardCharsets.UTF_8), err.toString());
    }

    /** Whether anything printed looks like a Java stack trace. */
    public boolean stackTrace() {
        String all = out + err;
        return all.contains("\tat ") || all.contains("Exception in thread") || all.matches("(?s).*\\bat [a-z]+\\.[\\w.$]+\\(.*");
    }
}
