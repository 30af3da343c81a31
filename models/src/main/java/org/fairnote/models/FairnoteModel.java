package org.fairnote.models;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import org.fairnote.Category;
import org.fairnote.Finding;
import org.fairnote.Screener;
import org.fairnote.spi.AnalyzedText;
import org.fairnote.spi.SpanClassifier;
import org.fairnote.text.TokenBuffer;

/**
 * The trained clause classifier as a {@link SpanClassifier}: every sentence is split into clauses
 * ({@link Clauses}), each clause is scored by an OpenNLP maximum-entropy model over n-gram and
 * sentence-context features ({@link Features}), and a clause whose best category reaches the
 * reporting floor is returned as a span; neighbouring clauses of one category above the model's
 * threshold are joined.
 *
 * <p>Immutable and thread-safe: the OpenNLP model is copied at load time into a read-only hash
 * table of weights (floats), and {@link #predict} uses per-thread buffers that it reuses.
 *
 * <p>File layout ({@value #FORMAT_VERSION}): the magic {@code FAIRNOTE-MODEL\n}, the format version
 * (int), the metadata JSON (int length + UTF-8), the OpenNLP binary model (int length + bytes) and
 * the SHA-256 of metadata and model bytes.
 */
public final class FairnoteModel implements SpanClassifier {

    /** The file layout this class reads and writes. */
    public static final int FORMAT_VERSION = 1;
    /** Class-path resource of the shipped model. */
    public static final String RESOURCE = "/org/fairnote/models/fairnote-model.bin";
    /** Class-path resource of the shipped model's metadata (a copy of what the model file holds). */
    public static final String INFO_RESOURCE = "/org/fairnote/models/fairnote-model.json";
    /** Clauses below this probability are never reported. */
    public static final double FLOOR = 0.2;
    static final String OUTSIDE = "O";

    private static final byte[] MAGIC = "FAIRNOTE-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_SECTION = 64 << 20;

    private final ModelInfo info;
    private final AbstractModel model;
    private final byte[] modelBytes;
    /** Outcome index to category; null for the outside outcome. */
    private final Category[] categories;
    private final int outcomes;
    /**
     * Open-addressing hash table of the weights, one slot of {@link #stride} longs per feature: the
     * feature hash (0: empty slot), then the outcome weights as floats, two per long, so that one
     * lookup touches one cache line.
     */
    private final long[] table;
    private final int stride;
    private final int mask;
    private final Screener lexiconScreener;
    private final boolean linear;
    private final boolean oneVsRest;
    private final boolean multiLabel;
    /** Whether words' term features are scored from the per-thread cache (off only in tests). */
    private final boolean termCache;
    private final Features.Spec spec;
    /** Added to each outcome's score before the softmax (a prior correction); null for none. */
    private final double[] bias;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private static final class Bundled {
        static final FairnoteModel MODEL = loadBundled();
    }

    FairnoteModel(ModelInfo info, AbstractModel model) {
        this(info, model, serialize(model), true, null);
    }

    private FairnoteModel(ModelInfo info, AbstractModel model, byte[] modelBytes, boolean termCache, double[] bias) {
        this.termCache = termCache;
        this.bias = bias == null ? null : bias.clone();
        this.info = info;
        this.model = model;
        this.modelBytes = modelBytes;
        // maximum-entropy models are evaluated from a hash table of their weights; other OpenNLP
        // model types (perceptron, naive Bayes: compared in cross-validation) through OpenNLP's eval
        this.linear = model.getModelType() == AbstractModel.ModelType.Maxent
                || model.getModelType() == AbstractModel.ModelType.MaxentQn;
        this.outcomes = model.getNumOutcomes();
        this.oneVsRest = info.oneVsRest();
        this.multiLabel = info.multiLabel();
        if (info.features() == null) {
            throw new ModelFormatException("model metadata names no feature set");
        }
        try {
            this.spec = Features.Spec.of(info.features());
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("model has an unknown feature set: " + e.getMessage(), e);
        }
        this.categories = new Category[outcomes];
        boolean outside = false;
        for (int o = 0; o < outcomes; o++) {
            String name = model.getOutcome(o);
            if (OUTSIDE.equals(name)) {
                outside = true;
            } else {
                try {
                    categories[o] = Category.parse(name);
                } catch (IllegalArgumentException e) {
                    throw new ModelFormatException("model has unknown outcome '" + name + "'", e);
                }
            }
        }
        if (!outside) {
            throw new ModelFormatException("model has no outside outcome '" + OUTSIDE + "'");
        }
        @SuppressWarnings("unchecked")
        Map<String, Context> pmap = (Map<String, Context>) model.getDataStructures()[1];
        // a power of two with a load factor between 0.3 and 0.6
        int size = Integer.highestOneBit(Math.max(16, (int) (pmap.size() / 0.6))) << 1;
        this.mask = size - 1;
        this.stride = 1 + (outcomes + 1) / 2;
        this.table = new long[size * stride];
        float[] w = new float[stride * 2];
        for (Map.Entry<String, Context> e : pmap.entrySet()) {
            long key;
            try {
                key = Long.parseUnsignedLong(e.getKey(), 16);
            } catch (NumberFormatException ex) {
                throw new ModelFormatException("model feature '" + e.getKey() + "' is not a feature hash", ex);
            }
            if (key == 0) {
                continue; // reserved for empty slots; a 1 in 2^64 feature, left out
            }
            int slot = slot(key);
            while (table[slot * stride] != 0) {
                slot = (slot + 1) & mask;
            }
            Arrays.fill(w, 0);
            int[] os = e.getValue().getOutcomes();
            double[] ps = e.getValue().getParameters();
            for (int j = 0; j < os.length; j++) {
                w[os[j]] = (float) ps[j];
            }
            int base = slot * stride;
            table[base] = key;
            for (int k = 1; k < stride; k++) {
                table[base + k] = (Float.floatToRawIntBits(w[2 * k - 2]) & 0xffffffffL)
                        | ((long) Float.floatToRawIntBits(w[2 * k - 1]) << 32);
            }
        }
        this.lexiconScreener = info.lexiconFeatures() ? LexiconSupport.lexiconsAndContext().build() : null;
    }

    /** Feature hashes are already well mixed ({@link Features#fmix}): the low bits pick the slot. */
    private int slot(long key) {
        return (int) key & mask;
    }

    /** The shipped model, loaded once. */
    public static FairnoteModel bundled() {
        return Bundled.MODEL;
    }

    private static FairnoteModel loadBundled() {
        try (InputStream in = FairnoteModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled model " + RESOURCE
                        + " is missing from the class path; rebuild fairnote-models with -Ptrain-model");
            }
            return load(in, "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FairnoteModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + file, e);
        }
    }

    /**
     * Reads a model.
     *
     * @throws ModelFormatException when the stream is not a Fairnote model, is corrupt or truncated,
     *                              or was written by an incompatible version
     */
    public static FairnoteModel load(InputStream in, String source) throws IOException {
        DataInputStream din = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        int got = din.readNBytes(magic, 0, magic.length);
        if (got < magic.length || !Arrays.equals(magic, MAGIC)) {
            throw new ModelFormatException(source + " is not a Fairnote model file (no FAIRNOTE-MODEL header)");
        }
        byte[] meta;
        byte[] payload;
        byte[] digest = new byte[32];
        int format;
        try {
            format = din.readInt();
            if (format != FORMAT_VERSION) {
                throw new ModelFormatException(source + " has model format version " + format
                        + " but this fairnote-models reads version " + FORMAT_VERSION
                        + "; retrain it with 'fairnote train' or use the matching library version");
            }
            meta = section(din, source, "metadata");
            payload = section(din, source, "model");
            din.readFully(digest);
        } catch (EOFException e) {
            throw new ModelFormatException("corrupt model file " + source + ": truncated", e);
        }
        if (!Arrays.equals(digest, sha256(meta, payload))) {
            throw new ModelFormatException("corrupt model file " + source + ": checksum mismatch");
        }
        ModelInfo info;
        try {
            info = ModelInfo.fromJson(new String(meta, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ModelFormatException("corrupt model file " + source + ": bad metadata: " + e.getMessage(), e);
        }
        if (info.featureVersion() != Features.VERSION) {
            throw new ModelFormatException(source + " was trained with feature version " + info.featureVersion()
                    + " but this fairnote-models extracts version " + Features.VERSION
                    + "; retrain it with 'fairnote train'");
        }
        AbstractModel model;
        try {
            model = new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(payload))).getModel();
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException("corrupt model file " + source + ": " + e, e);
        }
        return new FairnoteModel(info, model, payload, true, null);
    }

    private static byte[] section(DataInputStream din, String source, String what) throws IOException {
        int len = din.readInt();
        if (len < 0 || len > MAX_SECTION) {
            throw new ModelFormatException("corrupt model file " + source + ": bad " + what + " length " + len);
        }
        byte[] b = new byte[len];
        din.readFully(b);
        return b;
    }

    /** Writes this model in the file layout {@link #load} reads. */
    public void write(OutputStream out) throws IOException {
        byte[] meta = info.toJson().getBytes(StandardCharsets.UTF_8);
        DataOutputStream dout = new DataOutputStream(out);
        dout.write(MAGIC);
        dout.writeInt(FORMAT_VERSION);
        dout.writeInt(meta.length);
        dout.write(meta);
        dout.writeInt(modelBytes.length);
        dout.write(modelBytes);
        dout.write(sha256(meta, modelBytes));
        dout.flush();
    }

    public void write(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model " + file, e);
        }
    }

    private static byte[] serialize(AbstractModel model) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            GenericModelWriter w = new GenericModelWriter(model, new DataOutputStream(bytes));
            w.persist();
            w.close();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] a, byte[] b) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(a);
            md.update(b);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ModelInfo info() {
        return info;
    }

    /** The underlying OpenNLP model (thread-safe for {@code eval}). */
    public MaxentModel openNlpModel() {
        return model;
    }

    @Override
    public String name() {
        return info.name();
    }

    @Override
    public String version() {
        return info.version();
    }

    /** The threshold tuned in cross-validation, which the screener uses unless told otherwise. */
    @Override
    public double threshold() {
        return info.threshold();
    }

    /** Per-thread buffers of {@link #predict}. */
    private final class Scratch {
        final Features.Extractor extractor = new Features.Extractor(spec);
        final Features.Buf sentence = new Features.Buf();
        final Features.Buf clause = new Features.Buf();
        final double[] sentenceScore = new double[outcomes];
        final double[] score = new double[outcomes];
        int[] clauses = new int[96];
        /** Words whose term features are scored from the cache below ({@link Features.Extractor#clause}). */
        final Features.Buf units = new Features.Buf();
        /** Per-term sums of the term-feature weights, direct-mapped by {@link Features.Extractor#unitKey}. */
        final long[] unitKeys = new long[UNIT_CACHE];
        final double[] unitWeights = new double[UNIT_CACHE * outcomes];
        final long[] termFeatures = new long[8];
    }

    private static final int UNIT_CACHE = 1 << 12;

    @Override
    public List<Prediction> predict(AnalyzedText at) {
        TokenBuffer t = at.tokens();
        int[] sentences = at.sentences();
        if (t.size() == 0 || sentences.length < 2) {
            return List.of();
        }
        int[] lex = null;
        int lexCount = 0;
        if (lexiconScreener != null) {
            lex = TrainModel.hits(lexiconScreener, at.text().toString());
            lexCount = lex.length / 3;
        }
        Scratch sc = scratch.get();
        Features.Extractor ex = sc.extractor;
        Features.Buf sentenceBuf = sc.sentence;
        Features.Buf buf = sc.clause;
        double[] sentenceScore = sc.sentenceScore;
        double[] score = sc.score;
        double threshold = info.threshold();
        ex.text(t);
        List<Prediction> out = null;
        int prevFrom = -1;
        for (int k = 0; k + 1 < sentences.length; k++) {
            int from = sentences[k];
            int to = sentences[k + 1];
            if (to <= from) {
                continue;
            }
            if (sc.clauses.length < 3 * (to - from)) {
                sc.clauses = new int[3 * (to - from)];
            }
            int[] clauses = sc.clauses;
            int n = ex.clauses(from, to, clauses);
            if (n == 0) {
                prevFrom = from;
                continue;
            }
            sentenceBuf.clear();
            ex.sentence(from, to, prevFrom, lex, lexCount, sentenceBuf);
            prevFrom = from;
            if (bias != null) {
                System.arraycopy(bias, 0, sentenceScore, 0, outcomes);
            } else {
                Arrays.fill(sentenceScore, 0);
            }
            if (linear) {
                accumulate(sentenceBuf, sentenceScore);
            }
            // the open candidate: category, confidence, chars, clause index
            Category openCat = null;
            double openConf = 0;
            int openStart = 0;
            int openEnd = 0;
            int openClause = -2;
            for (int c = 0; c < n; c++) {
                int cf = clauses[c * 3];
                int ct = clauses[c * 3 + 1];
                buf.clear();
                Features.Buf units = linear && termCache ? sc.units : null;
                if (units != null) {
                    units.clear();
                }
                ex.clause(cf, ct, clauses[c * 3 + 2], c, n, c > 0 ? clauses[c * 3 - 3] : 0,
                        c > 0 ? clauses[c * 3 - 2] : 0, c + 1 < n ? clauses[c * 3 + 3] : 0,
                        c + 1 < n ? clauses[c * 3 + 4] : 0, lex, lexCount, buf, units);
                if (linear) {
                    System.arraycopy(sentenceScore, 0, score, 0, outcomes);
                    accumulate(buf, score);
                    if (units != null) {
                        accumulateUnits(sc, ex, score);
                    }
                    normalise(score);
                } else {
                    String[] ctx = new String[buf.n + sentenceBuf.n];
                    System.arraycopy(buf.names(), 0, ctx, 0, buf.n);
                    System.arraycopy(sentenceBuf.names(), 0, ctx, buf.n, sentenceBuf.n);
                    System.arraycopy(model.eval(ctx), 0, score, 0, outcomes);
                }
                int best = -1;
                for (int o = 0; o < outcomes; o++) {
                    if (categories[o] != null && (best < 0 || score[o] > score[best])) {
                        best = o;
                    }
                }
                double p = score[best];
                if (p < FLOOR) {
                    continue;
                }
                int second = -1;
                if (multiLabel) {
                    for (int o = 0; o < outcomes; o++) {
                        if (o != best && categories[o] != null && score[o] >= FLOOR
                                && (second < 0 || score[o] > score[second])) {
                            second = o;
                        }
                    }
                }
                int s = cf;
                while (s < ct && !t.has(s, TokenBuffer.WORD) && !Features.isQuote(t, s)) {
                    s++;
                }
                int e = ct;
                while (e > s && !t.has(e - 1, TokenBuffer.WORD) && !Features.isQuote(t, e - 1)) {
                    e--;
                }
                if (e <= s) {
                    continue;
                }
                int cs = t.start(s);
                int ce = t.end(e - 1);
                if (second >= 0) {
                    out = add(out, cs, ce, categories[second], score[second]);
                }
                Category cat = categories[best];
                if (openCat == cat && openClause == c - 1 && p >= threshold && openConf >= threshold) {
                    openEnd = ce;
                    openConf = Math.max(openConf, p);
                    openClause = c;
                    continue;
                }
                if (openCat != null) {
                    out = add(out, openStart, openEnd, openCat, openConf);
                }
                openCat = cat;
                openConf = p;
                openStart = cs;
                openEnd = ce;
                openClause = c;
            }
            if (openCat != null) {
                out = add(out, openStart, openEnd, openCat, openConf);
            }
        }
        return out == null ? List.of() : out;
    }

    private static List<Prediction> add(List<Prediction> out, int s, int e, Category c, double p) {
        List<Prediction> l = out == null ? new ArrayList<>() : out;
        l.add(new Prediction(s, e, c, Math.min(1.0, p), "MODEL-" + c.name()));
        return l;
    }

    /** Adds the cached term-feature weights of the clause's words ({@link Scratch#units}). */
    private void accumulateUnits(Scratch sc, Features.Extractor ex, double[] acc) {
        Features.Buf u = sc.units;
        long[] keys = sc.unitKeys;
        double[] w = sc.unitWeights;
        int outs = outcomes;
        for (int j = 0, n = u.n; j < n; j++) {
            long code = u.a[j];
            boolean negated = code < 0;
            int i = (int) (negated ? ~code : code);
            long key = ex.unitKey(i, negated);
            int slot = (int) (key >>> 32) & (UNIT_CACHE - 1);
            int base = slot * outs;
            if (keys[slot] != key || key == 0) {
                int m = ex.termFeatures(i, negated, sc.termFeatures, 0);
                Arrays.fill(w, base, base + outs, 0);
                accumulate(sc.termFeatures, m, w, base);
                keys[slot] = key;
            }
            for (int o = 0; o < outs; o++) {
                acc[o] += w[base + o];
            }
        }
    }

    private void accumulate(Features.Buf buf, double[] acc) {
        accumulate(buf.a, buf.n, acc, 0);
    }

    /** Adds the weights of features {@code a[0, n)} to {@code acc[off, off + outcomes)}. */
    private void accumulate(long[] a, int n, double[] acc, int off) {
        long[] table = this.table;
        int stride = this.stride;
        int pairs = outcomes / 2;
        boolean odd = (outcomes & 1) != 0;
        for (int i = 0; i < n; i++) {
            long key = a[i];
            int slot = slot(key);
            long k;
            while ((k = table[slot * stride]) != 0) {
                if (k == key) {
                    int base = slot * stride + 1;
                    for (int p = 0; p < pairs; p++) {
                        long v = table[base + p];
                        acc[off + 2 * p] += Float.intBitsToFloat((int) v);
                        acc[off + 2 * p + 1] += Float.intBitsToFloat((int) (v >>> 32));
                    }
                    if (odd) {
                        acc[off + outcomes - 1] += Float.intBitsToFloat((int) table[base + pairs]);
                    }
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    /** Scores to probabilities: softmax, or a logistic function per category for one-vs-rest models. */
    private void normalise(double[] s) {
        if (oneVsRest) {
            for (int i = 0; i < s.length; i++) {
                s[i] = categories[i] == null ? 0 : 1 / (1 + Math.exp(-s[i]));
            }
        } else {
            softmax(s);
        }
    }

    private static void softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.exp(s[i] - max);
            sum += s[i];
        }
        for (int i = 0; i < s.length; i++) {
            s[i] /= sum;
        }
    }

    /** The same model scoring every feature from the weight table, without the term cache (for tests). */
    FairnoteModel withoutTermCache() {
        return new FairnoteModel(info, model, modelBytes, false, bias);
    }

    /** The same model with {@code bias[o]} added to outcome o's score before the softmax (experiments). */
    FairnoteModel withOutcomeBias(double[] bias) {
        return new FairnoteModel(info, model, modelBytes, termCache, bias);
    }

    /** Outcome index of a category or of the outside outcome ({@code null}); -1 when absent. */
    int outcomeIndex(Category c) {
        return model.getIndex(c == null ? OUTSIDE : c.name());
    }

    /** Probabilities per outcome for a feature list, via the fast table (for tests against OpenNLP's eval). */
    double[] probabilities(long[] features) {
        Features.Buf b = new Features.Buf();
        for (long f : features) {
            b.add(f);
        }
        double[] s = new double[outcomes];
        accumulate(b, s);
        normalise(s);
        return s;
    }
}
