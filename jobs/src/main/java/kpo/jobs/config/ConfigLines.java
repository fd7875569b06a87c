package kpo.jobs.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every key and list item of a config file ({@code measures[3].target} → 87), so that a
 * problem found after reading names its line.
 */
public final class ConfigLines {

    private final Path file;
    private final Map<String, Integer> lines;

    private ConfigLines(Path file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = lines;
    }

    public static ConfigLines of(Path file) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = ConfigReader.mapper(file).getFactory().createParser(Files.readAllBytes(file))) {
            Deque<String> path = new ArrayDeque<>();
            Deque<Integer> index = new ArrayDeque<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int line = p.currentTokenLocation().getLineNr();
                switch (t) {
                    case FIELD_NAME -> {
                        String parent = path.isEmpty() ? "" : path.peek();
                        lines.putIfAbsent((parent.isEmpty() ? "" : parent + ".") + p.currentName(), line);
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String here = current(p, path, index);
                        if (index.peek() != null && index.peek() >= 0) {
                            lines.putIfAbsent(here, line);
                        }
                        path.push(here);
                        index.push(t == JsonToken.START_ARRAY ? 0 : -1);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.pop();
                        index.pop();
                        advance(index);
                    }
                    default -> {
                        // A scalar list item (a null "-", a bare word) has a line too.
                        Integer i = index.peek();
                        if (i != null && i >= 0) {
                            lines.putIfAbsent((path.isEmpty() ? "" : path.peek()) + "[" + i + "]", line);
                        }
                        advance(index);
                    }
                }
            }
        } catch (IOException e) {
            // the reader reports unreadable files; without lines the messages name the key alone
        }
        return new ConfigLines(file, lines);
    }

    /** The path of the value starting now: a field of the parent object, or the next item of the parent list. */
    private static String current(JsonParser p, Deque<String> path, Deque<Integer> index) throws IOException {
        String parent = path.isEmpty() ? "" : path.peek();
        Integer i = index.peek();
        if (i != null && i >= 0) {
            return parent + "[" + i + "]";
        }
        String name = p.currentName();
        return name == null ? parent : (parent.isEmpty() ? "" : parent + ".") + name;
    }

    private static void advance(Deque<Integer> index) {
        Integer i = index.peek();
        if (i != null && i >= 0) {
            index.pop();
            index.push(i + 1);
        }
    }

    /** "kpo.yaml line 14" for the key at {@code path}, or the closest enclosing one that has a line. */
    public String where(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return file.getFileName() + " line " + line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return file.getFileName().toString();
    }
}
