package org.fairnote.spi;

import org.fairnote.text.TokenBuffer;

/**
 * A text after tokenising and sentence splitting, handed to a {@link SpanClassifier} so it need not
 * redo that work. Read-only by contract.
 *
 * @param text      the original text
 * @param tokens    its tokens
 * @param sentences sentence bounds as token indices: sentence k is tokens [sentences[k], sentences[k+1])
 */
public record AnalyzedText(CharSequence text, TokenBuffer tokens, int[] sentences) {

    /** Number of sentences. */
    public int sentenceCount() {
        return sentences.length - 1;
    }

    /** First char of sentence {@code k}. */
    public int sentenceStart(int k) {
        return tokens.start(sentences[k]);
    }

    /** One past the last char of sentence {@code k}. */
    public int sentenceEnd(int k) {
        return tokens.end(sentences[k + 1] - 1);
    }
}
