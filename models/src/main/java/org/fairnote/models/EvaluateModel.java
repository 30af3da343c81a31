package org.fairnote.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fairnote.Assertion;
import org.fairnote.Category;
import org.fairnote.Finding;
import org.fairnote.Screener;
import org.fairnote.Source;
import org.fairnote.spi.AnalyzedText;
import org.fairnote.spi.SpanClassifier;
import org.fairnote.text.SentenceSplitter;
import org.fairnote.text.TokenBuffer;
import org.fairnote.text.Tokenizer;

/**
 * Evaluates lexicons, model and both together on the test split, cross-validates the training
 * parameters on the training split, measures speed, and writes {@code models/EVALUATION.md}.
 *
 * <pre>
 * java -cp ... org.fairnote.models.EvaluateModel --corpus models/corpus [--model model.bin]
 *     [--out models/EVALUATION.md] [--compare] [--no-speed]
 * </pre>
 */
public final class EvaluateModel {

    /**
     * Notes whose id starts with this prefix (default {@code D-}: notes written to add training
     * data) are trained on in every CV fold but never scored, so that CV scores stay comparable with
     * the originally annotated notes; set {@code -Dfairnote.cv.trainOnly=} (empty) to score them too.
     */
    static final String TRAIN_ONLY_PREFIX = System.getProperty("fairnote.cv.trainOnly", "D-");

    static final double[] THRESHOLDS = {0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8};

    /**
     * The precision target of issue 5: combined precision at most this far below lexicon-only
     * precision. The threshold rule ({@link #chosenThreshold}) asks the model's own CV precision to
     * be no further than this below the lexicon's CV precision.
     */
    static final double PRECISION_MARGIN = 0.05;

    /** The three screeners every evaluation compares: lexicons only, the model only, and both. */
    private record Screeners(Screener lexicon, Screener model, Screener combined) {
        static Screeners of(SpanClassifier classifier, double threshold) {
            return new Screeners(LexiconSupport.lexiconsAndContext().build(),
                    LexiconSupport.contextOnly().classifier(classifier).modelThreshold(threshold).build(),
                    LexiconSupport.lexiconsAndContext().classifier(classifier).modelThreshold(threshold).build());
        }
    }

    /** The headline numbers of one evaluation. */
    public record Result(SpanMetrics lexicon, SpanMetrics model, SpanMetrics combined, double cvModelF1,
            double cvCombinedF1, int noKeywordSpans, int testSpans, double noKeywordRecallLexicon,
            double noKeywordRecallCombined, double modelMbPerSecond, String markdown) {
    }

    /**
     * Cross-validation of one configuration: per threshold, per fold, model-only and combined
     * metrics; and per fold the lexicon-only metrics (which do not depend on the model).
     */
    public record CvResult(TrainModel.Params params, Map<Double, List<SpanMetrics>> model,
            Map<Double, List<SpanMetrics>> combined, List<SpanMetrics> lexicon) {

        /** Lexicon-only metrics, pooled over the folds. */
        SpanMetrics pooledLexicon() {
            SpanMetrics s = new SpanMetrics();
            lexicon.forEach(s::addAll);
            return s;
        }

        double lexiconPrecision() {
            return pooledLexicon().precision();
        }

        double meanF1(Map<Double, List<SpanMetrics>> m, double t) {
            return m.get(t).stream().mapToDouble(SpanMetrics::f1).average().orElse(0);
        }

        double sdF1(Map<Double, List<SpanMetrics>> m, double t) {
            double mean = meanF1(m, t);
            return Math.sqrt(m.get(t).stream().mapToDouble(x -> (x.f1() - mean) * (x.f1() - mean)).sum()
                    / Math.max(1, m.get(t).size() - 1));
        }

        SpanMetrics pooled(Map<Double, List<SpanMetrics>> m, double t) {
            SpanMetrics s = new SpanMetrics();
            m.get(t).forEach(s::addAll);
            return s;
        }
    }

    private EvaluateModel() {
    }

    public static void main(String[] args) {
        Path corpus = Path.of("models/corpus");
        Path model = null;
        Path out = Path.of("models/EVALUATION.md");
        boolean compare = false;
        boolean speed = true;
        List<String> cvOnly = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cv" -> cvOnly.add(args[++i]);
                case "--cv-errors", "--cv-errors-combined" -> {
                    boolean comb = args[i].endsWith("combined");
                    cvErrors(corpus, TrainModel.Params.parse(args[++i]), Double.parseDouble(args[++i]), comb);
                    return;
                }
                case "--dev" -> {
                    System.out.print(scoreDev(Path.of(args[++i]), model));
                    return;
                }
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--model" -> model = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--compare" -> compare = true;
                case "--no-speed" -> speed = false;
                default -> {
                    System.err.println("unknown argument " + args[i]);
                    System.err.println("usage: EvaluateModel [--corpus DIR] [--model model.bin] [--out FILE]"
                            + " [--compare] [--no-speed] [--cv PARAMS]... | [--model model.bin] --dev DIR_OR_FILE");
                    System.exit(2);
                }
            }
        }
        if (!cvOnly.isEmpty()) {
            List<Note> notes = Corpus.read(corpus);
            Split split = Split.forCorpus(corpus, notes);
            for (String spec : cvOnly) {
                TrainModel.Params p = TrainModel.Params.parse(spec);
                long t0 = System.nanoTime();
                CvResult cv = crossValidate(notes, split, p);
                System.out.println(cvSummary(cv) + String.format(Locale.ROOT, " [%.0f s]",
                        (System.nanoTime() - t0) / 1e9));
            }
            return;
        }
        Result r = evaluate(corpus, model, out, compare, speed);
        System.out.printf(Locale.ROOT, "test micro F1: lexicon %.3f, model %.3f, combined %.3f; wrote %s%n",
                r.lexicon().f1(), r.model().f1(), r.combined().f1(), out);
    }

    /** Evaluates the shipped model (when {@code model} is null) and writes the report to {@code out}. */
    public static Result evaluate(Path corpusDir, Path model, Path out) {
        return evaluate(corpusDir, model, out, false, true);
    }

    public static Result evaluate(Path corpusDir, Path modelFile, Path out, boolean compare, boolean speed) {
        List<Note> notes = Corpus.read(corpusDir);
        Split split = Split.forCorpus(corpusDir, notes);
        List<Note> test = split.testNotes(notes);
        List<Note> train = split.trainNotes(notes);
        FairnoteModel model = modelFile == null ? FairnoteModel.bundled() : FairnoteModel.load(modelFile);
        double threshold = model.threshold();

        StringBuilder md = new StringBuilder();
        md.append("# Model evaluation\n\n");
        md.append("Generated by `org.fairnote.models.EvaluateModel` (`fairnote eval`); do not edit by hand.\n")
                .append("Rerun (reactor build, nothing installed): `mvn -q -pl models -am package -DskipTests && "
                        + "mvn -q -pl models -am dependency:build-classpath -Dmdep.outputFile=target/cp.txt && "
                        + "java -cp \"$(tr ':' '\\n' < models/target/cp.txt | grep -v fairnote- | paste -sd:)"
                        + ":core/target/classes:lexicons/target/classes:models/target/classes\" "
                        + "org.fairnote.models.EvaluateModel --corpus models/corpus --out models/EVALUATION.md "
                        + "--compare` (about an hour on 2 cores; without `--compare` only the shipped "
                        + "configuration is cross-validated).\n\n");
        md.append("## Setup\n\n");
        md.append(String.format(Locale.ROOT, "- Corpus: %d notes, %d labelled AFFIRMED spans, SHA-256 `%s`.%n",
                notes.size(), notes.stream().mapToInt(n -> n.spans().size()).sum(), Corpus.sha256(corpusDir)));
        md.append(String.format(Locale.ROOT, "- Split (`corpus/split.json`, by note id hash): %d training notes "
                + "(5 CV folds of %s), %d test notes with %d spans. The test split was used only for the "
                + "numbers in *Test split* below.%n", train.size(), split.folds().stream()
                .map(f -> Integer.toString(f.size())).toList(), test.size(),
                test.stream().mapToInt(n -> n.spans().size()).sum()));
        if (!TRAIN_ONLY_PREFIX.isEmpty()) {
            List<Note> added = train.stream().filter(n -> n.id().startsWith(TRAIN_ONLY_PREFIX)).toList();
            if (!added.isEmpty()) {
                md.append(String.format(Locale.ROOT, "- %d training notes (ids `%s…`, %d spans) were written to "
                        + "add training data after the first evaluation; in CV they are trained on in every fold "
                        + "but never scored, so CV scores are over the %d originally annotated training notes.%n",
                        added.size(), TRAIN_ONLY_PREFIX, added.stream().mapToInt(n -> n.spans().size()).sum(),
                        train.size() - added.size()));
            }
        }
        List<String> lex = LexiconSupport.available().stream().map(l -> l.name() + " " + l.version()).toList();
        md.append("- Lexicons present: ").append(lex.isEmpty() ? "none" : String.join(", ", lex));
        List<String> missing = LexiconSupport.missing();
        if (!missing.isEmpty()) {
            md.append("; **missing (still being written): ").append(String.join(", ", missing))
                    .append("** — lexicon-only and combined numbers will change when they land; rerun this report");
        }
        md.append(".\n");
        ModelInfo info = model.info();
        md.append(String.format(Locale.ROOT, "- Model: %s %s, %s %s, trained on %d notes (%d clause events), "
                + "threshold %.2f, lexicon-hit features: %s, corpus `%s`.%n", info.name(), info.version(),
                info.algorithm(), info.parameters(), info.trainingNotes(), info.trainingEvents(), threshold,
                info.lexiconFeatures() ? "yes" : "no", info.corpusSha256().substring(0, 12)));
        md.append("- Matching: span level; a finding is correct when it overlaps a labelled span of the same "
                + "category; a labelled span is found when an overlapping finding of its category exists. "
                + "Only AFFIRMED findings (flags) count; the corpus labels only AFFIRMED spans and holds "
                + "negated, reported, historical and neutral distractors unlabelled.\n")
                .append("- *Lexicon only*: bundled lexicons + context rules + sections. *Model only*: context "
                        + "rules + sections + model (no lexicon entries). *Combined*: both, as "
                        + "`Screener.createDefault()` runs them: a lexicon flag stands where the model gives its "
                        + "category at least " + org.fairnote.Screener.DEFAULT_LEXICON_SUPPORT + " on an overlapping "
                        + "clause, and a model clause merges with the lexicon findings of its category.\n\n");

        // cross-validation
        md.append("## Cross-validation (training split only)\n\n");
        List<TrainModel.Params> configs = new ArrayList<>();
        configs.add(TrainModel.DEFAULT);
        if (compare) {
            configs.addAll(candidates());
        }
        List<CvResult> cvs = new ArrayList<>();
        for (TrainModel.Params p : configs) {
            cvs.add(crossValidate(notes, split, p));
        }
        CvResult main = cvs.get(0);
        md.append("**Read the combined and lexicon-only CV figures as optimistic.** The bundled lexicons were "
                + "generalised from the lexicon's misses on these same training notes (see "
                + "`lexicons/src/test/java/org/fairnote/lexicons/CorpusRecallReport.java`), so on the training "
                + "split they score far above what they do on unseen text, and the combined column and its best "
                + "threshold follow them (there the lexicons already find nearly every span, so the model has "
                + "little to add but false flags, and combined CV F1 favours the highest threshold). So they do "
                + "not choose the threshold.\n\n");
        md.append(String.format(Locale.ROOT, "**Decision rule** (fixed before the final model was trained): the "
                + "model's threshold is the one with the best **model-only** CV F1 (no lexicon involved, so "
                + "unbiased) among the thresholds where the model's pooled CV precision is at least the "
                + "lexicon-only CV precision minus %.0f points (here %.3f − %.2f = **%.3f**). The floor carries "
                + "issue 5's precision target (combined precision at most %.0f points below lexicon only) over "
                + "to the model's own flags: on unseen text what the model adds to the lexicon's flags are its "
                + "keyword-free, harder cases, no more precise than its flags overall, so a model further below "
                + "the lexicon's precision cannot be expected to meet the target. Taking the lexicon's precision "
                + "from CV is sound although it is optimistic: the optimism only raises the floor, making the "
                + "rule stricter (more precision, less recall), never looser. Differences within the fold noise "
                + "(about 0.01 of F1) do not justify a different model, only a different threshold. Rule's "
                + "threshold: **%.2f** (model-only CV F1 %.3f, P %.3f; the best model-only F1 at any threshold "
                + "is %.3f at %.2f); shipped %.2f%s. The test split below, never used for training or for any "
                + "choice, is the estimate.%n%n", 100 * PRECISION_MARGIN, main.lexiconPrecision(),
                PRECISION_MARGIN, precisionFloor(main), 100 * PRECISION_MARGIN, chosenThreshold(main),
                main.meanF1(main.model(), chosenThreshold(main)),
                main.pooled(main.model(), chosenThreshold(main)).precision(),
                main.meanF1(main.model(), bestModelThreshold(main)), bestModelThreshold(main),
                main.params().threshold(), Math.abs(main.params().threshold() - chosenThreshold(main)) > 1e-9
                        ? " (where CV is flat, the threshold and the model's L1 term were chosen on the notes of "
                                + "the train-only batches, each scored by a model trained without it: models/TUNING.md)"
                        : ""));
        if (compare) {
            md.append("Model selection: 5-fold CV on the training notes, micro span F1 (mean ± sd over folds). "
                    + "*Best threshold* is the one with the best combined F1, where the model-only and combined "
                    + "columns are read; *model-only best* is the best model-only F1 at any threshold; *rule* is "
                    + "the decision rule's threshold with its model-only F1 and precision. The first "
                    + "row is the shipped configuration; the others each change one thing, except the previous "
                    + "model (1.0.0) and the other trainers. Differences below about 0.01 are within the noise "
                    + "of the folds and of the optimiser.\n\n");
            md.append("| configuration | best threshold | model-only F1 | model-only best | rule | combined F1 "
                    + "| combined P | combined R |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            for (CvResult cv : cvs) {
                double bt = bestThreshold(cv);
                double bm = bestModelThreshold(cv);
                double ch = chosenThreshold(cv);
                SpanMetrics pc = cv.pooled(cv.combined(), bt);
                md.append(String.format(Locale.ROOT,
                        "| %s | %.2f | %.3f ± %.3f | %.3f (%.2f) | %.2f: %.3f, P %.3f | %.3f ± %.3f | %.3f | %.3f |%n",
                        describe(cv.params()), bt, cv.meanF1(cv.model(), bt), cv.sdF1(cv.model(), bt),
                        cv.meanF1(cv.model(), bm), bm, ch, cv.meanF1(cv.model(), ch),
                        cv.pooled(cv.model(), ch).precision(), cv.meanF1(cv.combined(), bt),
                        cv.sdF1(cv.combined(), bt), pc.precision(), pc.recall()));
            }
            md.append("\n");
        }
        md.append("Shipped configuration (").append(describe(main.params()))
                .append("), by threshold (mean ± sd over the 5 folds; P and R pooled):\n\n");
        md.append("| threshold | model-only F1 | model-only P | model-only R | combined F1 | combined P | combined R |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (double t : THRESHOLDS) {
            SpanMetrics pm = main.pooled(main.model(), t);
            SpanMetrics pc = main.pooled(main.combined(), t);
            md.append(String.format(Locale.ROOT, "| %.2f | %.3f ± %.3f | %.3f | %.3f | %.3f ± %.3f | %.3f | %.3f |%n",
                    t, main.meanF1(main.model(), t), main.sdF1(main.model(), t), pm.precision(), pm.recall(),
                    main.meanF1(main.combined(), t), main.sdF1(main.combined(), t), pc.precision(), pc.recall()));
        }
        double cvModelF1 = main.meanF1(main.model(), nearest(threshold));
        double cvCombinedF1 = main.meanF1(main.combined(), nearest(threshold));
        SpanMetrics cvLex = main.pooledLexicon();
        md.append(String.format(Locale.ROOT, "%nCV-best threshold (combined F1, optimistic): %.2f; decision rule: "
                + "%.2f; the shipped model uses %.2f. Lexicon only in CV (optimistic): P %.3f, R %.3f.%n%n",
                bestThreshold(main), chosenThreshold(main), threshold, cvLex.precision(), cvLex.recall()));
        double nt = nearest(threshold);
        SpanMetrics cvm = main.pooled(main.model(), nt);
        SpanMetrics cvc = main.pooled(main.combined(), nt);
        md.append(String.format(Locale.ROOT, "Shipped configuration by category at threshold %.2f (CV, pooled over "
                + "the folds):%n%n", nt));
        md.append("| category | model P | model R | model F1 | combined P | combined R | combined F1 | spans |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (Category c : Category.values()) {
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %d |%n", c.name(),
                    cvm.precision(c), cvm.recall(c), cvm.f1(c), cvc.precision(c), cvc.recall(c), cvc.f1(c),
                    cvm.gold[c.ordinal()]));
        }
        md.append(String.format(Locale.ROOT, "| **micro** | **%.3f** | **%.3f** | **%.3f** | **%.3f** | **%.3f** | "
                + "**%.3f** | %d |%n%n", cvm.precision(), cvm.recall(), cvm.f1(), cvc.precision(), cvc.recall(),
                cvc.f1(), cvm.goldSpans()));

        // test split
        Screeners screeners = Screeners.of(model, threshold);
        SpanMetrics mLex = new SpanMetrics();
        SpanMetrics mModel = new SpanMetrics();
        SpanMetrics mComb = new SpanMetrics();
        int noKw = 0;
        int noKwLex = 0;
        int noKwModel = 0;
        int noKwComb = 0;
        Map<Category, int[]> noKwByCat = new EnumMap<>(Category.class);
        Map<String, Integer> assertionOfGold = new LinkedHashMap<>();
        for (Assertion a : Assertion.values()) {
            assertionOfGold.put(a.name(), 0);
        }
        assertionOfGold.put("no finding", 0);
        for (Note n : test) {
            List<Finding> lexAll = screeners.lexicon().screen(n.text()).findings();
            List<Finding> lexFlags = flags(lexAll);
            List<Finding> modelFlags = flags(screeners.model().screen(n.text()).findings());
            List<Finding> combAll = screeners.combined().screen(n.text()).findings();
            List<Finding> combFlags = flags(combAll);
            mLex.add(n, lexFlags);
            mModel.add(n, modelFlags);
            mComb.add(n, combFlags);
            for (Note.Span s : n.spans()) {
                Finding best = null;
                for (Finding f : combAll) {
                    if (f.category() == s.category() && s.overlaps(f.start(), f.end())
                            && (best == null || f.isFlag() && !best.isFlag())) {
                        best = f;
                    }
                }
                assertionOfGold.merge(best == null ? "no finding" : best.assertion().name(), 1, Integer::sum);
                boolean keyword = lexAll.stream().anyMatch(f -> s.overlaps(f.start(), f.end()));
                if (keyword) {
                    continue;
                }
                noKw++;
                int[] c = noKwByCat.computeIfAbsent(s.category(), k -> new int[3]);
                c[0]++;
                if (found(s, lexFlags)) {
                    noKwLex++;
                }
                if (found(s, modelFlags)) {
                    noKwModel++;
                }
                if (found(s, combFlags)) {
                    noKwComb++;
                    c[1]++;
                }
            }
        }
        md.append("## Test split\n\n");
        md.append(String.format(Locale.ROOT, "%d test notes, %d labelled spans; model threshold %.2f.%n%n",
                test.size(), mLex.goldSpans(), threshold));
        md.append(threeWayTable(mLex, mModel, mComb)).append('\n');
        md.append(String.format(Locale.ROOT, "Findings (flags): lexicon %d, model %d, combined %d.%n%n",
                mLex.predictions(), mModel.predictions(), mComb.predictions()));
        md.append("Assertion the combined screener gives each labelled (AFFIRMED) test span — the finding of the "
                + "span's category overlapping it, a flag preferred; anything but AFFIRMED is a context-rule "
                + "miss that costs recall:\n\n| assertion | spans |\n|---|---|\n");
        assertionOfGold.forEach((a, k) -> md.append("| ").append(a).append(" | ").append(k).append(" |\n"));
        md.append("\n");

        md.append("## Spans no lexicon covers\n\n");
        md.append("A test span *shares no keyword with the lexicons* when no lexicon finding of any category and "
                + "any assertion overlaps it (so lexicon-only recall on them is 0 by construction).\n\n");
        double share = (double) noKw / Math.max(1, mLex.goldSpans());
        double rLex = (double) noKwLex / Math.max(1, noKw);
        double rModel = (double) noKwModel / Math.max(1, noKw);
        double rComb = (double) noKwComb / Math.max(1, noKw);
        md.append(String.format(Locale.ROOT, "- Share: %d of %d test spans (%.1f%%).%n", noKw, mLex.goldSpans(),
                100 * share));
        md.append(String.format(Locale.ROOT, "- Recall on them: lexicon only %.3f, model only %.3f, combined %.3f "
                + "(**+%.1f points** over lexicon only).%n", rLex, rModel, rComb, 100 * (rComb - rLex)));
        md.append("- Per category (combined recall): ");
        List<String> parts = new ArrayList<>();
        noKwByCat.forEach((c, v) -> parts.add(String.format(Locale.ROOT, "%s %d/%d", c.name(), v[1], v[0])));
        md.append(String.join(", ", parts)).append(".\n\n");

        double mbps = 0;
        if (speed) {
            md.append("## Speed\n\n");
            Speed s = speed(notes, model, screeners.lexicon(), screeners.combined());
            mbps = s.model;
            md.append(String.format(Locale.ROOT, "Single thread, %d synthetic notes of about 2 KB (corpus notes "
                    + "joined), UTF-8 MB (10^6 bytes) per second, after warm-up; %s, %d cores, Java %s.%n%n",
                    s.docs, System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version")));
            md.append("| stage | MB/s |\n|---|---|\n");
            md.append(String.format(Locale.ROOT, "| model stage alone (`FairnoteModel.predict` on tokenised text) "
                    + "| %.1f |%n| lexicon-only screener | %.1f |%n| combined screener (`createDefault()`) | %.1f |%n%n",
                    s.model, s.lexicon, s.combined));
            md.append(String.format(Locale.ROOT, "Model file: %d bytes.%n%n", modelSize(modelFile)));
        }

        md.append("## Targets (issue 5)\n\n");
        double pDrop = mLex.precision() - mComb.precision();
        md.append(String.format(Locale.ROOT, "- Combined micro span F1 ≥ 0.85 on the test split: %.3f — %s.%n",
                mComb.f1(), mComb.f1() >= 0.85 ? "met" : "**missed**"));
        md.append(String.format(Locale.ROOT, "- Model adds ≥ 15 points of recall on no-keyword spans: +%.1f — %s.%n",
                100 * (rComb - rLex), rComb - rLex >= 0.15 ? "met" : "**missed**"));
        md.append(String.format(Locale.ROOT, "- Combined precision at most 5 points below lexicon only: %.3f vs "
                + "%.3f (%+.1f points) — %s.%n", mComb.precision(), mLex.precision(), -100 * pDrop,
                pDrop <= 0.05 ? "met" : "**missed**"));
        if (speed) {
            md.append(String.format(Locale.ROOT, "- Model stage ≥ 20 MB/s per thread on 2 KB notes: %.1f — %s.%n",
                    mbps, mbps >= 20 ? "met" : "**missed**"));
        }
        md.append("- Reproducible training: `mvn -pl models -am package -Ptrain-model` and `fairnote train` "
                + "rebuild the shipped model byte for byte from the corpus (checked by ReproducibleTrainingTest; "
                + "training tokenises without lexicon vocabulary, so lexicon edits do not change it).\n");
        md.append(String.format(Locale.ROOT, "- CV (training split) at the shipped threshold: model-only F1 %.3f, "
                + "combined F1 %.3f.%n", cvModelF1, cvCombinedF1));
        String text = md.toString();
        if (out != null) {
            try {
                Files.writeString(out, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Result(mLex, mModel, mComb, cvModelF1, cvCombinedF1, noKw, mLex.goldSpans(), rLex, rComb, mbps,
                text);
    }

    /** Per category and micro: lexicon only, model only and combined precision, recall and F1. */
    static String threeWayTable(SpanMetrics mLex, SpanMetrics mModel, SpanMetrics mComb) {
        StringBuilder md = new StringBuilder();
        md.append("| category | lexicon P | lexicon R | lexicon F1 | model P | model R | model F1 | combined P "
                + "| combined R | combined F1 | spans |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Category c : Category.values()) {
            md.append(String.format(Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %d |%n", c.name(),
                    mLex.precision(c), mLex.recall(c), mLex.f1(c), mModel.precision(c), mModel.recall(c),
                    mModel.f1(c), mComb.precision(c), mComb.recall(c), mComb.f1(c), mLex.gold[c.ordinal()]));
        }
        md.append(String.format(Locale.ROOT,
                "| **micro** | **%.3f** | **%.3f** | **%.3f** | **%.3f** | **%.3f** | **%.3f** | **%.3f** | "
                + "**%.3f** | **%.3f** | %d |%n", mLex.precision(), mLex.recall(), mLex.f1(), mModel.precision(),
                mModel.recall(), mModel.f1(), mComb.precision(), mComb.recall(), mComb.f1(), mLex.goldSpans()));
        return md.toString();
    }

    /**
     * Scores the shipped model (or {@code modelFile}) with the lexicons on held-out notes that were
     * never trained or tuned on, such as {@code models/dev}: a check of how the system generalises
     * to notes written apart from the training corpus. Prints a markdown table.
     */
    static String scoreDev(Path dev, Path modelFile) {
        List<Note> notes = Corpus.read(dev);
        FairnoteModel model = modelFile == null ? FairnoteModel.bundled() : FairnoteModel.load(modelFile);
        double threshold = model.threshold();
        Screeners screeners = Screeners.of(model, threshold);
        SpanMetrics mLex = new SpanMetrics();
        SpanMetrics mModel = new SpanMetrics();
        SpanMetrics mComb = new SpanMetrics();
        for (Note n : notes) {
            mLex.add(n, flags(screeners.lexicon().screen(n.text()).findings()));
            mModel.add(n, flags(screeners.model().screen(n.text()).findings()));
            mComb.add(n, flags(screeners.combined().screen(n.text()).findings()));
        }
        return String.format(Locale.ROOT, "%d held-out notes (%s), %d labelled spans; %s %s at threshold %.2f.%n%n",
                notes.size(), dev, mLex.goldSpans(), model.name(), model.info().version(), threshold)
                + threeWayTable(mLex, mModel, mComb);
    }

    private static long modelSize(Path modelFile) {
        if (modelFile != null) {
            try {
                return Files.size(modelFile);
            } catch (IOException e) {
                return -1;
            }
        }
        try (var in = FairnoteModel.class.getResourceAsStream(FairnoteModel.RESOURCE)) {
            return in == null ? -1 : in.readAllBytes().length;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The configurations compared with the shipped one (each differs from it in one respect, except
     * the previous model and the other trainers).
     */
    static List<TrainModel.Params> candidates() {
        TrainModel.Params d = TrainModel.DEFAULT;
        String f = d.features().substring("w,b,".length());
        return List.of(
                d.withFeatures("p5,sent").withL2(0.1).withCutoff(2).withThreshold(0.5), // model 1.0.0
                d.withFeatures(f.replace("p5,", "")),
                d.withFeatures(f.replace("stem,", "")),
                d.withFeatures(f.replace("negr", "neg")),
                d.withFeatures(f.replace("negr,", "")),
                d.withFeatures(f.replace("pos,", "")),
                d.withFeatures(f.replace(",sent", "")),
                d.withFeatures(f + ",tri"),
                d.withFeatures(f + ",nb"),
                d.withFeatures(f + ",qx"),
                d.withFeatures(f + ",head"),
                d.withFeatures(f + ",prev"),
                d.withFeatures(f + ",sb"),
                d.withFeatures(f + ",chr"),
                d.withL2(0.01), d.withL2(0.1), d.withL2(0.3), d.withCutoff(2), d.withL1(0),
                d.withPrune(0.05),
                d.withOneVsRest(true),
                d.withMultiLabel(true),
                d.withLexiconFeatures(true),
                d.withAlgorithm("MAXENT").withIterations(200),
                d.withAlgorithm("PERCEPTRON"),
                d.withAlgorithm("NAIVEBAYES").withIterations(1),
                d.withAlgorithm("NAMEFINDER").withL2(0.1));
    }

    /** One line: configuration, best threshold, model-only and combined CV F1 there, and per threshold. */
    static String cvSummary(CvResult cv) {
        double bt = bestThreshold(cv);
        double bm = bestModelThreshold(cv);
        double ch = chosenThreshold(cv);
        SpanMetrics chm = cv.pooled(cv.model(), ch);
        SpanMetrics chc = cv.pooled(cv.combined(), ch);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%s | rule (model-only P >= %.3f): %.2f, model-only F1 %.3f P %.3f R %.3f, combined F1 %.3f P %.3f "
                + "R %.3f | ", describe(cv.params()), precisionFloor(cv), ch, cv.meanF1(cv.model(), ch), chm.precision(),
                chm.recall(), cv.meanF1(cv.combined(), ch), chc.precision(), chc.recall()));
        sb.append(String.format(Locale.ROOT,
                "model-only best %.3f@%.2f | combined %.3f ± %.3f @%.2f (P %.3f R %.3f) | model-only there %.3f |",
                cv.meanF1(cv.model(), bm), bm, cv.meanF1(cv.combined(), bt),
                cv.sdF1(cv.combined(), bt), bt, cv.pooled(cv.combined(), bt).precision(),
                cv.pooled(cv.combined(), bt).recall(), cv.meanF1(cv.model(), bt)));
        for (double t : THRESHOLDS) {
            sb.append(String.format(Locale.ROOT, " %.2f:%.3f/%.3f", t, cv.meanF1(cv.model(), t),
                    cv.meanF1(cv.combined(), t)));
        }
        return sb.toString();
    }

    /**
     * The decision rule for the shipped threshold: the best model-only CV F1 (mean over folds) among
     * the thresholds whose pooled model-only CV precision is at least the lexicon-only CV precision
     * minus {@link #PRECISION_MARGIN}; when no threshold reaches that floor, the most precise one.
     */
    static double chosenThreshold(CvResult cv) {
        double floor = precisionFloor(cv);
        double best = Double.NaN;
        double mostPrecise = THRESHOLDS[0];
        for (double t : THRESHOLDS) {
            double p = cv.pooled(cv.model(), t).precision();
            if (p > cv.pooled(cv.model(), mostPrecise).precision()) {
                mostPrecise = t;
            }
            if (p >= floor && (Double.isNaN(best) || cv.meanF1(cv.model(), t) > cv.meanF1(cv.model(), best) + 1e-9)) {
                best = t;
            }
        }
        return Double.isNaN(best) ? mostPrecise : best;
    }

    /** Lexicon-only CV precision minus {@link #PRECISION_MARGIN}: the model-only precision floor. */
    static double precisionFloor(CvResult cv) {
        return cv.lexiconPrecision() - PRECISION_MARGIN;
    }

    static double bestModelThreshold(CvResult cv) {
        double best = THRESHOLDS[0];
        for (double t : THRESHOLDS) {
            if (cv.meanF1(cv.model(), t) > cv.meanF1(cv.model(), best) + 1e-9) {
                best = t;
            }
        }
        return best;
    }

    static String describe(TrainModel.Params p) {
        String s = switch (p.algorithm()) {
            case "MAXENT_QN" -> p.l1() > 0
                    ? String.format(Locale.ROOT, "maxent L-BFGS, L1 %s, L2 %s", num(p.l1()), num(p.l2()))
                    : String.format(Locale.ROOT, "maxent L-BFGS, L2 %s", num(p.l2()));
            case "MAXENT" -> "maxent GIS, " + p.iterations() + " iterations";
            case "PERCEPTRON" -> "perceptron, " + p.iterations() + " iterations";
            case "NAIVEBAYES" -> "naive Bayes";
            case "NAMEFINDER" -> String.format(Locale.ROOT,
                    "span tagger (OpenNLP name finder, BIO, its default features), maxent L-BFGS, L2 %s", num(p.l2()));
            default -> p.algorithm();
        };
        if (p.oneVsRest()) {
            s += ", one-vs-rest";
        }
        if (p.multiLabel()) {
            s += ", second category too";
        }
        if (p.prune() > 0) {
            s += ", features moving no weight by " + num(p.prune()) + " or more pruned";
        }
        s += ", cutoff " + p.cutoff();
        if (!"NAMEFINDER".equals(p.algorithm())) {
            s += ", features `" + p.features() + "`";
        }
        if (p.lexiconFeatures()) {
            s += ", + lexicon-hit features";
        }
        return s;
    }

    private static String num(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    static double nearest(double t) {
        double best = THRESHOLDS[0];
        for (double x : THRESHOLDS) {
            if (Math.abs(x - t) < Math.abs(best - t)) {
                best = x;
            }
        }
        return best;
    }

    static double bestThreshold(CvResult cv) {
        double best = THRESHOLDS[0];
        for (double t : THRESHOLDS) {
            if (cv.meanF1(cv.combined(), t) > cv.meanF1(cv.combined(), best) + 1e-9) {
                best = t;
            }
        }
        return best;
    }

    /** 5-fold CV on the training notes: model-only and combined flags at each threshold. */
    public static CvResult crossValidate(List<Note> notes, Split split, TrainModel.Params params) {
        Map<Double, List<SpanMetrics>> model = new LinkedHashMap<>();
        Map<Double, List<SpanMetrics>> combined = new LinkedHashMap<>();
        List<SpanMetrics> lexicon = new ArrayList<>();
        for (double t : THRESHOLDS) {
            model.put(t, new ArrayList<>());
            combined.put(t, new ArrayList<>());
        }
        int threads = Math.max(1, Math.min(Split.FOLDS, Integer.getInteger("fairnote.cv.threads",
                Math.min(2, Runtime.getRuntime().availableProcessors()))));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<SpanMetrics[][]>> folds = new ArrayList<>();
            for (int f = 0; f < Split.FOLDS; f++) {
                int fold = f;
                folds.add(pool.submit(() -> cvFold(notes, split, params, fold)));
            }
            for (java.util.concurrent.Future<SpanMetrics[][]> fut : folds) {
                SpanMetrics[][] r = fut.get();
                for (int i = 0; i < THRESHOLDS.length; i++) {
                    model.get(THRESHOLDS[i]).add(r[0][i]);
                    combined.get(THRESHOLDS[i]).add(r[1][i]);
                }
                lexicon.add(r[2][0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cross-validation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        return new CvResult(params, model, combined, lexicon);
    }

    /** Prints the model-only misses and false flags of 5-fold CV on the training split (error analysis). */
    static void cvErrors(Path corpusDir, TrainModel.Params params, double threshold, boolean combined) {
        List<Note> notes = Corpus.read(corpusDir);
        Split split = Split.forCorpus(corpusDir, notes);
        for (int f = 0; f < Split.FOLDS; f++) {
            FairnoteModel m = TrainModel.train(split.outsideFold(notes, f), params, "cv");
            Screener mo = (combined ? LexiconSupport.lexiconsAndContext() : LexiconSupport.contextOnly())
                    .classifier(m).modelThreshold(FairnoteModel.FLOOR).build();
            for (Note n : split.fold(notes, f)) {
                List<Finding> all = mo.screen(n.text()).findings();
                List<Finding> fl = flags(all).stream()
                        .filter(x -> x.source() == Source.LEXICON || x.confidence() >= threshold).toList();
                for (Note.Span s : n.spans()) {
                    if (!found(s, fl)) {
                        String why = all.stream().filter(x -> s.overlaps(x.start(), x.end()))
                                .map(x -> String.format(Locale.ROOT, "%s/%s/%s %.2f", x.source(), x.category(),
                                        x.assertion(), x.confidence())).toList().toString();
                        System.out.printf(Locale.ROOT, "MISS %s %s: %s  %s%n", n.id(), s.category(),
                                n.textOf(s).replace('\n', ' '), why);
                    }
                }
                for (Finding x : fl) {
                    boolean ok = n.spans().stream().anyMatch(s -> s.category() == x.category()
                            && s.overlaps(x.start(), x.end()));
                    if (!ok) {
                        String gold = n.spans().stream().filter(s -> s.overlaps(x.start(), x.end()))
                                .map(s -> s.category().name()).toList().toString();
                        System.out.printf(Locale.ROOT, "FALSE %s %s %s %.2f: %s  gold %s%n", n.id(), x.source(),
                                x.category(), x.confidence(), x.text().replace('\n', ' '), gold);
                    }
                }
            }
        }
    }

    private static SpanMetrics[][] cvFold(List<Note> notes, Split split, TrainModel.Params params, int f) {
        String trainOnly = TRAIN_ONLY_PREFIX.isEmpty() ? null : TRAIN_ONLY_PREFIX;
        List<Note> training = new ArrayList<>(split.outsideFold(notes, f));
        List<Note> evaluated = new ArrayList<>();
        for (Note n : split.fold(notes, f)) {
            if (trainOnly != null && n.id().startsWith(trainOnly)) {
                training.add(n);
            } else {
                evaluated.add(n);
            }
        }
        SpanClassifier m = "NAMEFINDER".equals(params.algorithm())
                ? SpanTagger.train(training, params.withAlgorithm("MAXENT_QN"))
                : TrainModel.train(training, params, "cv");
        Screeners screeners = Screeners.of(m, FairnoteModel.FLOOR);
        SpanMetrics[][] r = new SpanMetrics[3][THRESHOLDS.length];
        for (int i = 0; i < THRESHOLDS.length; i++) {
            r[0][i] = new SpanMetrics();
            r[1][i] = new SpanMetrics();
        }
        r[2][0] = new SpanMetrics();
        for (Note n : evaluated) {
            List<Finding> mf = flags(screeners.model().screen(n.text()).findings());
            List<Finding> cf = flags(screeners.combined().screen(n.text()).findings());
            r[2][0].add(n, flags(screeners.lexicon().screen(n.text()).findings()));
            for (int i = 0; i < THRESHOLDS.length; i++) {
                double t = THRESHOLDS[i];
                r[0][i].add(n, mf.stream().filter(x -> x.confidence() >= t).toList());
                r[1][i].add(n, cf.stream().filter(x -> x.source() == Source.LEXICON || x.confidence() >= t).toList());
            }
        }
        return r;
    }

    private static List<Finding> flags(List<Finding> all) {
        return all.stream().filter(Finding::isFlag).toList();
    }

    private static boolean found(Note.Span s, List<Finding> flags) {
        for (Finding f : flags) {
            if (f.category() == s.category() && s.overlaps(f.start(), f.end())) {
                return true;
            }
        }
        return false;
    }

    record Speed(int docs, double model, double lexicon, double combined) {
    }

    /** Notes of about 2 KB: corpus notes joined with blank lines. */
    static List<String> twoKbNotes(List<Note> notes) {
        List<String> docs = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (Note n : notes) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(n.text());
            if (sb.length() >= 2048) {
                docs.add(sb.toString());
                sb.setLength(0);
            }
        }
        return docs;
    }

    static Speed speed(List<Note> notes, FairnoteModel model, Screener lexOnly, Screener combined) {
        List<String> docs = twoKbNotes(notes);
        long bytes = docs.stream().mapToLong(d -> d.getBytes(StandardCharsets.UTF_8).length).sum();
        Tokenizer tokenizer = Tokenizer.plain();
        SentenceSplitter splitter = new SentenceSplitter();
        List<AnalyzedText> analyzed = new ArrayList<>();
        for (String d : docs) {
            TokenBuffer t = tokenizer.tokenize(d);
            analyzed.add(new AnalyzedText(d, t, splitter.split(d, t)));
        }
        double m = rate(bytes, () -> {
            long n = 0;
            for (AnalyzedText a : analyzed) {
                n += model.predict(a).size();
            }
            return n;
        });
        double l = rate(bytes, () -> {
            long n = 0;
            for (String d : docs) {
                n += lexOnly.screen(d).findings().size();
            }
            return n;
        });
        double c = rate(bytes, () -> {
            long n = 0;
            for (String d : docs) {
                n += combined.screen(d).findings().size();
            }
            return n;
        });
        return new Speed(docs.size(), m, l, c);
    }

    /** MB/s of a pass over {@code bytes}: warm up for 2 s, then the best of 5 timed passes of at least 0.5 s. */
    static double rate(long bytes, java.util.function.LongSupplier pass) {
        long sink = 0;
        long until = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < until) {
            sink += pass.getAsLong();
        }
        double best = 0;
        for (int r = 0; r < 5; r++) {
            long start = System.nanoTime();
            int passes = 0;
            long elapsed;
            do {
                sink += pass.getAsLong();
                passes++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < 500_000_000L);
            best = Math.max(best, bytes * (double) passes / elapsed * 1e3);
        }
        if (sink == 42) {
            System.out.print("");
        }
        return best;
    }
}
