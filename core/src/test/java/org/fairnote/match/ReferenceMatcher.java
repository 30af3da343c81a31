package org.fairnote.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.fairnote.text.TokenBuffer;
import org.fairnote.text.WordForms;

/**
 * The simplest correct matcher: for every pattern expansion and every start token, backtrack over
 * the atoms. Compares words through the vocabulary's term equivalence and full Snowball stemming,
 * so it checks the trie, gaps, optional items, anchors, token classes, the run-time stem filter and
 * the pre-computed inflections of {@link Automaton} and {@link Vocabulary}.
 */
final class ReferenceMatcher {
    private final List<Pattern> patterns;
    private final Vocabulary vocabulary;
    private final Stemmer stemmer = new Stemmer();

    ReferenceMatcher(List<Pattern> patterns, Vocabulary vocabulary) {
        this.patterns = patterns;
        this.vocabulary = vocabulary;
    }

    /** All (payload, start, end) triples in tokens [from, to), payload = pattern index, encoded as strings. */
    Set<String> matches(CharSequence text, TokenBuffer tokens, int from, int to) {
        Set<String> out = new TreeSet<>();
        for (int p = 0; p < patterns.size(); p++) {
            Pattern pattern = patterns.get(p);
            for (List<Atom> seq : PatternExpander.expand(pattern)) {
                for (int s = from; s < to; s++) {
                    if (pattern.anchored() && s != from) {
                        continue;
                    }
                    List<Integer> ends = new ArrayList<>();
                    walk(text, tokens, seq, 0, s, to, ends);
                    for (int e : ends) {
                        out.add(p + ":" + s + "-" + e);
                    }
                }
            }
        }
        return out;
    }

    private void walk(CharSequence text, TokenBuffer tokens, List<Atom> seq, int k, int i, int to, List<Integer> ends) {
        if (k == seq.size()) {
            ends.add(i);
            return;
        }
        Atom a = seq.get(k);
        if (a.kind() == Atom.Kind.GAP) {
            for (int skip = 0; skip <= a.gap() && i + skip <= to; skip++) {
                walk(text, tokens, seq, k + 1, i + skip, to, ends);
            }
            return;
        }
        if (i >= to || !test(text, tokens, a, i)) {
            return;
        }
        walk(text, tokens, seq, k + 1, i + 1, to, ends);
    }

    private boolean test(CharSequence text, TokenBuffer tokens, Atom a, int i) {
        String term = WordForms.stripPossessive(tokens.term(i));
        boolean word = tokens.has(i, TokenBuffer.WORD);
        String typo = word ? vocabulary.typoByScan(term) : null;
        if (typo != null) {
            term = typo; // a slip of one pattern word reads as that word
        }
        return switch (a.kind()) {
            case WORD -> word && sameTerm(term, a.text());
            case STEM -> word && vocabulary.stemIdOfWord(a.text()) >= 0
                    && vocabulary.stemIdOfWord(term) == vocabulary.stemIdOfWord(a.text());
            case EXACT -> word && !tokens.has(i, TokenBuffer.EXPANDED)
                    && tokens.has(i, TokenBuffer.CAPITALISED | TokenBuffer.ALL_CAPS)
                    && !tokens.has(i, TokenBuffer.HAS_IGNORABLE)
                    && text.subSequence(tokens.start(i), tokens.end(i)).toString().equals(a.text());
            case PUNCT -> tokens.isPunct(i, a.text().charAt(0));
            case CAP -> tokens.has(i, TokenBuffer.CAPITALISED) && !tokens.has(i, TokenBuffer.EXPANDED);
            case NUM -> tokens.has(i, TokenBuffer.NUMBER);
            case ANY -> true;
            case GAP -> throw new IllegalStateException();
        };
    }

    private boolean sameTerm(String token, String literal) {
        int id = vocabulary.termId(literal);
        return id >= 0 && vocabulary.termId(token) == id;
    }

    String stem(String s) {
        return stemmer.stem(s);
    }
}
