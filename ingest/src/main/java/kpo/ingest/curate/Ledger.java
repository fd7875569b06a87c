package kpo.ingest.curate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import kpo.ingest.IngestException;

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
     */
    public record Entry(String sha256, String extract, long read, long accepted, Map<String, Long> rejectedByReason) {
    }

    /** source → file → entry. */
    private final Map<String, Map<String, Entry>> sources;

    private Ledger(Map<String, Map<String, Entry>> sources) {
        this.sources = sources;
    }

    public static Ledger load(Path file) {
        if (!Files.exists(file)) {
            return new Ledger(new TreeMap<>());
        }
        try {
            return new Ledger(JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, Map<String, Entry>>>() {
            }));
        } catch (IOException e) {
            throw new IngestException(file + " (the curated store's ledger) cannot be read: " + e.getMessage()
                    + "; delete the curated folder to rebuild it");
        }
    }

    public void save(Path file) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), sources);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IngestException(file + " cannot be written: " + e.getMessage());
        }
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
