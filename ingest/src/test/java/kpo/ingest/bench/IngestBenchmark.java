package kpo.ingest.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

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
import java.util.SplittableRandom;
import java.util.function.Supplier;
import kpo.ingest.source.ReadContext;
import kpo.ingest.measures.SeriesBuilder;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.read.SourceData;
import kpo.ingest.read.SourceReader;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceMapping;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.spark.SparkSettings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Reads, validates and aggregates a 5-million-row PTL extract on Spark ({@code local[2]}), as CSV and
 * as Parquet, side by side with DuckDB's JDBC driver doing the same aggregation on the same files:
 * rows per snapshot, trust and treatment function, and the exact 92nd percentile of weeks waited.
 * Spark runs the real ingest (every row typed and checked, the pathway id pseudonymised, repeated
 * pathways rejected); DuckDB only reads and aggregates. Run with {@code bench/ingest.sh}.
 */
public final class IngestBenchmark {

    private static final int ROWS = 5_000_000;
    private static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "bench/data");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : ROWS;
        List<String> formats = List.of((args.length > 2 ? args[2] : "csv,parquet").split(","));
        boolean withDuckDb = !"false".equals(System.getProperty("bench.duckdb"));
        Files.createDirectories(folder);
        Path csv = folder.resolve("ptl_" + rows + ".csv");
        if (!Files.exists(csv)) {
            long t = System.nanoTime();
            write(csv, rows);
            System.out.printf(Locale.ROOT, "wrote %s (%,d rows, %.0f MB) in %.1f s%n", csv, rows,
                    Files.size(csv) / 1e6, (System.nanoTime() - t) / 1e9);
        }
        SparkSession spark = new SparkSettings("local[2]", java.util.Map.of("spark.sql.shuffle.partitions", "8"))
                .session();
        if (Boolean.getBoolean("bench.jobs")) {
            spark.sparkContext().addSparkListener(new JobTimes());
        }
        Path parquet = folder.resolve("ptl_" + rows + ".parquet");
        if (!Files.exists(parquet)) {
            spark.read().option("header", "true").csv(csv.toString()).repartition(4).write().mode(SaveMode.Overwrite)
                    .parquet(parquet.toString());
        }
        Pseudonymiser key = Pseudonymiser.withKey("benchmark key, not a secret!!!!!".getBytes(StandardCharsets.UTF_8));
        LocalDate asOf = LocalDate.of(2025, 12, 31);
        List<String> report = new ArrayList<>();
        for (String format : formats) {
            Path input = format.equals("csv") ? csv : parquet;
            double spark1 = median(() -> spark(spark, input, format, asOf, key));
            double duck = withDuckDb ? median(() -> duckdb(input, format)) : Double.NaN;
            report.add(String.format(Locale.ROOT, "%-8s Spark %6.2f s (%5.2f M rows/s)   DuckDB %6.2f s (%5.2f M rows/s)"
                    + "   Spark/DuckDB %.1f×", format, spark1, rows / spark1 / 1e6, duck, rows / duck / 1e6, spark1 / duck));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%,d PTL rows, median of %d runs each, local[2] and 2 DuckDB threads%n", rows, RUNS);
        report.forEach(System.out::println);
        spark.stop();
    }

    /** With {@code -Dbench.jobs=true}: each Spark job's duration and where it was started, to see where a run goes. */
    private static final class JobTimes extends org.apache.spark.scheduler.SparkListener {
        private final java.util.Map<Integer, Long> started = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<Integer, String> sites = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart start) {
            started.put(start.jobId(), start.time());
            String site = start.properties() == null ? "" : start.properties().getProperty("callSite.short", "");
            sites.put(start.jobId(), site + " (" + start.stageInfos().size() + " stages)");
        }

        @Override
        public void onJobEnd(org.apache.spark.scheduler.SparkListenerJobEnd end) {
            System.out.printf(Locale.ROOT, "    job %d: %.2f s  %s%n", end.jobId(),
                    (end.time() - started.getOrDefault(end.jobId(), end.time())) / 1e3, sites.get(end.jobId()));
        }
    }

    /** CPU time of the whole process (every thread, the collector's too): on a shared machine, steadier than wall time. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Seconds for each run, median printed and returned; the first run of each engine warms it. */
    private static double median(Supplier<Double> run) {
        double[] seconds = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            seconds[i] = run.get();
        }
        System.out.println("  runs: " + java.util.Arrays.toString(seconds));
        java.util.Arrays.sort(seconds);
        return seconds[RUNS / 2];
    }

    private static double spark(SparkSession spark, Path input, String format, LocalDate asOf, Pseudonymiser key) {
        long t = System.nanoTime();
        long cpu = cpuNanos();
        SourceSpec spec = new SourceSpec("waiting_list", SourceKind.WAITING_LIST, List.of(input.toString()), format,
                SourceMapping.NONE, 0.05);
        SourceData data = SourceReader.read(spark, spec, ReadContext.asOf(asOf), key);
        double ingestSeconds = (System.nanoTime() - t) / 1e9;
        // The product's own exact percentile (SeriesBuilder), and the counts, per snapshot, trust and specialty.
        Dataset<Row> weeks = data.accepted().select(col("snapshot_date"), col("trust_code"), col("specialty"),
                expr("days_waiting / 7.0D").as("weeks")); // a double, as DuckDB's division gives
        List<String> keys = List.of("snapshot_date", "trust_code", "specialty");
        List<Row> groups = SeriesBuilder.exactPercentile(weeks, keys, "weeks", 0.92)
                .join(weeks.groupBy(col("snapshot_date"), col("trust_code"), col("specialty")).count(),
                        scala.jdk.javaapi.CollectionConverters.asScala(keys).toSeq())
                .collectAsList();
        double seconds = (System.nanoTime() - t) / 1e9;
        double cpuSeconds = (cpuNanos() - cpu) / 1e9;
        data.release();
        System.out.printf(Locale.ROOT, "  spark %s: %,d read, %,d accepted, %,d groups, %.2f s (ingest %.2f s, "
                + "aggregation %.2f s; %.1f s of CPU)%n", input.getFileName(), data.read(), data.acceptedCount(),
                groups.size(), seconds, ingestSeconds, seconds - ingestSeconds, cpuSeconds);
        return seconds;
    }

    private static double duckdb(Path input, String format) {
        String from = format.equals("csv")
                ? "read_csv('" + input + "', header = true, columns = {'snapshot_date': 'DATE', 'trust_code': 'VARCHAR',"
                        + " 'site_code': 'VARCHAR', 'csu': 'VARCHAR', 'specialty': 'VARCHAR', 'pathway_id': 'VARCHAR',"
                        + " 'clock_start_date': 'DATE', 'priority': 'VARCHAR'})"
                : "read_parquet('" + input + "/*.parquet')";
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
