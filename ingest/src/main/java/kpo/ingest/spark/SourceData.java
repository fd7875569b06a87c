package kpo.ingest.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kpo.ingest.source.SourceSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A source's files after reading on Spark: their rows (accepted and rejected, in
 * {@link SparkRows#schema} layout, persisted) and each file's rows by outcome.
 *
 * @param countsByFile file → outcome ({@link #ACCEPTED} or a reason code) → rows
 */
public record SourceData(SourceSpec spec, List<Path> files, Dataset<Row> rows,
        Map<String, Map<String, Long>> countsByFile) {

    /** The outcome key of accepted rows in {@link #countsByFile}. */
    public static final String ACCEPTED = "";

    public SourceData {
        files = List.copyOf(files);
        countsByFile = Map.copyOf(countsByFile);
    }

    /** The accepted rows in the curated schema (the outcome columns dropped). */
    public Dataset<Row> accepted() {
        return rows.filter(col("_reason").isNull()).drop("_reason", "_column", "_value");
    }

    /** The rejections: source, file, line, column, value (identifiers masked) and reason. */
    public Dataset<Row> rejects() {
        return rows.filter(col("_reason").isNotNull()).select(lit(spec.name()).as("source"), col("_file").as("file"),
                col("_line").as("line"), col("_column").as("column"), col("_value").as("value"),
                col("_reason").as("reason"));
    }

    /**
     * Frees the memory the rows are kept in: the table's cache and the read rows under it, which the
     * source reader keeps as an RDD of Spark's internal rows ({@code rows().unpersist()} alone
     * would leave those).
     */
    public void release() {
        rows.unpersist(false);
        scala.collection.Iterator<org.apache.spark.sql.catalyst.plans.logical.LogicalPlan> leaves =
                ((org.apache.spark.sql.classic.Dataset<Row>) rows).queryExecution().logical().collectLeaves()
                        .iterator();
        while (leaves.hasNext()) {
            if (leaves.next() instanceof org.apache.spark.sql.execution.LogicalRDD read) {
                read.rdd().unpersist(false);
            }
        }
    }
}
