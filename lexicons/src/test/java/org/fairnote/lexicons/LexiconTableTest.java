package org.fairnote.lexicons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * lexicons/README.md ends with the generated table of the bundled content. Regenerate it with
 * {@code mvn -pl lexicons test -Dtest=LexiconTableTest -Dfairnote.updateReadme=true}.
 */
class LexiconTableTest {
    @Test
    void readmeEndsWithTheCurrentTable() throws Exception {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int at = text.indexOf(LexiconTable.MARKER);
        String head = at < 0 ? text.stripTrailing() + "\n\n" : text.substring(0, at);
        String expected = head + LexiconTable.markdown();
        if (Boolean.getBoolean("fairnote.updateReadme")) {
            Files.writeString(readme, expected, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, text, "lexicons/README.md's generated table is out of date; rerun with"
                + " -Dfairnote.updateReadme=true");
    }
}
