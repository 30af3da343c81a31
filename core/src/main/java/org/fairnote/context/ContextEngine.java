package org.fairnote.context;

import java.util.List;
import java.util.Objects;
import org.fairnote.Assertion;
import org.fairnote.Category;
import org.fairnote.match.Automaton;
import org.fairnote.match.PatternParser;
import org.fairnote.match.Vocabulary;
import org.fairnote.text.SentenceSplitter;
import org.fairnote.text.TokenBuffer;
import org.fairnote.text.Tokenizer;

/**
 * The context engine on its own, as a general ConText engine: given a text and a target span,
 * returns the target's assertion. The screener uses the same rules and {@link AssertionResolver}
 * inside its single automaton; this class compiles the triggers alone. Immutable and thread-safe.
 */
public final class ContextEngine {
    private final Tokenizer tokenizer;
    private final Vocabulary vocabulary;
    private final Automaton automaton;
    private final AssertionResolver resolver;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public ContextEngine(List<ContextRule> rules) {
        Vocabulary.Builder vb = new Vocabulary.Builder();
        Automaton.Builder ab = new Automaton.Builder(vb);
        for (int i = 0; i < rules.size(); i++) {
            ab.add(PatternParser.parse(rules.get(i).pattern(), false), i);
        }
        this.automaton = ab.build();
        this.vocabulary = vb.build();
        this.tokenizer = new Tokenizer(vocabulary);
        this.resolver = new AssertionResolver(rules);
    }

    /**
     * The assertion of {@code text[start, end)} within its sentence.
     *
     * @param category the target's category, for category-aware rules; null applies only the rules
     *                 that are not restricted to some categories
     */
    public AssertionResolver.Decision assess(CharSequence text, int start, int end, Category category) {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end > text.length() || start >= end) {
            throw new IllegalArgumentException("target [" + start + ", " + end + ") is not inside the text of length "
                    + text.length());
        }
        TokenBuffer tokens = tokenizer.tokenize(text);
        int s = 0;
        while (s < tokens.size() && tokens.end(s) <= start) {
            s++;
        }
        int e = s;
        while (e < tokens.size() && tokens.start(e) < end) {
            e++;
        }
        if (e == s) {
            return new AssertionResolver.Decision(Assertion.AFFIRMED, null);
        }
        int[] sentences = splitter.split(text, tokens);
        int from = 0;
        int to = tokens.size();
        for (int k = 0; k + 1 < sentences.length; k++) {
            if (sentences[k] <= s && s < sentences[k + 1]) {
                from = sentences[k];
                to = Math.max(e, sentences[k + 1]);
                break;
            }
        }
        TriggerMatches triggers = new TriggerMatches();
        automaton.match(tokens, from, to, new Automaton.Scratch(), (payload, ms, me) -> triggers.add(payload, ms, me));
        resolver.prune(triggers);
        return resolver.resolve(triggers, s, e, category, null);
    }

    /** Shorthand for {@code assess(text, start, end, category).assertion()}. */
    public Assertion assertionOf(CharSequence text, int start, int end, Category category) {
        return assess(text, start, end, category).assertion();
    }
}
