package org.fairnote.match;

import java.util.ArrayList;
import java.util.List;
import org.fairnote.match.PatternItem.Capitalised;
import org.fairnote.match.PatternItem.Choice;
import org.fairnote.match.PatternItem.Exact;
import org.fairnote.match.PatternItem.Gap;
import org.fairnote.match.PatternItem.Number;
import org.fairnote.match.PatternItem.Optional;
import org.fairnote.match.PatternItem.Punct;
import org.fairnote.match.PatternItem.Sequence;
import org.fairnote.match.PatternItem.Word;
import org.fairnote.text.TokenBuffer;
import org.fairnote.text.Tokenizer;
import org.fairnote.text.WordForms;

/**
 * Parses Fairnote's pattern syntax (documented in lexicons/README.md). A word is normalised by the
 * same {@link Tokenizer} as the notes, so a pattern and a note always agree on what a token is.
 */
public final class PatternParser {
    /** The longest gap a pattern may ask for, in tokens. */
    public static final int MAX_GAP = 10;

    private static final Tokenizer TOKENIZER = Tokenizer.plain();

    private final String source;
    private int pos;

    private PatternParser(String source) {
        this.source = source;
    }

    /**
     * Parses a lexicon pattern, which must name at least one word in every alternative; throws
     * {@link PatternSyntaxException} naming the problem.
     */
    public static Pattern parse(String source) {
        return parse(source, true);
    }

    /**
     * Parses a pattern; with {@code requireWord} false a pattern of punctuation alone is allowed
     * (context triggers such as quotation marks or {@code ;}).
     */
    public static Pattern parse(String source, boolean requireWord) {
        if (source == null || source.isBlank()) {
            throw new PatternSyntaxException(String.valueOf(source), -1, "empty pattern");
        }
        PatternParser p = new PatternParser(source);
        p.skipSpace();
        boolean anchored = false;
        if (p.peek() == '^') {
            anchored = true;
            p.pos++;
        }
        Sequence body = p.sequence();
        p.skipSpace();
        if (p.pos < source.length()) {
            throw p.error("unexpected '" + source.charAt(p.pos) + "'");
        }
        Pattern pattern = new Pattern(source, anchored, body);
        PatternExpander.validate(pattern, requireWord);
        return pattern;
    }

    private Sequence sequence() {
        List<PatternItem> items = new ArrayList<>();
        while (true) {
            skipSpace();
            char c = peek();
            if (c == 0 || c == ')' || c == ']' || c == '|') {
                break;
            }
            switch (c) {
                case '(' -> items.add(choice());
                case '[' -> items.add(optional());
                case '{' -> items.add(gap());
                case '^' -> throw error("'^' is only allowed at the start of a pattern");
                default -> word(items);
            }
        }
        return new Sequence(List.copyOf(items));
    }

    private Choice choice() {
        return new Choice(options(')', "'(' is not closed"));
    }

    /** {@code [a b]} or {@code [a | b c]}: optional items, or one of several optional alternatives. */
    private Optional optional() {
        List<Sequence> options = options(']', "'[' is not closed");
        Sequence body = options.size() == 1 ? options.get(0) : new Sequence(List.of(new Choice(options)));
        return new Optional(body);
    }

    private List<Sequence> options(char close, String unclosed) {
        int open = pos++;
        List<Sequence> options = new ArrayList<>();
        while (true) {
            Sequence option = sequence();
            if (option.items().isEmpty()) {
                throw error("empty alternative");
            }
            options.add(option);
            char c = peek();
            if (c == '|') {
                pos++;
            } else if (c == close) {
                pos++;
                char after = peek();
                if (after == '?' || after == '*' || after == '+') {
                    // Regex habit: here '?' would silently become a punctuation token the note must contain.
                    throw error("'" + after + "' after a group is not an operator: write [a | b] for an "
                            + "optional group and {min,max} for a gap");
                }
                return List.copyOf(options);
            } else {
                pos = open;
                throw error(unclosed);
            }
        }
    }

    private Gap gap() {
        int open = pos;
        int close = source.indexOf('}', pos);
        if (close < 0) {
            throw error("'{' is not closed");
        }
        String inner = source.substring(pos + 1, close).trim();
        String[] parts = inner.split(",", -1);
        try {
            int min;
            int max;
            if (parts.length == 1) {
                min = 0;
                max = Integer.parseInt(parts[0].trim());
            } else if (parts.length == 2) {
                min = Integer.parseInt(parts[0].trim());
                max = Integer.parseInt(parts[1].trim());
            } else {
                throw error("a gap is {min,max}");
            }
            if (min < 0 || max < min || max == 0 || max > MAX_GAP) {
                pos = open;
                throw error("a gap must be {min,max} with 0 <= min <= max, 1 <= max <= " + MAX_GAP);
            }
            pos = close + 1;
            return new Gap(min, max);
        } catch (NumberFormatException e) {
            pos = open;
            throw error("a gap is {min,max} with whole numbers, e.g. {0,3}");
        }
    }

    private void word(List<PatternItem> items) {
        int start = pos;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '|' || c == '{') {
                break;
            }
            pos++;
        }
        String raw = source.substring(start, pos);
        if (raw.equals("@Cap")) {
            items.add(new Capitalised());
            return;
        }
        if (raw.equals("@Num")) {
            items.add(new Number());
            return;
        }
        if (raw.startsWith("@")) {
            pos = start;
            throw error("unknown token class '" + raw + "'; use @Cap or @Num");
        }
        if (raw.startsWith("=")) {
            String surface = raw.substring(1);
            TokenBuffer tokens = TOKENIZER.tokenize(surface);
            if (tokens.size() != 1 || !tokens.has(0, TokenBuffer.WORD)
                    || tokens.end(0) - tokens.start(0) != surface.length()) {
                pos = start;
                throw error("a case-sensitive item must be one word, was '" + surface + "'");
            }
            items.add(new Exact(surface));
            return;
        }
        boolean inflected = raw.endsWith("~");
        String text = inflected ? raw.substring(0, raw.length() - 1) : raw;
        if (text.contains("~")) {
            pos = start;
            throw error("'~' goes at the end of a word");
        }
        if (isPlainLowerWord(text)) {
            // The common case, and the same result as tokenising it: one word, its own term.
            List<String> parts = WordForms.parts(text);
            for (int k = 0; k < parts.size(); k++) {
                items.add(new Word(parts.get(k), inflected && k == parts.size() - 1));
            }
            return;
        }
        TokenBuffer tokens = TOKENIZER.tokenize(text);
        if (tokens.size() == 0) {
            pos = start;
            throw error("'" + raw + "' has no letters, digits or punctuation");
        }
        List<PatternItem> parts = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            if (tokens.has(t, TokenBuffer.PUNCT)) {
                parts.add(new Punct(tokens.termChars()[tokens.termOffset(t)]));
            } else {
                for (String part : WordForms.parts(tokens.term(t))) {
                    parts.add(new Word(part, false));
                }
            }
        }
        if (inflected) {
            PatternItem last = parts.get(parts.size() - 1);
            if (!(last instanceof Word w)) {
                pos = start;
                throw error("'~' must follow a word");
            }
            parts.set(parts.size() - 1, new Word(w.term(), true));
        }
        items.addAll(parts);
    }

    private static boolean isPlainLowerWord(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private void skipSpace() {
        while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < source.length() ? source.charAt(pos) : 0;
    }

    private PatternSyntaxException error(String problem) {
        return new PatternSyntaxException(source, pos, problem);
    }
}
