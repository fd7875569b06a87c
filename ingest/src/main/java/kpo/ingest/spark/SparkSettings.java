package kpo.ingest.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * How a Spark session is made for kpo: {@code local[*]} with the UI off, a loopback driver and
 * quiet logs unless asked otherwise; every setting can be overridden from the config (a cluster's
 * master, memory, shuffle partitions). Under {@code spark-submit} the master it was given wins.
 *
 * @param master the Spark master, e.g. {@code local[*]}, {@code local[2]} or {@code spark://host:7077}
 * @param settings any Spark setting, applied last
 */
public record SparkSettings(String master, Map<String, String> settings) {

    public SparkSettings {
        settings = Map.copyOf(settings);
    }

    /** Local mode on every core. */
    public static SparkSettings local() {
        return new SparkSettings("local[*]", Map.of());
    }

    /** Small and deterministic for tests: two threads, two shuffle partitions, adaptive execution off. */
    public static SparkSettings forTests() {
        return new SparkSettings("local[2]", Map.of("spark.sql.shuffle.partitions", "2",
                "spark.sql.adaptive.enabled", "false"));
    }

    public SparkSettings with(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(settings);
        more.put(key, value);
        return new SparkSettings(master, more);
    }

    /** The session, created or (under spark-submit, or in a test class) the one already running. */
    public SparkSession session() {
        SparkSession.Builder builder = SparkSession.builder().appName("kpo");
        boolean submitted = System.getProperty("spark.master") != null;
        if (!submitted) {
            builder.master(master)
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "8");
        }
        // Dates and timestamps are read and bucketed in UTC wherever the driver or the cluster runs.
        builder.config("spark.sql.session.timeZone", "UTC");
        // Rows carry java.time values (LocalDate, LocalDateTime), never java.sql.Date.
        builder.config("spark.sql.datetime.java8API.enabled", "true");
        // Partition values stay text: an extract id of sixteen digits must not become a number.
        builder.config("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
        settings.forEach(builder::config);
        return builder.getOrCreate();
    }
}
