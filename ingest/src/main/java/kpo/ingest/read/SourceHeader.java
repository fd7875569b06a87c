package kpo.ingest.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kpo.ingest.IngestException;
import kpo.ingest.privacy.Pseudonymiser;
import kpo.ingest.source.Field;
import kpo.ingest.source.SourceSpec;

/**
 * A source file's header, checked before any row is read, the same way by both engines: every
 * required column there by its mapped name, none twice, and an identifier column only with a key.
 */
public final class SourceHeader {

    /** A column name as a person would write one: no run of digits that could be an NHS number or a date. */
    private static final Pattern NAME_LIKE = Pattern.compile("(?!.*\\d{4})[\\p{L}_][\\p{L}\\p{N} _./()%#-]{0,63}");

    private SourceHeader() {
    }

    /**
     * The header of a CSV or JSON-lines file, checked.
     *
     * @throws IngestException naming the file, for an empty file or a wrong header
     */
    public static List<String> ofText(SourceSpec spec, Path file, boolean haveKey) {
        List<String> header = TextRows.header(file, spec.format());
        if (header.isEmpty()) {
            throw new IngestException("source '" + spec.name() + "': " + file + " is empty; expected a header line");
        }
        check(spec, file.toString(), header, haveKey);
        return header;
    }

    /**
     * Checks a header (column names as the file has them, any case).
     *
     * @throws IngestException naming the file and what is wrong
     */
    public static void check(SourceSpec spec, String file, List<String> names, boolean haveKey) {
        List<String> header = names.stream().map(TextRows::key).toList();
        List<String> missing = new ArrayList<>();
        for (Field field : spec.kind().fields()) {
            String name = TextRows.key(spec.mapping().headerOf(field.name()));
            boolean present = header.contains(name);
            if (present && header.indexOf(name) != header.lastIndexOf(name)) {
                throw new IngestException("source '" + spec.name() + "': " + file + " has the column '" + name
                        + "' twice; which one is meant cannot be told, so keep one");
            }
            if (field.required() && !present) {
                missing.add(spec.mapping().headerOf(field.name()));
            }
            if (field.identifier() && present && !haveKey) {
                throw new IngestException("source '" + spec.name() + "': " + file + " has the patient identifier "
                        + "column '" + name + "' but no pseudonym key is configured; set " + Pseudonymiser.KEY_VARIABLE
                        + " or a key file so that identifiers are replaced as they are read");
            }
        }
        if (!missing.isEmpty()) {
            throw new IngestException("source '" + spec.name() + "': " + file + " has no column " + String.join(", ",
                    missing.stream().map(m -> "'" + m + "'").toList()) + " (" + describe(header) + ")");
        }
    }

    /**
     * The header as the message shows it. A file without a header line has a data row there, and
     * that row may hold an NHS number: cells that do not look like names are never printed.
     */
    static String describe(List<String> header) {
        long dataLike = header.stream().filter(h -> !h.isEmpty() && !NAME_LIKE.matcher(h).matches()).count();
        if (dataLike >= 2 || dataLike * 2 > header.size()) {
            return "its first line looks like data, not a header; the header line may be missing";
        }
        return "its header: " + String.join(", ", header.stream().map(h -> h.isEmpty() || NAME_LIKE.matcher(h)
                .matches() ? h : "…").toList());
    }

    /** Where each of the reader's fields is in a header (names as the file has them); −1 where it has none. */
    public static int[] positions(SourceSpec spec, List<String> names) {
        List<Field> fields = spec.kind().fields();
        int[] positions = new int[fields.size()];
        java.util.Map<String, Integer> byName = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byName.putIfAbsent(TextRows.key(names.get(i)), i);
        }
        for (int f = 0; f < fields.size(); f++) {
            positions[f] = byName.getOrDefault(TextRows.key(spec.mapping().headerOf(fields.get(f).name())), -1);
        }
        return positions;
    }
}
