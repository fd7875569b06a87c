package kpo.ingest.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kpo.ingest.measures.SeriesSql;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.validate.Rejection;

/**
 * What ingest asks of an engine: read extracts into the curated store's layout, and run the series
 * queries over the curated tables. Two implement it: {@code embedded} (DuckDB in this process, the
 * default on one machine) and {@code spark} (Spark SQL, local or on a cluster). Everything that
 * decides an outcome is shared Java code both call: the row reader and its rules, line numbers,
 * pseudonyms and rejections, the store's layout and ledger, the series SQL and the arithmetic on
 * its exact results. What leaves an engine is typed: counts by reason, rejections, series rows.
 */
public interface Engine extends AutoCloseable {

    /** {@code embedded} or {@code spark}. */
    String name();

    /**
     * Reads {@code files} of {@code spec}, every row through the {@link kpo.ingest.validate.RowReader},
     * a pathway repeated within an extract rejected as its rule says, and writes the accepted rows
     * under {@code staging/table/month=YYYY-MM/extract=<id>/} and the rejections under
     * {@code staging/rejects/extract=<id>/}, as Parquet in the curated layout.
     *
     * @param extractIds the partition id of each file
     * @return each file's rows by outcome
     * @throws kpo.ingest.IngestException naming the file, for one that cannot be read or has the wrong header
     */
    ExtractCounts read(SourceSpec spec, List<Path> files, Map<Path, String> extractIds, ReadContext context,
            Pseudonymiser pseudonymiser, Path staging);

    /**
     * Points the views the series queries read ({@link SeriesSql#view}) at the curated tables.
     *
     * @param tables each source kind's table folders (one per source of that kind); a kind with none is empty
     */
    void attach(Map<SourceKind, List<Path>> tables);

    /** The rows of a series query over the attached views, each column as the query declares it. */
    List<Object[]> rows(SeriesSql.Query query);

    @Override
    void close();
}
