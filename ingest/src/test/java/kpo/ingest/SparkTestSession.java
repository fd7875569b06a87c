package kpo.ingest;

import kpo.ingest.spark.SparkSettings;
import org.apache.spark.sql.SparkSession;

/** The test fixture for Spark: local[2], UI off, two shuffle partitions, quiet logs; one session per test class. */
public final class SparkTestSession {

    private SparkTestSession() {
    }

    public static SparkSession start() {
        return SparkSettings.forTests().session();
    }

    public static void stop(SparkSession spark) {
        if (spark != null) {
            spark.stop();
        }
    }
}
