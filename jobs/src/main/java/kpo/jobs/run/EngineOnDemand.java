package kpo.jobs.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import kpo.ingest.engine.Engine;
import kpo.ingest.engine.ExtractCounts;
import kpo.ingest.measures.SeriesSql;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.ReadContext;
import kpo.ingest.source.SourceKind;
import kpo.ingest.source.SourceSpec;

/**
 * The run's engine, started when it is first needed: a run with no extract to curate and no month's
 * series to compute starts none (unpacking DuckDB's native library alone takes half a second, a
 * Spark session several). Its start is a stage of its own in the progress lines and the timings.
 */
final class EngineOnDemand implements Engine {

    private final Engines.Kind kind;
    private final Supplier<Engine> start;
    private final Progress progress;
    private Engine engine;
    private Map<SourceKind, List<Path>> attached;

    EngineOnDemand(Engines.Kind kind, Supplier<Engine> start, Progress progress) {
        this.kind = kind;
        this.start = start;
        this.progress = progress;
    }

    @Override
    public String name() {
        return kind.code();
    }

    /** The engine, if the run has needed it. */
    Optional<Engine> started() {
        return Optional.ofNullable(engine);
    }

    @Override
    public ExtractCounts read(SourceSpec spec, List<Path> files, Map<Path, String> extractIds, ReadContext context,
            Pseudonymiser pseudonymiser, Path staging) {
        return engine().read(spec, files, extractIds, context, pseudonymiser, staging);
    }

    @Override
    public void attach(Map<SourceKind, List<Path>> tables) {
        if (engine == null) {
            attached = tables; // attached when the engine starts, if a query needs it
        } else {
            engine.attach(tables);
        }
    }

    @Override
    public List<Object[]> rows(SeriesSql.Query query) {
        return engine().rows(query);
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private Engine engine() {
        if (engine == null) {
            long t0 = System.nanoTime();
            engine = start.get();
            if (attached != null) {
                engine.attach(attached);
            }
            progress.inside("engine", Engines.describe(engine), System.nanoTime() - t0);
        }
        return engine;
    }
}
