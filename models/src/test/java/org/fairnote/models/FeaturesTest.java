package org.fairnote.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.fairnote.text.SentenceSplitter;
import org.fairnote.text.TokenBuffer;
import org.fairnote.text.Tokenizer;
import org.junit.jupiter.api.Test;

class FeaturesTest {

    static List<String> texts() {
        List<String> texts = new ArrayList<>();
        CorpusIoTest.corpus().forEach(n -> texts.add(n.text()));
        Random random = new Random(7);
        String alphabet = "ab and but so, ;:()[]/ - – — which rather 'x' \"y\" don't\n.";
        for (int k = 0; k < 300; k++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(120);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(sb.toString());
        }
        return texts;
    }

    @Test
    void fastClauseSplitMatchesClauses() {
        Tokenizer tokenizer = Tokenizer.plain();
        SentenceSplitter splitter = new SentenceSplitter();
        Features.Extractor ex = new Features.Extractor(Features.Spec.parse("stem,negr"));
        for (String text : texts()) {
            TokenBuffer t = tokenizer.tokenize(text);
            int[] sentences = splitter.split(text, t);
            ex.text(t);
            for (int k = 0; k + 1 < sentences.length; k++) {
                int from = sentences[k];
                int to = sentences[k + 1];
                int[] a = new int[3 * (to - from)];
                int[] b = new int[3 * (to - from)];
                int n = Clauses.split(t, from, to, a);
                assertEquals(n, ex.clauses(from, to, b), text);
                assertArrayEquals(Arrays.copyOf(a, 3 * n), Arrays.copyOf(b, 3 * n), text);
            }
        }
    }

    @Test
    void specRoundTrips() {
        for (String s : List.of("", "p5,sent", "stem,negr,pos,sent", "p5,stem,neg,tri,pos,nb,chr,sent,prev,head,qx,sb")) {
            Features.Spec spec = Features.Spec.parse(s);
            assertEquals(spec, Features.Spec.of(spec.spec()));
        }
        assertThrows(IllegalArgumentException.class, () -> Features.Spec.parse("p5,nope"));
    }

    @Test
    void negationScopeChangesTheFeatures() {
        Tokenizer tokenizer = Tokenizer.plain();
        Features.Extractor ex = new Features.Extractor(Features.Spec.parse("negr"));
        long[] a = clauseFeatures(ex, tokenizer.tokenize("staff to convey her"));
        long[] b = clauseFeatures(ex, tokenizer.tokenize("staff not to convey her"));
        long convey = Features.f(Features.kind('w'), Features.termHash("convey"));
        assertEquals(1, Arrays.stream(a).filter(x -> x == convey).count());
        assertEquals(0, Arrays.stream(b).filter(x -> x == convey).count());
        assertNotEquals(Arrays.stream(a).sum(), Arrays.stream(b).sum());
    }

    private static long[] clauseFeatures(Features.Extractor ex, TokenBuffer t) {
        ex.text(t);
        Features.Buf buf = new Features.Buf();
        ex.clause(0, t.size(), -1, 0, 1, 0, 0, 0, 0, null, 0, buf);
        return Arrays.copyOf(buf.a, buf.n);
    }
}
