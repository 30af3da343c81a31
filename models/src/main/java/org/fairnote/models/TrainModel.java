package org.fairnote.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.fairnote.Category;
import org.fairnote.Finding;
import org.fairnote.Screener;
import org.fairnote.spi.AnalyzedText;
import org.fairnote.spi.SpanClassifier;
import org.fairnote.text.TokenBuffer;

/**
 * Trains the clause classifier with OpenNLP. Deterministic: the events are produced in corpus
 * order, the trainer is single-threaded with fixed parameters, and the model file holds no time
 * stamp, so the same corpus and lexicons give the same bytes.
 *
 * <pre>
 * java -cp ... org.fairnote.models.TrainModel --corpus models/corpus --out model.bin [--include-test]
 * </pre>
 */
public final class TrainModel {

    /** Model name reported by the screener. */
    public static final String MODEL_NAME = "fairnote-model";
    /** Model version; bump when features, labels or parameters change. */
    public static final String MODEL_VERSION = "1.0.0";

    /**
     * Training parameters.
     *
     * @param algorithm       OpenNLP trainer: MAXENT_QN (L2-regularised), MAXENT (GIS), PERCEPTRON, NAIVEBAYES
     * @param l2              L2 cost for MAXENT_QN
     * @param iterations      iterations (GIS, perceptron) or maximum function evaluations (QN)
     * @param cutoff          features seen fewer times are dropped
     * @param lexiconFeatures add lexicon-hit features
     * @param threshold       reporting threshold stored with the model
     */
    public record Params(String algorithm, double l2, int iterations, int cutoff, boolean lexiconFeatures,
            double threshold) {

        public Params withAlgorithm(String a) {
            return new Params(a, l2, iterations, cutoff, lexiconFeatures, threshold);
        }

        public Params withL2(double v) {
            return new Params(algorithm, v, iterations, cutoff, lexiconFeatures, threshold);
        }

        public Params withCutoff(int v) {
            return new Params(algorithm, l2, iterations, v, lexiconFeatures, threshold);
        }

        public Params withLexiconFeatures(boolean v) {
            return new Params(algorithm, l2, iterations, cutoff, v, threshold);
        }

        public Params withThreshold(double v) {
            return new Params(algorithm, l2, iterations, cutoff, lexiconFeatures, v);
        }

        TrainingParameters openNlp() {
            TrainingParameters p = new TrainingParameters();
            p.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
            p.put(TrainingParameters.CUTOFF_PARAM, cutoff);
            p.put(TrainingParameters.THREADS_PARAM, 1);
            if ("MAXENT_QN".equals(algorithm)) {
                p.put("L1Cost", 0.0);
                p.put("L2Cost", l2);
                p.put("MaxFctEval", iterations);
            } else {
                p.put(TrainingParameters.ITERATIONS_PARAM, iterations);
            }
            p.put("PrintMessages", false);
            return p;
        }

        Map<String, String> asMap() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("Algorithm", algorithm);
            m.put("Cutoff", Integer.toString(cutoff));
            m.put("Threads", "1");
            if ("MAXENT_QN".equals(algorithm)) {
                m.put("L1Cost", "0.0");
                m.put("L2Cost", Double.toString(l2));
                m.put("MaxFctEval", Integer.toString(iterations));
            } else {
                m.put("Iterations", Integer.toString(iterations));
            }
            return m;
        }
    }

    /** The parameters of the shipped model (chosen in cross-validation, see EVALUATION.md). */
    public static final Params DEFAULT = new Params("MAXENT_QN", 0.1, 3000, 2, false, 0.5);

    private TrainModel() {
    }

    public static void main(String[] args) {
        Path corpus = null;
        Path out = null;
        boolean includeTest = false;
        Path copyTo = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(value(args, ++i, "--corpus"));
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--include-test" -> includeTest = true;
                case "--copy-to" -> copyTo = Path.of(value(args, ++i, "--copy-to"));
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (corpus == null || out == null) {
            usage("--corpus and --out are required");
        }
        ModelInfo info = train(corpus, out, includeTest);
        if (copyTo != null) {
            try {
                Files.createDirectories(copyTo);
                Files.copy(out, copyTo.resolve(out.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Path json = infoFile(out);
                Files.copy(json, copyTo.resolve(json.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.out.println("wrote " + out + " (" + info.trainingNotes() + " notes, " + info.trainingEvents()
                + " clause events, corpus " + info.corpusSha256().substring(0, 12) + ")");
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            usage(name + " needs a value");
        }
        return args[i];
    }

    private static void usage(String message) {
        System.err.println(message);
        System.err.println("usage: TrainModel --corpus DIR --out model.bin [--include-test] [--copy-to DIR]");
        System.exit(2);
    }

    /** Trains on the training split of the corpus in {@code corpusDir} and writes the model (and its .json). */
    public static ModelInfo train(Path corpusDir, Path out) {
        return train(corpusDir, out, false);
    }

    /**
     * Trains on the corpus and writes {@code out} plus {@code out} with extension {@code .json}
     * (the metadata).
     *
     * @param includeTest also train on the test split (for a model trained on a trust's own notes;
     *                    its test scores are then meaningless)
     */
    public static ModelInfo train(Path corpusDir, Path out, boolean includeTest) {
        List<Note> notes = Corpus.read(corpusDir);
        List<Note> train = includeTest ? notes : Split.forCorpus(corpusDir, notes).trainNotes(notes);
        FairnoteModel model = train(train, DEFAULT, Corpus.sha256(corpusDir));
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            model.write(out);
            Files.writeString(infoFile(out), model.info().toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return model.info();
    }

    /** The metadata file written beside a model: {@code X.bin} → {@code X.json}. */
    public static Path infoFile(Path model) {
        String name = model.getFileName().toString();
        String base = name.endsWith(".bin") ? name.substring(0, name.length() - 4) : name;
        return model.resolveSibling(base + ".json");
    }

    /** Trains a model on these notes. */
    public static FairnoteModel train(List<Note> notes, Params params, String corpusSha256) {
        List<Event> events = events(notes, params.lexiconFeatures());
        MaxentModel m = fit(events, params);
        if (!(m instanceof AbstractModel am)) {
            throw new IllegalStateException("unexpected model class " + m.getClass());
        }
        List<String> lexicons = params.lexiconFeatures()
                ? LexiconSupport.available().stream().map(l -> l.name() + ":" + l.version()).toList() : List.of();
        ModelInfo info = new ModelInfo(MODEL_NAME, MODEL_VERSION, FairnoteModel.FORMAT_VERSION, Features.VERSION,
                corpusSha256, notes.size(), events.size(), params.algorithm(), params.asMap(), params.threshold(),
                params.lexiconFeatures(), lexicons, "fairnote-models " + MODEL_VERSION + ", opennlp-tools "
                + openNlpVersion());
        return new FairnoteModel(info, am);
    }

    static String openNlpVersion() {
        String v = opennlp.tools.util.Version.currentVersion().toString();
        return v == null ? "unknown" : v;
    }

    static MaxentModel fit(List<Event> events, Params params) {
        try {
            EventTrainer trainer = TrainerFactory.getEventTrainer(params.openNlp(), null);
            return trainer.train(ObjectStreamUtils.createObjectStream(events));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The training events (one per labelled clause) of these notes, in order. */
    public static List<Event> events(List<Note> notes, boolean lexiconFeatures) {
        EventCollector collector = new EventCollector(lexiconFeatures);
        Screener screener = LexiconSupport.lexiconsAndContext().classifier(collector).build();
        Screener lexicons = lexiconFeatures ? LexiconSupport.lexiconsAndContext().build() : null;
        for (Note n : notes) {
            collector.note = n;
            collector.lexHits = lexicons == null ? null : hits(lexicons, n.text());
            screener.screen(n.text());
        }
        return collector.events;
    }

    static int[] hits(Screener lexicons, String text) {
        List<Finding> found = lexicons.screenUnmerged(text).findings();
        int[] lex = new int[found.size() * 3];
        for (int i = 0; i < found.size(); i++) {
            Finding f = found.get(i);
            lex[i * 3] = f.start();
            lex[i * 3 + 1] = f.end();
            lex[i * 3 + 2] = f.category().ordinal();
        }
        return lex;
    }

    /**
     * The gold label of a clause: the category of a labelled span covering at least half of the
     * clause or at least half of the span; {@link FairnoteModel#OUTSIDE} when no span touches it;
     * null (left out of training) when a span touches it only a little.
     */
    static String label(Note note, int cs, int ce) {
        Category best = null;
        int bestOverlap = 0;
        boolean touched = false;
        for (Note.Span s : note.spans()) {
            int o = Math.min(ce, s.end()) - Math.max(cs, s.start());
            if (o <= 0) {
                continue;
            }
            touched = true;
            if ((2 * o >= ce - cs || 2 * o >= s.end() - s.start()) && o > bestOverlap) {
                best = s.category();
                bestOverlap = o;
            }
        }
        if (best != null) {
            return best.name();
        }
        return touched ? null : FairnoteModel.OUTSIDE;
    }

    /** Receives the screener's tokens and sentences for each note and turns its clauses into events. */
    private static final class EventCollector implements SpanClassifier {
        final List<Event> events = new ArrayList<>();
        final boolean lexiconFeatures;
        Note note;
        int[] lexHits;

        EventCollector(boolean lexiconFeatures) {
            this.lexiconFeatures = lexiconFeatures;
        }

        @Override
        public String name() {
            return "event-collector";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public List<Prediction> predict(AnalyzedText at) {
            TokenBuffer t = at.tokens();
            int[] sentences = at.sentences();
            Features.Buf sentence = new Features.Buf();
            Features.Buf clause = new Features.Buf();
            int lexCount = lexHits == null ? 0 : lexHits.length / 3;
            for (int k = 0; k + 1 < sentences.length; k++) {
                int from = sentences[k];
                int to = sentences[k + 1];
                if (to <= from) {
                    continue;
                }
                int[] clauses = new int[3 * (to - from)];
                int n = Clauses.split(t, from, to, clauses);
                sentence.clear();
                Features.sentence(t, from, to, lexHits, lexCount, sentence);
                for (int c = 0; c < n; c++) {
                    int cf = clauses[c * 3];
                    int ct = clauses[c * 3 + 1];
                    String label = label(note, t.start(cf), t.end(ct - 1));
                    if (label == null) {
                        continue;
                    }
                    clause.clear();
                    Features.clause(t, cf, ct, clauses[c * 3 + 2], lexHits, lexCount, clause);
                    String[] ctx = new String[clause.n + sentence.n];
                    for (int i = 0; i < clause.n; i++) {
                        ctx[i] = Long.toHexString(clause.a[i]);
                    }
                    for (int i = 0; i < sentence.n; i++) {
                        ctx[clause.n + i] = Long.toHexString(sentence.a[i]);
                    }
                    events.add(new Event(label, ctx));
                }
            }
            return List.of();
        }
    }
}
