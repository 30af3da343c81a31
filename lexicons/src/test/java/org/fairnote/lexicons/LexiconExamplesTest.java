package org.fairnote.lexicons;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fairnote.Assertion;
import org.fairnote.Finding;
import org.fairnote.Screener;
import org.fairnote.lexicon.FlagExample;
import org.fairnote.lexicon.Lexicon;
import org.fairnote.lexicon.LexiconEntry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every example of every bundled lexicon entry and context rule against the full default
 * screener, in the manner of LanguageTool's rule examples: a flag example must yield an affirmed
 * finding of that entry covering exactly the marked span; a pass example must not yield one.
 */
class LexiconExamplesTest {

    private static final Screener SCREENER = Screener.createDefault();

    @TestFactory
    Stream<DynamicTest> everyEntryFlagsItsExamplesAndPassesItsNearMisses() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Lexicon lexicon : BundledLexicons.lexicons()) {
            for (LexiconEntry entry : lexicon.entries()) {
                tests.add(DynamicTest.dynamicTest(entry.id(), () -> checkEntry(entry)));
            }
        }
        return tests.stream();
    }

    static void checkEntry(LexiconEntry entry) {
        List<String> problems = new ArrayList<>();
        for (FlagExample example : entry.flagExamples()) {
            List<Finding> findings = SCREENER.screenUnmerged(example.text()).findings();
            boolean found = findings.stream().anyMatch(f -> f.ruleId().equals(entry.id())
                    && f.assertion() == Assertion.AFFIRMED && f.text().equals(example.span()));
            if (!found) {
                problems.add("flag example \"" + example.text() + "\" should be flagged at \"" + example.span()
                        + "\" but gave " + describe(findings, entry.id()));
            }
        }
        for (String pass : entry.passExamples()) {
            List<Finding> findings = SCREENER.screenUnmerged(pass).findings();
            List<Finding> wrong = findings.stream()
                    .filter(f -> f.ruleId().equals(entry.id()) && f.assertion() == Assertion.AFFIRMED).toList();
            if (!wrong.isEmpty()) {
                problems.add("near miss \"" + pass + "\" must not be flagged but was, at " + describe(wrong, entry.id()));
            }
        }
        if (!problems.isEmpty()) {
            fail("entry " + entry.id() + " in " + entry.origin() + ":\n  " + String.join("\n  ", problems));
        }
    }

    private static String describe(List<Finding> findings, String id) {
        if (findings.isEmpty()) {
            return "no findings";
        }
        return findings.stream().map(f -> (f.ruleId().equals(id) ? "*" : "") + f.ruleId() + "[" + f.assertion()
                + "] \"" + f.text() + "\"").collect(Collectors.joining(", "));
    }

    @TestFactory
    Stream<DynamicTest> everyContextAndSectionExampleGetsItsAssertion() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String file : List.of(BundledLexicons.CONTEXT_RULES_FILE, BundledLexicons.SECTIONS_FILE)) {
            JsonNode root;
            try (InputStream in = getClass().getResourceAsStream("/org/fairnote/lexicons/" + file)) {
                root = mapper.readTree(in);
            }
            for (JsonNode rule : root.get("rules")) {
                for (JsonNode ex : rule.path("examples")) {
                    String id = rule.get("id").asText();
                    String text = ex.get("text").asText();
                    String target = ex.get("target").asText();
                    Assertion expected = Assertion.valueOf(ex.get("assertion").asText());
                    tests.add(DynamicTest.dynamicTest(id + ": " + text, () -> {
                        List<Finding> findings = SCREENER.screenUnmerged(text).findings();
                        boolean ok = findings.stream().anyMatch(f -> f.text().contains(target)
                                && f.assertion() == expected);
                        assertTrue(ok, "rule " + id + " in " + file + ": \"" + text + "\" should give a finding on \""
                                + target + "\" with " + expected + " but gave " + describe(findings, ""));
                    }));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void bundledCountsMeetTheContract() {
        int total = 0;
        for (Lexicon lexicon : BundledLexicons.lexicons()) {
            int n = lexicon.entries().size();
            total += n;
            int min = lexicon.name().equals("credibility-doubt") ? 30 : 50;
            assertTrue(n >= min, lexicon.name() + " has " + n + " entries, fewer than " + min);
        }
        assertTrue(total >= 400, "bundled lexicons have " + total + " entries, fewer than 400");
    }
}
