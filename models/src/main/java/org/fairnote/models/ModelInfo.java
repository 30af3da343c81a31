package org.fairnote.models;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The metadata stored with a model, in the model file and as {@code fairnote-model.json} beside it.
 * Holds no time stamp, so retraining on the same corpus yields the same bytes.
 *
 * @param name            model name, reported by the screener
 * @param version         model version
 * @param formatVersion   version of the file layout ({@link FairnoteModel#FORMAT_VERSION})
 * @param featureVersion  version of the feature extraction ({@link Features#VERSION})
 * @param features        the optional feature groups ({@link Features.Spec#spec()})
 * @param corpusSha256    SHA-256 of the corpus files it was trained on
 * @param trainingNotes   number of notes it was trained on
 * @param trainingEvents  number of clause events
 * @param algorithm       OpenNLP trainer
 * @param parameters      the OpenNLP training parameters
 * @param threshold       probability from which a clause is reported (CV-tuned), and the default model threshold
 * @param lexiconFeatures whether lexicon-hit features were used
 * @param lexicons        the lexicons (name:version) used for lexicon-hit features
 * @param tool            the tools that created it
 */
@JsonPropertyOrder({"name", "version", "formatVersion", "featureVersion", "features", "corpusSha256", "trainingNotes",
    "trainingEvents", "algorithm", "parameters", "threshold", "lexiconFeatures", "lexicons", "tool"})
public record ModelInfo(String name, String version, int formatVersion, int featureVersion, String features,
        String corpusSha256, int trainingNotes, int trainingEvents, String algorithm, Map<String, String> parameters,
        double threshold, boolean lexiconFeatures, List<String> lexicons, String tool) {

    /** True when a clause may also be reported with its second most likely category. */
    public boolean multiLabel() {
        return parameters != null && "true".equals(parameters.get("MultiLabel"));
    }

    /** True for a one-vs-rest model (a logistic score per category). */
    public boolean oneVsRest() {
        return parameters != null && "true".equals(parameters.get("OneVsRest"));
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ModelInfo fromJson(String json) throws IOException {
        return MAPPER.readValue(json, ModelInfo.class);
    }
}
