package kpo.jobs.run;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One line per stage on standard error, with its counts and time; silent with {@code --quiet}. */
final class Progress {

    private final PrintWriter err;
    private final boolean quiet;
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private long started = System.nanoTime();

    Progress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    /** Ends the current stage: records its time and prints {@code what}. */
    void stage(String name, String what) {
        long now = System.nanoTime();
        double s = (now - started) / 1e9;
        seconds.merge(name, s, Double::sum);
        started = now;
        if (!quiet) {
            err.printf(Locale.ROOT, "kpo run: %-8s %s (%.1f s)%n", name, what, s);
            err.flush();
        }
    }

    /** Seconds per stage, in order. */
    Map<String, Double> timings() {
        return seconds;
    }
}
