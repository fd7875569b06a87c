package kpo.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kpo.ingest.curate.CuratedStore;
import kpo.ingest.embedded.EmbeddedEngine;
import kpo.ingest.engine.Engine;
import kpo.ingest.measures.SeriesSql;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.spark.SparkEngine;
import kpo.ingest.validate.Rejection;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;

/**
 * Tests that run on both engines: the embedded one (DuckDB in process) and Spark in local mode
 * (the project's test settings: local[2], two shuffle partitions, adaptive execution off, one
 * session per test class, started only when a test asks for it). A test takes the engine's name as
 * its parameter ({@code @MethodSource("engines")}).
 */
public abstract class BothEngines {

    private static SparkSession spark;
    private static EmbeddedEngine embedded;
    private static Path spill;

    /** The engines every such test runs on. */
    protected static Stream<String> engines() {
        return Stream.of("embedded", "spark");
    }

    /** The engine of that name, started on first use and kept for the class. */
    protected static Engine engine(String name) {
        if (name.equals("spark")) {
            return SparkEngine.on(spark());
        }
        if (embedded == null) {
            try {
                spill = Files.createTempDirectory("kpo-spill");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            embedded = EmbeddedEngine.open(new EmbeddedEngine.Settings("1GB", 2, spill));
        }
        return embedded;
    }

    protected static SparkSession spark() {
        if (spark == null) {
            spark = SparkTestSession.newSession();
        }
        return spark;
    }

    @AfterAll
    static void stopEngines() throws IOException {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
            Folders.deleteTree(spill);
        }
    }

    /**
     * A source curated into a store of its own, as a run does it.
     *
     * @param curation what curating found
     * @param rejects every rejection kept, in file and line order
     */
    public record Curated(Engine engine, CuratedStore store, CuratedStore.Curation curation, List<Rejection> rejects) {

        /** Rows of a query over the curated tables of this store (the views named by {@link SeriesSql#view}). */
        public List<Object[]> rows(SourceKind kind, String sql, SeriesSql.ResultType... types) {
            engine.attach(Map.of(kind, List.of(store.table(curation.source()))));
            return engine.rows(new SeriesSql.Query(kind, sql, List.of(types), rows -> List.of()));
        }
    }

    /** Curates {@code spec} into the store at {@code root} on {@code engine}. */
    protected static Curated curate(Engine engine, Path root, SourceSpec spec, ReadContext context,
            Pseudonymiser key) {
        CuratedStore store = new CuratedStore(root);
        CuratedStore.Curation curation = store.curate(engine, spec, context, key);
        return new Curated(engine, store, curation, new ArrayList<>(store.rejections(spec.name())));
    }
}
