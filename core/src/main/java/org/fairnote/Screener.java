package org.fairnote;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import org.fairnote.context.AssertionResolver;
import org.fairnote.context.ContextRule;
import org.fairnote.context.SectionRule;
import org.fairnote.lexicon.Lexicon;
import org.fairnote.lexicon.LexiconEntry;
import org.fairnote.lexicon.LexiconException;
import org.fairnote.match.Automaton;
import org.fairnote.match.Pattern;
import org.fairnote.match.PatternItem;
import org.fairnote.match.PatternParser;
import org.fairnote.match.Vocabulary;
import org.fairnote.spi.ScreenerDefaults;
import org.fairnote.spi.SpanClassifier;
import org.fairnote.text.SentenceSplitter;
import org.fairnote.text.Tokenizer;

/**
 * Screens note text for coercive, punitive and stigmatising language.
 *
 * <p>Built once with {@link #builder()} (or {@link #createDefault()}), then immutable and
 * thread-safe: every pattern, context trigger and section heading is compiled into automata at
 * build time, and {@link #screen(CharSequence)} allocates only its result and small buffers.
 *
 * <pre>{@code
 * Screener screener = Screener.createDefault();
 * Screening result = screener.screen("Do not convey to ED. She is attention-seeking.");
 * for (Finding f : result.flags()) {
 *     System.out.println(f.category() + " " + f.text() + ": " + f.suggestion());
 * }
 * }</pre>
 */
public final class Screener {

    /** Version of the engine itself, reported in every screening. */
    public static final String ENGINE_VERSION = "0.1.0";

    static final int KIND_ENTRY = 0;
    static final int KIND_CUE = 1;
    static final int KIND_TRIGGER = 2;
    static final int KIND_SECTION = 3;

    final Tokenizer tokenizer;
    final Vocabulary vocabulary;
    /** Lexicon entries' patterns: run on every sentence. */
    final Automaton entryAutomaton;
    /** Requires/unless cues and context triggers: run only on sentences with something to judge. */
    final Automaton contextAutomaton;
    /** Section headings: run only on sentences that start a line. */
    final Automaton sectionAutomaton;
    final SentenceSplitter splitter = new SentenceSplitter();
    /** Per payload: kind and index. */
    final int[] payloadKind;
    final int[] payloadIndex;
    final List<LexiconEntry> entries;
    /** Per entry: cue ids of its requires and unless patterns. */
    final int[][] requiresCues;
    final int[][] unlessCues;
    /** Per entry: the term, stem and case-sensitive ids of its patterns' words, sorted. */
    final int[][] entryTermIds;
    final int[][] entryStemIds;
    final int[][] entryExactIds;
    final int cueCount;
    final AssertionResolver resolver;
    /** Per-thread reusable buffers: the screener itself stays immutable and shareable. */
    private final ThreadLocal<ScreeningRun.Workspace> workspaces =
            ThreadLocal.withInitial(() -> new ScreeningRun.Workspace(this));
    final List<SectionRule> sections;
    final AssertionResolver.Decision[] sectionDecisions;
    final SpanClassifier classifier;
    final double modelThreshold;
    final double lexiconSupport;
    final Map<String, String> versions;

    private Screener(Builder b) {
        Map<String, LexiconEntry> byId = new LinkedHashMap<>();
        for (Lexicon lexicon : b.lexicons) {
            for (LexiconEntry e : lexicon.entries()) {
                LexiconEntry previous = byId.putIfAbsent(e.id(), e);
                if (previous != null) {
                    throw new LexiconException(e.origin(), e.id(),
                            "duplicate entry id; first defined at " + previous.origin());
                }
            }
        }
        for (String id : b.disabled) {
            if (!byId.containsKey(id)) {
                throw new IllegalArgumentException("cannot disable unknown lexicon entry '" + id + "'");
            }
            byId.remove(id);
        }
        this.entries = ImmutableList.copyOf(byId.values());

        Vocabulary.Builder vb = new Vocabulary.Builder();
        Automaton.Builder entryBuilder = new Automaton.Builder(vb);
        Automaton.Builder contextBuilder = new Automaton.Builder(vb);
        Automaton.Builder sectionBuilder = new Automaton.Builder(vb);
        List<int[]> payloads = new ArrayList<>();
        Map<String, Integer> cueIds = new HashMap<>();
        requiresCues = new int[entries.size()][];
        unlessCues = new int[entries.size()][];
        entryTermIds = new int[entries.size()][];
        entryStemIds = new int[entries.size()][];
        entryExactIds = new int[entries.size()][];
        for (int i = 0; i < entries.size(); i++) {
            LexiconEntry e = entries.get(i);
            if (e.patterns().isEmpty()) {
                throw new LexiconException(e.origin(), e.id(), "has no patterns");
            }
            int payload = payloads.size();
            payloads.add(new int[] {KIND_ENTRY, i});
            java.util.TreeSet<Integer> terms = new java.util.TreeSet<>();
            java.util.TreeSet<Integer> stems = new java.util.TreeSet<>();
            java.util.TreeSet<Integer> exacts = new java.util.TreeSet<>();
            for (String p : e.patterns()) {
                Pattern parsed = parse(p, e.origin(), e.id(), false, true);
                entryBuilder.add(parsed, payload);
                collectWordIds(parsed.body(), vb, terms, stems, exacts);
            }
            entryTermIds[i] = terms.stream().mapToInt(Integer::intValue).toArray();
            entryStemIds[i] = stems.stream().mapToInt(Integer::intValue).toArray();
            entryExactIds[i] = exacts.stream().mapToInt(Integer::intValue).toArray();
            requiresCues[i] = cues(e.requires(), e, cueIds, payloads, contextBuilder);
            unlessCues[i] = cues(e.unless(), e, cueIds, payloads, contextBuilder);
        }
        this.cueCount = cueIds.size();

        Set<String> ruleIds = new HashSet<>();
        for (int i = 0; i < b.contextRules.size(); i++) {
            ContextRule r = b.contextRules.get(i);
            if (!ruleIds.add(r.id())) {
                throw new LexiconException(r.origin(), r.id(), "duplicate context rule id");
            }
            int payload = payloads.size();
            payloads.add(new int[] {KIND_TRIGGER, i});
            contextBuilder.add(parse(r.pattern(), r.origin(), r.id(), false, false), payload);
        }
        this.resolver = new AssertionResolver(b.contextRules);

        this.sections = ImmutableList.copyOf(b.sectionRules);
        this.sectionDecisions = new AssertionResolver.Decision[sections.size()];
        for (int i = 0; i < sections.size(); i++) {
            SectionRule s = sections.get(i);
            if (!ruleIds.add(s.id())) {
                throw new LexiconException(s.origin(), s.id(), "duplicate rule id");
            }
            sectionDecisions[i] = new AssertionResolver.Decision(s.assertion(), s.id());
            int payload = payloads.size();
            payloads.add(new int[] {KIND_SECTION, i});
            sectionBuilder.add(parse(s.pattern(), s.origin(), s.id(), true, true), payload);
        }

        this.entryAutomaton = entryBuilder.build();
        this.contextAutomaton = contextBuilder.build();
        this.sectionAutomaton = sectionBuilder.build();
        this.vocabulary = vb.build();
        this.tokenizer = new Tokenizer(vocabulary);
        this.payloadKind = payloads.stream().mapToInt(p -> p[0]).toArray();
        this.payloadIndex = payloads.stream().mapToInt(p -> p[1]).toArray();
        this.classifier = b.classifier;
        this.modelThreshold = b.modelThreshold != null ? b.modelThreshold
                : classifier != null ? classifier.threshold() : 0.5;
        this.lexiconSupport = classifier == null ? 0 : b.lexiconSupport;

        Map<String, String> v = new LinkedHashMap<>();
        v.put("fairnote", ENGINE_VERSION);
        for (Lexicon lexicon : b.lexicons) {
            v.put(lexicon.name(), lexicon.version());
        }
        v.putAll(b.versions);
        if (classifier != null) {
            v.put(classifier.name(), classifier.version());
        }
        this.versions = ImmutableMap.copyOf(v);
    }

    private static int[] cues(List<String> patterns, LexiconEntry e, Map<String, Integer> cueIds,
            List<int[]> payloads, Automaton.Builder ab) {
        int[] ids = new int[patterns.size()];
        for (int k = 0; k < patterns.size(); k++) {
            String p = patterns.get(k);
            Integer id = cueIds.get(p);
            if (id == null) {
                id = cueIds.size();
                cueIds.put(p, id);
                int payload = payloads.size();
                payloads.add(new int[] {KIND_CUE, id});
                ab.add(parse(p, e.origin(), e.id(), false, true), payload);
            }
            ids[k] = id;
        }
        return ids;
    }

    /** The vocabulary ids of every word a pattern can match literally (not through a gap or class). */
    private static void collectWordIds(PatternItem item, Vocabulary.Builder vb, Set<Integer> terms,
            Set<Integer> stems, Set<Integer> exacts) {
        if (item instanceof PatternItem.Word w) {
            if (w.inflected()) {
                stems.add(vb.inflected(w.term()));
            } else {
                terms.add(vb.word(w.term()));
            }
        } else if (item instanceof PatternItem.Exact x) {
            exacts.add(vb.exact(x.surface()));
        } else if (item instanceof PatternItem.Sequence seq) {
            for (PatternItem child : seq.items()) {
                collectWordIds(child, vb, terms, stems, exacts);
            }
        } else if (item instanceof PatternItem.Choice c) {
            for (PatternItem.Sequence option : c.options()) {
                collectWordIds(option, vb, terms, stems, exacts);
            }
        } else if (item instanceof PatternItem.Optional o) {
            collectWordIds(o.body(), vb, terms, stems, exacts);
        }
    }

    private static Pattern parse(String source, org.fairnote.lexicon.Origin origin, String id, boolean anchor,
            boolean requireWord) {
        try {
            Pattern p = PatternParser.parse(source, requireWord);
            return anchor && !p.anchored() ? new Pattern(p.source(), true, p.body()) : p;
        } catch (IllegalArgumentException ex) {
            throw new LexiconException(origin, id, ex.getMessage(), ex);
        }
    }

    /** A builder with nothing loaded. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The screener with the bundled default lexicons, context rules, sections and (when the models
     * module is on the class path) the bundled model.
     *
     * @throws IllegalStateException when no module with defaults (fairnote-lexicons) is on the class path
     */
    public static Screener createDefault() {
        return builder().withDefaults().build();
    }

    /**
     * Screens one text. Every finding is returned with its assertion; {@link Screening#flags()}
     * keeps the affirmed ones. Overlapping findings of one category are merged.
     *
     * @throws NullPointerException when text is null
     */
    public Screening screen(CharSequence text) {
        Objects.requireNonNull(text, "text to screen must not be null");
        return new Screening(run(text, true), versions, text.length());
    }

    /**
     * Like {@link #screen} but without merging: one finding per matching entry or prediction, each
     * with its own rule id. For explanations, debugging and lexicon example tests.
     */
    public Screening screenUnmerged(CharSequence text) {
        Objects.requireNonNull(text, "text to screen must not be null");
        return new Screening(run(text, false), versions, text.length());
    }

    /**
     * Explains a screening: every unmerged finding with the context rule or section that set its
     * assertion (Presidio-style decision trace), for debugging lexicons and for people who ask why.
     */
    public List<Explanation> explain(CharSequence text) {
        Objects.requireNonNull(text, "text to explain must not be null");
        ScreeningRun.Workspace workspace = new ScreeningRun.Workspace(this);
        return new ScreeningRun(this, text, workspace).explain();
    }

    private List<Finding> run(CharSequence text, boolean merge) {
        ScreeningRun.Workspace workspace = workspaces.get();
        if (workspace.inUse) {
            // Re-entered from this thread (a classifier that screens): use fresh buffers.
            return new ScreeningRun(this, text, new ScreeningRun.Workspace(this)).run(merge);
        }
        workspace.inUse = true;
        try {
            return new ScreeningRun(this, text, workspace).run(merge);
        } finally {
            workspace.inUse = false;
            if (!workspace.worthKeeping()) {
                workspaces.remove();
            }
        }
    }

    /** The lexicon entries in use (after disabling). */
    public List<LexiconEntry> entries() {
        return entries;
    }

    /** The context rules in use. */
    public List<ContextRule> contextRules() {
        return resolver.rules();
    }

    /** The section rules in use. */
    public List<SectionRule> sectionRules() {
        return sections;
    }

    /** Names of the lexicons, rules and model in use, mapped to their versions. */
    public Map<String, String> versions() {
        return versions;
    }

    /** See {@link Builder#lexiconSupport}. */
    public static final double DEFAULT_LEXICON_SUPPORT = 0.2;

    /** Collects lexicons, rules and a model, then compiles them once in {@link #build()}. */
    public static final class Builder {
        private final List<Lexicon> lexicons = new ArrayList<>();
        private final Set<String> disabled = new LinkedHashSet<>();
        private final List<ContextRule> contextRules = new ArrayList<>();
        private final List<SectionRule> sectionRules = new ArrayList<>();
        private final Map<String, String> versions = new LinkedHashMap<>();
        private SpanClassifier classifier;
        private Double modelThreshold;
        private double lexiconSupport = DEFAULT_LEXICON_SUPPORT;
        private boolean defaultsApplied;

        private Builder() {
        }

        public Builder addLexicon(Lexicon lexicon) {
            lexicons.add(Objects.requireNonNull(lexicon, "lexicon"));
            return this;
        }

        public Builder addLexicons(Collection<Lexicon> more) {
            more.forEach(this::addLexicon);
            return this;
        }

        /** Leaves out the entries with these ids; an unknown id fails the build. */
        public Builder disable(String... entryIds) {
            for (String id : entryIds) {
                disabled.add(Objects.requireNonNull(id, "entry id"));
            }
            return this;
        }

        public Builder disable(Collection<String> entryIds) {
            return disable(entryIds.toArray(new String[0]));
        }

        public Builder addContextRules(Collection<ContextRule> rules) {
            contextRules.addAll(rules);
            return this;
        }

        public Builder addSectionRules(Collection<SectionRule> rules) {
            sectionRules.addAll(rules);
            return this;
        }

        /** Records a version to report, e.g. of a context-rule file. */
        public Builder version(String name, String version) {
            versions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(version, "version"));
            return this;
        }

        public Builder classifier(SpanClassifier model) {
            if (classifier != null && model != null) {
                throw new IllegalStateException("a classifier was already set: " + classifier.name());
            }
            this.classifier = model;
            return this;
        }

        /** Model predictions below this probability are dropped; default: the classifier's own {@link SpanClassifier#threshold()}. */
        public Builder modelThreshold(double threshold) {
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("model threshold must be in 0..1, was " + threshold);
            }
            this.modelThreshold = threshold;
            return this;
        }

        /**
         * With a classifier, a lexicon flag stands only where the classifier gives its category at
         * least this probability on a clause overlapping it; 0 keeps every lexicon flag. Default
         * {@value Screener#DEFAULT_LEXICON_SUPPORT}. On notes written apart from the lexicons, most lexicon
         * false flags sat in clauses the model read as neutral (models/TUNING.md).
         */
        public Builder lexiconSupport(double minProbability) {
            if (!(minProbability >= 0 && minProbability <= 1)) {
                throw new IllegalArgumentException("lexicon support must be in 0..1, was " + minProbability);
            }
            this.lexiconSupport = minProbability;
            return this;
        }

        /** Adds the defaults of every module on the class path (see {@link ScreenerDefaults}). */
        public Builder withDefaults() {
            if (defaultsApplied) {
                throw new IllegalStateException("defaults were already added");
            }
            List<ScreenerDefaults> found = new ArrayList<>();
            ServiceLoader.load(ScreenerDefaults.class, Screener.class.getClassLoader()).forEach(found::add);
            if (found.isEmpty()) {
                throw new IllegalStateException(
                        "no default lexicons on the class path: add the org.fairnote:fairnote-lexicons module");
            }
            found.sort(Comparator.comparingInt(ScreenerDefaults::order));
            for (ScreenerDefaults d : found) {
                d.apply(this);
            }
            defaultsApplied = true;
            return this;
        }

        public Screener build() {
            return new Screener(this);
        }
    }
}
