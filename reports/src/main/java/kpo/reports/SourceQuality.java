package kpo.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * What ingest made of one source this month: every row read is either accepted or rejected with a
 * reason, so {@code read = accepted + Σ rejected} (checked here: the appendix must add up).
 *
 * @param source the source's name, e.g. "PAS waiting list (PTL)"
 * @param file the file read, as the manifest names it (may be blank)
 * @param read rows read
 * @param accepted rows accepted
 * @param rejected rejected rows by reason, most first
 * @param latestPeriod the latest period the source holds, or null when it held none
 * @param missingPeriods periods expected but absent
 * @param stale whether the source is older than its schedule expects
 * @param rules the rules each row was checked against, in the order they run
 */
public record SourceQuality(String source, String file, long read, long accepted, List<RejectCount> rejected,
        LocalDate latestPeriod, List<LocalDate> missingPeriods, boolean stale, List<RowRule> rules) {

    public SourceQuality {
        Checks.text(source, "data-quality source");
        file = Checks.optional(file);
        Checks.count(read, source + " rows read");
        Checks.count(accepted, source + " rows accepted");
        rejected = rejected.stream().sorted((a, b) -> Long.compare(b.rows(), a.rows())).toList();
        missingPeriods = missingPeriods.stream().sorted().toList();
        rules = List.copyOf(rules);
        long rejectedRows = rejected.stream().mapToLong(RejectCount::rows).sum();
        if (accepted + rejectedRows != read) {
            throw new IllegalArgumentException(source + ": rows accepted (" + accepted + ") + rejected ("
                    + rejectedRows + ") must equal rows read (" + read + ")");
        }
    }

    /** A source whose rules are not listed. */
    public SourceQuality(String source, String file, long read, long accepted, List<RejectCount> rejected,
            LocalDate latestPeriod, List<LocalDate> missingPeriods, boolean stale) {
        this(source, file, read, accepted, rejected, latestPeriod, missingPeriods, stale, List.of());
    }

    public long rejectedRows() {
        return read - accepted;
    }

    /** Rejected rows as a share of rows read, 0 when nothing was read. */
    public double rejectRate() {
        return read == 0 ? 0 : (double) rejectedRows() / read;
    }
}
