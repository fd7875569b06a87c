package kpo.ingest.curate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import kpo.ingest.Folders;
import kpo.ingest.IngestException;
import kpo.ingest.engine.Engine;
import kpo.ingest.engine.ExtractCounts;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.read.SourceFiles;
import kpo.ingest.source.CuratedColumn;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.Reason;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.validate.Rejection;

/**
 * The curated tables, one layout whichever engine wrote them: Parquet under
 * {@code root/<source>/month=YYYY-MM/extract=<id>/}, one {@code extract} partition per source file,
 * with the columns of {@link CuratedColumn#of}; rejections under
 * {@code root/_rejects/<source>/extract=<id>/} ({@code file, line, column, value, reason}). A
 * monthly run curates only the extracts it has not seen (recognised by content hash), replaces an
 * extract whose content changed, drops one that is gone, and leaves every other partition alone.
 * The {@link Ledger} records what is there. An engine writes what it read into a staging folder;
 * the store moves each extract's folders into place, so a store curated by one engine is read by
 * the other.
 */
public final class CuratedStore {

    private final Path root;

    public CuratedStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    private Path ledgerFile() {
        return root.resolve("_ledger.json");
    }

    /** The ledger as it stands. */
    public Ledger ledger() {
        return Ledger.load(ledgerFile());
    }

    /**
     * What one source looks like after curation.
     *
     * @param source the source's name
     * @param files every extract of the source
     * @param curatedNow the extracts read in this run (new or changed)
     * @param read rows read over every extract in the store
     * @param accepted rows accepted over every extract
     * @param rejectedByReason rows rejected over every extract, by reason
     * @param sha256 each extract's content hash, by file
     * @param months the months the source's accepted rows fall in, over every extract
     */
    public record Curation(String source, List<Path> files, List<Path> curatedNow, long read, long accepted,
            Map<Reason, Long> rejectedByReason, Map<Path, String> sha256, SortedSet<YearMonth> months) {

        public Curation {
            files = List.copyOf(files);
            curatedNow = List.copyOf(curatedNow);
            EnumMap<Reason, Long> reasons = new EnumMap<>(Reason.class);
            reasons.putAll(rejectedByReason);
            rejectedByReason = java.util.Collections.unmodifiableMap(reasons);
            sha256 = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sha256));
            months = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(months));
        }

        public long rejected() {
            return read - accepted;
        }
    }

    /** Brings the store up to date with the files of {@code spec}, reading what is new on {@code engine}. */
    public Curation curate(Engine engine, SourceSpec spec, ReadContext context, Pseudonymiser pseudonymiser) {
        Ledger ledger = Ledger.load(ledgerFile());
        if (ledger.stale()) {
            // Written by an earlier kpo in another layout: every extract is read again.
            clear();
            ledger = Ledger.empty();
        }
        List<Path> files = SourceFiles.resolve(spec);
        Map<String, Ledger.Entry> known = new HashMap<>(ledger.entries(spec.name()));
        List<Path> changed = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        Map<Path, String> hashes = new LinkedHashMap<>();
        Map<Path, SourceFiles.Stamp> stamps = new LinkedHashMap<>();
        for (Path file : files) {
            Ledger.Entry entry = known.remove(file.toString());
            SourceFiles.Stamp stamp = SourceFiles.stamp(file);
            // An extract with the size and modification time it was curated with is the same extract:
            // a rerun with nothing new need not read every extract again to hash it.
            String hash = entry != null && stamp.equals(entry.stamp()) ? entry.sha256() : SourceFiles.sha256(file);
            hashes.put(file, hash);
            stamps.put(file, stamp);
            if (entry == null || !entry.sha256().equals(hash)) {
                changed.add(file);
                if (entry != null) {
                    replaced.add(entry.extract());
                }
            } else if (!stamp.equals(entry.stamp())) {
                ledger.put(spec.name(), file.toString(), entry.withStamp(stamp)); // touched, not changed
            }
        }
        for (Map.Entry<String, Ledger.Entry> gone : known.entrySet()) {
            drop(spec.name(), gone.getValue().extract());
            ledger.remove(spec.name(), gone.getKey());
        }
        if (!changed.isEmpty()) {
            Path staging = root.resolve(".staging").resolve(spec.name());
            deleteQuietly(staging);
            Map<Path, String> ids = new LinkedHashMap<>();
            changed.forEach(f -> ids.put(f, extractId(hashes.get(f))));
            SourceSpec subset = new SourceSpec(spec.name(), spec.kind(), changed.stream().map(Path::toString).toList(),
                    spec.format(), spec.mapping(), spec.maxRejectRate());
            ExtractCounts counts;
            try {
                counts = engine.read(subset, changed, ids, context, pseudonymiser, staging);
                counts.checkRejectRate(spec);
            } catch (RuntimeException e) {
                deleteQuietly(staging);
                throw e;
            }
            // Only now that the new version has been read: a run that fails on it (a corrupt copy,
            // too many rejects) leaves the old version, which its ledger entry still describes.
            replaced.forEach(extract -> drop(spec.name(), extract));
            Map<String, SortedSet<YearMonth>> months = commit(spec.name(), staging, ids.values());
            for (Path file : changed) {
                ExtractCounts.FileCounts c = counts.byFile().getOrDefault(file.toString(),
                        new ExtractCounts.FileCounts(0, Map.of()));
                String id = ids.get(file);
                Map<String, Long> reasons = new TreeMap<>();
                c.rejected().forEach((r, n) -> reasons.put(r.code(), n));
                ledger.put(spec.name(), file.toString(), new Ledger.Entry(hashes.get(file), id, c.read(), c.accepted(),
                        reasons, months.getOrDefault(id, new TreeSet<>()).stream().map(YearMonth::toString).toList(),
                        stamps.get(file)));
            }
            deleteQuietly(staging);
        }
        ledger.save(ledgerFile());
        return summary(spec.name(), files, changed, ledger, hashes);
    }

    /**
     * Moves each staged extract's folders into the table and the rejects, replacing any leftovers of
     * a run killed while committing the same extract.
     *
     * @return each extract's months, from the folders it wrote
     */
    private Map<String, SortedSet<YearMonth>> commit(String source, Path staging, java.util.Collection<String> ids) {
        Map<String, SortedSet<YearMonth>> months = new HashMap<>();
        try {
            for (String id : ids) {
                drop(source, id);
            }
            Path stagedTable = staging.resolve("table");
            if (Files.isDirectory(stagedTable)) {
                try (Stream<Path> monthFolders = Files.list(stagedTable)) {
                    for (Path monthFolder : monthFolders.filter(Files::isDirectory).sorted().toList()) {
                        String month = monthFolder.getFileName().toString();
                        if (!month.startsWith(CuratedColumn.MONTH + "=")) {
                            continue;
                        }
                        try (Stream<Path> extracts = Files.list(monthFolder)) {
                            for (Path extract : extracts.filter(Files::isDirectory).sorted().toList()) {
                                String id = extract.getFileName().toString().substring("extract=".length());
                                Path target = table(source).resolve(month).resolve(extract.getFileName());
                                Files.createDirectories(target.getParent());
                                Files.move(extract, target, StandardCopyOption.ATOMIC_MOVE);
                                months.computeIfAbsent(id, k -> new TreeSet<>()).add(YearMonth.parse(
                                        month.substring(CuratedColumn.MONTH.length() + 1)));
                            }
                        }
                    }
                }
            }
            Path stagedRejects = staging.resolve("rejects");
            if (Files.isDirectory(stagedRejects)) {
                try (Stream<Path> extracts = Files.list(stagedRejects)) {
                    for (Path extract : extracts.filter(Files::isDirectory).sorted().toList()) {
                        Path target = rejects(source).resolve(extract.getFileName());
                        Files.createDirectories(target.getParent());
                        Files.move(extract, target, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
        } catch (IOException e) {
            throw new IngestException("the curated store " + root + " cannot be written: " + e.getMessage());
        }
        return months;
    }

    /** A source's table folder: its {@code month=…/extract=…} partitions. */
    public Path table(String source) {
        return root.resolve(source);
    }

    /** A source's rejections folder: its {@code extract=…} partitions. */
    public Path rejects(String source) {
        return root.resolve("_rejects").resolve(source);
    }

    /** Every rejection the store keeps for a source, in file and line order; no engine is needed. */
    public List<Rejection> rejections(String source) {
        return RejectionFiles.read(source, rejects(source));
    }

    /** Whether any Parquet file is left under {@code folder}: every extract of it may have been withdrawn. */
    public static boolean holdsParquet(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new IngestException(folder + " cannot be listed: " + e.getMessage());
        }
    }

    /** The partition id of an extract: the first 16 hex digits of its SHA-256. */
    static String extractId(String sha256) {
        return sha256.substring(0, 16);
    }

    /** Removes every table and rejection of the store, keeping its lock. */
    private void clear() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(c -> !c.getFileName().toString().equals(".lock")).toList()) {
                Folders.deleteTree(child);
            }
        } catch (IOException e) {
            throw new IngestException(root + " cannot be cleared for curating again: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            Folders.deleteTree(folder);
        } catch (IOException e) {
            // a staging folder left behind is cleared by the next run that stages the same source
        }
    }

    /** Removes every partition of {@code extract} from the source's table and its rejects. */
    private void drop(String source, String extract) {
        List<Path> doomed = new ArrayList<>();
        Path table = table(source);
        if (Files.isDirectory(table)) {
            try (Stream<Path> months = Files.list(table)) {
                months.map(p -> p.resolve("extract=" + extract)).filter(Files::isDirectory).forEach(doomed::add);
            } catch (IOException e) {
                throw new IngestException(table + " cannot be listed: " + e.getMessage());
            }
        }
        Path rejected = rejects(source).resolve("extract=" + extract);
        if (Files.isDirectory(rejected)) {
            doomed.add(rejected);
        }
        for (Path folder : doomed) {
            try {
                Folders.deleteTree(folder);
            } catch (IOException e) {
                throw new IngestException(folder + " cannot be removed: " + e.getMessage());
            }
        }
    }

    private static Curation summary(String source, List<Path> files, List<Path> changed, Ledger ledger,
            Map<Path, String> hashes) {
        long read = 0;
        long accepted = 0;
        Map<Reason, Long> reasons = new EnumMap<>(Reason.class);
        SortedSet<YearMonth> months = new TreeSet<>();
        for (Ledger.Entry e : ledger.entries(source).values()) {
            read += e.read();
            accepted += e.accepted();
            e.rejectedByReason().forEach((k, v) -> reasons.merge(Reason.fromCode(k).orElseThrow(), v, Long::sum));
            e.months().forEach(m -> months.add(YearMonth.parse(m)));
        }
        return new Curation(source, files, changed, read, accepted, reasons, hashes, months);
    }
}
