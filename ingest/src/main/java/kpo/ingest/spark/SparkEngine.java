package kpo.ingest.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kpo.ingest.IngestException;
import kpo.ingest.curate.CuratedStore;
import kpo.ingest.engine.Engine;
import kpo.ingest.engine.ExtractCounts;
import kpo.ingest.measures.SeriesSql;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.CuratedColumn;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.Reason;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.validate.Rejection;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark engine: Spark SQL in local mode or on any cluster, for a region that outgrows one
 * machine. Extracts are read in line-aligned chunks by Spark's tasks, each row through the shared
 * row reader ({@link SourceReader}); the series queries run as Spark SQL over temporary views of the
 * curated store. Sources are read by path in the executors, so on a cluster they, the curated store
 * and the output folder must sit on a file system every node mounts.
 */
public final class SparkEngine implements Engine {

    private final SparkSession spark;
    private final boolean owned;

    private SparkEngine(SparkSession spark, boolean owned) {
        this.spark = spark;
        this.owned = owned;
    }

    /** An engine on a session this engine starts, and stops when closed. */
    public static SparkEngine start(SparkSettings settings) {
        return new SparkEngine(settings.session(), true);
    }

    /** An engine on a session someone else started and stops (a test's). */
    public static SparkEngine on(SparkSession spark) {
        return new SparkEngine(spark, false);
    }

    @Override
    public String name() {
        return "spark";
    }

    public SparkSession session() {
        return spark;
    }

    @Override
    public ExtractCounts read(SourceSpec spec, List<Path> files, Map<Path, String> extractIds, ReadContext context,
            Pseudonymiser pseudonymiser, Path staging) {
        SourceData data = SourceReader.read(spark, spec, files, context, pseudonymiser);
        try {
            List<Row> ids = new ArrayList<>();
            extractIds.forEach((file, id) -> ids.add(RowFactory.create(file.toString(), id)));
            StructType idSchema = new StructType().add(CuratedColumn.FILE, DataTypes.StringType)
                    .add("extract", DataTypes.StringType);
            Dataset<Row> rows = data.rows().join(broadcast(spark.createDataFrame(ids, idSchema)), CuratedColumn.FILE);
            rows.filter(col(SparkRows.REASON).isNull()).drop(SparkRows.REASON, SparkRows.COLUMN, SparkRows.VALUE)
                    .write().mode(SaveMode.Overwrite).partitionBy(CuratedColumn.MONTH, "extract")
                    .parquet(staging.resolve("table").toString());
            rows.filter(col(SparkRows.REASON).isNotNull()).select(col(CuratedColumn.FILE).as("file"),
                            col(CuratedColumn.LINE).as("line"), col(SparkRows.COLUMN).as("column"),
                            col(SparkRows.VALUE).as("value"), col(SparkRows.REASON).as("reason"), col("extract"))
                    .write().mode(SaveMode.Overwrite).partitionBy("extract").parquet(staging.resolve("rejects").toString());
            ExtractCounts.Builder counts = new ExtractCounts.Builder();
            data.countsByFile().forEach((file, byOutcome) -> byOutcome.forEach((outcome, n) -> {
                if (outcome.equals(SourceData.ACCEPTED)) {
                    counts.accepted(file, n);
                } else {
                    counts.rejected(file, Reason.fromCode(outcome).orElseThrow(), n);
                }
            }));
            files.forEach(f -> counts.accepted(f.toString(), 0));
            return counts.build();
        } finally {
            data.release();
        }
    }

    @Override
    public void attach(Map<SourceKind, List<Path>> tables) {
        for (SourceKind kind : SourceKind.values()) {
            List<String> folders = tables.getOrDefault(kind, List.of()).stream().filter(CuratedStore::holdsParquet)
                    .map(Path::toString).toList();
            String[] columns = CuratedColumn.of(kind).stream().map(CuratedColumn::name).toArray(String[]::new);
            // Each source's table folder is read with its own partitions; the union keeps every source of the kind.
            Dataset<Row> table = null;
            for (String folder : folders) {
                Dataset<Row> one = spark.read().parquet(folder).select(java.util.Arrays.stream(columns)
                        .map(c -> col("`" + c + "`")).toArray(org.apache.spark.sql.Column[]::new));
                table = table == null ? one : table.unionByName(one);
            }
            if (table == null) {
                table = spark.createDataFrame(List.of(), SparkRows.curated(kind));
            }
            table.createOrReplaceTempView(SeriesSql.view(kind));
        }
    }

    @Override
    public List<Object[]> rows(SeriesSql.Query query) {
        List<SeriesSql.ResultType> types = query.columns();
        List<Object[]> out = new ArrayList<>();
        List<Row> rows;
        try {
            rows = spark.sql(query.sql()).collectAsList();
        } catch (RuntimeException e) {
            throw new IngestException("a measure's query failed on Spark: " + firstLine(e));
        }
        for (Row r : rows) {
            Object[] row = new Object[types.size()];
            for (int i = 0; i < row.length; i++) {
                if (r.isNullAt(i)) {
                    continue;
                }
                row[i] = switch (types.get(i)) {
                    case TEXT -> r.getString(i);
                    case DATE -> (LocalDate) r.get(i);
                    case LONG -> ((Number) r.get(i)).longValue();
                    case DOUBLE -> ((Number) r.get(i)).doubleValue();
                    case DECIMAL -> (BigDecimal) r.get(i);
                    case INTEGER -> ((Number) r.get(i)).intValue();
                };
            }
            out.add(row);
        }
        return out;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }
}
