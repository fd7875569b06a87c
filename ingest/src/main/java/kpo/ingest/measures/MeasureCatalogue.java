package kpo.ingest.measures;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kpo.ingest.IngestException;

/**
 * The measures a run can compute: the built-in ones ({@code builtin.json} beside this class) and
 * any a trust defines in a JSON or YAML file of the same shape, which may also redefine a
 * built-in by its id.
 */
public final class MeasureCatalogue {

    private static final TypeReference<List<MeasureDefinition>> LIST = new TypeReference<>() {
    };

    private final Map<String, MeasureDefinition> byId;

    private MeasureCatalogue(Map<String, MeasureDefinition> byId) {
        this.byId = byId;
    }

    /** The built-in measures. */
    public static MeasureCatalogue builtIn() {
        try (InputStream in = MeasureCatalogue.class.getResourceAsStream("builtin.json")) {
            return new MeasureCatalogue(index(new ObjectMapper().readValue(in, LIST)));
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in measure catalogue is unreadable", e);
        }
    }

    /** This catalogue plus the measures in {@code file} (JSON or YAML: a list of measure definitions). */
    public MeasureCatalogue with(Path file) {
        return with(read(file));
    }

    /** The measures in {@code file} (JSON or YAML: a list of measure definitions), in its order. */
    public static List<MeasureDefinition> read(Path file) {
        ObjectMapper mapper = file.toString().endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        try {
            return mapper.readValue(Files.readAllBytes(file), LIST);
        } catch (ValueInstantiationException e) {
            throw new IngestException(file + ": " + e.getCause().getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IngestException(file + ": not a list of measure definitions (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new IngestException(file + " cannot be read: " + e.getMessage());
        }
    }

    public MeasureCatalogue with(Collection<MeasureDefinition> definitions) {
        Map<String, MeasureDefinition> all = new LinkedHashMap<>(byId);
        all.putAll(index(new ArrayList<>(definitions)));
        return new MeasureCatalogue(all);
    }

    private static Map<String, MeasureDefinition> index(List<MeasureDefinition> definitions) {
        Map<String, MeasureDefinition> byId = new LinkedHashMap<>();
        for (MeasureDefinition d : definitions) {
            if (byId.put(d.id(), d) != null) {
                throw new IngestException("measure '" + d.id() + "' is defined twice");
            }
        }
        return byId;
    }

    public Optional<MeasureDefinition> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<MeasureDefinition> all() {
        return List.copyOf(byId.values());
    }
}
