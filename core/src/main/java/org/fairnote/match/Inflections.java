package org.fairnote.match;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Candidate inflected forms of an English word, generated at compile time so that common
 * inflections resolve with a dictionary lookup instead of a stemmer call. Candidates are kept only
 * when their Snowball stem equals the word's, so over-generation is harmless.
 */
final class Inflections {
    private Inflections() {
    }

    static Set<String> candidates(String w) {
        Set<String> out = new LinkedHashSet<>();
        out.add(w);
        String[] suffixes = {"s", "es", "ed", "d", "ing", "er", "ers", "ion", "ions", "ive", "ively", "iveness",
            "ment", "ments", "ly", "ness", "ful", "able", "ation", "ations", "ant", "ants", "ance", "ence", "or", "ors",
            "al", "ally", "ism", "ist", "ists", "ity", "ies", "ied", "y"};
        for (String s : suffixes) {
            out.add(w + s);
        }
        int n = w.length();
        if (n > 2 && w.endsWith("e")) {
            String base = w.substring(0, n - 1);
            for (String s : suffixes) {
                out.add(base + s);
            }
        }
        if (n > 2 && w.endsWith("y")) {
            String base = w.substring(0, n - 1);
            out.add(base + "ies");
            out.add(base + "ied");
            out.add(base + "ier");
            out.add(base + "iest");
            out.add(base + "ily");
        }
        if (n > 2 && isConsonant(w.charAt(n - 1)) && !isConsonant(w.charAt(n - 2))) {
            char last = w.charAt(n - 1);
            out.add(w + last + "ed");
            out.add(w + last + "ing");
            out.add(w + last + "er");
            out.add(w + last + "ers");
        }
        if (n > 3 && w.endsWith("ion")) {
            String base = w.substring(0, n - 3);
            out.add(base + "e");
            out.add(base + "ive");
            out.add(base + "es");
            out.add(base + "ed");
            out.add(base + "ing");
        }
        switch (w) {
            case "die" -> out.add("dying");
            case "lie" -> out.add("lying");
            case "tie" -> out.add("tying");
            default -> {
            }
        }
        return out;
    }

    private static boolean isConsonant(char c) {
        return c >= 'a' && c <= 'z' && "aeiou".indexOf(c) < 0;
    }
}
