package kpo.ingest.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Tuple2;

/**
 * What the source reader needs to know of its rows, from one pass over them: the rows of each file
 * by outcome (accepted or a reason code), and for a waiting list the pathway keys (file, snapshot,
 * trust, pathway: a pathway is unique within its extract) that more than one accepted row shares,
 * as 64-bit hashes. The hash is Spark SQL's {@code xxhash64} of those columns, so that Spark can
 * pick the candidate rows out again.
 *
 * <p>Each task sorts its hashes and sends them, cut into buckets by their top bits, to one reducer
 * per bucket, which merges the sorted runs: a repeat then sits beside its twin. Sorting a few
 * million longs is far cheaper than a hash aggregation keyed by them, which a 5-million-row
 * waiting list (almost every key unique) otherwise needs.
 */
final class RowTally {

    /** Spark's seed for {@code xxhash64}. */
    private static final long SEED = 42;

    /**
     * @param countsByFile file → outcome ({@link SourceData#ACCEPTED} or a reason code) → rows
     * @param repeatedKeys the hashes of pathway keys held by more than one accepted row (candidates: a hash may collide)
     */
    record Result(Map<String, Map<String, Long>> countsByFile, long[] repeatedKeys) {
    }

    /** One task's or one bucket's share: outcome counts (bucket 0 carries them) and sorted key hashes. */
    private record Part(Map<String, Map<String, Long>> counts, long[] hashes) implements Serializable {

        Part merge(Part other) {
            Map<String, Map<String, Long>> sum = new HashMap<>(counts);
            other.counts.forEach((file, byOutcome) -> sum.merge(file, byOutcome, (a, b) -> {
                Map<String, Long> both = new HashMap<>(a);
                b.forEach((k, v) -> both.merge(k, v, Long::sum));
                return both;
            }));
            return new Part(sum, mergeSorted(hashes, other.hashes));
        }
    }

    private RowTally() {
    }

    /**
     * @param rows the rows in the source reader's schema
     * @param pathways whether to look for repeated pathway keys (waiting lists)
     * @param buckets reducers for the hashes, at least 1
     */
    static Result of(JavaRDD<InternalRow> rows, StructType schema, boolean pathways, int buckets) {
        int file = schema.fieldIndex("_file");
        int reason = schema.fieldIndex("_reason");
        int snapshot = pathways ? schema.fieldIndex("snapshot_date") : -1;
        int trust = pathways ? schema.fieldIndex("trust_code") : -1;
        int pathway = pathways ? schema.fieldIndex("pathway_id") : -1;
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, buckets) - 1); // buckets rounded up to 2^bits
        List<Tuple2<Integer, Part>> parts = rows.mapPartitionsToPair(in -> {
            Map<String, Map<String, long[]>> counts = new HashMap<>();
            long[] hashes = new long[1024];
            int n = 0;
            UTF8String lastFile = null;
            Map<String, long[]> current = null;
            long[] accepted = null;
            while (in.hasNext()) {
                InternalRow r = in.next();
                UTF8String f = r.getUTF8String(file);
                if (!f.equals(lastFile)) {
                    lastFile = f.clone();
                    current = counts.computeIfAbsent(f.toString(), k -> new HashMap<>());
                    accepted = current.computeIfAbsent(SourceData.ACCEPTED, k -> new long[1]);
                }
                if (!r.isNullAt(reason)) {
                    current.computeIfAbsent(r.getUTF8String(reason).toString(), k -> new long[1])[0]++;
                    continue;
                }
                accepted[0]++;
                if (pathways) {
                    if (n == hashes.length) {
                        hashes = Arrays.copyOf(hashes, 2 * n);
                    }
                    hashes[n++] = keyHash(r, file, snapshot, trust, pathway);
                }
            }
            long[] sorted = Arrays.copyOf(hashes, n);
            Arrays.sort(sorted);
            return bucketed(tidy(counts), sorted, bits);
        }).reduceByKey(Part::merge, 1 << bits).mapValues(p -> new Part(p.counts(), repeats(p.hashes()))).collect();
        Map<String, Map<String, Long>> countsByFile = new LinkedHashMap<>();
        long[] repeated = new long[0];
        for (Tuple2<Integer, Part> part : parts) {
            part._2().counts().forEach((f, byOutcome) -> byOutcome.forEach((outcome, count) ->
                    countsByFile.computeIfAbsent(f, k -> new LinkedHashMap<>()).merge(outcome, count, Long::sum)));
            repeated = mergeSorted(repeated, part._2().hashes());
        }
        return new Result(countsByFile, repeated);
    }

    /** Spark SQL's {@code xxhash64(_file, snapshot_date, trust_code, pathway_id)}: nulls leave the running hash as it is. */
    static long keyHash(InternalRow r, int file, int snapshot, int trust, int pathway) {
        long h = XXH64.hashUTF8String(r.getUTF8String(file), SEED);
        if (!r.isNullAt(snapshot)) {
            h = XXH64.hashInt(r.getInt(snapshot), h);
        }
        if (!r.isNullAt(trust)) {
            h = XXH64.hashUTF8String(r.getUTF8String(trust), h);
        }
        if (!r.isNullAt(pathway)) {
            h = XXH64.hashUTF8String(r.getUTF8String(pathway), h);
        }
        return h;
    }

    /** Counts without empty outcomes (a file's accepted counter exists even when nothing was accepted). */
    private static Map<String, Map<String, Long>> tidy(Map<String, Map<String, long[]>> counts) {
        Map<String, Map<String, Long>> result = new HashMap<>();
        counts.forEach((f, byOutcome) -> byOutcome.forEach((outcome, count) -> {
            if (count[0] > 0) {
                result.computeIfAbsent(f, k -> new HashMap<>()).put(outcome, count[0]);
            }
        }));
        return result;
    }

    /** The sorted hashes cut into 2^bits runs by their top bits, the counts going with run 0. */
    private static Iterator<Tuple2<Integer, Part>> bucketed(Map<String, Map<String, Long>> counts, long[] sorted,
            int bits) {
        int buckets = 1 << bits;
        int[] starts = new int[buckets + 1];
        for (long h : sorted) {
            starts[bucket(h, bits) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            starts[b + 1] += starts[b];
        }
        long[] byBucket = new long[sorted.length];
        int[] next = Arrays.copyOf(starts, buckets);
        for (long h : sorted) { // signed order is kept inside each bucket: a bucket's hashes share their sign bit
            byBucket[next[bucket(h, bits)]++] = h;
        }
        List<Tuple2<Integer, Part>> out = new ArrayList<>(buckets);
        for (int b = 0; b < buckets; b++) {
            out.add(new Tuple2<>(b, new Part(b == 0 ? counts : Map.of(),
                    Arrays.copyOfRange(byBucket, starts[b], starts[b + 1]))));
        }
        return out.iterator();
    }

    private static int bucket(long hash, int bits) {
        return bits == 0 ? 0 : (int) (hash >>> (64 - bits));
    }

    /** Two sorted arrays as one sorted array. */
    static long[] mergeSorted(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        }
        while (i < a.length) {
            out[k++] = a[i++];
        }
        while (j < b.length) {
            out[k++] = b[j++];
        }
        return out;
    }

    /** The values that occur more than once in a sorted array, each once. */
    static long[] repeats(long[] sorted) {
        long[] out = new long[0];
        int n = 0;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1] && (n == 0 || out[n - 1] != sorted[i])) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, Math.max(8, 2 * n));
                }
                out[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
