package kpo.ingest.curate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kpo.ingest.IngestException;
import kpo.ingest.engine.Engine;
import kpo.ingest.measures.Aggregate;
import kpo.ingest.measures.MeasureDefinition;
import kpo.ingest.measures.SeriesRow;
import kpo.ingest.measures.SeriesSql;
import kpo.ingest.source.SourceKind;

/**
 * The series table kept between runs in the curated store ({@code _series/}), so that a monthly run
 * recomputes only the months its new, changed or dropped extracts touch and takes every other month
 * from what the store already holds. A restatement still shows: a changed extract is a changed month.
 * A rerun with nothing new rebuilds no series at all.
 *
 * <p>What a month's series depends on is known exactly: the extracts whose rows fall in it (the
 * ledger records each extract's months) and the measure's definition. A measure whose definition
 * changed, or whose source gained or lost a source, is computed whole; individual values (which
 * depend on the latest snapshot and the as-of date) whenever their source changed at all. A weekly
 * period may span two months, so the months next to a touched one are read too, and a period is
 * replaced only when every day of it lies in the months read.
 *
 * <p>The rows are kept in plain text with every number in its shortest round-trip form, so any
 * engine's run reads back exactly the values it wrote.
 */
public final class SeriesCache {

    /** Bump when the series a definition gives changes for the same rows (a new algorithm). */
    private static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * A run's series and how it was had.
     *
     * @param rows every series row of the measures, in the table's order
     * @param computed measures computed whole
     * @param updated measures whose touched months were recomputed
     * @param reused measures taken from the store as they were
     * @param months the months recomputed for the updated measures, by source kind
     */
    public record Result(List<SeriesRow> rows, List<String> computed, List<String> updated, List<String> reused,
            Map<SourceKind, Set<YearMonth>> months) {
    }

    private final Path folder;

    public SeriesCache(CuratedStore store) {
        this.folder = store.root().resolve("_series");
    }

    /**
     * The series of {@code measures} (and of the pre-aggregated measures, when a source gives them),
     * computed on {@code engine} where the store's extracts changed since the last run.
     *
     * @param sources each configured source's name and kind
     * @param asOf the date individual values are taken at, or null for the latest data
     */
    public Result series(Engine engine, CuratedStore store, Map<String, SourceKind> sources,
            List<MeasureDefinition> measures, LocalDate asOf) {
        for (MeasureDefinition m : measures) {
            if (!sources.containsValue(m.source())) {
                throw new IngestException("measure '" + m.id() + "' needs the " + m.source().code()
                        + " source, which the config does not give");
            }
        }
        boolean given = sources.containsValue(SourceKind.MEASURES);
        Ledger ledger = store.ledger();
        ObjectNode now = state(ledger, sources, measures, asOf, given);
        Cached cached = load();

        // What changed since the stored series, source kind by kind.
        Set<SourceKind> whole = java.util.EnumSet.noneOf(SourceKind.class);
        Map<SourceKind, Set<YearMonth>> touched = new EnumMap<>(SourceKind.class);
        for (SourceKind kind : SourceKind.values()) {
            touched.put(kind, new TreeSet<>());
        }
        if (cached == null) {
            whole.addAll(java.util.Arrays.asList(SourceKind.values()));
        } else {
            for (SourceKind kind : SourceKind.values()) {
                if (!names(now, kind).equals(names(cached.state, kind))) {
                    whole.add(kind);
                    continue;
                }
                for (String source : names(now, kind)) {
                    JsonNode before = cached.state.path("sources").path(source).path("extracts");
                    JsonNode after = now.path("sources").path(source).path("extracts");
                    Set<String> files = new TreeSet<>();
                    before.fieldNames().forEachRemaining(files::add);
                    after.fieldNames().forEachRemaining(files::add);
                    for (String file : files) {
                        JsonNode b = before.get(file);
                        JsonNode a = after.get(file);
                        if (b == null || a == null || !b.path("sha256").asText().equals(a.path("sha256").asText())) {
                            months(b).forEach(touched.get(kind)::add);
                            months(a).forEach(touched.get(kind)::add);
                        }
                    }
                }
            }
        }
        List<MeasureDefinition> complete = new ArrayList<>();
        List<MeasureDefinition> partial = new ArrayList<>();
        List<String> reused = new ArrayList<>();
        for (MeasureDefinition m : measures) {
            boolean sameDefinition = cached != null && fingerprint(m).equals(cached.state.path("definitions")
                    .path(m.id()).asText(null));
            boolean changed = !touched.get(m.source()).isEmpty();
            if (!sameDefinition || whole.contains(m.source())) {
                complete.add(m);
            } else if (m.aggregate() == Aggregate.EACH) {
                boolean sameAsOf = Objects.equals(String.valueOf(asOf), cached.state.path("as_of").asText());
                if (changed || !sameAsOf) {
                    complete.add(m);
                } else {
                    reused.add(m.id());
                }
            } else if (changed) {
                partial.add(m);
            } else {
                reused.add(m.id());
            }
        }
        boolean givenWhole = given && (cached == null || !cached.state.path("given").asBoolean()
                || whole.contains(SourceKind.MEASURES));
        boolean givenPartial = given && !givenWhole && !touched.get(SourceKind.MEASURES).isEmpty();

        // The months read for a partial update: the touched ones and their neighbours (a week may span two).
        Map<SourceKind, Set<YearMonth>> read = new EnumMap<>(SourceKind.class);
        touched.forEach((kind, months) -> {
            Set<YearMonth> withNeighbours = new TreeSet<>();
            months.forEach(m -> {
                withNeighbours.add(m.minusMonths(1));
                withNeighbours.add(m);
                withNeighbours.add(m.plusMonths(1));
            });
            read.put(kind, withNeighbours);
        });

        List<SeriesSql.Query> queries = new ArrayList<>(SeriesSql.compile(complete, SeriesSql.Scope.all(asOf)));
        if (givenWhole) {
            queries.add(SeriesSql.given(SeriesSql.Scope.all(asOf)));
        }
        Map<SourceKind, Set<YearMonth>> partialScope = new EnumMap<>(SourceKind.class);
        partial.forEach(m -> partialScope.put(m.source(), read.get(m.source())));
        List<SeriesSql.Query> partialQueries = new ArrayList<>(SeriesSql.compile(partial,
                new SeriesSql.Scope(partialScope, asOf)));
        if (givenPartial) {
            partialQueries.add(SeriesSql.given(new SeriesSql.Scope(Map.of(SourceKind.MEASURES,
                    read.get(SourceKind.MEASURES)), asOf)));
        }

        Map<String, MeasureDefinition> byId = new HashMap<>();
        measures.forEach(m -> byId.put(m.id(), m));
        Set<String> partialIds = new HashSet<>();
        partial.forEach(m -> partialIds.add(m.id()));
        Set<String> reusedIds = new HashSet<>(reused);
        List<SeriesRow> rows = new ArrayList<>();
        if (cached != null) {
            for (SeriesRow r : cached.rows) {
                MeasureDefinition m = byId.get(r.measureId());
                if (m == null) {
                    if (given && !givenWhole && r.unitType().equals("unit")
                            && !(givenPartial && within(r.period(), read.get(SourceKind.MEASURES), null))) {
                        rows.add(r); // a pre-aggregated measure's row, kept
                    }
                    continue;
                }
                if (reusedIds.contains(m.id())
                        || partialIds.contains(m.id()) && !within(r.period(), read.get(m.source()), m)) {
                    rows.add(r);
                }
            }
        }
        rows.addAll(SeriesSql.run(queries, engine::rows));
        for (SeriesRow r : SeriesSql.run(partialQueries, engine::rows)) {
            MeasureDefinition m = byId.get(r.measureId());
            SourceKind kind = m == null ? SourceKind.MEASURES : m.source();
            if (within(r.period(), read.get(kind), m)) {
                rows.add(r);
            }
        }
        rows.sort(SeriesRow.ORDER);
        boolean nothingComputed = complete.isEmpty() && partial.isEmpty() && !givenWhole && !givenPartial;
        if (!(nothingComputed && cached != null && now.equals(cached.state))) {
            save(now, rows);
        }
        Map<SourceKind, Set<YearMonth>> recomputed = new EnumMap<>(SourceKind.class);
        partialScope.forEach((kind, months) -> recomputed.put(kind, touched.get(kind)));
        return new Result(List.copyOf(rows), complete.stream().map(MeasureDefinition::id).toList(),
                partial.stream().map(MeasureDefinition::id).toList(), List.copyOf(reused), recomputed);
    }

    /**
     * Whether every day of a period lies in {@code months}: a month for a monthly measure, a day for
     * a snapshot or a pre-aggregated row, seven days for a weekly flow.
     *
     * @param m the measure, or null for a pre-aggregated row
     */
    static boolean within(LocalDate period, Set<YearMonth> months, MeasureDefinition m) {
        if (!months.contains(YearMonth.from(period))) {
            return false;
        }
        boolean weeklyFlow = m != null && m.frequency().equals("weekly") && m.source() != SourceKind.WAITING_LIST;
        return !weeklyFlow || months.contains(YearMonth.from(period.plusDays(6)));
    }

    /** A definition as text: two runs with equal fingerprints compute its series the same way. */
    static String fingerprint(MeasureDefinition m) {
        return VERSION + "|" + m.source().code() + "|" + m.aggregate().code() + "|" + m.filter() + "|" + m.numerator()
                + "|" + m.value() + "|" + m.percentile() + "|" + m.units() + "|" + m.frequency() + "|"
                + SeriesSql.MAX_INDIVIDUAL_VALUES;
    }

    private static ObjectNode state(Ledger ledger, Map<String, SourceKind> sources, List<MeasureDefinition> measures,
            LocalDate asOf, boolean given) {
        ObjectNode state = JSON.createObjectNode();
        state.put("version", VERSION);
        state.put("as_of", String.valueOf(asOf));
        state.put("given", given);
        ObjectNode definitions = state.putObject("definitions");
        measures.forEach(m -> definitions.put(m.id(), fingerprint(m)));
        ObjectNode bySource = state.putObject("sources");
        new TreeMap<>(sources).forEach((name, kind) -> {
            ObjectNode source = bySource.putObject(name);
            source.put("kind", kind.code());
            ObjectNode extracts = source.putObject("extracts");
            new TreeMap<>(ledger.entries(name)).forEach((file, e) -> {
                ObjectNode extract = extracts.putObject(file);
                extract.put("sha256", e.sha256());
                e.months().forEach(extract.putArray("months")::add);
            });
        });
        return state;
    }

    private static Set<String> names(JsonNode state, SourceKind kind) {
        Set<String> names = new TreeSet<>();
        state.path("sources").fields().forEachRemaining(e -> {
            if (e.getValue().path("kind").asText().equals(kind.code())) {
                names.add(e.getKey());
            }
        });
        return names;
    }

    private static List<YearMonth> months(JsonNode extract) {
        List<YearMonth> months = new ArrayList<>();
        if (extract != null) {
            extract.path("months").forEach(m -> months.add(YearMonth.parse(m.asText())));
        }
        return months;
    }

    private record Cached(JsonNode state, List<SeriesRow> rows) {
    }

    /** The stored series, or null when there is none or it is of another version (computed anew). */
    private Cached load() {
        Path stateFile = folder.resolve("state.json");
        Path rowsFile = folder.resolve("series.csv");
        if (!Files.exists(stateFile) || !Files.exists(rowsFile)) {
            return null;
        }
        try {
            JsonNode state = JSON.readTree(stateFile.toFile());
            if (state.path("version").asInt() != VERSION) {
                return null;
            }
            List<SeriesRow> rows = new ArrayList<>();
            try (BufferedReader in = Files.newBufferedReader(rowsFile, StandardCharsets.UTF_8)) {
                String line = in.readLine(); // the header
                while ((line = in.readLine()) != null) {
                    rows.add(parse(line));
                }
            }
            return new Cached(state, rows);
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: computed anew, as on a first run
        }
    }

    private void save(ObjectNode state, List<SeriesRow> rows) {
        try {
            Files.createDirectories(folder);
            Path rowsFile = folder.resolve("series.csv");
            Path stateFile = folder.resolve("state.json");
            // The rows first, then the state that vouches for them: a run killed between the two leaves a
            // state that does not match the rows' version, and the next run computes everything anew.
            Files.deleteIfExists(stateFile);
            Path rowsTemporary = folder.resolve("series.csv.tmp");
            try (BufferedWriter out = Files.newBufferedWriter(rowsTemporary, StandardCharsets.UTF_8)) {
                out.write(String.join(",", SeriesSql.COLUMNS));
                out.write('\n');
                for (SeriesRow r : rows) {
                    out.write(format(r));
                    out.write('\n');
                }
            }
            Files.move(rowsTemporary, rowsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Path stateTemporary = folder.resolve("state.json.tmp");
            JSON.writeValue(stateTemporary.toFile(), state);
            Files.move(stateTemporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IngestException("the series kept in " + folder + " cannot be written: " + e.getMessage());
        }
    }

    /** A row as a line: text fields quoted, numbers in shortest round-trip form, empty for null. */
    static String format(SeriesRow r) {
        return quote(r.measureId()) + "," + quote(r.unitType()) + "," + quote(r.unitCode()) + "," + r.period() + ","
                + number(r.value()) + "," + number(r.numerator()) + "," + number(r.denominator()) + ","
                + (r.seq() == null ? "" : r.seq());
    }

    static SeriesRow parse(String line) {
        List<String> fields = new ArrayList<>(8);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return new SeriesRow(fields.get(0), fields.get(1), fields.get(2), LocalDate.parse(fields.get(3)),
                parseNumber(fields.get(4)), parseNumber(fields.get(5)), parseNumber(fields.get(6)),
                fields.get(7).isEmpty() ? null : Integer.valueOf(fields.get(7)));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String number(Double value) {
        return value == null ? "" : Double.toString(value);
    }

    private static Double parseNumber(String text) {
        return text.isEmpty() ? null : Double.valueOf(text);
    }
}
