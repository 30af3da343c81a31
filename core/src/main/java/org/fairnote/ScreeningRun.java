package org.fairnote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.fairnote.context.AssertionResolver;
import org.fairnote.context.TriggerMatches;
import org.fairnote.lexicon.LexiconEntry;
import org.fairnote.match.Automaton;
import org.fairnote.spi.AnalyzedText;
import org.fairnote.spi.SpanClassifier;
import org.fairnote.text.TermResolver;
import org.fairnote.text.TokenBuffer;

/**
 * One call of {@link Screener#screen}: tokenise, split sentences, match, apply sections and context,
 * add model predictions, merge. Holds the per-call buffers; never shared between threads.
 */
final class ScreeningRun implements Automaton.Sink {
    private static final int MAX_HEADING_TOKENS = 12;

    private static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::start)
            .thenComparingInt(Finding::end).thenComparing(Finding::category).thenComparing(Finding::ruleId);

    /**
     * Above this many tokens, or eight times as many chars of text or terms, a call's buffers are
     * not kept for the thread's next call.
     */
    private static final int RETAINED_TOKEN_LIMIT = 1 << 16;

    /**
     * The buffers one thread reuses from call to call, so that screening a note allocates little
     * more than its findings. Held per screener in a {@link ThreadLocal}; never shared.
     */
    static final class Workspace {
        final TokenBuffer tokens = new TokenBuffer(2048);
        final TriggerMatches triggers = new TriggerMatches();
        final Automaton.Scratch scratch = new Automaton.Scratch();
        final TermResolver.Scratch termScratch;
        final int[] cueSeenIn;
        int[] entryMatches = new int[24];
        /** Sentence stamps of earlier calls are all below this. */
        int stampBase;
        boolean inUse;

        Workspace(Screener screener) {
            this.termScratch = screener.vocabulary.newScratch();
            this.cueSeenIn = new int[screener.cueCount];
        }

        boolean worthKeeping() {
            return tokens.capacity() <= RETAINED_TOKEN_LIMIT && tokens.charCapacity() <= 8 * RETAINED_TOKEN_LIMIT;
        }
    }

    private final Screener screener;
    private final CharSequence text;
    private final Workspace workspace;
    private final TokenBuffer tokens;
    private final TriggerMatches triggers;
    /** Entry matches of the current sentence: entry index, start token, end token. */
    private int[] entryMatches;
    private int entryMatchCount;
    /** Entry matches of the current sentence that an {@code unless} cue suppressed: category, start, end token. */
    private final List<int[]> suppressed = new ArrayList<>(0);
    /** Per cue id, the stamp of the sentence it last matched in. */
    private final int[] cueSeenIn;
    private int sentenceStamp;
    /** Section matches of the current sentence. */
    private int sectionMatch = -1;
    private int sectionMatchEnd;
    /** When lexicon flags need the model's support: every prediction for this text, whatever its probability, by start. */
    private List<SpanClassifier.Prediction> allPredictions = List.of();
    /** The longest of {@link #allPredictions}, in chars. */
    private int longestPrediction;
    /** When explaining: the rule that set each finding's assertion. */
    private java.util.IdentityHashMap<Finding, String> assertionRules;

    ScreeningRun(Screener screener, CharSequence text, Workspace workspace) {
        this.screener = screener;
        this.text = text;
        this.workspace = workspace;
        this.tokens = workspace.tokens;
        this.triggers = workspace.triggers;
        this.entryMatches = workspace.entryMatches;
        this.cueSeenIn = workspace.cueSeenIn;
    }

    @Override
    public void match(int payload, int start, int end) {
        int index = screener.payloadIndex[payload];
        switch (screener.payloadKind[payload]) {
            case Screener.KIND_ENTRY -> {
                if (entryMatchCount * 3 == entryMatches.length) {
                    entryMatches = Arrays.copyOf(entryMatches, entryMatches.length * 2);
                    workspace.entryMatches = entryMatches;
                }
                entryMatches[entryMatchCount * 3] = index;
                entryMatches[entryMatchCount * 3 + 1] = start;
                entryMatches[entryMatchCount * 3 + 2] = end;
                entryMatchCount++;
            }
            case Screener.KIND_CUE -> cueSeenIn[index] = sentenceStamp;
            case Screener.KIND_TRIGGER -> triggers.add(index, start, end);
            case Screener.KIND_SECTION -> {
                if (sectionMatch < 0 || end > sectionMatchEnd) {
                    sectionMatch = index;
                    sectionMatchEnd = end;
                }
            }
            default -> throw new IllegalStateException("unknown payload kind");
        }
    }

    List<Finding> run(boolean merge) {
        if (text.length() == 0) {
            return List.of();
        }
        screener.tokenizer.tokenize(text, tokens, workspace.termScratch);
        int[] sentences = screener.splitter.split(text, tokens);
        int sentenceCount = sentences.length - 1;
        List<SpanClassifier.Prediction>[] predictions = predictionsBySentence(sentences);
        Automaton.Scratch scratch = workspace.scratch;
        if (workspace.stampBase > Integer.MAX_VALUE - sentenceCount - 1) {
            Arrays.fill(cueSeenIn, 0);
            workspace.stampBase = 0;
        }
        int stampBase = workspace.stampBase;
        workspace.stampBase += sentenceCount + 1;
        List<Finding> out = new ArrayList<>();
        int section = -1;
        int previousFrom = 0; // the findings of the sentence before are out[previousFrom, previousTo)
        int previousTo = 0;
        for (int k = 0; k < sentenceCount; k++) {
            int from = sentences[k];
            int to = sentences[k + 1];
            triggers.clear();
            suppressed.clear();
            entryMatchCount = 0;
            sectionMatch = -1;
            sentenceStamp = stampBase + k + 1;
            screener.entryAutomaton.matchIfAnyByTable(tokens, from, to, scratch, this);
            if (startsLine(from)) {
                screener.sectionAutomaton.match(tokens, from, to, scratch, this);
                if (isHeading(from, to)) {
                    section = sectionMatch >= 0 && headingMatchIsWholeTitle(from, to) ? sectionMatch : -1;
                }
            }
            boolean previousFlagged = hasFlag(out, previousFrom, previousTo);
            boolean hasTargets = entryMatchCount > 0 || predictions != null && predictions[k] != null;
            if (!hasTargets && !previousFlagged) {
                previousFrom = out.size();
                previousTo = out.size();
                continue;
            }
            if (hasTargets) {
                screener.contextAutomaton.matchByTable(tokens, from, to, to, scratch, this);
            } else {
                // Only the sentence before is reassessed: only triggers opening this sentence count.
                screener.contextAutomaton.matchByTable(tokens, from, to,
                        from + screener.resolver.previousSentenceScope(), scratch, this);
            }
            screener.resolver.prune(triggers);
            if (previousFlagged) {
                reassessPreviousSentence(from, out, previousFrom, previousTo);
            }
            previousFrom = out.size();
            addEntryFindings(section, out);
            if (predictions != null && predictions[k] != null) {
                addModelFindings(predictions[k], from, to, section, out);
            }
            previousTo = out.size();
        }
        if (screener.lexiconSupport > 0) { // never with no classifier
            out.removeIf(this::lacksModelSupport);
        }
        out.sort(ORDER);
        return merge ? merge(out) : out;
    }

    private static boolean hasFlag(List<Finding> out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (out.get(i).isFlag()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A sentence that opens with a trigger for the sentence before ("This stopped in 2022.",
     * "That plan has since been withdrawn.") changes that sentence's flags to its assertion.
     */
    private void reassessPreviousSentence(int sentenceStart, List<Finding> out, int from, int to) {
        for (int i = from; i < to; i++) {
            Finding f = out.get(i);
            if (!f.isFlag()) {
                continue;
            }
            AssertionResolver.Decision d = screener.resolver.forPreviousSentence(triggers, sentenceStart, f.category());
            if (d != null) {
                Finding changed = new Finding(f.start(), f.end(), f.text(), f.category(), d.assertion(), f.severity(),
                        f.confidence(), f.ruleId(), f.source(), f.explanation(), f.suggestion());
                out.set(i, changed);
                if (assertionRules != null) {
                    assertionRules.remove(f);
                    assertionRules.put(changed, d.ruleId());
                }
            }
        }
    }

    private boolean startsLine(int from) {
        return from == 0 || tokens.has(from, TokenBuffer.NEWLINE_BEFORE);
    }

    /** A line that starts with a heading: a short line, or a line with a colon near its start. */
    private boolean isHeading(int from, int to) {
        int limit = Math.min(to, from + MAX_HEADING_TOKENS);
        for (int i = from + 1; i < limit; i++) {
            if (tokens.isPunct(i, ':')) {
                return true;
            }
        }
        if (sectionMatch >= 0) {
            // a known heading alone on its line: "History", "Risk management"
            return headingMatchIsWholeTitle(from, to);
        }
        return false;
    }

    /** The section match is followed by a colon, by a dash, or by nothing but punctuation on its line. */
    private boolean headingMatchIsWholeTitle(int from, int to) {
        int e = sectionMatchEnd;
        if (e >= to) {
            return true;
        }
        if (tokens.isPunct(e, ':') || tokens.isPunct(e, '-')) {
            return true;
        }
        // "Previous plan (no longer in use):"
        for (int i = e; i < Math.min(to, from + MAX_HEADING_TOKENS); i++) {
            if (tokens.isPunct(i, ':')) {
                return true;
            }
        }
        for (int i = e; i < to; i++) {
            if (!tokens.has(i, TokenBuffer.PUNCT)) {
                return false;
            }
        }
        return true;
    }

    private void addEntryFindings(int section, List<Finding> out) {
        consumeTriggersInEntryWording();
        for (int m = 0; m < entryMatchCount; m++) {
            int entryIndex = entryMatches[m * 3];
            int s = entryMatches[m * 3 + 1];
            int e = entryMatches[m * 3 + 2];
            if (!candidate(m)) {
                continue;
            }
            LexiconEntry entry = screener.entries.get(entryIndex);
            if (unlessFires(entryIndex)) {
                // The lexicon says this wording is not a flag here; the model must not flag it either.
                suppressed.add(new int[] {entry.category().ordinal(), s, e});
                continue;
            }
            AssertionResolver.Decision d = screener.resolver.resolve(triggers, s, e, entry.category(),
                    sectionDecision(section, entry.category()),
                    (from, to, assertion) -> ownWording(entryIndex, from, to));
            int cs = tokens.start(s);
            int ce = tokens.end(e - 1);
            record(out, new Finding(cs, ce, text.subSequence(cs, ce).toString(), entry.category(), d.assertion(),
                    entry.severity(), 1.0, entry.id(), Source.LEXICON, entry.explanation(), entry.suggestion()), d);
        }
    }

    /**
     * A trigger inside a lexicon match that is its own wording belongs to that match: "not" in
     * "do not convey to ED" or in the first of "not for admission, not for HTT" governs no other
     * target in the sentence (see {@link AssertionResolver#consumeOwnWording}). Matches that the
     * entry's cues keep from being findings consume nothing.
     */
    private void consumeTriggersInEntryWording() {
        for (int m = 0; m < entryMatchCount; m++) {
            int entryIndex = entryMatches[m * 3];
            if (candidate(m) && !unlessFires(entryIndex)) {
                screener.resolver.consumeOwnWording(triggers, entryMatches[m * 3 + 1], entryMatches[m * 3 + 2],
                        (from, to, assertion) -> ownWording(entryIndex, from, to));
            }
        }
    }

    /** Entry match {@code m} is the longest of its entry's overlapping matches, and its required cues hold. */
    private boolean candidate(int m) {
        int entryIndex = entryMatches[m * 3];
        return longestOfItsEntry(m, entryIndex, entryMatches[m * 3 + 1], entryMatches[m * 3 + 2])
                && requiresHold(entryIndex);
    }

    /**
     * Is the trigger on tokens {@code [from, to)} part of the entry's own wording: does one of its
     * words appear in the entry's patterns ("has stopped" in "only once she has stopped cutting")?
     * A trigger made only of gap fillers is not.
     */
    private boolean ownWording(int entryIndex, int from, int to) {
        for (int t = from; t < to; t++) {
            if (tokens.has(t, TokenBuffer.WORD)
                    && (contains(screener.entryTermIds[entryIndex], tokens.termId(t))
                    || contains(screener.entryStemIds[entryIndex], tokens.stemId(t))
                    || contains(screener.entryExactIds[entryIndex], tokens.caseId(t)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int[] sorted, int id) {
        return id >= 0 && Arrays.binarySearch(sorted, id) >= 0;
    }

    private void record(List<Finding> out, Finding f, AssertionResolver.Decision d) {
        out.add(f);
        if (assertionRules != null) {
            assertionRules.put(f, d.ruleId());
        }
    }

    /** Unmerged findings, each with the rule that set its assertion. */
    List<Explanation> explain() {
        assertionRules = new java.util.IdentityHashMap<>();
        List<Finding> findings = run(false);
        List<Explanation> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(new Explanation(f, assertionRules.get(f)));
        }
        return out;
    }

    private AssertionResolver.Decision sectionDecision(int section, Category category) {
        return section >= 0 && screener.sections.get(section).appliesTo(category)
                ? screener.sectionDecisions[section] : null;
    }

    /** Of overlapping matches of one entry, keep the longest (then the leftmost). */
    private boolean longestOfItsEntry(int m, int entryIndex, int s, int e) {
        for (int o = 0; o < entryMatchCount; o++) {
            if (o == m || entryMatches[o * 3] != entryIndex) {
                continue;
            }
            int os = entryMatches[o * 3 + 1];
            int oe = entryMatches[o * 3 + 2];
            if (os < e && s < oe) {
                int len = e - s;
                int olen = oe - os;
                if (olen > len || olen == len && (os < s || os == s && o < m)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean unlessFires(int entryIndex) {
        for (int cue : screener.unlessCues[entryIndex]) {
            if (cueSeenIn[cue] == sentenceStamp) {
                return true;
            }
        }
        return false;
    }

    private boolean requiresHold(int entryIndex) {
        int[] requires = screener.requiresCues[entryIndex];
        if (requires.length == 0) {
            return true;
        }
        for (int cue : requires) {
            if (cueSeenIn[cue] == sentenceStamp) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private List<SpanClassifier.Prediction>[] predictionsBySentence(int[] sentences) {
        SpanClassifier classifier = screener.classifier;
        if (classifier == null || tokens.size() == 0) {
            return null;
        }
        List<SpanClassifier.Prediction> all = classifier.predict(new AnalyzedText(text, tokens, sentences));
        if (screener.lexiconSupport > 0 && !all.isEmpty()) {
            allPredictions = new ArrayList<>(all);
            allPredictions.sort(Comparator.comparingInt(SpanClassifier.Prediction::start));
            for (SpanClassifier.Prediction p : all) {
                longestPrediction = Math.max(longestPrediction, p.end() - p.start());
            }
        }
        if (all.isEmpty()) {
            return null;
        }
        List<SpanClassifier.Prediction>[] bySentence = new List[sentences.length - 1];
        for (SpanClassifier.Prediction p : all) {
            if (p.confidence() < screener.modelThreshold || p.start() < 0 || p.end() > text.length()
                    || p.end() <= p.start()) {
                continue;
            }
            int k = sentenceOf(sentences, p.start());
            if (k < 0) {
                continue;
            }
            if (bySentence[k] == null) {
                bySentence[k] = new ArrayList<>();
            }
            bySentence[k].add(p);
        }
        return bySentence;
    }

    private int sentenceOf(int[] sentences, int charOffset) {
        for (int k = 0; k + 1 < sentences.length; k++) {
            int last = sentences[k + 1] - 1;
            if (last >= sentences[k] && charOffset < tokens.end(last)) {
                return k;
            }
        }
        return -1;
    }

    private void addModelFindings(List<SpanClassifier.Prediction> predictions, int from, int to,
            int section, List<Finding> out) {
        for (SpanClassifier.Prediction p : predictions) {
            int s = from;
            while (s < to && tokens.end(s) <= p.start()) {
                s++;
            }
            int e = s;
            while (e < to && tokens.start(e) < p.end()) {
                e++;
            }
            if (e <= s || isSuppressed(p.category(), s, e)) {
                continue;
            }
            // A model span is a clause: a reporting, hypothetical or historical trigger inside it
            // governs it ("her sister worries she will be seen as ..."); a negation inside it is
            // usually the instruction itself ("no need to bring him in").
            AssertionResolver.Decision d = screener.resolver.resolve(triggers, s, e, p.category(),
                    sectionDecision(section, p.category()),
                    (first, last, assertion) -> assertion == Assertion.NEGATED);
            String explanation = "A trained model found wording that reads as " + describe(p.category())
                    + " (probability " + twoDecimals(p.confidence()) + ").";
            record(out, new Finding(p.start(), p.end(), text.subSequence(p.start(), p.end()).toString(), p.category(),
                    d.assertion(), Severity.MEDIUM, p.confidence(), p.label(), Source.MODEL, explanation,
                    "Describe what happened and what the person needs, in neutral terms."), d);
        }
    }

    /**
     * {@code String.format(Locale.ROOT, "%.2f", x)}, which builds a {@code Formatter} and its
     * locale's symbols on every call: with the model, that was 8 % of a screening.
     */
    static String twoDecimals(double x) {
        return java.math.BigDecimal.valueOf(x).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private boolean isSuppressed(Category category, int s, int e) {
        for (int[] span : suppressed) {
            if (span[0] == category.ordinal() && span[1] < e && s < span[2]) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Category c) {
        return switch (c) {
            case POLICE_IN_CARE -> "police involvement in planned care";
            case SANCTION_OR_THREAT -> "a sanction or threat";
            case CARE_WITHHOLDING -> "withholding care as a management strategy";
            case STIGMATISING_LANGUAGE -> "stigmatising language about the person";
            case CREDIBILITY_DOUBT -> "doubt cast on the person's account";
        };
    }

    /**
     * Merges overlapping findings of one category into one span; the lexicon finding, else the
     * longest, supplies rule, assertion, explanation and suggestion; severity and confidence are the
     * highest of the group. A model clause around a lexicon match of its category so becomes one
     * finding that reads as the lexicon does and covers the clause: a sentence often carries a
     * second practice beside the one an entry names ("PC Gill will attend her CPA and will phone
     * her weekly"), which dropping the clause lost. Model clauses beside lexicon findings of other
     * categories stay apart, since a clause may carry two categories (models/TUNING.md).
     */
    static List<Finding> merge(List<Finding> sorted) {
        List<Finding> out = new ArrayList<>(sorted.size());
        boolean[] used = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            if (used[i]) {
                continue;
            }
            Finding primary = sorted.get(i);
            int start = primary.start();
            int end = primary.end();
            Severity severity = primary.severity();
            double confidence = primary.confidence();
            for (int j = i + 1; j < sorted.size() && sorted.get(j).start() < end; j++) {
                Finding f = sorted.get(j);
                if (used[j] || f.category() != primary.category()) {
                    continue;
                }
                used[j] = true;
                end = Math.max(end, f.end());
                if (f.severity().compareTo(severity) > 0) {
                    severity = f.severity();
                }
                confidence = Math.max(confidence, f.confidence());
                if (betterPrimary(f, primary)) {
                    primary = f;
                }
            }
            if (start == primary.start() && end == primary.end() && severity == primary.severity()
                    && confidence == primary.confidence()) {
                out.add(primary);
            } else {
                String merged = sorted.get(i).text();
                String span = end - start == merged.length() ? merged : null;
                out.add(new Finding(start, end, span != null ? span : spanText(sorted, i, start, end, primary),
                        primary.category(), primary.assertion(), severity, confidence, primary.ruleId(),
                        primary.source(), primary.explanation(), primary.suggestion()));
            }
        }
        return out;
    }

    /**
     * A lexicon flag the classifier does not support: no prediction of its category with at least
     * {@link Screener#lexiconSupport} overlaps it. Lexicon matches that are not flags stay, for the
     * reader who asks for them.
     */
    private boolean lacksModelSupport(Finding f) {
        if (f.source() != Source.LEXICON || !f.isFlag()) {
            return false;
        }
        // predictions by start: only those starting after f.start() - longestPrediction can overlap f
        int lo = 0;
        int hi = allPredictions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (allPredictions.get(mid).start() < f.start() - longestPrediction) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < allPredictions.size() && allPredictions.get(i).start() < f.end(); i++) {
            SpanClassifier.Prediction p = allPredictions.get(i);
            if (p.category() == f.category() && f.start() < p.end() && p.confidence() >= screener.lexiconSupport) {
                return false;
            }
        }
        return true;
    }

    private static String spanText(List<Finding> sorted, int i, int start, int end, Finding primary) {
        // Rebuild the merged text from the pieces: overlapping spans cover [start, end) without gaps.
        char[] chars = new char[end - start];
        boolean[] filled = new boolean[end - start];
        for (int j = i; j < sorted.size() && sorted.get(j).start() < end; j++) {
            Finding f = sorted.get(j);
            if (f.category() != primary.category() || f.end() <= start) {
                continue;
            }
            for (int c = Math.max(start, f.start()); c < Math.min(end, f.end()); c++) {
                chars[c - start] = f.text().charAt(c - f.start());
                filled[c - start] = true;
            }
        }
        for (boolean b : filled) {
            if (!b) {
                throw new IllegalStateException("merged span has a hole");
            }
        }
        return new String(chars);
    }

    private static boolean betterPrimary(Finding candidate, Finding current) {
        if (candidate.source() != current.source()) {
            return candidate.source() == Source.LEXICON;
        }
        if (candidate.assertion() != current.assertion()) {
            // a flag is what the reader must see
            return candidate.assertion() == Assertion.AFFIRMED;
        }
        return candidate.length() > current.length();
    }
}
