package org.fairnote.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.fairnote.Category;
import org.fairnote.Finding;
import org.fairnote.Screener;
import org.fairnote.Source;
import org.junit.jupiter.api.Test;

/**
 * The README's first command screens {@code examples/notes}: the default screener (lexicons and
 * model) must flag what each example is there to show, and nothing in the examples made only of
 * distractors (respectful plans, negated and reported wording, emergency police work, neutral uses
 * of trigger words, hypotheticals).
 */
class BundledExamplesTest {
    private static final Path EXAMPLES = Path.of("../examples/notes");
    private static final Screener SCREENER = Screener.createDefault();

    private static final Set<String> DISTRACTORS_ONLY = Set.of("03-respectful-care-plan.txt",
            "04-negated-and-reported.txt", "06-emergency-police-distractors.txt", "10-neutral-trigger-words.txt",
            "11-hypothetical.txt");

    /** The categories each example is there to show, flagged by the lexicons. */
    private static final Map<String, Set<Category>> LEXICON_FLAGS = Map.of(
            "01-crisis-plan-sim-style.txt", EnumSet.of(Category.POLICE_IN_CARE, Category.SANCTION_OR_THREAT,
                    Category.CARE_WITHHOLDING),
            "02-risk-assessment-stigma.txt", EnumSet.of(Category.STIGMATISING_LANGUAGE, Category.CREDIBILITY_DOUBT),
            "07-behaviour-contract-sanctions.txt", EnumSet.of(Category.SANCTION_OR_THREAT),
            "08-credibility-doubt.txt", EnumSet.of(Category.CREDIBILITY_DOUBT),
            "12-unicode-and-formatting.txt", EnumSet.of(Category.CARE_WITHHOLDING));

    private static java.util.List<Finding> flags(String file) throws IOException {
        return SCREENER.screen(Files.readString(EXAMPLES.resolve(file))).flags();
    }

    @Test
    void distractorExamplesRaiseNoFlag() throws IOException {
        for (String file : DISTRACTORS_ONLY) {
            assertEquals(java.util.List.of(), flags(file), file);
        }
    }

    @Test
    void eachExampleFlagsWhatItShows() throws IOException {
        for (Map.Entry<String, Set<Category>> e : LEXICON_FLAGS.entrySet()) {
            Set<Category> found = EnumSet.noneOf(Category.class);
            flags(e.getKey()).stream().filter(f -> f.source() == Source.LEXICON).forEach(f -> found.add(f.category()));
            assertTrue(found.containsAll(e.getValue()), () -> e.getKey() + ": " + found);
        }
    }

    @Test
    void practicesThatEndedAreNotLexiconFlags() throws IOException {
        assertEquals(java.util.List.of(), flags("05-previous-plan-historical.txt").stream()
                .filter(f -> f.source() == Source.LEXICON).toList());
    }

    @Test
    void theModelFindsTheParaphrasesNoLexiconLists() throws IOException {
        Set<Category> byModel = EnumSet.noneOf(Category.class);
        flags("09-paraphrases.txt").stream().filter(f -> f.source() == Source.MODEL).forEach(f -> byModel.add(f.category()));
        assertTrue(byModel.containsAll(EnumSet.of(Category.STIGMATISING_LANGUAGE, Category.CARE_WITHHOLDING)),
                byModel::toString);
    }

    @Test
    void everyExampleIsCovered() throws IOException {
        try (var files = Files.list(EXAMPLES)) {
            long n = files.count();
            assertEquals(n, DISTRACTORS_ONLY.size() + LEXICON_FLAGS.size() + 2, "an example no test covers"); // + 05, 09
        }
    }
}
