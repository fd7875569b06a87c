package kpo.ingest.engine;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import kpo.ingest.IngestException;
import kpo.ingest.source.Reason;
import kpo.ingest.source.SourceSpec;

/**
 * The rows of the extracts an engine read, file by file, by outcome: {@code read = accepted + rejected}
 * for each.
 *
 * @param byFile file → its counts
 */
public record ExtractCounts(Map<String, FileCounts> byFile) {

    public ExtractCounts {
        byFile = Map.copyOf(byFile);
    }

    /**
     * One file's rows.
     *
     * @param accepted rows accepted
     * @param rejected rows rejected, by reason
     */
    public record FileCounts(long accepted, Map<Reason, Long> rejected) {

        public FileCounts {
            EnumMap<Reason, Long> copy = new EnumMap<>(Reason.class);
            copy.putAll(rejected);
            rejected = java.util.Collections.unmodifiableMap(copy);
        }

        public long rejectedRows() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }

        public long read() {
            return accepted + rejectedRows();
        }
    }

    /** Builds counts row by row or from an engine's tallies. */
    public static final class Builder {
        private final Map<String, long[]> accepted = new LinkedHashMap<>();
        private final Map<String, EnumMap<Reason, Long>> rejected = new LinkedHashMap<>();

        public Builder accepted(String file, long rows) {
            accepted.computeIfAbsent(file, f -> new long[1])[0] += rows;
            rejected.computeIfAbsent(file, f -> new EnumMap<>(Reason.class));
            return this;
        }

        public Builder rejected(String file, Reason reason, long rows) {
            accepted.computeIfAbsent(file, f -> new long[1]);
            rejected.computeIfAbsent(file, f -> new EnumMap<>(Reason.class)).merge(reason, rows, Long::sum);
            return this;
        }

        public ExtractCounts build() {
            Map<String, FileCounts> files = new LinkedHashMap<>();
            accepted.forEach((file, n) -> files.put(file, new FileCounts(n[0], rejected.get(file))));
            return new ExtractCounts(files);
        }
    }

    public long read() {
        return byFile.values().stream().mapToLong(FileCounts::read).sum();
    }

    public long rejected() {
        return byFile.values().stream().mapToLong(FileCounts::rejectedRows).sum();
    }

    /** Rows rejected by reason over every file. */
    public Map<Reason, Long> rejectedByReason() {
        EnumMap<Reason, Long> all = new EnumMap<>(Reason.class);
        byFile.values().forEach(f -> f.rejected().forEach((r, n) -> all.merge(r, n, Long::sum)));
        return all;
    }

    /**
     * Stops the run when more of the rows read were rejected than the source allows: a source that
     * bad is more likely a changed export than bad rows, and its figures would mislead.
     *
     * @throws IngestException saying how many, why most were rejected and where most of them are
     */
    public void checkRejectRate(SourceSpec spec) {
        long read = read();
        long rejected = rejected();
        if (read > 0 && (double) rejected / read > spec.maxRejectRate()) {
            throw new IngestException(String.format(Locale.ROOT, "source '%s': %,d of %,d rows (%.1f%%) were "
                    + "rejected, above the limit of %.1f%%; the commonest reason is %s, and most rejected rows are in "
                    + "%s (see the rejects file)", spec.name(), rejected, read, 100.0 * rejected / read,
                    100 * spec.maxRejectRate(), commonestReason(), mostRejected()));
        }
    }

    /** The reason most rows were rejected for (of equal counts, the first by name, so that reruns agree), or "none". */
    public String commonestReason() {
        return commonest(rejectedByReason());
    }

    /** The code of the reason with the most rows in {@code byReason} (of equal counts, the first by name), or "none". */
    public static String commonest(Map<Reason, Long> byReason) {
        return byReason.entrySet().stream().max(Map.Entry.<Reason, Long>comparingByValue()
                .thenComparing(e -> e.getKey().code(), java.util.Comparator.reverseOrder()))
                .map(e -> e.getKey().code()).orElse("none");
    }

    /** The file with the most rejected rows (of equal counts, the first by name). */
    private String mostRejected() {
        return byFile.entrySet().stream().max(java.util.Comparator.<Map.Entry<String, FileCounts>>comparingLong(
                e -> e.getValue().rejectedRows()).thenComparing(Map.Entry.comparingByKey(
                        java.util.Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse("none");
    }
}
