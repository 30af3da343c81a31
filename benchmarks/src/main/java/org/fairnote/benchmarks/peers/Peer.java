package org.fairnote.benchmarks.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.ahocorasick.trie.Trie;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.fairnote.benchmarks.Lexicons;
import org.fairnote.match.Automaton;
import org.fairnote.text.TermResolver;
import org.fairnote.text.TokenBuffer;

/**
 * The matchers compared, all behind {@link PhraseMatcher} and built from the same literal phrase
 * list (lower case, words of letters and digits separated by one space).
 */
public enum Peer {
    /** Fairnote's tokenizer, vocabulary and token trie ({@code org.fairnote.match.Automaton}). */
    ENGINE {
        @Override
        public PhraseMatcher create(List<String> phrases) {
            return new EngineMatcher(Lexicons.compile(phrases));
        }
    },
    /** One {@code java.util.regex} alternation, longest phrase first, case-insensitive, {@code \b} on both sides. */
    REGEX {
        @Override
        public PhraseMatcher create(List<String> phrases) {
            return new RegexMatcher(phrases);
        }
    },
    /** Lucene Monitor: one phrase query per phrase, StandardTokenizer + LowerCaseFilter, hits with offsets. */
    LUCENE_MONITOR {
        @Override
        public PhraseMatcher create(List<String> phrases) {
            return new MonitorMatcher(phrases, true);
        }
    },
    /**
     * Lucene Monitor reporting only which phrases occur (QueryMatch.SIMPLE_MATCHER), no offsets: less
     * work than the others, a lower bound on Monitor's cost; not in the fairness test.
     */
    LUCENE_MONITOR_IDS {
        @Override
        public PhraseMatcher create(List<String> phrases) {
            return new MonitorMatcher(phrases, false);
        }
    },
    /** The {@code org.ahocorasick} library over the lower-cased text, word boundaries checked per emit. */
    AHO_CORASICK {
        @Override
        public PhraseMatcher create(List<String> phrases) {
            return new AhoCorasickMatcher(phrases);
        }
    },
    /** A loop of {@code indexOf} per phrase over the lower-cased text. */
    INDEX_OF {
        @Override
        public PhraseMatcher create(List<String> phrases) {
            return new IndexOfMatcher(phrases);
        }
    },
    /** The floor: reads every char once, finds nothing. */
    FLOOR {
        @Override
        public PhraseMatcher create(List<String> phrases) {
            return new FloorMatcher();
        }
    };

    /** A new matcher for one thread. */
    public abstract PhraseMatcher create(List<String> phrases);

    /** The peers that report the matches themselves (all but {@link #FLOOR} and {@link #LUCENE_MONITOR_IDS}). */
    public boolean findsMatches() {
        return this != FLOOR && this != LUCENE_MONITOR_IDS;
    }

    static Map<String, Integer> ids(List<String> phrases) {
        Map<String, Integer> ids = new HashMap<>(phrases.size() * 2);
        for (int i = 0; i < phrases.size(); i++) {
            ids.put(phrases.get(i), i);
        }
        return ids;
    }

    static final class EngineMatcher implements PhraseMatcher, Automaton.Sink {
        private final Lexicons.Compiled compiled;
        private final TokenBuffer tokens = new TokenBuffer(4096);
        private final TermResolver.Scratch scratch;
        private final Automaton.Scratch automatonScratch = new Automaton.Scratch();
        private Hits current;

        EngineMatcher(Lexicons.Compiled compiled) {
            this.compiled = compiled;
            this.scratch = compiled.vocabulary().newScratch();
        }

        @Override
        public void find(String text, Hits hits) {
            compiled.tokenizer().tokenize(text, tokens, scratch);
            current = hits;
            compiled.automaton().match(tokens, 0, tokens.size(), automatonScratch, this);
            current = null;
        }

        @Override
        public void match(int payload, int startToken, int endToken) {
            current.add(payload, tokens.start(startToken), tokens.end(endToken - 1));
        }
    }

    static final class RegexMatcher implements PhraseMatcher {
        private final java.util.regex.Pattern pattern;
        private final Map<String, Integer> ids;

        RegexMatcher(List<String> phrases) {
            List<String> sorted = new ArrayList<>(phrases);
            sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
            StringBuilder sb = new StringBuilder("\\b(?:");
            for (int i = 0; i < sorted.size(); i++) {
                if (i > 0) {
                    sb.append('|');
                }
                sb.append(java.util.regex.Pattern.quote(sorted.get(i)));
            }
            sb.append(")\\b");
            pattern = java.util.regex.Pattern.compile(sb.toString(), java.util.regex.Pattern.CASE_INSENSITIVE);
            ids = ids(phrases);
        }

        @Override
        public void find(String text, Hits hits) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                hits.add(ids.get(m.group().toLowerCase(Locale.ROOT)), m.start(), m.end());
            }
        }

        @Override
        public boolean reportsOverlaps() {
            return false;
        }
    }

    static final class MonitorMatcher implements PhraseMatcher {
        private static final String FIELD = "text";
        private final Monitor monitor;
        private final List<String> phrases;
        private final boolean offsets;

        MonitorMatcher(List<String> phrases, boolean offsets) {
            this.phrases = phrases;
            this.offsets = offsets;
            Analyzer analyzer = new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String fieldName) {
                    StandardTokenizer source = new StandardTokenizer();
                    TokenStream sink = new LowerCaseFilter(source);
                    return new TokenStreamComponents(source, sink);
                }
            };
            try {
                monitor = new Monitor(analyzer);
                List<MonitorQuery> queries = new ArrayList<>(phrases.size());
                for (int i = 0; i < phrases.size(); i++) {
                    String[] words = phrases.get(i).split(" ");
                    Query q = words.length == 1 ? new TermQuery(new Term(FIELD, words[0])) : new PhraseQuery(FIELD, words);
                    queries.add(new MonitorQuery(Integer.toString(i), q));
                }
                monitor.register(queries);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void find(String text, Hits hits) {
            Document doc = new Document();
            doc.add(new TextField(FIELD, text, Field.Store.NO));
            try {
                if (!offsets) {
                    MatchingQueries<QueryMatch> m = monitor.match(doc, QueryMatch.SIMPLE_MATCHER);
                    for (QueryMatch q : m.getMatches()) {
                        hits.add(Integer.parseInt(q.getQueryId()), -1, -1);
                    }
                    return;
                }
                MatchingQueries<HighlightsMatch> m = monitor.match(doc, HighlightsMatch.MATCHER);
                for (HighlightsMatch q : m.getMatches()) {
                    int id = Integer.parseInt(q.getQueryId());
                    String phrase = phrases.get(id);
                    for (HighlightsMatch.Hit h : q.getHits(FIELD)) {
                        // Lucene's tokens skip punctuation and whitespace runs: keep only the hits whose
                        // text is the phrase itself, on word boundaries, as for every other peer.
                        if (h.endOffset - h.startOffset == phrase.length()
                                && text.regionMatches(true, h.startOffset, phrase, 0, phrase.length())
                                && PhraseMatcher.onWordBoundaries(text, h.startOffset, h.endOffset)) {
                            hits.add(id, h.startOffset, h.endOffset);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final class AhoCorasickMatcher implements PhraseMatcher {
        private final Trie trie;
        private final Map<String, Integer> ids;

        AhoCorasickMatcher(List<String> phrases) {
            trie = Trie.builder().addKeywords(phrases).build();
            ids = ids(phrases);
        }

        @Override
        public void find(String text, Hits hits) {
            // ASCII notes: lower-casing keeps every offset.
            String lower = text.toLowerCase(Locale.ROOT);
            trie.parseText(lower, emit -> {
                int start = emit.getStart();
                int end = emit.getEnd() + 1;
                if (PhraseMatcher.onWordBoundaries(lower, start, end)) {
                    hits.add(ids.get(emit.getKeyword()), start, end);
                }
                return true;
            });
        }
    }

    static final class IndexOfMatcher implements PhraseMatcher {
        private final String[] phrases;

        IndexOfMatcher(List<String> phrases) {
            this.phrases = phrases.toArray(new String[0]);
        }

        @Override
        public void find(String text, Hits hits) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (int p = 0; p < phrases.length; p++) {
                String phrase = phrases[p];
                int at = lower.indexOf(phrase);
                while (at >= 0) {
                    if (PhraseMatcher.onWordBoundaries(lower, at, at + phrase.length())) {
                        hits.add(p, at, at + phrase.length());
                    }
                    at = lower.indexOf(phrase, at + 1);
                }
            }
        }
    }

    static final class FloorMatcher implements PhraseMatcher {
        /** Written on every call so the JIT cannot drop the loop. */
        long checksum;

        @Override
        public void find(String text, Hits hits) {
            int sum = 0;
            for (int i = 0, n = text.length(); i < n; i++) {
                sum += text.charAt(i);
            }
            checksum += sum;
        }
    }
}
