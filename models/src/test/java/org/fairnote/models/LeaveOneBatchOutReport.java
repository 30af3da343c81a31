package org.fairnote.models;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fairnote.Finding;
import org.fairnote.Screener;

/**
 * Leave one batch out: for each named train-only batch ({@code models/corpus/notes-X.jsonl}), a
 * model is trained on every other training note with the shipped parameters and scores that batch;
 * lexicon only, model only and the combined screener, per batch and pooled, at several thresholds.
 * The batches were written independently of the lexicons, so unlike CV this is a fair yardstick
 * for lexicon, context-rule and combination choices (models/TUNING.md, late evening). Never reads a
 * test note. A report, not a test; run from the repository root (about 40 s a batch):
 * {@code java -cp <test classpath> org.fairnote.models.LeaveOneBatchOutReport m n o p q r s}. Arguments
 * of the form {@code key=value} ({@link TrainModel.Params#parse}, e.g. {@code l1=0} for L2 alone) change
 * the training parameters; {@code -Dlobo.cache=DIR} keeps the leave-out models for the next run.
 */
public final class LeaveOneBatchOutReport {
    private static final double[] THRESHOLDS = {0.40, 0.45, 0.50, 0.55, 0.60};

    private LeaveOneBatchOutReport() {
    }

    public static void main(String[] args) {
        StringBuilder spec = new StringBuilder();
        List<String> batches = new ArrayList<>();
        for (String a : args) {
            if (a.contains("=")) {
                spec.append(a).append(' ');
            } else {
                batches.add(a);
            }
        }
        TrainModel.Params params = TrainModel.Params.parse(spec.toString());
        System.out.println("training with " + EvaluateModel.describe(params));
        Path corpus = Path.of("models/corpus");
        List<Note> all = Corpus.read(corpus);
        List<Note> train = Split.forCorpus(corpus, all).trainNotes(all);
        Screener lexicon = LexiconSupport.lexiconsAndContext().build();
        SpanMetrics lexPooled = new SpanMetrics();
        SpanMetrics[] modelPooled = new SpanMetrics[THRESHOLDS.length];
        SpanMetrics[] combinedPooled = new SpanMetrics[THRESHOLDS.length];
        for (int t = 0; t < THRESHOLDS.length; t++) {
            modelPooled[t] = new SpanMetrics();
            combinedPooled[t] = new SpanMetrics();
        }
        for (String b : batches) {
            Set<String> ids = new HashSet<>();
            Corpus.read(corpus.resolve("notes-" + b + ".jsonl")).forEach(n -> ids.add(n.id()));
            List<Note> rest = new ArrayList<>();
            List<Note> held = new ArrayList<>();
            for (Note n : train) {
                (ids.contains(n.id()) ? held : rest).add(n);
            }
            if (held.isEmpty()) {
                throw new IllegalArgumentException("no training note of batch " + b);
            }
            FairnoteModel model = trainOrCached(rest, params, b);
            SpanMetrics lex = new SpanMetrics();
            held.forEach(n -> lex.add(n, lexicon.screen(n.text()).flags()));
            lexPooled.addAll(lex);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "notes-%s (%d notes, trained on %d): lexicon %.3f", b, held.size(), rest.size(), lex.f1()));
            for (int t = 0; t < THRESHOLDS.length; t++) {
                Screener m = LexiconSupport.contextOnly().classifier(model).modelThreshold(THRESHOLDS[t]).build();
                Screener c = LexiconSupport.lexiconsAndContext().classifier(model).modelThreshold(THRESHOLDS[t]).build();
                SpanMetrics ms = new SpanMetrics();
                SpanMetrics cs = new SpanMetrics();
                for (Note n : held) {
                    ms.add(n, flags(m, n));
                    cs.add(n, flags(c, n));
                }
                modelPooled[t].addAll(ms);
                combinedPooled[t].addAll(cs);
                line.append(String.format(Locale.ROOT, " | %.2f: model %.3f combined %.3f", THRESHOLDS[t], ms.f1(), cs.f1()));
            }
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "pooled lexicon only P %.3f R %.3f F1 %.3f%n", lexPooled.precision(),
                lexPooled.recall(), lexPooled.f1());
        for (int t = 0; t < THRESHOLDS.length; t++) {
            System.out.printf(Locale.ROOT, "pooled at %.2f: model only P %.3f R %.3f F1 %.3f | combined P %.3f R %.3f F1 %.3f%n",
                    THRESHOLDS[t], modelPooled[t].precision(), modelPooled[t].recall(), modelPooled[t].f1(),
                    combinedPooled[t].precision(), combinedPooled[t].recall(), combinedPooled[t].f1());
        }
    }

    /**
     * Trains the leave-out model, or with {@code -Dlobo.cache=DIR} loads the one trained earlier on
     * the same notes with the same parameters, so that screening changes can be compared quickly.
     */
    private static FairnoteModel trainOrCached(List<Note> notes, TrainModel.Params params, String batch) {
        String dir = System.getProperty("lobo.cache");
        if (dir == null) {
            return TrainModel.train(notes, params, "leave-out-" + batch);
        }
        Hasher h = Hashing.sha256().newHasher().putString(params.toString(), StandardCharsets.UTF_8);
        notes.forEach(n -> h.putString(n.id(), StandardCharsets.UTF_8).putString(n.text(), StandardCharsets.UTF_8)
                .putString(n.spans().toString(), StandardCharsets.UTF_8));
        Path file = Path.of(dir, "leave-out-" + batch + "-" + h.hash().toString().substring(0, 16) + ".bin");
        if (Files.exists(file)) {
            return FairnoteModel.load(file);
        }
        FairnoteModel model = TrainModel.train(notes, params, "leave-out-" + batch);
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        model.write(file);
        return model;
    }

    private static List<Finding> flags(Screener s, Note n) {
        return s.screen(n.text()).flags();
    }
}
