package org.fairnote.match;

import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Lucene's Snowball English (Porter2) stemmer behind a tiny facade. Not thread-safe: one per call.
 */
public final class Stemmer {
    private final EnglishStemmer stemmer = new EnglishStemmer();

    /** The stem of a normalised (lower-case) word. */
    public String stem(String term) {
        stemmer.setCurrent(term);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /** The stem of {@code buf[off, off+len)}. */
    public String stem(char[] buf, int off, int len) {
        return stem(new String(buf, off, len));
    }
}
