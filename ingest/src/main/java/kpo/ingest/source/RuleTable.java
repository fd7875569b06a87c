package kpo.ingest.source;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every source's rules as the README's validation table: printed from {@link SourceKind#rules()}, so
 * the documentation cannot drift from the code (a test compares the README with it).
 */
public final class RuleTable {

    private RuleTable() {
    }

    /** A Markdown table: source, column, rule and reason, in the order the rules run. */
    public static String markdown() {
        StringBuilder table = new StringBuilder("| source | column | rule | reason |\n| --- | --- | --- | --- |\n");
        for (SourceKind kind : SourceKind.values()) {
            for (Rule r : kind.rules()) {
                table.append("| `").append(kind.code()).append("` | `").append(r.field()).append("` | ")
                        .append(r.description()).append(" | `").append(r.reason().code()).append("` |\n");
            }
        }
        return table.toString();
    }

    /** The reasons a whole line is rejected for before any rule runs, as the README lists them. */
    public static String lineReasons() {
        return Arrays.stream(new Reason[] {Reason.SHORT_ROW, Reason.LONG_ROW, Reason.MALFORMED_ROW})
                .map(r -> "`" + r.code() + "` (" + r.meaning() + ")").collect(Collectors.joining(", "));
    }
}
