package org.fairnote.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.fairnote.match.Vocabulary;
import org.fairnote.spi.AnalyzedText;
import org.fairnote.spi.SpanClassifier;
import org.fairnote.text.SentenceSplitter;
import org.fairnote.text.TokenBuffer;
import org.fairnote.text.Tokenizer;

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
    public static final String MODEL_VERSION = "2.9.0";

    /**
     * Training parameters.
     *
     * @param algorithm       OpenNLP trainer: MAXENT_QN (L1/L2-regularised), MAXENT (GIS), PERCEPTRON, NAIVEBAYES
     * @param l1              L1 cost for MAXENT_QN (sparse weights)
     * @param l2              L2 cost for MAXENT_QN
     * @param iterations      maximum iterations (L-BFGS stops earlier once the loss changes by less than 1e-4)
     * @param cutoff          features seen fewer times are dropped
     * @param lexiconFeatures add lexicon-hit features
     * @param threshold       reporting threshold stored with the model
     * @param features        the optional feature groups ({@link Features.Spec#parse})
     * @param oneVsRest       one binary model per category instead of one multinomial model
     * @param multiLabel      a clause may also be reported with its second most likely category
     * @param prune           after training, features whose weights all lie within this distance of
     *                        their mean (so they barely move the softmax) are dropped: a smaller, faster model
     */
    public record Params(String algorithm, double l1, double l2, int iterations, int cutoff, boolean lexiconFeatures,
            double threshold, String features, boolean oneVsRest, boolean multiLabel, double prune) {

        public Params {
            features = Features.Spec.of(features).spec();
        }

        public Params withAlgorithm(String a) {
            return new Params(a, l1, l2, iterations, cutoff, lexiconFeatures, threshold, features, oneVsRest, multiLabel, prune);
        }

        public Params withL1(double v) {
            return new Params(algorithm, v, l2, iterations, cutoff, lexiconFeatures, threshold, features, oneVsRest, multiLabel, prune);
        }

        public Params withL2(double v) {
            return new Params(algorithm, l1, v, iterations, cutoff, lexiconFeatures, threshold, features, oneVsRest, multiLabel, prune);
        }

        public Params withIterations(int v) {
            return new Params(algorithm, l1, l2, v, cutoff, lexiconFeatures, threshold, features, oneVsRest, multiLabel, prune);
        }

        public Params withCutoff(int v) {
            return new Params(algorithm, l1, l2, iterations, v, lexiconFeatures, threshold, features, oneVsRest, multiLabel, prune);
        }

        public Params withLexiconFeatures(boolean v) {
            return new Params(algorithm, l1, l2, iterations, cutoff, v, threshold, features, oneVsRest, multiLabel, prune);
        }

        public Params withThreshold(double v) {
            return new Params(algorithm, l1, l2, iterations, cutoff, lexiconFeatures, v, features, oneVsRest, multiLabel, prune);
        }

        public Params withFeatures(String v) {
            return new Params(algorithm, l1, l2, iterations, cutoff, lexiconFeatures, threshold, v, oneVsRest, multiLabel, prune);
        }

        public Params withPrune(double v) {
            return new Params(algorithm, l1, l2, iterations, cutoff, lexiconFeatures, threshold, features, oneVsRest,
                    multiLabel, v);
        }

        public Params withMultiLabel(boolean v) {
            return new Params(algorithm, l1, l2, iterations, cutoff, lexiconFeatures, threshold, features, oneVsRest, v, prune);
        }

        public Params withOneVsRest(boolean v) {
            return new Params(algorithm, l1, l2, iterations, cutoff, lexiconFeatures, threshold, features, v, multiLabel, prune);
        }

        /**
         * Parses {@code key=value} pairs separated by spaces: {@code algo l1 l2 iter cutoff lex
         * threshold features ovr multi prune}; unnamed keys keep {@link #DEFAULT}'s values.
         */
        public static Params parse(String spec) {
            Params p = DEFAULT;
            for (String kv : spec.strip().split("\\s+")) {
                if (kv.isEmpty()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("expected key=value, got '" + kv + "'");
                }
                String k = kv.substring(0, eq);
                String v = kv.substring(eq + 1);
                p = switch (k) {
                    case "algo" -> p.withAlgorithm(v);
                    case "l1" -> p.withL1(Double.parseDouble(v));
                    case "l2" -> p.withL2(Double.parseDouble(v));
                    case "iter" -> p.withIterations(Integer.parseInt(v));
                    case "cutoff" -> p.withCutoff(Integer.parseInt(v));
                    case "lex" -> p.withLexiconFeatures(Boolean.parseBoolean(v));
                    case "threshold" -> p.withThreshold(Double.parseDouble(v));
                    case "features" -> p.withFeatures(v);
                    case "ovr" -> p.withOneVsRest(Boolean.parseBoolean(v));
                    case "multi" -> p.withMultiLabel(Boolean.parseBoolean(v));
                    case "prune" -> p.withPrune(Double.parseDouble(v));
                    default -> throw new IllegalArgumentException("unknown parameter '" + k + "'");
                };
            }
            return p;
        }

        Features.Spec featureSpec() {
            return Features.Spec.of(features);
        }

        TrainingParameters openNlp() {
            TrainingParameters p = new TrainingParameters();
            p.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
            p.put(TrainingParameters.CUTOFF_PARAM, cutoff);
            p.put(TrainingParameters.THREADS_PARAM, 1);
            p.put(TrainingParameters.ITERATIONS_PARAM, iterations);
            if ("MAXENT_QN".equals(algorithm)) {
                p.put("L1Cost", l1);
                p.put("L2Cost", l2);
                p.put("MaxFctEval", QN_MAX_FCT_EVAL);
            }
            p.put("PrintMessages", false);
            return p;
        }

        Map<String, String> asMap() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("Algorithm", algorithm);
            m.put("Cutoff", Integer.toString(cutoff));
            m.put("Threads", "1");
            m.put("Iterations", Integer.toString(iterations));
            if ("MAXENT_QN".equals(algorithm)) {
                m.put("L1Cost", Double.toString(l1));
                m.put("L2Cost", Double.toString(l2));
                m.put("MaxFctEval", Integer.toString(QN_MAX_FCT_EVAL));
            }
            if (oneVsRest) {
                m.put("OneVsRest", "true");
            }
            if (multiLabel) {
                m.put("MultiLabel", "true");
            }
            if (prune > 0) {
                m.put("Prune", Double.toString(prune));
            }
            return m;
        }
    }

    /** Maximum loss evaluations of the L-BFGS trainer (a cap that the iteration limit reaches first). */
    static final int QN_MAX_FCT_EVAL = 30000;

    /**
     * The parameters of the shipped model (chosen in cross-validation and on the leave-one-batch-out
     * notes, see EVALUATION.md and TUNING.md). With L2 alone (0.03 or 0.01), one leave-out training
     * in ten gave a degenerate model (it flagged bed lists and vital signs); with L1 0.01 none did.
     */
    public static final Params DEFAULT = new Params("MAXENT_QN", 0.01, 0.03, 100, 1, false, 0.50, "p5,stem,negr,pos,sent",
            false, false, 0.05);

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
        List<Event> events = events(notes, params.lexiconFeatures(), params.featureSpec());
        AbstractModel am = params.oneVsRest() ? fitOneVsRest(events, params) : asAbstract(fit(events, params));
        if (params.prune() > 0 && !params.oneVsRest() && am.getModelType() == AbstractModel.ModelType.MaxentQn) {
            am = prune(am, params.prune());
        }
        List<String> lexicons = params.lexiconFeatures()
                ? LexiconSupport.available().stream().map(l -> l.name() + ":" + l.version()).toList() : List.of();
        ModelInfo info = new ModelInfo(MODEL_NAME, MODEL_VERSION, FairnoteModel.FORMAT_VERSION, Features.VERSION,
                params.features(), corpusSha256, notes.size(), events.size(), params.algorithm(), params.asMap(),
                params.threshold(), params.lexiconFeatures(), lexicons, "fairnote-models " + MODEL_VERSION
                + ", opennlp-tools " + openNlpVersion());
        return new FairnoteModel(info, am);
    }

    /** The model without the features whose weights all lie within {@code eps} of their mean. */
    static AbstractModel prune(AbstractModel m, double eps) {
        @SuppressWarnings("unchecked")
        Map<String, opennlp.tools.ml.model.Context> pmap =
                (Map<String, opennlp.tools.ml.model.Context>) m.getDataStructures()[1];
        java.util.TreeMap<String, opennlp.tools.ml.model.Context> kept = new java.util.TreeMap<>();
        int outcomes = m.getNumOutcomes();
        for (Map.Entry<String, opennlp.tools.ml.model.Context> e : pmap.entrySet()) {
            double[] w = new double[outcomes];
            int[] os = e.getValue().getOutcomes();
            double[] ps = e.getValue().getParameters();
            for (int j = 0; j < os.length; j++) {
                w[os[j]] = ps[j];
            }
            double mean = Arrays.stream(w).average().orElse(0);
            double max = 0;
            for (double x : w) {
                max = Math.max(max, Math.abs(x - mean));
            }
            if (max >= eps) {
                kept.put(e.getKey(), e.getValue());
            }
        }
        String[] outcomeNames = new String[outcomes];
        for (int o = 0; o < outcomes; o++) {
            outcomeNames[o] = m.getOutcome(o);
        }
        return new opennlp.tools.ml.maxent.quasinewton.QNModel(
                kept.values().toArray(new opennlp.tools.ml.model.Context[0]), kept.keySet().toArray(new String[0]),
                outcomeNames);
    }

    private static AbstractModel asAbstract(MaxentModel m) {
        if (!(m instanceof AbstractModel am)) {
            throw new IllegalStateException("unexpected model class " + m.getClass());
        }
        return am;
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

    /**
     * One binary maximum-entropy model per category (the category against everything else), stored
     * as one model whose weight for category c is the binary model's log-odds weight and whose
     * outside weights are zero; {@link FairnoteModel} scores each category with a logistic function.
     */
    static AbstractModel fitOneVsRest(List<Event> events, Params params) {
        if (!"MAXENT_QN".equals(params.algorithm()) && !"MAXENT".equals(params.algorithm())) {
            throw new IllegalArgumentException("one-vs-rest needs a maximum-entropy trainer");
        }
        java.util.TreeSet<String> cats = new java.util.TreeSet<>();
        events.forEach(e -> cats.add(e.getOutcome()));
        cats.remove(FairnoteModel.OUTSIDE);
        List<String> outcomes = new ArrayList<>();
        outcomes.add(FairnoteModel.OUTSIDE);
        outcomes.addAll(cats);
        java.util.TreeMap<String, double[]> weights = new java.util.TreeMap<>();
        for (int c = 1; c < outcomes.size(); c++) {
            String cat = outcomes.get(c);
            List<Event> binary = new ArrayList<>(events.size());
            for (Event e : events) {
                binary.add(new Event(cat.equals(e.getOutcome()) ? cat : FairnoteModel.OUTSIDE, e.getContext()));
            }
            AbstractModel m = asAbstract(fit(binary, params));
            int pos = m.getIndex(cat);
            int neg = m.getIndex(FairnoteModel.OUTSIDE);
            @SuppressWarnings("unchecked")
            Map<String, opennlp.tools.ml.model.Context> pmap =
                    (Map<String, opennlp.tools.ml.model.Context>) m.getDataStructures()[1];
            for (Map.Entry<String, opennlp.tools.ml.model.Context> e : pmap.entrySet()) {
                int[] os = e.getValue().getOutcomes();
                double[] ps = e.getValue().getParameters();
                double w = 0;
                for (int j = 0; j < os.length; j++) {
                    if (os[j] == pos) {
                        w += ps[j];
                    } else if (os[j] == neg) {
                        w -= ps[j];
                    }
                }
                if (w != 0) {
                    weights.computeIfAbsent(e.getKey(), k -> new double[outcomes.size()])[c] = w;
                }
            }
        }
        String[] preds = weights.keySet().toArray(new String[0]);
        opennlp.tools.ml.model.Context[] params2 = new opennlp.tools.ml.model.Context[preds.length];
        int[] all = new int[outcomes.size() - 1];
        for (int o = 1; o < outcomes.size(); o++) {
            all[o - 1] = o;
        }
        for (int i = 0; i < preds.length; i++) {
            double[] w = weights.get(preds[i]);
            params2[i] = new opennlp.tools.ml.model.Context(all, Arrays.copyOfRange(w, 1, w.length));
        }
        return new opennlp.tools.ml.maxent.quasinewton.QNModel(params2, preds, outcomes.toArray(new String[0]));
    }

    /** The training events (one per labelled clause) of these notes, in order. */
    public static List<Event> events(List<Note> notes, boolean lexiconFeatures) {
        return events(notes, lexiconFeatures, DEFAULT.featureSpec());
    }

    /**
     * The events of these notes with this feature set. The notes are tokenised without any lexicon
     * vocabulary (contractions are still expanded, as every screener does), so that the events and
     * the model depend only on the corpus and this code, not on the lexicons of the day.
     */
    static List<Event> events(List<Note> notes, boolean lexiconFeatures, Features.Spec spec) {
        EventCollector collector = new EventCollector(spec);
        Screener lexicons = lexiconFeatures ? LexiconSupport.lexiconsAndContext().build() : null;
        Tokenizer tokenizer = new Tokenizer(new Vocabulary.Builder().build());
        SentenceSplitter splitter = new SentenceSplitter();
        for (Note n : notes) {
            collector.note = n;
            collector.lexHits = lexicons == null ? null : hits(lexicons, n.text());
            TokenBuffer t = tokenizer.tokenize(n.text());
            collector.predict(new AnalyzedText(n.text(), t, splitter.split(n.text(), t)));
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
        final Features.Extractor extractor;
        final Features.Buf sentence = new Features.Buf();
        final Features.Buf clause = new Features.Buf();
        Note note;
        int[] lexHits;

        EventCollector(Features.Spec spec) {
            this.extractor = new Features.Extractor(spec);
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
            int lexCount = lexHits == null ? 0 : lexHits.length / 3;
            extractor.text(t);
            int prevFrom = -1;
            for (int k = 0; k + 1 < sentences.length; k++) {
                int from = sentences[k];
                int to = sentences[k + 1];
                if (to <= from) {
                    continue;
                }
                int[] clauses = new int[3 * (to - from)];
                int n = extractor.clauses(from, to, clauses);
                sentence.clear();
                extractor.sentence(from, to, prevFrom, lexHits, lexCount, sentence);
                prevFrom = from;
                for (int c = 0; c < n; c++) {
                    int cf = clauses[c * 3];
                    int ct = clauses[c * 3 + 1];
                    String label = label(note, t.start(cf), t.end(ct - 1));
                    if (label == null) {
                        continue;
                    }
                    clause.clear();
                    extractor.clause(cf, ct, clauses[c * 3 + 2], c, n, c > 0 ? clauses[c * 3 - 3] : 0,
                            c > 0 ? clauses[c * 3 - 2] : 0, c + 1 < n ? clauses[c * 3 + 3] : 0,
                            c + 1 < n ? clauses[c * 3 + 4] : 0, lexHits, lexCount, clause);
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
