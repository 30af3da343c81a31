package org.fairnote.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Real English words of seven letters or more (SCOWL; see {@code english-words.README.md}), which
 * are never read as typos of a lexicon word: without them one unknown word in fifty of a
 * dictionary would be (a slip of "detained" away from "detailed"). Loaded once per JVM, when the
 * first vocabulary with typo tolerance is built ({@link #load()}), never during a screening.
 */
final class EnglishWords {
    private static final String RESOURCE = "english-words.txt.gz";
    private static final CharDictionary WORDS = read();

    private EnglishWords() {
    }

    /** Reads the list now if it was not read yet (class initialisation), so the first screening does not. */
    static void load() {
        // initialising the class has read WORDS
    }

    static boolean contains(char[] buf, int off, int len) {
        return WORDS.get(buf, off, len) >= 0;
    }

    static boolean contains(String word) {
        return WORDS.get(word) >= 0;
    }

    private static CharDictionary read() {
        Map<String, Integer> words = new HashMap<>(1 << 17);
        try (InputStream in = EnglishWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the fairnote-core jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    words.put(line, 0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new CharDictionary(words);
    }
}
