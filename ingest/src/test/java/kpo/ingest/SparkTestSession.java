package kpo.ingest;

import kpo.ingest.spark.SparkSettings;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The test fixture for Spark: local[2], UI off, two shuffle partitions, adaptive execution off,
 * quiet logs; one session per test class (a session per test would cost seconds each on 2 cores).
 * Test classes extend it and use {@link #spark}.
 */
public abstract class SparkTestSession {

    protected static SparkSession spark;

    public static SparkSession newSession() {
        return SparkSettings.forTests().session();
    }

    @BeforeAll
    static void startSpark() {
        spark = newSession();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }
}
