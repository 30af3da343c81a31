package org.fairnote.testing;

import java.util.List;
import java.util.Random;

/**
 * Seeded random text for property tests, in the spirit of Lucene's {@code checkRandomData}: arbitrary
 * Unicode (surrogate pairs, lone surrogates, combining marks, controls, right-to-left text, soft
 * hyphens and zero-width chars), clinical-looking text, and helpers to print a failing input so it
 * can be replayed. The seed comes from {@code -Dfairnote.seed=...} (fixed in CI).
 */
public final class RandomTexts {
    private RandomTexts() {
    }

    /** The run's seed: {@code -Dfairnote.seed}, else a fixed default. */
    public static long seed() {
        return Long.getLong("fairnote.seed", 20261122L);
    }

    private static final String[] FRAGMENTS = {
        "She is attention-seeking", "do not convey to ED", "PC Jones will attend", "not to be conveyed",
        "if she calls again she will be arrested", "She said", "'", "\"", "\u2018", "\u2019", "\u201C", "\u201D",
        "History:", "Plan:", "\n", "\n\n", " - ", "\u2022 ", "1. ", "Pt.", "approx.", "e.g.", "14.30", "2.5mg",
        "don't", "can't", "attentionseeking", "ATTENTION SEEKING", "atten\u00ADtion", "\u200B", "\u05E9\u05DC\u05D5\u05DD",
        "\u0627\u0644\u0633\u0644\u0627\u0645", "e\u0301", "\uD83D\uDE00", "\uD835\uDC00", "\uD800", "\uDC00", "\u0000",
        "\u0007", "\t", "\r\n", "\uFFFD", "\uFEFF", "\u2028", "no", "never", "but", "however", "A&E", "s136", "y/o"
    };

    /** A random string: mostly clinical fragments and words, with arbitrary code units mixed in. */
    public static String next(Random r, int maxLength) {
        int target = r.nextInt(Math.max(1, maxLength));
        StringBuilder b = new StringBuilder(target + 16);
        while (b.length() < target) {
            switch (r.nextInt(6)) {
                case 0 -> b.append((char) r.nextInt(0x10000));
                case 1 -> b.appendCodePoint(r.nextInt(Character.MAX_CODE_POINT + 1));
                case 2 -> b.append((char) (0x20 + r.nextInt(0x60)));
                default -> b.append(FRAGMENTS[r.nextInt(FRAGMENTS.length)]).append(r.nextBoolean() ? " " : "");
            }
        }
        return b.toString();
    }

    /** Picks one element. */
    /** The word with one typing slip anywhere in it: a letter missed, added or changed, or two swapped. */
    public static String slip(Random r, String w) {
        if (w.isEmpty()) {
            return w;
        }
        int p = r.nextInt(w.length());
        char c = (char) ('a' + r.nextInt(26));
        return switch (r.nextInt(4)) {
            case 0 -> w.substring(0, p) + w.substring(p + 1);
            case 1 -> w.substring(0, p) + c + w.substring(p);
            case 2 -> w.substring(0, p) + c + w.substring(p + 1);
            default -> p + 1 < w.length() ? w.substring(0, p) + w.charAt(p + 1) + w.charAt(p) + w.substring(p + 2) : w;
        };
    }

    public static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    /** The input escaped as a Java string literal, for failure messages. */
    public static String escape(CharSequence s) {
        StringBuilder b = new StringBuilder("\"");
        int limit = Math.min(s.length(), 2000);
        for (int i = 0; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04X", (int) c));
            }
        }
        if (s.length() > limit) {
            b.append("...(").append(s.length()).append(" chars)");
        }
        return b.append('"').toString();
    }

    /** A message naming the seed and case so a failure can be replayed. */
    public static String replay(long seed, int iteration, CharSequence input) {
        return "seed " + seed + " (replay with -Dfairnote.seed=" + seed + "), case " + iteration + ", input "
                + escape(input);
    }
}
