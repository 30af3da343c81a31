package org.fairnote.text;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word-level knowledge shared by the pattern compiler and the tokenizer's resolver, so a pattern
 * and a note normalise the same way: contractions expand ("don't" → do not), a possessive 's is
 * dropped, and British and American spellings are equivalent.
 */
public final class WordForms {
    private WordForms() {
    }

    private static final Map<String, List<String>> CONTRACTIONS = buildContractions();

    private static Map<String, List<String>> buildContractions() {
        String[][] table = {
            {"don't", "do not"}, {"doesn't", "does not"}, {"didn't", "did not"}, {"won't", "will not"},
            {"wouldn't", "would not"}, {"can't", "can not"}, {"cannot", "can not"}, {"couldn't", "could not"},
            {"shouldn't", "should not"}, {"isn't", "is not"}, {"aren't", "are not"}, {"wasn't", "was not"},
            {"weren't", "were not"}, {"hasn't", "has not"}, {"haven't", "have not"}, {"hadn't", "had not"},
            {"mustn't", "must not"}, {"needn't", "need not"}, {"shan't", "shall not"}, {"mightn't", "might not"},
            {"ain't", "is not"}, {"dont", "do not"}, {"doesnt", "does not"}, {"didnt", "did not"},
            {"wont", "will not"}, {"cant", "can not"}, {"shouldnt", "should not"}, {"isnt", "is not"},
            {"wasnt", "was not"}, {"wouldnt", "would not"}, {"couldnt", "could not"},
            {"i'm", "i am"}, {"i've", "i have"}, {"i'll", "i will"}, {"i'd", "i would"},
            {"she's", "she is"}, {"he's", "he is"}, {"it's", "it is"}, {"that's", "that is"},
            {"there's", "there is"}, {"what's", "what is"}, {"who's", "who is"}, {"let's", "let us"},
            {"they're", "they are"}, {"we're", "we are"}, {"you're", "you are"},
            {"they've", "they have"}, {"we've", "we have"}, {"you've", "you have"},
            {"she'll", "she will"}, {"he'll", "he will"}, {"they'll", "they will"}, {"we'll", "we will"},
            {"you'll", "you will"}, {"it'll", "it will"}, {"that'll", "that will"},
            {"she'd", "she would"}, {"he'd", "he would"}, {"they'd", "they would"}, {"we'd", "we would"},
            {"you'd", "you would"},
        };
        ImmutableMap.Builder<String, List<String>> b = ImmutableMap.builder();
        for (String[] row : table) {
            b.put(row[0], ImmutableList.copyOf(row[1].split(" ")));
        }
        return b.buildOrThrow();
    }

    /** All contraction surfaces with their expansions. */
    public static Map<String, List<String>> contractions() {
        return CONTRACTIONS;
    }

    /**
     * The terms one normalised word stands for: the expansion of a contraction, the word without a
     * possessive 's, or the word itself.
     */
    public static List<String> parts(String term) {
        List<String> expansion = CONTRACTIONS.get(term);
        if (expansion != null) {
            return expansion;
        }
        String stripped = stripPossessive(term);
        return List.of(stripped);
    }

    /** "sim's" → "sim"; other words unchanged. */
    public static String stripPossessive(String term) {
        if (term.length() > 2 && term.endsWith("'s")) {
            return term.substring(0, term.length() - 2);
        }
        return term;
    }

    /**
     * British and American spellings of a normalised word, the word first: behaviour/behavior,
     * criminalise/criminalize, organisation/organization, offence/offense, counselling/counseling,
     * paediatric/pediatric, judgement/judgment. Over-generation is harmless: it only adds surfaces.
     */
    public static List<String> spellingVariants(String term) {
        Set<String> out = new LinkedHashSet<>();
        out.add(term);
        addVariants(term, out);
        for (String v : new ArrayList<>(out)) {
            addVariants(v, out);
        }
        return List.copyOf(out);
    }

    private static void addVariants(String w, Set<String> out) {
        int n = w.length();
        // -our / -or (behaviour, colour, neighbour, favour), with inflections
        swapInside(w, "our", "or", 5, out);
        swapInside(w, "or", "our", 5, out);
        // -ise / -ize and -isation / -ization, -ising, -ised, -iser
        for (String[] pair : new String[][] {{"is", "iz"}, {"iz", "is"}}) {
            if (w.indexOf(pair[0]) < 0) {
                continue;
            }
            for (String suffix : new String[] {"e", "es", "ed", "ing", "ation", "ations", "er", "ers"}) {
                String from = pair[0] + suffix;
                if (n > from.length() + 2 && w.endsWith(from)) {
                    out.add(w.substring(0, n - from.length()) + pair[1] + suffix);
                }
            }
        }
        // -ence / -ense (offence, defence, licence)
        replaceSuffix(w, "ence", "ense", out);
        replaceSuffix(w, "ense", "ence", out);
        replaceSuffix(w, "ences", "enses", out);
        replaceSuffix(w, "enses", "ences", out);
        // doubled l before -ed/-ing/-er/-or (counselling, travelled)
        for (String suffix : new String[] {"lled", "lling", "ller", "llor", "llors", "llers"}) {
            replaceSuffix(w, suffix, suffix.substring(1), out);
        }
        for (String suffix : new String[] {"led", "ling", "ler", "lor", "lors", "lers"}) {
            if (n > suffix.length() + 2 && w.endsWith(suffix)
                    && isVowel(w.charAt(n - suffix.length() - 1)) && !w.endsWith("l" + suffix)) {
                out.add(w.substring(0, n - suffix.length()) + "l" + suffix);
            }
        }
        // ae / oe digraphs (paediatric, anaesthetic, oestrogen, manoeuvre)
        if (w.contains("ae") && n > 5) {
            out.add(w.replace("ae", "e"));
        }
        if (w.contains("oe") && n > 5 && !w.endsWith("oe") && !w.endsWith("oes")) {
            out.add(w.replace("oe", "e"));
        }
        // judgement / judgment, acknowledgement
        if (w.contains("dgement")) {
            out.add(w.replace("dgement", "dgment"));
        } else if (w.contains("dgment")) {
            out.add(w.replace("dgment", "dgement"));
        }
        // programme / program, centre / center, metre / meter, litre
        replaceSuffix(w, "programme", "program", out);
        replaceSuffix(w, "programmes", "programs", out);
        replaceSuffix(w, "centre", "center", out);
        replaceSuffix(w, "centres", "centers", out);
        // -yse / -yze (analyse)
        replaceSuffix(w, "yse", "yze", out);
        replaceSuffix(w, "ysed", "yzed", out);
        replaceSuffix(w, "ysing", "yzing", out);
    }

    private static void swapInside(String w, String from, String to, int minLength, Set<String> out) {
        if (w.length() < minLength || w.indexOf(from) < 0) {
            return;
        }
        for (String suffix : new String[] {"", "s", "ed", "ing", "al", "ally", "ist", "ists", "ite", "ites", "ful",
                "able", "er", "ers", "hood", "hoods", "ly"}) {
            String end = from + suffix;
            if (w.endsWith(end) && w.length() - end.length() >= 2) {
                char before = w.charAt(w.length() - end.length() - 1);
                if (from.equals("or") && before == 'u') {
                    continue;
                }
                if (!isVowel(before) || from.equals("our")) {
                    out.add(w.substring(0, w.length() - end.length()) + to + suffix);
                }
            }
        }
    }

    private static void replaceSuffix(String w, String from, String to, Set<String> out) {
        if (w.length() > from.length() && w.endsWith(from) || w.equals(from)) {
            out.add(w.substring(0, w.length() - from.length()) + to);
        }
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
