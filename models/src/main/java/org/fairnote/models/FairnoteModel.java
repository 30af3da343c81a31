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
 * table of weights, and {@link #predict} uses only local buffers.
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
    private final long[] keys;
    private final int[] rows;
    private final double[] weights;
    private final int mask;
    private final Screener lexiconScreener;
    private final boolean linear;

    private static final class Bundled {
        static final FairnoteModel MODEL = loadBundled();
    }

    FairnoteModel(ModelInfo info, AbstractModel model) {
        this(info, model, serialize(model));
    }

    private FairnoteModel(ModelInfo info, AbstractModel model, byte[] modelBytes) {
        this.info = info;
        this.model = model;
        this.modelBytes = modelBytes;
        // maximum-entropy models are evaluated from a hash table of their weights; other OpenNLP
        // model types (perceptron, naive Bayes: compared in cross-validation) through OpenNLP's eval
        this.linear = model.getModelType() == AbstractModel.ModelType.Maxent
                || model.getModelType() == AbstractModel.ModelType.MaxentQn;
        this.outcomes = model.getNumOutcomes();
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
        int size = Integer.highestOneBit(Math.max(16, pmap.size() * 2)) * 2;
        this.mask = size - 1;
        this.keys = new long[size];
        this.rows = new int[size];
        Arrays.fill(rows, -1);
        this.weights = new double[pmap.size() * outcomes];
        int row = 0;
        for (Map.Entry<String, Context> e : pmap.entrySet()) {
            long key;
            try {
                key = Long.parseUnsignedLong(e.getKey(), 16);
            } catch (NumberFormatException ex) {
                throw new ModelFormatException("model feature '" + e.getKey() + "' is not a feature hash", ex);
            }
            int slot = slot(key);
            while (rows[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            rows[slot] = row;
            int[] os = e.getValue().getOutcomes();
            double[] ps = e.getValue().getParameters();
            for (int j = 0; j < os.length; j++) {
                weights[row * outcomes + os[j]] = ps[j];
            }
            row++;
        }
        this.lexiconScreener = info.lexiconFeatures() ? LexiconSupport.lexiconsAndContext().build() : null;
    }

    private int slot(long key) {
        long h = key ^ (key >>> 29);
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 32;
        return (int) h & mask;
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
        return new FairnoteModel(info, model, payload);
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
            List<Finding> found = lexiconScreener.screenUnmerged(at.text()).findings();
            lex = new int[found.size() * 3];
            for (Finding f : found) {
                lex[lexCount * 3] = f.start();
                lex[lexCount * 3 + 1] = f.end();
                lex[lexCount * 3 + 2] = f.category().ordinal();
                lexCount++;
            }
        }
        Features.Buf buf = new Features.Buf();
        double[] sentenceScore = new double[outcomes];
        double[] score = new double[outcomes];
        int[] clauses = new int[48];
        List<Prediction> out = null;
        for (int k = 0; k + 1 < sentences.length; k++) {
            int from = sentences[k];
            int to = sentences[k + 1];
            if (to <= from) {
                continue;
            }
            if (clauses.length < 3 * (to - from)) {
                clauses = new int[3 * (to - from)];
            }
            int n = Clauses.split(t, from, to, clauses);
            if (n == 0) {
                continue;
            }
            Features.Buf sentenceBuf = linear ? buf : new Features.Buf();
            sentenceBuf.clear();
            Features.sentence(t, from, to, lex, lexCount, sentenceBuf);
            Arrays.fill(sentenceScore, 0);
            if (linear) {
                accumulate(buf, sentenceScore);
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
                Features.clause(t, cf, ct, clauses[c * 3 + 2], lex, lexCount, buf);
                if (linear) {
                    System.arraycopy(sentenceScore, 0, score, 0, outcomes);
                    accumulate(buf, score);
                    softmax(score);
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
                Category cat = categories[best];
                if (openCat == cat && openClause == c - 1 && p >= info.threshold() && openConf >= info.threshold()) {
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

    private void accumulate(Features.Buf buf, double[] acc) {
        long[] a = buf.a;
        for (int i = 0; i < buf.n; i++) {
            long key = a[i];
            int slot = slot(key);
            int row;
            while ((row = rows[slot]) >= 0) {
                if (keys[slot] == key) {
                    int base = row * outcomes;
                    for (int o = 0; o < outcomes; o++) {
                        acc[o] += weights[base + o];
                    }
                    break;
                }
                slot = (slot + 1) & mask;
            }
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

    /** Probabilities per outcome for a feature list, via the fast table (for tests against OpenNLP's eval). */
    double[] probabilities(long[] features) {
        Features.Buf b = new Features.Buf();
        for (long f : features) {
            b.add(f);
        }
        double[] s = new double[outcomes];
        accumulate(b, s);
        softmax(s);
        return s;
    }
}
