package org.fairnote.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import opennlp.tools.sentdetect.SentenceModel;

/** Loads the English sentence model from org.apache.opennlp:opennlp-models-sentdetect-en. */
public final class OpenNlpSentences {
    private static volatile SentenceModel model;

    private OpenNlpSentences() {
    }

    /** The model, loaded once; thread-safe (a SentenceDetectorME over it is not). */
    public static SentenceModel model() {
        SentenceModel m = model;
        if (m == null) {
            synchronized (OpenNlpSentences.class) {
                if (model == null) {
                    model = load();
                }
                m = model;
            }
        }
        return m;
    }

    private static SentenceModel load() {
        try (InputStream props = OpenNlpSentences.class.getResourceAsStream("/model.properties")) {
            Properties p = new Properties();
            if (props == null) {
                throw new IllegalStateException("model.properties of opennlp-models-sentdetect-en not on the class path");
            }
            p.load(props);
            String name = p.getProperty("model.name");
            try (InputStream in = OpenNlpSentences.class.getResourceAsStream("/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("OpenNLP sentence model " + name + " not on the class path");
                }
                return new SentenceModel(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
