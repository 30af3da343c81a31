package org.fairnote.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import org.fairnote.Category;
import org.fairnote.match.Vocabulary;
import org.fairnote.spi.AnalyzedText;
import org.fairnote.spi.SpanClassifier;
import org.fairnote.text.SentenceSplitter;
import org.fairnote.text.TokenBuffer;
import org.fairnote.text.Tokenizer;

/**
 * The alternative to the clause classifier compared in cross-validation (not shipped): an OpenNLP
 * {@link NameFinderME} sequence tagger (BIO codes, OpenNLP's default name-finder features) over the
 * normalised tokens of each sentence, one entity type per category.
 */
final class SpanTagger implements SpanClassifier {

    private final TokenNameFinderModel model;
    private final ThreadLocal<NameFinderME> finder;

    private SpanTagger(TokenNameFinderModel model) {
        this.model = model;
        this.finder = ThreadLocal.withInitial(() -> new NameFinderME(this.model));
    }

    /** Trains on these notes with the maximum-entropy trainer of {@code params}. */
    static SpanTagger train(List<Note> notes, TrainModel.Params params) {
        Tokenizer tokenizer = new Tokenizer(new Vocabulary.Builder().build());
        SentenceSplitter splitter = new SentenceSplitter();
        List<NameSample> samples = new ArrayList<>();
        for (Note n : notes) {
            TokenBuffer t = tokenizer.tokenize(n.text());
            int[] sentences = splitter.split(n.text(), t);
            boolean first = true;
            for (int k = 0; k + 1 < sentences.length; k++) {
                int from = sentences[k];
                int to = sentences[k + 1];
                if (to <= from) {
                    continue;
                }
                String[] tokens = terms(t, from, to);
                List<Span> names = new ArrayList<>();
                int lastEnd = 0;
                for (Note.Span s : n.spans()) {
                    int a = -1;
                    int b = -1;
                    for (int i = from; i < to; i++) {
                        if (t.start(i) < s.end() && s.start() < t.end(i)) {
                            if (a < 0) {
                                a = i - from;
                            }
                            b = i - from + 1;
                        }
                    }
                    if (a >= 0 && a >= lastEnd) {
                        names.add(new Span(a, b, s.category().name()));
                        lastEnd = b;
                    }
                }
                samples.add(new NameSample(tokens, names.toArray(new Span[0]), first));
                first = false;
            }
        }
        TrainingParameters p = params.openNlp();
        try {
            TokenNameFinderModel m = NameFinderME.train("en", null, ObjectStreamUtils.createObjectStream(samples), p,
                    new TokenNameFinderFactory());
            return new SpanTagger(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] terms(TokenBuffer t, int from, int to) {
        String[] s = new String[to - from];
        for (int i = from; i < to; i++) {
            s[i - from] = t.term(i);
        }
        return s;
    }

    @Override
    public String name() {
        return "span-tagger";
    }

    @Override
    public String version() {
        return "cv";
    }

    @Override
    public List<Prediction> predict(AnalyzedText at) {
        TokenBuffer t = at.tokens();
        int[] sentences = at.sentences();
        NameFinderME f = finder.get();
        f.clearAdaptiveData();
        List<Prediction> out = new ArrayList<>();
        for (int k = 0; k + 1 < sentences.length; k++) {
            int from = sentences[k];
            int to = sentences[k + 1];
            if (to <= from) {
                continue;
            }
            for (Span s : f.find(terms(t, from, to))) {
                int a = from + s.getStart();
                int b = from + s.getEnd() - 1;
                out.add(new Prediction(t.start(a), t.end(b), Category.parse(s.getType()), s.getProb(),
                        "TAGGER-" + s.getType()));
            }
        }
        return out;
    }
}
