package kpo.ingest.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import kpo.ingest.Folders;
import kpo.ingest.curate.CuratedStore;
import kpo.ingest.embedded.EmbeddedEngine;
import kpo.ingest.engine.Engine;
import kpo.ingest.measures.Aggregate;
import kpo.ingest.measures.MeasureDefinition;
import kpo.ingest.measures.SeriesRow;
import kpo.ingest.measures.SeriesSql;
import kpo.ingest.measures.UnitType;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceMapping;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.spark.SparkEngine;
import kpo.ingest.spark.SparkSettings;

/**
 * The real ingest of a 5-million-row PTL extract, as CSV and as Parquet, on each engine, beside
 * DuckDB's bare read and aggregation of the same file as the yardstick: rows per snapshot and unit,
 * and the exact 92nd percentile of weeks waited. The engines run the product's own path: every row
 * typed and checked by the row reader, the pathway id pseudonymised (HMAC-SHA256), repeated pathways
 * rejected, the curated Parquet written, then the series query (counts and the exact percentile by
 * snapshot, for each trust and each treatment function). DuckDB alone only reads and aggregates.
 * Run with {@code bench/ingest.sh}.
 */
public final class IngestBenchmark {

    private static final int ROWS = 5_000_000;
    private static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "bench/data");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : ROWS;
        List<String> formats = List.of((args.length > 2 ? args[2] : "csv,parquet").split(","));
        List<String> engines = List.of(System.getProperty("bench.engines", "embedded,spark").split(","));
        Files.createDirectories(folder);
        Path csv = folder.resolve("ptl_" + rows + ".csv");
        if (!Files.exists(csv)) {
            long t = System.nanoTime();
            write(csv, rows);
            System.out.printf(Locale.ROOT, "wrote %s (%,d rows, %.0f MB) in %.1f s%n", csv, rows,
                    Files.size(csv) / 1e6, (System.nanoTime() - t) / 1e9);
        }
        Path parquet = folder.resolve("ptl_" + rows + ".parquet");
        if (!Files.exists(parquet)) {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
                s.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true, all_varchar = true)) TO '"
                        + parquet + "' (FORMAT parquet)");
            }
        }
        Pseudonymiser key = Pseudonymiser.withKey("benchmark key, not a secret!!!!!".getBytes(StandardCharsets.UTF_8));
        LocalDate asOf = LocalDate.of(2025, 12, 31);
        List<String> report = new ArrayList<>();
        for (String format : formats) {
            Path input = format.equals("csv") ? csv : parquet;
            double duck = median(() -> duckdb(input, format));
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s DuckDB bare %6.2f s", format, duck));
            for (String name : engines) {
                double seconds;
                if (name.equals("spark")) {
                    try (SparkEngine spark = SparkEngine.start(new SparkSettings("local[2]",
                            Map.of("spark.sql.shuffle.partitions", "8")))) {
                        seconds = median(() -> engine(spark, folder, input, format, asOf, key));
                    }
                } else {
                    try (EmbeddedEngine embedded = EmbeddedEngine.open(new EmbeddedEngine.Settings("2GB", 2,
                            folder.resolve("spill")))) {
                        seconds = median(() -> engine(embedded, folder, input, format, asOf, key));
                    }
                }
                line.append(String.format(Locale.ROOT, "   %s %6.2f s (%.1f× DuckDB bare)", name, seconds,
                        seconds / duck));
            }
            report.add(line.toString());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%,d PTL rows, median of %d runs each, 2 threads%n", rows, RUNS);
        report.forEach(System.out::println);
    }

    /** Seconds for each run, median printed and returned; the first run warms the engine. */
    private static double median(Supplier<Double> run) {
        double[] seconds = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            seconds[i] = run.get();
        }
        System.out.println("  runs: " + java.util.Arrays.toString(seconds));
        java.util.Arrays.sort(seconds);
        return seconds[RUNS / 2];
    }

    /** The product's ingest into a fresh store, then its series query; the seconds of both. */
    private static double engine(Engine engine, Path folder, Path input, String format, LocalDate asOf,
            Pseudonymiser key) {
        Path root = folder.resolve("store-" + engine.name());
        try {
            Folders.deleteTree(root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long t = System.nanoTime();
        SourceSpec spec = new SourceSpec("waiting_list", SourceKind.WAITING_LIST, List.of(input.toString()), format,
                SourceMapping.NONE, 0.05);
        CuratedStore store = new CuratedStore(root);
        CuratedStore.Curation curation = store.curate(engine, spec, ReadContext.asOf(asOf), key);
        double ingestSeconds = (System.nanoTime() - t) / 1e9;
        engine.attach(Map.of(SourceKind.WAITING_LIST, List.of(store.table("waiting_list"))));
        List<MeasureDefinition> measures = List.of(
                new MeasureDefinition("rows", "rows", SourceKind.WAITING_LIST, Aggregate.COUNT, null, null, null, null,
                        List.of(UnitType.TRUST, UnitType.SPECIALTY), "weekly"),
                new MeasureDefinition("p92", "p92", SourceKind.WAITING_LIST, Aggregate.PERCENTILE, null, null,
                        "days_waiting / 7.0", 0.92, List.of(UnitType.TRUST, UnitType.SPECIALTY), "weekly"));
        List<SeriesRow> series = SeriesSql.run(SeriesSql.compile(measures, SeriesSql.Scope.all(asOf)), engine::rows);
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "  %s %s: %,d read, %,d accepted, %,d series rows, %.2f s (ingest %.2f s, "
                + "series %.2f s)%n", engine.name(), input.getFileName(), curation.read(), curation.accepted(),
                series.size(), seconds, ingestSeconds, seconds - ingestSeconds);
        return seconds;
    }

    private static double duckdb(Path input, String format) {
        String from = format.equals("csv")
                ? "read_csv('" + input + "', header = true, columns = {'snapshot_date': 'DATE', 'trust_code': 'VARCHAR',"
                        + " 'site_code': 'VARCHAR', 'csu': 'VARCHAR', 'specialty': 'VARCHAR', 'pathway_id': 'VARCHAR',"
                        + " 'clock_start_date': 'DATE', 'priority': 'VARCHAR'})"
                : "read_parquet('" + input + "')";
        String cast = format.equals("csv") ? "" : "::DATE";
        String sql = "SELECT snapshot_date" + cast + " AS snapshot_date, trust_code, specialty, count(*), "
                + "quantile_cont(date_diff('day', clock_start_date" + cast + ", snapshot_date" + cast + ") / 7.0, 0.92) "
                + "FROM " + from + " GROUP BY ALL";
        long t = System.nanoTime();
        int groups = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 2");
            try (ResultSet r = s.executeQuery(sql)) {
                while (r.next()) {
                    groups++;
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "  duckdb %s: %,d groups, %.2f s%n", input.getFileName(), groups, seconds);
        return seconds;
    }

    /**
     * The benchmark extract: 120 trusts, 20 treatment functions, 12 month-end snapshots, waits on an
     * exponential tail up to two years, as deps.md §4 describes; no faults, so every row is accepted.
     */
    private static void write(Path csv, int rows) throws IOException {
        String[] specialties = {"C_100", "C_101", "C_110", "C_120", "C_130", "C_140", "C_150", "C_160", "C_170",
            "C_300", "C_301", "C_320", "C_330", "C_340", "C_400", "C_410", "C_430", "C_502", "X02", "X04"};
        SplittableRandom random = new SplittableRandom(5);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("snapshot_date,trust_code,site_code,csu,specialty,pathway_id,clock_start_date,priority\n");
            for (int i = 0; i < rows; i++) {
                LocalDate snapshot = LocalDate.of(2025, 1, 1).plusMonths(i % 12).plusMonths(1).minusDays(1);
                int t = i / 12 % 120;
                String trust = "R" + (char) ('A' + t / 10) + (t % 10);
                String specialty = specialties[random.nextInt(specialties.length)];
                long days = Math.min(729, (long) (-90 * Math.log(1 - random.nextDouble())));
                w.write(snapshot + "," + trust + "," + trust + "01,CSU " + (i % 20) + "," + specialty + ",P" + i + ","
                        + snapshot.minusDays(days) + ",P3\n");
            }
        }
    }
}
