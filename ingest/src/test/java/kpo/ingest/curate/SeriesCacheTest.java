package kpo.ingest.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import kpo.ingest.BothEngines;
import kpo.ingest.engine.Engine;
import kpo.ingest.measures.Aggregate;
import kpo.ingest.measures.MeasureCatalogue;
import kpo.ingest.measures.MeasureDefinition;
import kpo.ingest.measures.SeriesRow;
import kpo.ingest.measures.SeriesSql;
import kpo.ingest.measures.UnitType;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Series kept between runs: a rerun with nothing new computes nothing; a new month and a restated
 * old one recompute only the measures' touched months, and the result is exactly what computing
 * everything afresh gives (weekly periods that span two months included); individual values follow
 * their source and the as-of date.
 */
class SeriesCacheTest extends BothEngines {

    private static final Pseudonymiser KEY = Pseudonymiser.withKey("series cache test key, 32 bytes!".getBytes(
            StandardCharsets.UTF_8));
    private static final ReadContext CONTEXT = ReadContext.asOf(LocalDate.of(2026, 1, 31));

    @TempDir
    Path folder;

    /** A month's theatre list: a case every day, some cancelled, drawn from the month's own seed. */
    private void theatreMonth(Path extracts, YearMonth month, int seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder s = new StringBuilder("trust_code,csu,specialty,procedure,scheduled_date,status,cancelled_date,"
                + "reason,cancelled_by,avoidable,last_minute,rebooked_date\n");
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            for (int i = 0; i < 3; i++) {
                boolean cancelled = random.nextInt(5) == 0;
                s.append("RR8,Surgery,C_100,hernia,").append(d).append(cancelled ? ",cancelled," + d + ",no bed,hospital,"
                        + (random.nextBoolean() ? "yes" : "no") + ",yes," : ",done,,,,,,").append('\n');
            }
        }
        Files.writeString(extracts.resolve("theatre_" + month + ".csv"), s.toString(), StandardCharsets.UTF_8);
    }

    private void ptl(Path extracts, LocalDate snapshot, int pathways) throws IOException {
        StringBuilder s = new StringBuilder("snapshot_date,trust_code,csu,specialty,pathway_id,clock_start_date\n");
        for (int i = 0; i < pathways; i++) {
            s.append(snapshot).append(",RR8,Children,C_110,P").append(i).append(',')
                    .append(snapshot.minusDays(7L * i + 3)).append('\n');
        }
        Files.writeString(extracts.resolve("ptl_" + snapshot + ".csv"), s.toString(), StandardCharsets.UTF_8);
    }

    private static final List<MeasureDefinition> MEASURES = List.of(
            MeasureCatalogue.builtIn().get("cancellation_rate").orElseThrow(),
            MeasureCatalogue.builtIn().get("scheduled_cases").orElseThrow(),
            new MeasureDefinition("cases_weekly", "Cases a week", SourceKind.CANCELLATIONS, Aggregate.COUNT, null, null,
                    null, null, List.of(UnitType.TRUST), "weekly"),
            MeasureCatalogue.builtIn().get("wl_size").orElseThrow(),
            MeasureCatalogue.builtIn().get("wl_median_weeks").orElseThrow(),
            MeasureCatalogue.builtIn().get("wl_wait_each_days").orElseThrow());

    private static final Map<String, SourceKind> SOURCES = Map.of("theatres", SourceKind.CANCELLATIONS,
            "ptl", SourceKind.WAITING_LIST);

    /** Curates both sources and returns the series as a run computes them, from what the store keeps. */
    private SeriesCache.Result run(Engine engine, Path extracts, Path root, LocalDate asOf) {
        CuratedStore store = new CuratedStore(root);
        store.curate(engine, SourceSpec.csv("theatres", SourceKind.CANCELLATIONS, extracts.resolve("theatres")
                .toString()), CONTEXT, KEY);
        store.curate(engine, SourceSpec.csv("ptl", SourceKind.WAITING_LIST, extracts.resolve("ptl").toString()),
                CONTEXT, KEY);
        engine.attach(Map.of(SourceKind.CANCELLATIONS, List.of(store.table("theatres")), SourceKind.WAITING_LIST,
                List.of(store.table("ptl"))));
        return new SeriesCache(store).series(engine, store, SOURCES, MEASURES, asOf);
    }

    /** The series computed from nothing: a fresh store of the same extracts. */
    private List<SeriesRow> fromScratch(Engine engine, Path extracts, String name, LocalDate asOf) {
        return run(engine, extracts, folder.resolve("scratch-" + name), asOf).rows();
    }

    @Test
    void onlyTouchedMonthsAreRecomputedAndTheResultIsTheWholeComputation() throws IOException {
        Engine engine = engine("embedded");
        Path extracts = folder.resolve("extracts");
        Path theatres = Files.createDirectories(extracts.resolve("theatres"));
        Path ptl = Files.createDirectories(extracts.resolve("ptl"));
        for (int m = 1; m <= 6; m++) {
            theatreMonth(theatres, YearMonth.of(2025, m), m);
            ptl(ptl, YearMonth.of(2025, m).atEndOfMonth(), 20 + m);
        }
        Path root = folder.resolve("store");
        SeriesCache.Result first = run(engine, extracts, root, null);
        assertEquals(MEASURES.stream().map(MeasureDefinition::id).toList(), first.computed(), "all computed at first");

        SeriesCache.Result again = run(engine, extracts, root, null);
        assertEquals(List.of(), again.computed());
        assertEquals(List.of(), again.updated());
        assertEquals(first.rows(), again.rows(), "nothing new: the stored series as they were");

        // A new month, and March restated (a different list): only those months and their neighbours move.
        theatreMonth(theatres, YearMonth.of(2025, 7), 7);
        ptl(ptl, YearMonth.of(2025, 7).atEndOfMonth(), 30);
        theatreMonth(theatres, YearMonth.of(2025, 3), 33);
        SeriesCache.Result monthly = run(engine, extracts, root, null);
        assertEquals(List.of("wl_wait_each_days"), monthly.computed(), "individual values follow any change");
        assertTrue(monthly.updated().containsAll(List.of("cancellation_rate", "scheduled_cases", "cases_weekly",
                "wl_size", "wl_median_weeks")), monthly.updated().toString());
        assertEquals(Set.of(YearMonth.of(2025, 3), YearMonth.of(2025, 7)), monthly.months()
                .get(SourceKind.CANCELLATIONS));
        assertEquals(fromScratch(engine, extracts, "monthly", null), monthly.rows(),
                "the incremental series equal the whole computation");

        // A withdrawn extract takes its month away; another as-of date moves the individual values only.
        Files.delete(theatres.resolve("theatre_2025-05.csv"));
        SeriesCache.Result withdrawn = run(engine, extracts, root, LocalDate.of(2025, 6, 30));
        assertEquals(fromScratch(engine, extracts, "withdrawn", LocalDate.of(2025, 6, 30)), withdrawn.rows());
        assertTrue(withdrawn.rows().stream().noneMatch(r -> r.measureId().equals("scheduled_cases")
                && r.period().equals(LocalDate.of(2025, 5, 1))), "May's cases are gone");
        assertEquals(List.of("wl_wait_each_days"), withdrawn.computed());
    }

    @Test
    void aChangedDefinitionIsComputedWhole() throws IOException {
        Engine engine = engine("embedded");
        Path extracts = folder.resolve("extracts");
        Path theatres = Files.createDirectories(extracts.resolve("theatres"));
        Path ptl = Files.createDirectories(extracts.resolve("ptl"));
        theatreMonth(theatres, YearMonth.of(2025, 1), 1);
        ptl(ptl, LocalDate.of(2025, 1, 31), 10);
        Path root = folder.resolve("store");
        run(engine, extracts, root, null);
        CuratedStore store = new CuratedStore(root);
        List<MeasureDefinition> changed = new ArrayList<>(MEASURES);
        changed.set(1, new MeasureDefinition("scheduled_cases", "Scheduled", SourceKind.CANCELLATIONS, Aggregate.COUNT,
                "status = 'done'", null, null, null, List.of(UnitType.TRUST), "monthly"));
        SeriesCache.Result result = new SeriesCache(store).series(engine, store, SOURCES, changed, null);
        assertEquals(List.of("scheduled_cases"), result.computed());
        assertTrue(result.rows().stream().anyMatch(r -> r.measureId().equals("scheduled_cases")
                && r.value() < 93), "done cases only");
        assertEquals(SeriesSql.run(SeriesSql.compile(changed, SeriesSql.Scope.all(null)), engine::rows),
                result.rows());
    }
}
