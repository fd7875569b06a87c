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
                // A key written twice would otherwise keep its last value without a word.
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    public static KpoConfig read(Path file) {
        return read(file, KpoConfig.class);
    }

    /** Whether the file is a system's config (its top-level key is {@code system}), not a trust's. */
    public static boolean isSystem(Path file) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = mapper(file).readTree(utf8(file));
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
            T config = mapper(file).readValue(utf8(file), type);
            if (config == null) {
                throw UserError.badInput(file.getFileName() + " is empty; see the example config in the README");
            }
            return config;
        } catch (NoSuchFileException e) {
            throw UserError.failure("cannot read " + file + ": no such file");
        } catch (MismatchedInputException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("No content to map")) {
                throw UserError.badInput(file.getFileName() + " is empty; see the example config in the README");
            }
            throw UserError.badInput(describe(file, e));
        } catch (JsonProcessingException e) {
            throw UserError.badInput(describe(file, e));
        } catch (IOException e) {
            throw UserError.failure("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The file's bytes, or an error naming the line where they stop being UTF-8 text. */
    private static byte[] utf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        notUtf8Line(file, bytes).ifPresent(line -> {
            throw UserError.badInput(file.getFileName() + " line " + line + ": the config is not UTF-8 text; save "
                    + "it as UTF-8");
        });
        return bytes;
    }

    /** The line of the first bytes that are not UTF-8: the parser's own message would name a Java exception. */
    private static java.util.OptionalLong notUtf8Line(Path file, byte[] bytes) throws IOException {
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return java.util.OptionalLong.empty();
        } catch (java.nio.charset.CharacterCodingException e) {
            java.util.OptionalLong line = kpo.ingest.read.Utf8Lines.firstMalformed(file);
            return line.isPresent() ? line : java.util.OptionalLong.of(1);
        }
    }

    /**
     * The sentence for a parse or mapping mistake. The line is the key's own (from {@link ConfigLines})
     * where the mistake has a path: the parser's position can be far past it, since a record is read whole
     * before it is checked.
     */
    static String describe(Path file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String parserWhere = file.getFileName() + (at == null || at.getLineNr() < 0 ? "" : " line " + at.getLineNr());
        String path = e instanceof MismatchedInputException m ? m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : "";
        String where = path.isEmpty() ? parserWhere : ConfigLines.of(file).where(path);
        if (e instanceof UnrecognizedPropertyException u) {
            String parent = path.endsWith(u.getPropertyName()) ? path.substring(0, path.length()
                    - u.getPropertyName().length()).replaceFirst("\\.$", "") : path;
            return where + ": unknown key '" + u.getPropertyName() + "'" + (parent.isEmpty() ? "" : " in " + parent)
                    + "; expected one of " + u.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException f) {
            return where + ": " + quoted(String.valueOf(f.getValue())) + " in " + path + " is not "
                    + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return where + ": " + (path.isEmpty() ? "the config" : path) + " has the wrong type; expected "
                    + expected(m.getTargetType());
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        java.util.regex.Matcher tooLarge = java.util.regex.Pattern.compile("^Numeric value \\((.*)\\) out of range of")
                .matcher(original);
        if (tooLarge.find()) {
            return parserWhere + ": " + tooLarge.group(1) + " is too large for a whole number";
        }
        // SnakeYAML knows the line of the problem itself ("in 'reader', line 3, column 1", the last mark).
        java.util.regex.Matcher mark = java.util.regex.Pattern.compile("in 'reader', line (\\d+), column").matcher(original);
        while (mark.find()) {
            parserWhere = file.getFileName() + " line " + mark.group(1);
        }
        java.util.regex.Matcher duplicate = java.util.regex.Pattern.compile("^Duplicate (?:field|Object property) '(.*)'")
                .matcher(original);
        if (duplicate.find()) {
            return parserWhere + ": the key '" + duplicate.group(1) + "' appears twice; keep one";
        }
        // SnakeYAML's message spans lines (context, a copy of the line, a caret): keep its words on one.
        String words = original.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("in 'reader'")
                && !l.matches("\\^+") && !l.startsWith("at [Source")).collect(Collectors.joining("; "));
        return parserWhere + ": not valid " + (file.toString().endsWith(".json") ? "JSON" : "YAML") + " (" + words + ")";
    }

    /**
     * A value of the user's, quoted on one line: a YAML block scalar may span lines, and a message
     * line that does not name the file is no use.
     */
    public static String quoted(String value) {
        String line = value.strip().replaceAll("\\s*\\R\\s*", " ⏎ ");
        return "'" + (line.length() <= 60 ? line : line.substring(0, 60) + "…") + "'";
    }

    /** What a value of {@code type} looks like in the config. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list (one '- item' per line, or [a, b])";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a set of keys with values (key: value)";
        }
        return switch (type.getSimpleName()) {
            case "Double", "double" -> "a valid number";
            case "Integer", "int", "Long", "long" -> "a valid whole number";
            case "Boolean", "boolean" -> "true or false";
            case "LocalDate" -> "a valid date (YYYY-MM-DD)";
            case "YearMonth" -> "a valid month (YYYY-MM)";
            case "String" -> "text";
            default -> "a valid " + type.getSimpleName();
        };
    }
}
