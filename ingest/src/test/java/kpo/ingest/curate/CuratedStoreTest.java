package kpo.ingest.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kpo.ingest.source.ReadContext;
import kpo.ingest.IngestException;
import kpo.ingest.BothEngines;
import kpo.ingest.engine.Engine;
import kpo.ingest.measures.SeriesSql;
import kpo.ingest.source.Reason;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental curation on real Spark: only new or changed extracts are read; the rest stay as they are. */
class CuratedStoreTest extends BothEngines {

    private static final Pseudonymiser KEY = Pseudonymiser.withKey("curated store test key, 32 bytes".getBytes(
            StandardCharsets.UTF_8));
    private static final String HEADER = "snapshot_date,trust_code,csu,specialty,pathway_id,clock_start_date\n";

    @TempDir
    Path folder;



    private void snapshot(Path extracts, String date, int pathways, boolean oneBad) throws IOException {
        StringBuilder s = new StringBuilder(HEADER);
        for (int i = 0; i < pathways; i++) {
            s.append(date).append(",RR8,Children,C_110,P").append(i).append(",2025-01-0").append(1 + i % 9).append('\n');
        }
        if (oneBad) {
            s.append(date).append(",RR8,Children,C_777,X,2025-01-01\n");
        }
        Files.writeString(extracts.resolve("ptl_" + date + ".csv"), s.toString(), StandardCharsets.UTF_8);
    }

    /** Rows of the store's waiting list, over all months or one. */
    private static long rows(Engine engine, CuratedStore store, String month) {
        engine.attach(Map.of(SourceKind.WAITING_LIST, List.of(store.table("waiting_list"))));
        return (Long) engine.rows(new SeriesSql.Query(SourceKind.WAITING_LIST, "SELECT count(*) FROM "
                + "curated_waiting_list" + (month == null ? "" : " WHERE month = '" + month + "'"),
                List.of(SeriesSql.ResultType.LONG), r -> List.of())).get(0)[0];
    }

    @ParameterizedTest
    @MethodSource("engines")
    void onlyNewOrChangedExtractsAreCurated(String name) throws IOException {
        Engine engine = engine(name);
        Path extracts = Files.createDirectory(folder.resolve("extracts"));
        CuratedStore store = new CuratedStore(folder.resolve("curated"));
        SourceSpec spec = SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST, extracts.toString()).maxRejectRate(0.5);
        ReadContext context = ReadContext.asOf(LocalDate.of(2025, 12, 31));
        snapshot(extracts, "2025-09-30", 5, false);
        snapshot(extracts, "2025-10-31", 7, true);

        CuratedStore.Curation first = store.curate(engine, spec, context, KEY);
        assertEquals(2, first.curatedNow().size());
        assertEquals(13, first.read());
        assertEquals(12, first.accepted());
        assertEquals(Map.of(Reason.UNKNOWN_TREATMENT_FUNCTION, 1L), first.rejectedByReason());
        assertEquals(List.of(YearMonth.of(2025, 9), YearMonth.of(2025, 10)), List.copyOf(first.months()));
        assertEquals(12, rows(engine, store, null));
        assertEquals(1, store.rejections("waiting_list").size());

        CuratedStore.Curation again = store.curate(engine, spec, context, KEY);
        assertEquals(List.of(), again.curatedNow(), "nothing new: nothing read");
        assertEquals(13, again.read());

        snapshot(extracts, "2025-11-30", 4, false);
        snapshot(extracts, "2025-10-31", 8, false); // restated: one more pathway, the bad row fixed
        CuratedStore.Curation third = store.curate(engine, spec, context, KEY);
        assertEquals(2, third.curatedNow().size());
        assertTrue(third.curatedNow().stream().noneMatch(p -> p.toString().endsWith("2025-09-30.csv")));
        assertEquals(17, third.read());
        assertEquals(Map.of(), third.rejectedByReason());
        assertEquals(17, rows(engine, store, null));
        assertEquals(8, rows(engine, store, "2025-10"));
        assertEquals(0, store.rejections("waiting_list").size());

        Files.delete(extracts.resolve("ptl_2025-09-30.csv"));
        CuratedStore.Curation fourth = store.curate(engine, spec, context, KEY);
        assertEquals(12, fourth.read());
        assertEquals(12, rows(engine, store, null), "a withdrawn extract leaves the store");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aCorruptCopyOfAKnownExtractLeavesItsCuratedRowsInPlace(String name) throws IOException {
        Engine engine = engine(name);
        Path extracts = Files.createDirectory(folder.resolve("extracts"));
        CuratedStore store = new CuratedStore(folder.resolve("curated"));
        SourceSpec spec = SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST, extracts.toString());
        ReadContext context = ReadContext.asOf(LocalDate.of(2025, 12, 31));
        snapshot(extracts, "2025-09-30", 5, false);
        snapshot(extracts, "2025-10-31", 7, false);
        store.curate(engine, spec, context, KEY);
        Path october = extracts.resolve("ptl_2025-10-31.csv");
        byte[] good = Files.readAllBytes(october);
        byte[] corrupt = good.clone();
        corrupt[HEADER.length() + 3] = (byte) 0xC3; // a UTF-8 lead byte with no continuation
        Files.write(october, corrupt);
        assertTrue(assertThrows(IngestException.class, () -> store.curate(engine, spec, context, KEY)).getMessage()
                .contains("ptl_2025-10-31.csv"));
        assertEquals(12, rows(engine, store, null), "the failed read took nothing away");
        Files.write(october, good); // mended: the ledger's version again, so nothing to read
        CuratedStore.Curation mended = store.curate(engine, spec, context, KEY);
        assertEquals(List.of(), mended.curatedNow());
        assertEquals(12, rows(engine, store, null));
        assertEquals(7, rows(engine, store, "2025-10"));
    }

    /** One layout whichever engine wrote it: a store curated by one engine is read, and added to, by the other. */
    @Test
    void aStoreCuratedByOneEngineIsReadAndUpdatedByTheOther() throws IOException {
        Path extracts = Files.createDirectory(folder.resolve("extracts"));
        CuratedStore store = new CuratedStore(folder.resolve("curated"));
        SourceSpec spec = SourceSpec.csv("waiting_list", SourceKind.WAITING_LIST, extracts.toString()).maxRejectRate(0.5);
        ReadContext context = ReadContext.asOf(LocalDate.of(2025, 12, 31));
        snapshot(extracts, "2025-09-30", 5, true);
        store.curate(engine("embedded"), spec, context, KEY);
        snapshot(extracts, "2025-10-31", 7, true);
        CuratedStore.Curation bySpark = store.curate(engine("spark"), spec, context, KEY);
        assertEquals(1, bySpark.curatedNow().size(), "Spark read only the new extract");
        snapshot(extracts, "2025-11-30", 3, false);
        store.curate(engine("embedded"), spec, context, KEY);
        for (String name : List.of("embedded", "spark")) {
            assertEquals(15, rows(engine(name), store, null), name + " reads every extract");
            assertEquals(7, rows(engine(name), store, "2025-10"), name);
            assertEquals(2, store.rejections("waiting_list").size(), name);
        }
    }
}
