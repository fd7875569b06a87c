package kpo.ingest.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kpo.ingest.IngestException;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.read.Chunk;
import kpo.ingest.read.SourceHeader;
import kpo.ingest.read.TextRows;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.Reason;
import kpo.ingest.source.Rule;
import kpo.ingest.spark.SparkRows;
import kpo.ingest.validate.ReadRow;
import kpo.ingest.validate.RowReader;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Reads a source on Spark in one pass: each file is parsed in its own task, every row is typed and
 * checked by the {@link RowReader}, and the result splits into accepted rows and rejections. The
 * waiting list then loses its repeated pathways (the first of each in a snapshot is kept). The
 * identity {@code read = accepted + rejected} holds by construction: every row read becomes exactly
 * one of the two.
 */
public final class SourceReader {

    private SourceReader() {
    }

    /**
     * Reads {@code files} of {@code spec}.
     *
     * @param context what the rules judge rows against: the as-of date, the trusts named, the treatment functions
     * @param pseudonymiser null when no key is configured: then a file with an identifier column is refused
     * @throws IngestException naming the file, for an unreadable file or a wrong header
     */
    public static SourceData read(SparkSession spark, SourceSpec spec, List<Path> files, ReadContext context,
            Pseudonymiser pseudonymiser) {
        RowReader reader = new RowReader(spec, context, pseudonymiser);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (!"parquet".equals(spec.format())) {
            for (Path file : files) {
                headers.put(file.toString(), SourceHeader.ofText(spec, file, pseudonymiser != null));
            }
        }
        JavaRDD<InternalRow> kept = null;
        Dataset<Row> rows;
        Map<String, Map<String, Long>> byFile;
        try {
            JavaRDD<InternalRow> validated = "parquet".equals(spec.format())
                    ? ParquetRows.read(spark, spec, files, reader, pseudonymiser != null)
                    : textRows(spark, spec, files, reader, headers);
            // The read rows are kept as Spark's compact internal rows, not in Spark SQL's columnar cache,
            // whose per-column statistics and encodings cost more to build than one scan of them saves.
            StructType schema = SparkRows.schema(spec.kind());
            kept = validated.mapPartitions(in -> map(in, UnsafeProjection.create(schema), (compact, r) ->
                    (InternalRow) compact.apply(r).copy())).persist(StorageLevel.MEMORY_AND_DISK());
            rows = ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(kept.rdd(), schema,
                    false);
            // One pass counts each file's rows by outcome and finds pathway keys that repeat.
            boolean waitingList = spec.kind() == SourceKind.WAITING_LIST;
            RowTally.Result tally = RowTally.of(kept, schema, waitingList,
                    Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")));
            byFile = tally.countsByFile();
            if (waitingList && tally.repeatedKeys().length > 0) {
                rows = rejectRepeatedPathways(rows, tally.repeatedKeys(),
                        spec.mapping().headerOf(spec.kind().uniqueKey().orElseThrow().field()));
                kept.unpersist(false);
                byFile = countsByFile(rows);
            }
        } catch (IngestException e) {
            throw e;
        } catch (Exception e) {
            // Spark wraps what a task threw; the reader's own sentence is inside, or the file is not Parquet.
            if (kept != null) {
                kept.unpersist(false);
            }
            throw unreadable(spark, spec, files, e);
        }
        return new SourceData(spec, files, rows, byFile);
    }

    /** Each element of {@code in} through {@code f}, with a per-partition helper made once. */
    private static <H, A, B> java.util.Iterator<B> map(java.util.Iterator<A> in, H helper,
            java.util.function.BiFunction<H, A, B> f) {
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public B next() {
                return f.apply(helper, in.next());
            }
        };
    }

    /**
     * The user's sentence for a read that failed inside Spark: the {@link IngestException} a task
     * threw (an unclosed quote, bytes that are not UTF-8), or, for Parquet, the file whose footer
     * cannot be read. Anything else is not the data's fault and goes on as it is.
     */
    private static RuntimeException unreadable(SparkSession spark, SourceSpec spec, List<Path> files, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IngestException ingest) {
                return ingest;
            }
        }
        if ("parquet".equals(spec.format())) {
            for (Path file : files) {
                try {
                    spark.read().parquet(file.toString()).schema();
                } catch (Exception probe) {
                    return new IngestException("source '" + spec.name() + "': " + file + " is not a readable Parquet "
                            + "file (is it truncated, or another format with a .parquet name?)");
                }
            }
            return new IngestException("source '" + spec.name() + "': its Parquet files cannot be read together ("
                    + firstLine(e) + ")");
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** Each file's rows by outcome ({@link SourceData#ACCEPTED} or a reason code), by one aggregation. */
    private static Map<String, Map<String, Long>> countsByFile(Dataset<Row> rows) {
        Map<String, Map<String, Long>> byFile = new LinkedHashMap<>();
        for (Row r : rows.groupBy(col("_file"), col("_reason")).count().collectAsList()) {
            String reason = r.isNullAt(1) ? SourceData.ACCEPTED : r.getString(1);
            byFile.computeIfAbsent(r.getString(0), f -> new LinkedHashMap<>()).put(reason, r.getLong(2));
        }
        return byFile;
    }

    /** CSV and JSON lines: each chunk of each file read in its own task. */
    private static JavaRDD<InternalRow> textRows(SparkSession spark, SourceSpec spec, List<Path> files,
            RowReader reader, Map<String, List<String>> headers) {
        String format = spec.format();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Chunk> chunks = Chunk.of(files, "csv".equals(format), Chunk.TARGET_BYTES, pieces -> context.parallelize(
                pieces, pieces.size()).map(Chunk::scan).collect());
        int width = SparkRows.schema(spec.kind()).size();
        return context.parallelize(chunks, Math.max(1, chunks.size())).flatMap(chunk -> map(
                TextRows.rows(chunk, format, reader, chunk.holdsHeader() ? null : headers.get(chunk.file())),
                UTF8String.fromString(chunk.file()), (file, row) -> SparkRows.encode(row, width, file)));
    }

    /**
     * A pathway may appear once per snapshot of a trust in an extract ({@link Rule.UniqueWithinExtract}):
     * the first (by line) is kept and the later ones are rejected as {@code duplicate_pathway}. Repeats are rare, so they are found
     * by {@link RowTally} from 64-bit hashes of the keys and, only when some hash repeats, confirmed
     * on the exact keys and marked from a broadcast list, rather than by sorting every row.
     *
     * @param candidates hashes ({@code xxhash64} of file, snapshot, trust and pathway) held by more than one accepted row
     */
    private static Dataset<Row> rejectRepeatedPathways(Dataset<Row> rows, long[] candidates, String column) {
        List<String> keyColumns = new ArrayList<>(List.of("_file"));
        keyColumns.addAll(SourceKind.WAITING_LIST.uniqueKey().orElseThrow().key());
        Column hash = xxhash64(keyColumns.stream().map(c -> col(c)).toArray(Column[]::new));
        Dataset<Row> accepted = rows.filter(col("_reason").isNull());
        Dataset<Row> repeated = accepted.filter(hash.isin(java.util.Arrays.stream(candidates).boxed().toArray()))
                .groupBy(keyColumns.stream().map(c -> col(c)).toArray(Column[]::new))
                .agg(count(lit(1)).as("_n"), min(col("_line")).as("_first"))
                .filter(col("_n").gt(1)).drop("_n");
        Column repeat = col("_first").isNotNull().and(col("_reason").isNull()).and(col("_first").notEqual(col("_line")));
        Dataset<Row> marked = rows.join(broadcast(repeated), scala.jdk.javaapi.CollectionConverters.asScala(
                        keyColumns).toSeq(), "left")
                .withColumn("_repeat", repeat)
                .withColumn("_column", when(col("_repeat"), lit(column)).otherwise(col("_column")))
                .withColumn("_value", when(col("_repeat"), lit("*")).otherwise(col("_value")))
                .withColumn("_reason", when(col("_repeat"), lit(Reason.DUPLICATE_PATHWAY.code()))
                        .otherwise(col("_reason")))
                .select(java.util.Arrays.stream(rows.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new))
                .persist(StorageLevel.MEMORY_AND_DISK());
        marked.count();
        return marked;
    }
}
