package org.fairnote.lexicons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairnote.Finding;
import org.fairnote.Screener;
import org.fairnote.lexicon.LexiconException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trust adds its own lexicon file and switches off a bundled entry, from Java. */
class UserLexiconTest {

    private static final String LOCAL = """
            {
              "lexicon": "trust-local",
              "version": "2026.12.0",
              "category": "CARE_WITHHOLDING",
              "entries": [
                {
                  "id": "LOCAL-red-card",
                  "severity": "HIGH",
                  "patterns": ["red card (protocol|plan|status)"],
                  "explanation": "A local name for a scheme that rations contact with people who call often.",
                  "suggestion": "Describe the support the person will be offered and how to reach it.",
                  "examples": {
                    "flag": [{"text": "She is on red card protocol.", "span": "red card protocol"}],
                    "pass": ["The red card was shown in the football match she watched."]
                  }
                }
              ]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aUserLexiconAddsTermsAndABundledEntryCanBeDisabled() throws Exception {
        Path file = dir.resolve("trust-local.json");
        Files.writeString(file, LOCAL);
        Screener screener = Screener.builder().withDefaults()
                .addLexicon(LexiconReader.readLexicon(file))
                .disable("STIG-attention-seeking")
                .build();
        String note = "She is on red card protocol and staff feel she is attention-seeking.";
        List<String> ids = screener.screen(note).flags().stream().map(Finding::ruleId).toList();
        assertTrue(ids.contains("LOCAL-red-card"), ids.toString());
        assertTrue(ids.stream().noneMatch(id -> id.equals("STIG-attention-seeking")), ids.toString());
        assertEquals("2026.12.0", screener.versions().get("trust-local"));
        assertTrue(Screener.createDefault().screen(note).flags().stream()
                .anyMatch(f -> f.ruleId().equals("STIG-attention-seeking")), "the default still has the entry");
    }

    @Test
    void aBrokenUserLexiconNamesFileLineAndEntry() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, LOCAL.replace("red card (protocol|plan|status)", "red card (protocol|plan"));
        LexiconException e = assertThrows(LexiconException.class,
                () -> Screener.builder().addLexicon(LexiconReader.readLexicon(file)).build());
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
        assertTrue(e.getMessage().contains("LOCAL-red-card"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*line \\d+.*"), e.getMessage());
    }
}
