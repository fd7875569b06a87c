package kpo.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's validation table is the rule list itself, printed. */
class RuleTableTest {

    @Test
    void theReadmesTableIsTheRuleList() throws IOException {
        Path readme = Path.of(System.getProperty("user.dir")).getParent().resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf("<!-- rules:start -->\n");
        int end = text.indexOf("<!-- rules:end -->");
        assertTrue(start >= 0 && end > start, "README.md has the rules table between its markers");
        assertEquals(RuleTable.markdown(), text.substring(start + "<!-- rules:start -->\n".length(), end),
                "README.md's rules table is out of date; replace it with RuleTable.markdown()");
        assertTrue(text.contains(RuleTable.lineReasons()), "README.md names the reasons a whole line is rejected for");
    }

    @Test
    void everyRuleNamesAFieldOfItsSource() {
        for (SourceKind kind : SourceKind.values()) {
            for (Rule r : kind.rules()) {
                kind.field(r.field()); // throws for a field the source does not have
                if (r instanceof Rule.When when) {
                    kind.field(when.when());
                }
            }
        }
    }
}
