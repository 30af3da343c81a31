package org.fairnote.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retraining from the corpus with {@link TrainModel#DEFAULT} (what {@code -Ptrain-model} and
 * {@code fairnote train} do) rebuilds the shipped model byte for byte. Training tokenises without
 * lexicon vocabulary, so lexicon edits do not change the model.
 */
class ReproducibleTrainingTest {

    @Test
    void retrainingRebuildsTheShippedModel(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("fairnote-model.bin");
        TrainModel.train(CorpusIoTest.CORPUS, out);
        byte[] shipped;
        try (InputStream in = FairnoteModel.class.getResourceAsStream(FairnoteModel.RESOURCE)) {
            shipped = in.readAllBytes();
        }
        String shippedInfo;
        try (InputStream in = FairnoteModel.class.getResourceAsStream(FairnoteModel.INFO_RESOURCE)) {
            shippedInfo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(shippedInfo, Files.readString(TrainModel.infoFile(out)),
                "metadata differs: retrain with mvn -pl models -am package -Ptrain-model");
        assertArrayEquals(shipped, Files.readAllBytes(out),
                "the shipped model is not what the corpus and TrainModel.DEFAULT give: retrain with -Ptrain-model");
    }
}
