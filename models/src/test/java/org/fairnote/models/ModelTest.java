package org.fairnote.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fairnote.Category;
import org.fairnote.Finding;
import org.fairnote.Screener;
import org.fairnote.Source;
import org.fairnote.spi.AnalyzedText;
import org.fairnote.spi.ScreenerDefaults;
import org.fairnote.spi.SpanClassifier;
import org.fairnote.text.SentenceSplitter;
import org.fairnote.text.TokenBuffer;
import org.fairnote.text.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTest {

    static final FairnoteModel MODEL = FairnoteModel.bundled();

    static Screener modelScreener() {
        return LexiconSupport.contextOnly().classifier(MODEL).modelThreshold(MODEL.threshold()).build();
    }

    static byte[] bytes(FairnoteModel m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        return out.toByteArray();
    }

    static FairnoteModel load(byte[] b) throws Exception {
        return FairnoteModel.load(new ByteArrayInputStream(b), "test.bin");
    }

    @Test
    void shippedModelLoadsWithItsMetadata() throws Exception {
        ModelInfo info = MODEL.info();
        assertEquals(TrainModel.MODEL_NAME, MODEL.name());
        assertEquals(FairnoteModel.FORMAT_VERSION, info.formatVersion());
        assertEquals(64, info.corpusSha256().length());
        try (var in = FairnoteModel.class.getResourceAsStream(FairnoteModel.INFO_RESOURCE)) {
            assertEquals(info, ModelInfo.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        byte[] b = bytes(MODEL);
        assertTrue(b.length < 4 << 20, "model is " + b.length + " bytes");
        assertArrayEquals(b, bytes(load(b)), "write/load is not byte-stable");
    }

    @Test
    void findsAParaphraseNoLexiconLists() {
        List<Finding> flags = modelScreener().screen(
                "If she rings 999 again, crews are advised to leave her at home.").flags();
        assertTrue(flags.stream().anyMatch(f -> f.category() == Category.CARE_WITHHOLDING
                && f.source() == Source.MODEL && f.text().contains("leave her at home")), flags.toString());
    }

    @Test
    void registersAsScreenerDefaultsAfterTheLexicons() {
        List<ScreenerDefaults> found = new ArrayList<>();
        ServiceLoader.load(ScreenerDefaults.class).forEach(found::add);
        ScreenerDefaults mine = found.stream().filter(d -> d instanceof ModelDefaults).findFirst().orElseThrow();
        assertEquals(10, mine.order());
        assertTrue(found.stream().filter(d -> d != mine).allMatch(d -> d.order() < mine.order()));
        Screener.Builder b = Screener.builder();
        mine.apply(b);
        assertTrue(b.build().versions().containsKey(TrainModel.MODEL_NAME));
    }

    @Test
    void createDefaultUsesTheModelWhenAllLexiconsArePresent() {
        org.junit.jupiter.api.Assumptions.assumeTrue(LexiconSupport.missing().isEmpty(),
                "bundled lexicons still missing: " + LexiconSupport.missing());
        Screener s = Screener.createDefault();
        assertEquals(MODEL.version(), s.versions().get(TrainModel.MODEL_NAME));
    }

    @Test
    void corruptFileIsRejectedClearly() throws Exception {
        byte[] b = bytes(MODEL);
        byte[] flipped = b.clone();
        flipped[b.length / 2] ^= 0x55;
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> load(flipped));
        assertTrue(e.getMessage().contains("corrupt model file test.bin"), e.getMessage());
        byte[] truncated = java.util.Arrays.copyOf(b, b.length - 100);
        e = assertThrows(ModelFormatException.class, () -> load(truncated));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        e = assertThrows(ModelFormatException.class,
                () -> load("PK\u0003\u0004 some zip".getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(e.getMessage().contains("not a Fairnote model file"), e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> load(new byte[0]));
        assertTrue(e.getMessage().contains("not a Fairnote model file"), e.getMessage());
    }

    @Test
    void wrongVersionIsRejectedClearly() throws Exception {
        byte[] b = bytes(MODEL);
        byte[] other = b.clone();
        // the format version follows the 15-byte magic
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        new DataOutputStream(v).writeInt(FairnoteModel.FORMAT_VERSION + 1);
        System.arraycopy(v.toByteArray(), 0, other, 15, 4);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> load(other));
        assertTrue(e.getMessage().contains("format version " + (FairnoteModel.FORMAT_VERSION + 1)), e.getMessage());
        assertTrue(e.getMessage().contains("retrain"), e.getMessage());

        ModelInfo i = MODEL.info();
        ModelInfo future = new ModelInfo(i.name(), i.version(), i.formatVersion(), Features.VERSION + 1,
                i.features(), i.corpusSha256(), i.trainingNotes(), i.trainingEvents(), i.algorithm(), i.parameters(),
                i.threshold(), i.lexiconFeatures(), i.lexicons(), i.tool());
        FairnoteModel m = new FairnoteModel(future, (opennlp.tools.ml.model.AbstractModel) MODEL.openNlpModel());
        e = assertThrows(ModelFormatException.class, () -> load(bytes(m)));
        assertTrue(e.getMessage().contains("feature version " + (Features.VERSION + 1)), e.getMessage());
    }

    @Test
    void fastScoringMatchesOpenNlp() {
        List<opennlp.tools.ml.model.Event> events = TrainModel.events(CorpusIoTest.corpus().subList(0, 20), false);
        for (opennlp.tools.ml.model.Event ev : events) {
            String[] ctx = ev.getContext();
            long[] h = new long[ctx.length];
            for (int i = 0; i < ctx.length; i++) {
                h[i] = Long.parseUnsignedLong(ctx[i], 16);
            }
            double[] expected = MODEL.openNlpModel().eval(ctx);
            double[] actual = MODEL.probabilities(h);
            // the fast table holds the weights as floats
            assertArrayEquals(expected, actual, 1e-5);
        }
    }

    @Test
    void termCacheScoresLikeTheWeightTable() {
        FairnoteModel plain = MODEL.withoutTermCache();
        Tokenizer tokenizer = Tokenizer.plain();
        SentenceSplitter splitter = new SentenceSplitter();
        // twice, so that the second pass reads the cache the first pass filled
        for (int pass = 0; pass < 2; pass++) {
            for (Note n : CorpusIoTest.corpus()) {
                TokenBuffer t = tokenizer.tokenize(n.text());
                AnalyzedText at = new AnalyzedText(n.text(), t, splitter.split(n.text(), t));
                List<SpanClassifier.Prediction> a = MODEL.predict(at);
                List<SpanClassifier.Prediction> b = plain.predict(at);
                assertEquals(b.size(), a.size(), n.id());
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(b.get(i).start(), a.get(i).start(), n.id());
                    assertEquals(b.get(i).end(), a.get(i).end(), n.id());
                    assertEquals(b.get(i).category(), a.get(i).category(), n.id());
                    assertEquals(b.get(i).confidence(), a.get(i).confidence(), 1e-9, n.id());
                }
            }
        }
    }

    @Test
    void predictionsStayInsideTheText() {
        Tokenizer tokenizer = Tokenizer.plain();
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> texts = new ArrayList<>();
        CorpusIoTest.corpus().forEach(n -> texts.add(n.text()));
        Random random = new Random(Long.getLong("fairnote.seed", 20261122L));
        String alphabet = "abc PC police arrest ,;:()'\"\n.-–\uD83D\uDE00é\u00AD";
        for (int k = 0; k < 300; k++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(200);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(sb.toString());
        }
        Screener screener = modelScreener();
        for (String text : texts) {
            TokenBuffer t = tokenizer.tokenize(text);
            for (SpanClassifier.Prediction p : MODEL.predict(new AnalyzedText(text, t, splitter.split(text, t)))) {
                assertTrue(p.start() >= 0 && p.start() < p.end() && p.end() <= text.length(),
                        p + " outside " + text.length());
                assertTrue(p.confidence() >= 0 && p.confidence() <= 1, p.toString());
            }
            for (Finding f : screener.screen(text).findings()) {
                assertEquals(text.substring(f.start(), f.end()), f.text());
            }
        }
    }

    @Test
    void threadSafe() throws Exception {
        Screener screener = modelScreener();
        List<Note> notes = CorpusIoTest.corpus();
        List<List<Finding>> expected = notes.stream().map(n -> screener.screen(n.text()).findings()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int seed = w;
                futures.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    int checked = 0;
                    for (int i = 0; i < 400; i++) {
                        int k = r.nextInt(notes.size());
                        assertEquals(expected.get(k), screener.screen(notes.get(k).text()).findings());
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : futures) {
                assertEquals(400, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void scoresHeldOutNotes(@TempDir Path dir) throws Exception {
        String text = "Plan: she is attention-seeking and crews are advised to leave her at home.";
        int a = text.indexOf("attention-seeking");
        int b = text.indexOf("leave her at home");
        Files.writeString(dir.resolve("dev.jsonl"), "{\"id\": \"V-1\", \"text\": \"" + text + "\", \"spans\": ["
                + "{\"start\": " + a + ", \"end\": " + (a + 17) + ", \"category\": \"STIGMATISING_LANGUAGE\"}, "
                + "{\"start\": " + b + ", \"end\": " + (b + 17) + ", \"category\": \"CARE_WITHHOLDING\"}]}\n");
        String report = EvaluateModel.scoreDev(dir, null);
        assertTrue(report.startsWith("1 held-out notes"), report);
        assertTrue(report.contains("| STIGMATISING_LANGUAGE | 1.000 | 1.000 | 1.000 |"), report);
        assertTrue(report.contains("| **micro** |"), report);
    }
}
