package kpo.ingest.curate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kpo.ingest.IngestException;
import kpo.ingest.read.SourceFiles;

/**
 * What the curated store holds: per source, per extract file, the content hash it was curated
 * from and its row counts. A run reads only the extracts whose hash is new, and still reports the
 * counts of every extract in the store.
 */
public final class Ledger {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * One curated extract.
     *
     * @param sha256 its content hash
     * @param extract the short id its partition is stored under
     * @param read rows read
     * @param accepted rows accepted
     * @param rejectedByReason reason code → rows
     * @param months the months ({@code YYYY-MM}) its accepted rows fall in: the series months it touches
     * @param stamp its size and modification time when it was curated
     */
    public record Entry(String sha256, String extract, long read, long accepted, Map<String, Long> rejectedByReason,
            List<String> months, SourceFiles.Stamp stamp) {

        public Entry withStamp(SourceFiles.Stamp value) {
            return new Entry(sha256, extract, read, accepted, rejectedByReason, months, value);
        }
    }

    /**
     * The layout of the curated tables this ledger describes: 3 keeps each row's file and line
     * ({@code _file}, {@code _line}), partitions by {@code month} and records each extract's months.
     * A store of another layout is curated again from its extracts.
     */
    static final int LAYOUT = 3;

    /** source → file → entry. */
    private final Map<String, Map<String, Entry>> sources;
    private final boolean stale;

    private Ledger(Map<String, Map<String, Entry>> sources, boolean stale) {
        this.sources = sources;
        this.stale = stale;
    }

    /** A ledger of an empty store. */
    public static Ledger empty() {
        return new Ledger(new TreeMap<>(), false);
    }

    /** The ledger at {@code file}: empty when there is none, and {@link #stale()} when it describes another layout. */
    public static Ledger load(Path file) {
        if (!Files.exists(file)) {
            return new Ledger(new TreeMap<>(), false);
        }
        try {
            com.fasterxml.jackson.databind.JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.isObject() || root.path("layout").asInt(1) != LAYOUT) {
                return new Ledger(new TreeMap<>(), true);
            }
            return new Ledger(JSON.convertValue(root.get("sources"),
                    new TypeReference<TreeMap<String, Map<String, Entry>>>() {
                    }), false);
        } catch (IOException | IllegalArgumentException e) {
            throw new IngestException(file + " (the curated store's ledger) cannot be read: " + e.getMessage()
                    + "; delete the curated folder to rebuild it");
        }
    }

    public void save(Path file) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Map<String, Object> root = new java.util.LinkedHashMap<>();
            root.put("layout", LAYOUT);
            root.put("sources", sources);
            JSON.writeValue(temporary.toFile(), root);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IngestException(file + " cannot be written: " + e.getMessage());
        }
    }

    /** Whether the store was written in another layout: every extract is to be curated again. */
    public boolean stale() {
        return stale;
    }

    /** The entries of a source, by file. */
    public Map<String, Entry> entries(String source) {
        return sources.getOrDefault(source, Map.of());
    }

    public void put(String source, String file, Entry entry) {
        sources.computeIfAbsent(source, s -> new TreeMap<>()).put(file, entry);
    }

    public void remove(String source, String file) {
        Map<String, Entry> entries = sources.get(source);
        if (entries != null) {
            entries.remove(file);
        }
    }
}
