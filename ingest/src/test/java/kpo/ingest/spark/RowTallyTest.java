package kpo.ingest.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kpo.ingest.SparkTestSession;
import kpo.ingest.source.SourceKind;
import kpo.ingest.spark.SparkRows;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RowTallyTest extends SparkTestSession {

    private static final StructType SCHEMA = SparkRows.schema(SourceKind.WAITING_LIST);

    /** A waiting-list row in the reader's schema with the given key and outcome; other columns empty. */
    private static Row row(String file, long line, LocalDate snapshot, String trust, String pathway, String reason) {
        Object[] values = new Object[SCHEMA.size()];
        values[SCHEMA.fieldIndex("snapshot_date")] = snapshot;
        values[SCHEMA.fieldIndex("trust_code")] = trust;
        values[SCHEMA.fieldIndex("pathway_id")] = pathway;
        values[SCHEMA.fieldIndex("_file")] = file;
        values[SCHEMA.fieldIndex("_line")] = line;
        values[SCHEMA.fieldIndex("_reason")] = reason;
        return RowFactory.create(values);
    }

    private static JavaRDD<InternalRow> internal(Dataset<Row> rows) {
        return ((org.apache.spark.sql.classic.Dataset<Row>) rows).queryExecution().toRdd().toJavaRDD()
                .map(InternalRow::copy);
    }

    @Test
    void theKeyHashIsSparkSqlsXxhash64NullsIncluded() {
        List<Row> rows = List.of(row("a", 2, LocalDate.of(2025, 1, 31), "RR8", "P1", null),
                row("a", 3, LocalDate.of(1999, 12, 31), "RX1", "päthway ünicode", null),
                row("a", 4, LocalDate.of(2025, 1, 31), null, "P1", null),
                row("a", 5, null, "RR8", null, null));
        Dataset<Row> frame = spark.createDataFrame(rows, SCHEMA);
        List<Long> spark = frame.select(xxhash64(col("_file"), col("snapshot_date"), col("trust_code"),
                col("pathway_id"))).as(org.apache.spark.sql.Encoders.LONG()).collectAsList();
        int file = SCHEMA.fieldIndex("_file");
        int snapshot = SCHEMA.fieldIndex("snapshot_date");
        int trust = SCHEMA.fieldIndex("trust_code");
        int pathway = SCHEMA.fieldIndex("pathway_id");
        List<Long> ours = internal(frame).map(r -> RowTally.keyHash(r, file, snapshot, trust, pathway)).collect();
        assertEquals(spark, ours);
    }

    @Test
    void repeatedKeysAndCountsMatchACountByHand() {
        // 20,000 accepted rows over 3 files and 5 partitions, keys drawn so that some repeat (in and across
        // partitions), plus rejections; the expected figures come from a plain Java count of the same rows.
        SplittableRandom random = new SplittableRandom(11);
        List<Row> rows = new ArrayList<>();
        Map<List<Object>, Integer> keys = new HashMap<>();
        Map<String, Map<String, Long>> expected = new HashMap<>();
        for (int i = 0; i < 24_000; i++) {
            String file = "f" + random.nextInt(3);
            String reason = i % 6 == 5 ? (random.nextBoolean() ? "bad_date" : "bad_ods_code") : null;
            LocalDate snapshot = LocalDate.of(2025, 1 + random.nextInt(3), 1);
            String trust = "R" + random.nextInt(4);
            String pathway = "P" + random.nextInt(20_000);
            rows.add(row(file, i + 2, snapshot, trust, pathway, reason));
            expected.computeIfAbsent(file, f -> new HashMap<>()).merge(reason == null ? SourceData.ACCEPTED : reason,
                    1L, Long::sum);
            if (reason == null) {
                keys.merge(List.of(file, snapshot, trust, pathway), 1, Integer::sum);
            }
        }
        Dataset<Row> frame = spark.createDataFrame(rows, SCHEMA).repartition(5);
        RowTally.Result tally = RowTally.of(internal(frame), SCHEMA, true, 3);
        assertEquals(expected, tally.countsByFile());

        List<Row> repeatedKeys = keys.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> row((String) e.getKey().get(0), 0, (LocalDate) e.getKey().get(1),
                        (String) e.getKey().get(2), (String) e.getKey().get(3), null)).toList();
        long[] expectedHashes = spark.createDataFrame(repeatedKeys, SCHEMA)
                .select(xxhash64(col("_file"), col("snapshot_date"), col("trust_code"), col("pathway_id")))
                .as(org.apache.spark.sql.Encoders.LONG()).collectAsList().stream().mapToLong(Long::longValue)
                .sorted().distinct().toArray();
        assertEquals(true, expectedHashes.length > 100, "the data should hold repeats: " + expectedHashes.length);
        assertArrayEquals(expectedHashes, tally.repeatedKeys());
    }

    @Test
    void sortedArraysMergeAndRepeatsAreFoundOnce() {
        assertArrayEquals(new long[] {-5, -1, 0, 2, 2, 3, 9}, RowTally.mergeSorted(new long[] {-5, 2, 9},
                new long[] {-1, 0, 2, 3}));
        assertArrayEquals(new long[] {-1, 4}, RowTally.repeats(new long[] {-3, -1, -1, -1, 0, 4, 4, 7}));
        assertArrayEquals(new long[0], RowTally.repeats(new long[0]));
        assertEquals(List.of(), Arrays.stream(RowTally.repeats(new long[] {1, 2, 3})).boxed().toList());
    }
}
