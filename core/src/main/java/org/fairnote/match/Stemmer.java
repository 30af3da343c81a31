package org.fairnote.match;

import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Lucene's Snowball English (Porter2) stemmer behind a tiny facade. Not thread-safe: one per call.
 */
public final class Stemmer {
    private final EnglishStemmer stemmer = new EnglishStemmer();
    private char[] work = new char[32];

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

    /**
     * Stems {@code buf[off, off+len)} without allocating (beyond a first long word): the stem is then
     * {@link #stemChars()}{@code [0, }{@link #stemLength()}{@code )}, valid until the next call.
     */
    public void stemInPlace(char[] buf, int off, int len) {
        if (work.length < len) {
            work = new char[Math.max(len, 2 * work.length)];
        }
        System.arraycopy(buf, off, work, 0, len);
        stemmer.setCurrent(work, len);
        stemmer.stem();
        work = stemmer.getCurrentBuffer(); // the stemmer may have grown it
    }

    public char[] stemChars() {
        return stemmer.getCurrentBuffer();
    }

    public int stemLength() {
        return stemmer.getCurrentBufferLength();
    }
}
