package kpo.jobs.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import kpo.jobs.cli.UserError;

/**
 * Reads a config file into {@link KpoConfig}; a mistake becomes one sentence with the file and
 * line: "kpo.yaml line 14: unknown key 'colour' in measures[2]".
 */
public final class ConfigReader {

    private ConfigReader() {
    }

    static ObjectMapper mapper(Path file) {
        ObjectMapper mapper = file.toString().endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        return mapper.registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    public static KpoConfig read(Path file) {
        return read(file, KpoConfig.class);
    }

    /** Whether the file is a system's config (its top-level key is {@code system}), not a trust's. */
    public static boolean isSystem(Path file) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = mapper(file).readTree(Files.readAllBytes(file));
            return tree != null && tree.isObject() && tree.has("system");
        } catch (NoSuchFileException e) {
            throw UserError.failure("cannot read " + file + ": no such file");
        } catch (JsonProcessingException e) {
            throw UserError.badInput(describe(file, e));
        } catch (IOException e) {
            throw UserError.failure("cannot read " + file + ": " + e.getMessage());
        }
    }

    public static SystemConfig readSystem(Path file) {
        return read(file, SystemConfig.class);
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            T config = mapper(file).readValue(Files.readAllBytes(file), type);
            if (config == null) {
                throw UserError.badInput(file + " is empty; see the example config in the README");
            }
            return config;
        } catch (NoSuchFileException e) {
            throw UserError.failure("cannot read " + file + ": no such file");
        } catch (JsonProcessingException e) {
            throw UserError.badInput(describe(file, e));
        } catch (IOException e) {
            throw UserError.failure("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The sentence for a parse or mapping mistake. */
    static String describe(Path file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = file.getFileName() + (at == null || at.getLineNr() < 0 ? "" : " line " + at.getLineNr());
        String path = e instanceof MismatchedInputException m && !m.getPath().isEmpty() ? " in " + m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : "";
        if (e instanceof UnrecognizedPropertyException u) {
            return where + ": unknown key '" + u.getPropertyName() + "'" + path.replaceFirst("\\." + u.getPropertyName()
                    + "$", "").replaceFirst(" in " + u.getPropertyName() + "$", "") + "; expected one of "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException f) {
            return where + ": '" + f.getValue() + "'" + path + " is not a valid " + f.getTargetType().getSimpleName()
                    .replace("YearMonth", "month (YYYY-MM)").replace("LocalDate", "date (YYYY-MM-DD)")
                    .replace("Double", "number").replace("Integer", "whole number");
        }
        if (e instanceof MismatchedInputException) {
            return where + ":" + path + " has the wrong type (" + e.getOriginalMessage().replaceAll("\\s*\\(.*", "")
                    + ")";
        }
        return where + ": not valid YAML (" + e.getOriginalMessage() + ")";
    }
}
