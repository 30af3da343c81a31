package org.fairnote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fairnote.context.ContextRule;
import org.fairnote.context.Direction;
import org.fairnote.lexicon.Lexicon;
import org.fairnote.lexicon.LexiconEntry;
import org.fairnote.lexicon.Origin;
import org.fairnote.spi.AnalyzedText;
import org.fairnote.spi.SpanClassifier;
import org.junit.jupiter.api.Test;

/** How model predictions combine with lexicon findings and context. */
class ModelCombinationTest {

    /** Predicts every sentence, whole, as stigmatising language. */
    private static final SpanClassifier EVERY_SENTENCE = new SpanClassifier() {
        @Override
        public String name() {
            return "every-sentence";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public List<Prediction> predict(AnalyzedText at) {
            List<Prediction> out = new ArrayList<>();
            for (int k = 0; k < at.sentenceCount(); k++) {
                out.add(new Prediction(at.sentenceStart(k), at.sentenceEnd(k), Category.STIGMATISING_LANGUAGE, 0.9, "MODEL-STIG"));
            }
            return out;
        }
    };

    private static final Screener SCREENER = Screener.builder()
            .addLexicon(new Lexicon("test", "1", List.of(
                    new LexiconEntry("STIG-attention-seeking", Category.STIGMATISING_LANGUAGE, Severity.HIGH,
                            List.of("attention seek~"), List.of(), List.of("worries {0,6} attention seek~"),
                            "Frames distress as a bid for attention.", "in distress and asking for support",
                            List.of(), List.of(), Origin.UNKNOWN),
                    LexiconEntry.of("CRED-claims", Category.CREDIBILITY_DOUBT, Severity.LOW,
                            "Casts doubt on her account.", "she reports", "claim~"))))
            .addContextRules(List.of(
                    new ContextRule("REP-worries", "(she|sister) (worries|said)", Assertion.REPORTED,
                            Direction.FORWARD, 10, Set.of(), Set.of(), Origin.UNKNOWN),
                    new ContextRule("NEG-not", "(not|no)", Assertion.NEGATED, Direction.FORWARD, 6, Set.of(),
                            Set.of(), Origin.UNKNOWN)))
            .classifier(EVERY_SENTENCE)
            .build();

    @Test
    void aModelClauseMergesWithTheLexiconFindingOfItsCategoryWhichSpeaksForIt() {
        String text = "Staff think she is attention seeking tonight.";
        List<Finding> merged = SCREENER.screen(text).findings();
        assertEquals(1, merged.size(), merged::toString);
        assertEquals(text, merged.get(0).text()); // the test model predicts whole sentences
        assertEquals("STIG-attention-seeking", merged.get(0).ruleId());
        assertEquals(Source.LEXICON, merged.get(0).source());
        List<Finding> unmerged = SCREENER.screenUnmerged(text).findings();
        assertEquals(2, unmerged.size(), unmerged::toString);
        assertTrue(unmerged.stream().anyMatch(f -> f.source() == Source.LEXICON && f.text().equals("attention seeking")),
                unmerged::toString);
    }

    @Test
    void aLexiconFlagTheModelDoesNotSupportIsDropped() {
        // the model gives this clause stigma, never doubt: the doubt entry's flag goes
        List<Finding> f = SCREENER.screen("She claims she took ten tablets.").findings();
        assertEquals(1, f.size(), f::toString);
        assertEquals(Source.MODEL, f.get(0).source());
        assertEquals(Category.STIGMATISING_LANGUAGE, f.get(0).category());
        // a lexicon match that is not a flag stays, for the reader who asks for it
        List<Finding> g = SCREENER.screen("She does not claim to be unwell.").findings();
        assertTrue(g.stream().anyMatch(x -> x.source() == Source.MODEL && x.isFlag()), g::toString);
        assertTrue(g.stream().anyMatch(x -> x.source() == Source.LEXICON && x.assertion() == Assertion.NEGATED),
                g::toString);
    }

    @Test
    void withoutRequiredSupportAClauseCarriesBothCategories() {
        Screener everyFlag = Screener.builder().addLexicon(new Lexicon("test", "1", List.of(
                        LexiconEntry.of("CRED-claims", Category.CREDIBILITY_DOUBT, Severity.LOW,
                                "Casts doubt on her account.", "she reports", "claim~"))))
                .classifier(EVERY_SENTENCE).lexiconSupport(0).build();
        List<Finding> f = everyFlag.screen("She claims she took ten tablets.").flags();
        assertEquals(2, f.size(), f::toString);
        assertTrue(f.stream().anyMatch(x -> x.category() == Category.CREDIBILITY_DOUBT && x.text().equals("claims")),
                f::toString);
        assertTrue(f.stream().anyMatch(x -> x.category() == Category.STIGMATISING_LANGUAGE), f::toString);
        assertThrows(IllegalArgumentException.class, () -> Screener.builder().lexiconSupport(1.5));
    }

    @Test
    void withoutAModelEveryLexiconFlagStands() {
        Screener lexiconOnly = Screener.builder().addLexicon(new Lexicon("test", "1", List.of(
                LexiconEntry.of("CRED-claims", Category.CREDIBILITY_DOUBT, Severity.LOW,
                        "Casts doubt on her account.", "she reports", "claim~")))).build();
        assertEquals(1, lexiconOnly.screen("She claims she took ten tablets.").flags().size());
    }

    @Test
    void whereAnUnlessCueSilencesTheLexiconTheModelIsSilentToo() {
        assertTrue(SCREENER.screen("Her sister worries she is seen as attention seeking.").findings().isEmpty());
    }

    @Test
    void aReportingTriggerInsideAModelClauseGovernsIt() {
        List<Finding> f = SCREENER.screen("She said the ward nurse laughed at her.").findings();
        assertEquals(1, f.size(), f::toString);
        assertEquals(Source.MODEL, f.get(0).source());
        assertEquals(Assertion.REPORTED, f.get(0).assertion());
    }

    @Test
    void aNegationInsideAModelClauseIsTakenAsTheWordingItself() {
        List<Finding> f = SCREENER.screen("No need to bring him in.").findings();
        assertEquals(1, f.size(), f::toString);
        assertEquals(Assertion.AFFIRMED, f.get(0).assertion());
    }

    @Test
    void aModelLoadedInTheBackgroundIsUsedWithItsOwnThreshold() {
        SpanClassifier tuned = new SpanClassifier() {
            @Override
            public String name() {
                return "tuned";
            }

            @Override
            public String version() {
                return "2";
            }

            @Override
            public double threshold() {
                return 0.95;
            }

            @Override
            public List<Prediction> predict(AnalyzedText at) {
                return EVERY_SENTENCE.predict(at);
            }
        };
        Screener s = Screener.builder().addLexicon(new Lexicon("empty", "1", List.of()))
                .classifier(SpanClassifier.loadInBackground(() -> tuned)).build();
        assertEquals("2", s.versions().get("tuned"));
        assertTrue(s.screen("Anything at all.").findings().isEmpty(), "0.9 is below the model's own 0.95");
    }

    @Test
    void aModelThatFailsToLoadFailsTheBuild() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Screener.builder().addLexicon(new Lexicon("empty", "1", List.of()))
                        .classifier(SpanClassifier.loadInBackground(() -> {
                            throw new IllegalStateException("model file is corrupt");
                        })).build());
        assertEquals("model file is corrupt", e.getMessage());
    }
}
