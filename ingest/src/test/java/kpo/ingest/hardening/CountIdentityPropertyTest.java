package kpo.ingest.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kpo.ingest.BothEngines;
import kpo.ingest.Folders;
import kpo.ingest.SparkTestSession;
import kpo.ingest.curate.CuratedStore;
import kpo.ingest.embedded.EmbeddedEngine;
import kpo.ingest.engine.Engine;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceSpec;
import kpo.ingest.spark.SparkEngine;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.spark.sql.SparkSession;

/**
 * For any mix of good and bad waiting-list rows spread over several files: every row read is
 * accepted or rejected ({@code read = accepted + rejected}), the counts by reason are exactly the
 * ones planted, and giving the same files in another order (other names, so another sort order)
 * changes no count, on both engines. Spark is slow to start, so the tries are few and the session is
 * one per class.
 */
class CountIdentityPropertyTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 11, 5);
    private static final Pseudonymiser KEY = Pseudonymiser.withKey(
            "a property test key of 32 bytes!".getBytes(StandardCharsets.UTF_8));
    private static final String HEADER = "snapshot_date,trust_code,specialty,pathway_id,clock_start_date\n";
    private static SparkSession spark;
    private static EmbeddedEngine embedded;
    /** Every try's files and the embedded engine's spill, deleted after the class (jqwik has no @TempDir). */
    private static Path scratch;

    /** A planted row: what is wrong with it (null for nothing), as the reader must name it. */
    enum Plant {
        GOOD(null), BAD_DATE("bad_date"), UNKNOWN_SPECIALTY("unknown_treatment_function"), FUTURE("future_date"),
        CLOCK_AFTER("clock_start_after_snapshot"), BAD_ODS("bad_ods_code"), SHORT("short_row"),
        PADDED_QUOTED(null), DUPLICATE("duplicate_pathway");

        final String reason;

        Plant(String reason) {
            this.reason = reason;
        }
    }

    @BeforeContainer
    static void startEngines() throws IOException {
        scratch = Files.createTempDirectory("kpo-counts");
        spark = SparkTestSession.newSession();
        embedded = EmbeddedEngine.open(new EmbeddedEngine.Settings("1GB", 2, scratch.resolve("spill")));
    }

    @AfterContainer
    static void stopEngines() throws IOException {
        spark.stop();
        spark = null;
        embedded.close();
        embedded = null;
        Folders.deleteTree(scratch);
    }

    @Property(tries = 4)
    void everyRowIsCountedOnceAndTheFileOrderChangesNoCount(@ForAll("files") List<List<Plant>> files)
            throws IOException {
        Path root = Files.createTempDirectory(scratch, "try");
        List<String> contents = new ArrayList<>();
        Map<String, Long> planted = new TreeMap<>();
        int pathway = 0;
        List<Integer> good = new ArrayList<>();
        long rows = 0;
        for (List<Plant> plants : files) {
            // A pathway is unique within its extract: a duplicate repeats one of the same file.
            good.clear();
            StringBuilder text = new StringBuilder(HEADER);
            for (Plant p : plants) {
                int id = pathway++;
                if (p == Plant.DUPLICATE && good.isEmpty()) {
                    p = Plant.GOOD; // nothing to repeat yet
                }
                text.append(row(p, id, good)).append('\n');
                if (p == Plant.GOOD || p == Plant.PADDED_QUOTED) {
                    good.add(id);
                }
                if (p.reason != null) {
                    planted.merge(p.reason, 1L, Long::sum);
                }
                rows++;
            }
            contents.add(text.toString());
        }
        // Both engines, each reading the files in both orders.
        List<BothEngines.Curated> reads = new ArrayList<>();
        for (Engine engine : List.<Engine>of(embedded, SparkEngine.on(spark))) {
            reads.add(read(engine, root.resolve(engine.name() + "-forward"), contents, false));
            reads.add(read(engine, root.resolve(engine.name() + "-backward"), contents, true));
        }
        for (BothEngines.Curated data : reads) {
            CuratedStore.Curation c = data.curation();
            assertEquals(rows, c.read());
            Map<String, Long> byReason = new TreeMap<>();
            c.rejectedByReason().forEach((r, n) -> byReason.put(r.code(), n));
            assertEquals(planted, byReason);
            assertEquals(rows - planted.values().stream().mapToLong(Long::longValue).sum(), c.accepted());
            assertEquals(c.rejected(), data.rejects().size());
        }
    }

    private static BothEngines.Curated read(Engine engine, Path folder, List<String> contents, boolean reversed)
            throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < contents.size(); i++) {
            // The reader takes a folder's files in name order: reversed names reverse that order.
            int rank = reversed ? contents.size() - 1 - i : i;
            Files.writeString(folder.resolve("extract_" + rank + ".csv"), contents.get(i), StandardCharsets.UTF_8);
        }
        CuratedStore store = new CuratedStore(folder.resolveSibling(folder.getFileName() + "-store"));
        SourceSpec spec = SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST, folder.toString()).maxRejectRate(1.0);
        CuratedStore.Curation curation = store.curate(engine, spec, ReadContext.asOf(AS_OF), KEY);
        return new BothEngines.Curated(engine, store, curation, store.rejections("waiting_list"));
    }

    private static String row(Plant p, int id, List<Integer> good) {
        String pathway = "P" + id;
        return switch (p) {
            case GOOD -> "2025-10-31,RR8,C_110," + pathway + ",2025-06-01";
            case PADDED_QUOTED -> "2025-10-31,RR8,\"c_110 \"," + pathway + ",2025-06-01";
            case BAD_DATE -> "2025-10-31,RR8,C_110," + pathway + ",2025-02-30";
            case UNKNOWN_SPECIALTY -> "2025-10-31,RR8,C_777," + pathway + ",2025-06-01";
            case FUTURE -> "2026-01-31,RR8,C_110," + pathway + ",2025-06-01";
            case CLOCK_AFTER -> "2025-10-31,RR8,C_110," + pathway + ",2025-11-01";
            case BAD_ODS -> "2025-10-31,R-8,C_110," + pathway + ",2025-06-01";
            case SHORT -> "2025-10-31,RR8";
            case DUPLICATE -> "2025-10-31,RR8,C_110,P" + good.get(id % good.size()) + ",2025-06-01";
        };
    }

    @Provide
    Arbitrary<List<List<Plant>>> files() {
        Arbitrary<Plant> plant = Arbitraries.frequency(net.jqwik.api.Tuple.of(6, Plant.GOOD),
                net.jqwik.api.Tuple.of(1, Plant.BAD_DATE), net.jqwik.api.Tuple.of(1, Plant.UNKNOWN_SPECIALTY),
                net.jqwik.api.Tuple.of(1, Plant.FUTURE), net.jqwik.api.Tuple.of(1, Plant.CLOCK_AFTER),
                net.jqwik.api.Tuple.of(1, Plant.BAD_ODS), net.jqwik.api.Tuple.of(1, Plant.SHORT),
                net.jqwik.api.Tuple.of(1, Plant.PADDED_QUOTED), net.jqwik.api.Tuple.of(2, Plant.DUPLICATE));
        return plant.list().ofMaxSize(40).list().ofMinSize(1).ofMaxSize(4);
    }
}
