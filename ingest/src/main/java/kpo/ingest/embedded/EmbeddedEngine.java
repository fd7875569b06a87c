package kpo.ingest.embedded;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kpo.ingest.IngestException;
import kpo.ingest.curate.CuratedStore;
import kpo.ingest.engine.Engine;
import kpo.ingest.engine.ExtractCounts;
import kpo.ingest.measures.SeriesSql;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.read.Chunk;
import kpo.ingest.read.ParquetText;
import kpo.ingest.read.SourceHeader;
import kpo.ingest.read.TextRows;
import kpo.ingest.source.CuratedColumn;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.Reason;
import kpo.ingest.source.Rule;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.validate.ReadRow;
import kpo.ingest.validate.Rejection;
import kpo.ingest.validate.RowReader;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The embedded engine: DuckDB in this process, the default on one machine. Extracts are cut into
 * line-aligned chunks and read on every thread, each row through the shared row reader, straight
 * into DuckDB's appender; DuckDB then finds repeated pathways, counts, and writes the curated
 * Parquet. The series queries run on views over the curated store. DuckDB's memory is capped and
 * spills to a folder beside the store ({@link Settings}), so a trust many times the demo's size
 * runs in a small heap.
 */
public final class EmbeddedEngine implements Engine {

    /**
     * How the engine may use the machine.
     *
     * @param memoryLimit DuckDB's memory limit, e.g. {@code 2GB}: beyond it DuckDB spills to {@code spill}
     * @param threads the threads that read extracts and run queries
     * @param spill the folder DuckDB spills to
     */
    public record Settings(String memoryLimit, int threads, Path spill) {

        /** The default memory limit: enough for a large trust's month, small beside the JVM's heap. */
        public static final String DEFAULT_MEMORY_LIMIT = "2GB";

        public Settings {
            if (!memoryLimit.matches("(?i)\\d+(\\.\\d+)?\\s*(KB|MB|GB|TB|KIB|MIB|GIB|TIB)")) {
                throw new IllegalArgumentException("memory limit '" + memoryLimit + "'; expected a size such as 2GB "
                        + "or 512MB");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads " + threads + "; expected 1 or more");
            }
        }

        /** The default limit, every core, spilling to {@code spill}. */
        public static Settings defaults(Path spill) {
            return new Settings(DEFAULT_MEMORY_LIMIT, Runtime.getRuntime().availableProcessors(), spill);
        }
    }

    /** Reading stops to write what it has read after about this much input, so memory stays bounded. */
    private static final long BATCH_BYTES = 64L << 20;

    private final DuckDBConnection connection;
    private final ExecutorService pool;
    private final int threads;

    private EmbeddedEngine(DuckDBConnection connection, int threads) {
        this.connection = connection;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kpo-embedded");
            t.setDaemon(true);
            return t;
        });
    }

    /** An engine with its own in-memory database. */
    public static EmbeddedEngine open(Settings settings) {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
            Files.createDirectories(settings.spill());
            DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = connection.createStatement()) {
                s.execute("SET memory_limit = '" + settings.memoryLimit() + "'");
                s.execute("SET threads = " + settings.threads());
                s.execute("SET temp_directory = '" + literal(settings.spill().toString()) + "'");
                // The store's own folders never change under a query; DuckDB need not guard against it.
                s.execute("SET enable_progress_bar = false");
                // The curated tables are unordered sets: writing them in parallel need not keep any order.
                s.execute("SET preserve_insertion_order = false");
            }
            return new EmbeddedEngine(connection, settings.threads());
        } catch (ClassNotFoundException | SQLException | IOException e) {
            throw new IllegalStateException("the embedded engine (DuckDB) cannot start: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "embedded";
    }

    /** A single-quoted SQL string's inside. */
    private static String literal(String text) {
        return text.replace("'", "''");
    }

    @Override
    public ExtractCounts read(SourceSpec spec, List<Path> files, Map<Path, String> extractIds, ReadContext context,
            Pseudonymiser pseudonymiser, Path staging) {
        RowReader reader = new RowReader(spec, context, pseudonymiser);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (!"parquet".equals(spec.format())) {
            for (Path file : files) {
                headers.put(file.toString(), SourceHeader.ofText(spec, file, pseudonymiser != null));
            }
        }
        Map<String, String> ids = new LinkedHashMap<>();
        extractIds.forEach((file, id) -> ids.put(file.toString(), id));
        ExtractCounts.Builder counts = new ExtractCounts.Builder();
        for (List<Path> batch : batches(files)) {
            readBatch(spec, batch, ids, reader, headers, pseudonymiser != null, staging, counts);
        }
        return counts.build();
    }

    /** Files in runs of about {@link #BATCH_BYTES}, a file never split between runs. */
    private static List<List<Path>> batches(List<Path> files) {
        List<List<Path>> batches = new ArrayList<>();
        List<Path> current = new ArrayList<>();
        long bytes = 0;
        for (Path file : files) {
            long size = file.toFile().length();
            if (!current.isEmpty() && bytes + size > BATCH_BYTES) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(file);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /**
     * One run of files: every chunk read on the engine's threads into a file of typed rows, the files
     * loaded into a table at once by DuckDB's own reader, repeated pathways rejected, counts taken,
     * and each extract's rows of each month written as one Parquet file into the staging layout.
     */
    private void readBatch(SourceSpec spec, List<Path> files, Map<String, String> ids, RowReader reader,
            Map<String, List<String>> headers, boolean haveKey, Path staging, ExtractCounts.Builder counts) {
        List<CuratedColumn> columns = CuratedColumn.of(spec.kind());
        Path rowsFolder = staging.resolve("rows");
        try {
            Files.createDirectories(rowsFolder);
        } catch (IOException e) {
            throw new IngestException(staging + " cannot be written: " + e.getMessage());
        }
        List<Rejection> rejections = Collections.synchronizedList(new ArrayList<>());
        List<Callable<StagedRows>> tasks = new ArrayList<>();
        if ("parquet".equals(spec.format())) {
            for (Path file : files) {
                Path out = rowsFolder.resolve(tasks.size() + ".csv");
                tasks.add(() -> stageParquet(spec, file, reader, haveKey, out, columns, rejections));
            }
        } else {
            boolean csv = "csv".equals(spec.format());
            for (Chunk chunk : Chunk.of(files, csv, Chunk.TARGET_BYTES, this::scan)) {
                Path out = rowsFolder.resolve(tasks.size() + ".csv");
                tasks.add(() -> StagedRows.write(TextRows.rows(chunk, spec.format(), reader, chunk.holdsHeader() ? null
                        : headers.get(chunk.file())), chunk.file(), out, columns, rejections));
            }
        }
        List<StagedRows> staged = new ArrayList<>();
        for (Future<StagedRows> f : invokeAll(tasks)) {
            staged.add(result(f));
        }
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS _accepted");
            s.execute("DROP TABLE IF EXISTS _rejected");
            s.execute("CREATE TABLE _accepted (" + columns.stream().map(c -> c.name() + " " + c.type().sql())
                    .collect(Collectors.joining(", ")) + ", extract VARCHAR)");
            s.execute("CREATE TABLE _rejected (file VARCHAR, line BIGINT, \"column\" VARCHAR, value VARCHAR, "
                    + "reason VARCHAR, extract VARCHAR)");
            List<StagedRows> loaded = staged.stream().filter(c -> c.rows() > 0).toList();
            if (!loaded.isEmpty()) {
                s.execute("CREATE OR REPLACE TABLE _chunks (path VARCHAR, file VARCHAR, extract VARCHAR)");
                try (DuckDBAppender chunks = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "_chunks")) {
                    for (StagedRows c : loaded) {
                        chunks.beginRow().append(c.path().toString()).append(c.file()).append(ids.get(c.file()))
                                .endRow();
                    }
                }
                s.execute("INSERT INTO _accepted " + StagedRows.insert(loaded, columns));
                s.execute("DROP TABLE _chunks");
            }
            try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "_rejected")) {
                for (Rejection r : rejections) {
                    appender.beginRow().append(r.file()).append(r.line());
                    appendText(appender, r.column());
                    appendText(appender, r.value());
                    appender.append(r.reason().code()).append(ids.get(r.file())).endRow();
                }
            }
            Rule.UniqueWithinExtract unique = spec.kind().uniqueKey().orElse(null);
            if (unique != null) {
                rejectRepeats(s, unique, spec.mapping().headerOf(unique.field()));
            }
            try (ResultSet r = s.executeQuery("SELECT _file, count(*) FROM _accepted GROUP BY _file")) {
                while (r.next()) {
                    counts.accepted(r.getString(1), r.getLong(2));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT file, reason, count(*) FROM _rejected GROUP BY file, reason")) {
                while (r.next()) {
                    counts.rejected(r.getString(1), Reason.fromCode(r.getString(2)).orElseThrow(), r.getLong(3));
                }
            }
            for (Path file : files) {
                counts.accepted(file.toString(), 0); // an extract of no rows is still counted
            }
            write(s, columns, staging);
            s.execute("DROP TABLE _accepted");
            s.execute("DROP TABLE _rejected");
        } catch (SQLException e) {
            throw new IllegalStateException("the embedded engine failed while curating source '" + spec.name() + "': "
                    + e.getMessage(), e);
        } finally {
            staged.forEach(chunk -> chunk.path().toFile().delete());
        }
    }

    /**
     * Each extract's accepted rows of each month as one Parquet file under
     * {@code table/month=…/extract=…/}, and its rejections under {@code rejects/extract=…/}: the
     * curated layout, written a file at a time (a partitioned write of many small partitions is slower).
     */
    private static void write(Statement s, List<CuratedColumn> columns, Path staging) throws SQLException {
        String select = columns.stream().map(CuratedColumn::name).filter(c -> !c.equals(CuratedColumn.MONTH))
                .collect(Collectors.joining(", "));
        List<String[]> parts = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT DISTINCT " + CuratedColumn.MONTH + ", extract FROM _accepted")) {
            while (r.next()) {
                parts.add(new String[] {r.getString(1), r.getString(2)});
            }
        }
        for (String[] part : parts) {
            Path folder = staging.resolve("table").resolve(CuratedColumn.MONTH + "=" + part[0])
                    .resolve("extract=" + part[1]);
            folder.toFile().mkdirs();
            s.execute("COPY (SELECT " + select + " FROM _accepted WHERE " + CuratedColumn.MONTH + " = '" + part[0]
                    + "' AND extract = '" + part[1] + "') TO '" + literal(folder.resolve("data_0.parquet").toString())
                    + "' (FORMAT parquet)");
        }
        List<String> extracts = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT DISTINCT extract FROM _rejected")) {
            while (r.next()) {
                extracts.add(r.getString(1));
            }
        }
        for (String extract : extracts) {
            Path folder = staging.resolve("rejects").resolve("extract=" + extract);
            folder.toFile().mkdirs();
            s.execute("COPY (SELECT file, line, \"column\", value, reason FROM _rejected WHERE extract = '" + extract
                    + "') TO '" + literal(folder.resolve("data_0.parquet").toString()) + "' (FORMAT parquet)");
        }
    }

    /**
     * The rule that spans rows: a pathway repeated in an extract (same snapshot and trust) keeps its
     * first line and every later one is rejected, its identifier masked.
     */
    private static void rejectRepeats(Statement s, Rule.UniqueWithinExtract unique, String column)
            throws SQLException {
        String key = String.join(", ", unique.key());
        s.execute("CREATE TABLE _repeats AS SELECT a._file, a._line, a.extract FROM _accepted a JOIN (SELECT _file, "
                + key + ", min(_line) AS _first FROM _accepted GROUP BY _file, " + key + " HAVING count(*) > 1) d USING "
                + "(_file, " + key + ") WHERE a._line > d._first");
        s.execute("INSERT INTO _rejected SELECT _file, _line, '" + literal(column) + "', '*', '"
                + unique.reason().code() + "', extract FROM _repeats");
        s.execute("DELETE FROM _accepted USING _repeats WHERE _accepted._file = _repeats._file AND _accepted._line = "
                + "_repeats._line");
        s.execute("DROP TABLE _repeats");
    }

    private static void appendText(DuckDBAppender appender, String text) throws SQLException {
        if (text == null) {
            appender.appendNull();
        } else {
            appender.append(text);
        }
    }

    /**
     * A Parquet extract: DuckDB reads the file, each typed value is written as text by
     * {@link ParquetText} (as the Spark engine does) and read by the row reader; a row's "line" is
     * its number in the file, from 1.
     */
    private StagedRows stageParquet(SourceSpec spec, Path file, RowReader reader, boolean haveKey, Path out,
            List<CuratedColumn> columns, List<Rejection> rejections) throws SQLException, IOException {
        try (DuckDBConnection own = (DuckDBConnection) connection.duplicate(); Statement s = own.createStatement()) {
            ResultSet r;
            try {
                r = s.executeQuery("SELECT *, file_row_number AS _kpo_row FROM read_parquet('" + literal(file.toString())
                        + "', file_row_number = true)");
            } catch (SQLException e) {
                throw new IngestException("source '" + spec.name() + "': " + file + " is not a readable Parquet file "
                        + "(is it truncated, or another format with a .parquet name?)");
            }
            try (r) {
                ResultSetMetaData meta = r.getMetaData();
                int n = meta.getColumnCount() - 1;
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    names.add(meta.getColumnName(i));
                }
                SourceHeader.check(spec, file.toString(), names, haveKey);
                int[] at = SourceHeader.positions(spec, names);
                String name = file.toString();
                Iterator<ReadRow> rows = new Iterator<>() {
                    private Boolean ahead;

                    @Override
                    public boolean hasNext() {
                        if (ahead == null) {
                            try {
                                ahead = r.next();
                            } catch (SQLException e) {
                                throw new IngestException("source '" + spec.name() + "': " + file + " cannot be read on "
                                        + "(" + e.getMessage() + ")");
                            }
                        }
                        return ahead;
                    }

                    @Override
                    public ReadRow next() {
                        hasNext();
                        ahead = null;
                        try {
                            String[] raw = new String[at.length];
                            for (int f = 0; f < at.length; f++) {
                                raw[f] = at[f] < 0 ? null : ParquetText.of(value(r, at[f] + 1, meta));
                            }
                            return reader.read(name, r.getLong(n + 1) + 1, raw);
                        } catch (SQLException e) {
                            throw new IngestException("source '" + spec.name() + "': " + file + " cannot be read on ("
                                    + e.getMessage() + ")");
                        }
                    }
                };
                return StagedRows.write(rows, name, out, columns, rejections);
            }
        }
    }

    /** A column's value as Java's type for it, null for SQL NULL. */
    private static Object value(ResultSet r, int i, ResultSetMetaData meta) throws SQLException {
        String type = meta.getColumnTypeName(i).toUpperCase(Locale.ROOT);
        Object v;
        if (type.equals("DATE")) {
            v = r.getObject(i, LocalDate.class);
        } else if (type.startsWith("TIMESTAMP WITH TIME ZONE") || type.equals("TIMESTAMPTZ")) {
            v = r.getObject(i, OffsetDateTime.class);
        } else if (type.startsWith("TIMESTAMP")) {
            v = r.getObject(i, LocalDateTime.class);
        } else if (type.equals("DOUBLE")) {
            v = r.getDouble(i);
        } else if (type.equals("FLOAT")) {
            v = r.getFloat(i);
        } else if (type.startsWith("DECIMAL")) {
            v = r.getBigDecimal(i);
        } else if (type.equals("BOOLEAN")) {
            v = r.getBoolean(i);
        } else if (type.endsWith("INT") || type.equals("BIGINT") || type.equals("INTEGER") || type.equals("HUGEINT")) {
            v = r.getLong(i);
        } else if (type.equals("BLOB")) {
            v = r.getBytes(i);
        } else {
            v = r.getString(i);
        }
        return r.wasNull() ? null : v;
    }

    /** Line breaks and quotes of each piece, counted on every thread. */
    private List<long[]> scan(List<Chunk> pieces) {
        List<Callable<long[]>> tasks = pieces.stream().<Callable<long[]>>map(c -> c::scan).toList();
        List<long[]> out = new ArrayList<>();
        for (Future<long[]> f : invokeAll(tasks)) {
            out.add(result(f));
        }
        return out;
    }

    private void runAll(List<Callable<Void>> tasks) {
        for (Future<Void> f : invokeAll(tasks)) {
            result(f);
        }
    }

    private <T> List<Future<T>> invokeAll(List<Callable<T>> tasks) {
        try {
            return pool.invokeAll(tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
    }

    /** A task's result; what it threw is thrown as it was (an {@link IngestException} names the file). */
    private static <T> T result(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    @Override
    public void attach(Map<SourceKind, List<Path>> tables) {
        try (Statement s = connection.createStatement()) {
            for (SourceKind kind : SourceKind.values()) {
                List<CuratedColumn> columns = CuratedColumn.of(kind);
                List<String> globs = tables.getOrDefault(kind, List.of()).stream().filter(CuratedStore::holdsParquet)
                        .map(t -> "'" + literal(t.toString()) + "/*/*/*.parquet'").toList();
                String select = columns.stream().map(CuratedColumn::name).collect(Collectors.joining(", "));
                String from = globs.isEmpty()
                        ? "(SELECT " + columns.stream().map(c -> "CAST(NULL AS " + c.type().sql() + ") AS " + c.name())
                                .collect(Collectors.joining(", ")) + " WHERE false)"
                        : "read_parquet([" + String.join(", ", globs) + "], hive_partitioning = true, union_by_name = "
                                + "true, hive_types = {'" + CuratedColumn.MONTH + "': VARCHAR, 'extract': VARCHAR})";
                s.execute("CREATE OR REPLACE VIEW " + SeriesSql.view(kind) + " AS SELECT " + select + " FROM " + from);
            }
        } catch (SQLException e) {
            throw new IngestException("the curated store cannot be read: " + e.getMessage());
        }
    }

    @Override
    public List<Object[]> rows(SeriesSql.Query query) {
        List<SeriesSql.ResultType> types = query.columns();
        List<Object[]> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(query.sql())) {
            while (r.next()) {
                Object[] row = new Object[types.size()];
                for (int i = 0; i < row.length; i++) {
                    int c = i + 1;
                    Object v = switch (types.get(i)) {
                        case TEXT -> r.getString(c);
                        case DATE -> r.getObject(c, LocalDate.class);
                        case LONG -> r.getLong(c);
                        case DOUBLE -> r.getDouble(c);
                        case DECIMAL -> r.getBigDecimal(c);
                        case INTEGER -> r.getInt(c);
                    };
                    row[i] = r.wasNull() ? null : v;
                }
                out.add(row);
            }
        } catch (SQLException e) {
            throw new IngestException("a measure's query failed on the embedded engine: " + e.getMessage());
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            connection.close();
        } catch (SQLException e) {
            // closing an in-memory database loses nothing
        }
    }

    /** The number of threads the engine reads with. */
    public int threads() {
        return threads;
    }

    /** DuckDB's version, for the manifest. */
    public String version() {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT version()")) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            return "unknown";
        }
    }
}
