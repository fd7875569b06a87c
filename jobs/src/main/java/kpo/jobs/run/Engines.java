package kpo.jobs.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kpo.ingest.embedded.EmbeddedEngine;
import kpo.ingest.engine.Engine;
import kpo.ingest.measures.SeriesRow;
import kpo.ingest.spark.SparkEngine;
import kpo.ingest.spark.SparkSettings;
import kpo.jobs.config.KpoConfig;

/**
 * Which engine a run uses, and the one place that knows both: {@code embedded} (DuckDB in process,
 * the default) or {@code spark}. A job started by {@code spark-submit} always runs on Spark, on the
 * master it was given.
 */
final class Engines {

    /** The engines a config can name. */
    enum Kind {
        EMBEDDED, SPARK;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Kind> fromCode(String code) {
            for (Kind k : values()) {
                if (k.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    private Engines() {
    }

    /** Whether this JVM was started by {@code spark-submit}, which sets the master it was given. */
    static boolean submitted() {
        return System.getProperty("spark.master") != null;
    }

    /** The engine of a run: Spark under spark-submit, else the one asked for, else the config's, else embedded. */
    static Kind kind(KpoConfig config, Kind asked) {
        if (submitted()) {
            return Kind.SPARK;
        }
        if (asked != null) {
            return asked;
        }
        return config.engine() == null ? Kind.EMBEDDED : Kind.fromCode(config.engine()).orElseThrow();
    }

    /**
     * The engine of a run, started when first needed ({@link EngineOnDemand}); the embedded one spills
     * beside the curated store unless the config says where.
     */
    static EngineOnDemand open(Kind kind, KpoConfig config, Path curatedRoot, Progress progress) {
        return new EngineOnDemand(kind, () -> switch (kind) {
            case EMBEDDED -> EmbeddedEngine.open(embeddedSettings(config, curatedRoot));
            case SPARK -> SparkEngine.start(sparkSettings(config));
        }, progress);
    }

    static EmbeddedEngine.Settings embeddedSettings(KpoConfig config, Path curatedRoot) {
        EmbeddedEngine.Settings settings = EmbeddedEngine.Settings.defaults(curatedRoot.resolve(".spill"));
        KpoConfig.EmbeddedConfig e = config.embedded();
        if (e == null) {
            return settings;
        }
        return new EmbeddedEngine.Settings(e.memoryLimit() == null ? settings.memoryLimit() : e.memoryLimit(),
                e.threads() == null ? settings.threads() : e.threads(),
                e.spill() == null ? settings.spill() : curatedRoot.getParent().resolve(e.spill()).normalize());
    }

    static SparkSettings sparkSettings(KpoConfig config) {
        SparkSettings settings = SparkSettings.local();
        if (config.spark() != null) {
            settings = new SparkSettings(config.spark().master() == null ? "local[*]" : config.spark().master(),
                    config.spark().settings() == null ? Map.of() : config.spark().settings());
        }
        return settings;
    }

    /** The engine in a few words for the progress line. */
    static String describe(Engine engine) {
        if (engine instanceof SparkEngine spark) {
            return "spark: session on " + spark.session().sparkContext().master();
        }
        EmbeddedEngine embedded = (EmbeddedEngine) engine;
        return "embedded: DuckDB " + embedded.version() + ", " + embedded.threads() + " threads";
    }

    /**
     * Every series charted: inside Spark when the run's Spark session is up (a region's series scale
     * out), else here on every core; both give the same points.
     */
    static List<PointRow> charts(EngineOnDemand engine, List<SeriesRow> rows, SeriesSpecs specs) {
        if (engine.started().orElse(null) instanceof SparkEngine spark) {
            return SparkSpc.points(spark.session(), rows, specs);
        }
        return SeriesCharts.points(rows, specs);
    }
}
