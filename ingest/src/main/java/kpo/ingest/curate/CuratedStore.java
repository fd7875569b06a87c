package kpo.ingest.curate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kpo.ingest.IngestException;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.read.SourceData;
import kpo.ingest.read.SourceFiles;
import kpo.ingest.read.SourceReader;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.source.ReadContext;
import kpo.ingest.spark.SparkRows;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The curated tables: Parquet under {@code root/<source>/month=YYYY-MM/extract=<id>/}, one
 * {@code extract} partition per source file, so that a monthly run curates only the extracts it
 * has not seen (recognised by content hash), replaces an extract whose content changed, drops one
 * that is gone, and leaves every other partition alone. Rejections are kept beside them under
 * {@code root/_rejects/<source>/extract=<id>/}. The {@link Ledger} records what is there.
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
     */
    public record Curation(String source, List<Path> files, List<Path> curatedNow, long read, long accepted,
            Map<String, Long> rejectedByReason, Map<Path, String> sha256) {

        public long rejected() {
            return read - accepted;
        }
    }

    /** Brings the store up to date with the files of {@code spec}. */
    public Curation curate(SparkSession spark, SourceSpec spec, ReadContext context, Pseudonymiser pseudonymiser) {
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
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Path file : files) {
            String hash = SourceFiles.sha256(file);
            hashes.put(file.toString(), hash);
            Ledger.Entry entry = known.remove(file.toString());
            if (entry == null || !entry.sha256().equals(hash)) {
                changed.add(file);
                if (entry != null) {
                    replaced.add(entry.extract());
                }
            }
        }
        for (Map.Entry<String, Ledger.Entry> gone : known.entrySet()) {
            drop(spec.name(), gone.getValue().extract());
            ledger.remove(spec.name(), gone.getKey());
        }
        if (!changed.isEmpty()) {
            SourceSpec subset = new SourceSpec(spec.name(), spec.kind(), changed.stream().map(Path::toString).toList(),
                    spec.format(), spec.mapping(), spec.maxRejectRate());
            SourceData data = SourceReader.read(spark, subset, context, pseudonymiser);
            // Only now that the new version has been read: a run that fails on it (a corrupt copy,
            // too many rejects) leaves the old version, which its ledger entry still describes.
            replaced.forEach(extract -> drop(spec.name(), extract));
            write(spark, spec, data, hashes, ledger);
            data.release();
        }
        ledger.save(ledgerFile());
        Map<Path, String> byFile = new LinkedHashMap<>();
        files.forEach(f -> byFile.put(f, hashes.get(f.toString())));
        return summary(spec.name(), files, changed, ledger, byFile);
    }

    private void write(SparkSession spark, SourceSpec spec, SourceData data, Map<String, String> hashes,
            Ledger ledger) {
        List<Row> ids = new ArrayList<>();
        for (Path file : data.files()) {
            String extract = extractId(hashes.get(file.toString()));
            drop(spec.name(), extract); // leftovers of a run killed while writing this extract
            ids.add(RowFactory.create(file.toString(), extract));
        }
        StructType idSchema = new StructType().add("_file", DataTypes.StringType).add("extract", DataTypes.StringType);
        Dataset<Row> rows = data.rows().join(broadcast(spark.createDataFrame(ids, idSchema)), "_file");
        rows.filter(col("_reason").isNull()).drop("_reason", "_column", "_value")
                .write().mode(SaveMode.Append).partitionBy(kpo.ingest.source.CuratedColumn.MONTH, "extract").parquet(table(spec.name()).toString());
        rows.filter(col("_reason").isNotNull()).select(col("_file").as("file"), col("_line").as("line"),
                        col("_column").as("column"), col("_value").as("value"), col("_reason").as("reason"),
                        col("extract"))
                .write().mode(SaveMode.Append).partitionBy("extract").parquet(rejects(spec.name()).toString());
        for (Path file : data.files()) {
            Map<String, Long> counts = data.countsByFile().getOrDefault(file.toString(), Map.of());
            long read = counts.values().stream().mapToLong(Long::longValue).sum();
            long accepted = counts.getOrDefault(SourceData.ACCEPTED, 0L);
            Map<String, Long> reasons = new LinkedHashMap<>(counts);
            reasons.remove(SourceData.ACCEPTED);
            String hash = hashes.get(file.toString());
            ledger.put(spec.name(), file.toString(), new Ledger.Entry(hash, extractId(hash), read, accepted, reasons));
        }
    }

    /** The curated table of a source: every extract's accepted rows (an empty table when there are none). */
    public Dataset<Row> table(SparkSession spark, SourceSpec spec) {
        Path table = table(spec.name());
        if (!holdsParquet(table)) {
            return spark.createDataFrame(List.of(), SparkRows.curated(spec.kind()));
        }
        return spark.read().parquet(table.toString());
    }

    /** Every rejection kept for a source, or an empty table. */
    public Dataset<Row> rejects(SparkSession spark, String source) {
        Path folder = rejects(source);
        if (!holdsParquet(folder)) {
            return spark.createDataFrame(List.of(), new StructType().add("file", DataTypes.StringType)
                    .add("line", DataTypes.LongType).add("column", DataTypes.StringType)
                    .add("value", DataTypes.StringType).add("reason", DataTypes.StringType)
                    .add("extract", DataTypes.StringType));
        }
        return spark.read().parquet(folder.toString());
    }

    /** Whether any Parquet file is left under {@code folder}: every extract of it may have been withdrawn. */
    private static boolean holdsParquet(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new IngestException(folder + " cannot be listed: " + e.getMessage());
        }
    }

    private Path table(String source) {
        return root.resolve(source);
    }

    private Path rejects(String source) {
        return root.resolve("_rejects").resolve(source);
    }

    /** The partition id of an extract: the first 16 hex digits of its SHA-256. */
    static String extractId(String sha256) {
        return sha256.substring(0, 16);
    }

    /** Removes every table and rejection of the store, keeping its lock. */
    private void clear() {
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(c -> !c.getFileName().toString().equals(".lock")).toList()) {
                deleteTree(child);
            }
        } catch (IOException e) {
            throw new IngestException(root + " cannot be cleared for curating again: " + e.getMessage());
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Removes every partition of {@code extract} from the source's table and its rejects. */
    private void drop(String source, String extract) {
        List<Path> doomed = new ArrayList<>();
        Path table = table(source);
        if (Files.isDirectory(table)) {
            try (Stream<Path> periods = Files.list(table)) {
                periods.map(p -> p.resolve("extract=" + extract)).filter(Files::isDirectory).forEach(doomed::add);
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
                deleteTree(folder);
            } catch (IOException e) {
                throw new IngestException(folder + " cannot be removed: " + e.getMessage());
            }
        }
    }

    private static Curation summary(String source, List<Path> files, List<Path> changed, Ledger ledger,
            Map<Path, String> hashes) {
        long read = 0;
        long accepted = 0;
        Map<String, Long> reasons = new java.util.TreeMap<>();
        for (Ledger.Entry e : ledger.entries(source).values()) {
            read += e.read();
            accepted += e.accepted();
            e.rejectedByReason().forEach((k, v) -> reasons.merge(k, v, Long::sum));
        }
        return new Curation(source, files, changed, read, accepted, reasons, hashes);
    }
}
