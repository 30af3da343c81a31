package org.fairnote.context;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.fairnote.Assertion;
import org.fairnote.Category;

/**
 * Decides a target's assertion from the triggers of its sentence and the section it is in: a
 * target inside quotation marks is a mention and takes the enclosing rule's assertion ("Jo asked
 * that 'frequent flyer' is never used" is reported, not negated); else an applicable negation
 * wins, else the nearest applicable trigger (ties: reported, hypothetical, historical), then the
 * section's default, then {@link Assertion#AFFIRMED}. Triggers that are the target's own wording are
 * ignored, so an entry that contains its own negation ("not to be conveyed") stays affirmed, as are
 * triggers {@linkplain #consumeOwnWording consumed} by another lexicon match of the sentence ("do
 * not convey to ED as she is attention seeking" does not negate "attention seeking"), and triggers
 * quoted apart from the target ("She 'can't cope' apparently" is not negated). Immutable.
 */
public final class AssertionResolver {

    /**
     * Why a target got its assertion.
     *
     * @param assertion the assertion
     * @param ruleId    the context rule or section rule that set it; null for the default
     */
    public record Decision(Assertion assertion, String ruleId) {
        static final Decision DEFAULT = new Decision(Assertion.AFFIRMED, null);
    }

    private final List<ContextRule> rules;
    private final Decision[] decisions;
    private final boolean[] pseudo;
    private final int previousSentenceScope;

    public AssertionResolver(List<ContextRule> rules) {
        this.rules = ImmutableList.copyOf(rules);
        this.decisions = new Decision[this.rules.size()];
        this.pseudo = new boolean[this.rules.size()];
        for (int i = 0; i < decisions.length; i++) {
            ContextRule r = this.rules.get(i);
            decisions[i] = new Decision(r.assertion(), r.id());
            pseudo[i] = r.direction() == Direction.PSEUDO;
        }
        this.previousSentenceScope = this.rules.stream().filter(r -> r.direction() == Direction.PREVIOUS_SENTENCE)
                .mapToInt(ContextRule::maxScope).max().orElse(0);
    }

    public List<ContextRule> rules() {
        return rules;
    }

    /** Drops triggers hidden by longer ones; on equal spans a pseudo-trigger hides the other. */
    public void prune(TriggerMatches triggers) {
        triggers.prune(pseudo);
    }

    /**
     * How many tokens into a sentence a trigger may start and still speak for the sentence before
     * ({@link #forPreviousSentence}); 0 when no rule does. Of a sentence that is only matched to
     * reassess the one before, triggers starting later need not be found: neither they nor the
     * longer triggers that could hide one of these (which start no later) are missed.
     */
    public int previousSentenceScope() {
        return previousSentenceScope;
    }

    /**
     * The decision a trigger opening this sentence (tokens from {@code sentenceStart}) sets for an
     * affirmed finding of {@code category} in the sentence before, or null: "This stopped in 2022."
     * after "Police attended her CPA reviews." Of several, the earliest wins.
     */
    public Decision forPreviousSentence(TriggerMatches triggers, int sentenceStart, Category category) {
        int best = -1;
        for (int k = 0; k < triggers.size; k++) {
            ContextRule rule = rules.get(triggers.rule[k]);
            if (!triggers.live[k] || rule.direction() != Direction.PREVIOUS_SENTENCE || !rule.appliesTo(category)
                    || triggers.start[k] - sentenceStart >= rule.maxScope()) {
                continue;
            }
            if (best < 0 || triggers.start[k] < triggers.start[best]) {
                best = k;
            }
        }
        return best < 0 ? null : decisions[triggers.rule[best]];
    }

    /**
     * Marks the triggers that are the own wording of the lexicon match on tokens {@code [s, e)} and
     * whose scope the match itself fills, so that they govern no target outside it: the "not" of "do
     * not convey to ED" (forward, with the match going on after it), but not the "if" that ends "leave
     * will be cancelled if", which still makes "he refuses" after it hypothetical. Quote marks are
     * never consumed.
     */
    public void consumeOwnWording(TriggerMatches triggers, int s, int e, OwnWording own) {
        for (int k = 0; k < triggers.size; k++) {
            int ts = triggers.start[k];
            int te = triggers.end[k];
            ContextRule rule = rules.get(triggers.rule[k]);
            if (ts >= e || te <= s || !own.covers(Math.max(ts, s), Math.min(te, e), rule.assertion())) {
                continue;
            }
            boolean filled = switch (rule.direction()) {
                case FORWARD -> te < e;
                case BACKWARD -> ts > s;
                case BIDIRECTIONAL -> ts > s && te < e;
                default -> false;
            };
            if (filled) {
                triggers.consume(k, s, e);
            }
        }
    }

    /**
     * The assertion of target tokens {@code [s, e)} of {@code category}, given the sentence's
     * pruned triggers and the section's decision (null when none).
     */
    public Decision resolve(TriggerMatches triggers, int s, int e, Category category, Decision section) {
        return resolve(triggers, s, e, category, section, ALL_OWN_WORDING);
    }

    /**
     * Which tokens inside a target are its own wording: a trigger there ("not" in "not to be
     * conveyed") is part of what was matched and is ignored, while a trigger that only fell into a
     * gap of the pattern ("no longer" in "police will no longer attend her reviews") applies.
     */
    @FunctionalInterface
    public interface OwnWording {
        /** Is the trigger on tokens {@code [from, to)}, setting {@code assertion}, part of the target's own wording? */
        boolean covers(int from, int to, Assertion assertion);
    }

    /** Every token inside the target is its own wording (a standalone target). */
    public static final OwnWording ALL_OWN_WORDING = (from, to, assertion) -> true;

    /** As {@link #resolve(TriggerMatches, int, int, Category, Decision)}, telling triggers in gaps apart. */
    public Decision resolve(TriggerMatches triggers, int s, int e, Category category, Decision section,
            OwnWording own) {
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        int quotesBefore = -1;
        for (int k = 0; k < triggers.size; k++) {
            if (!triggers.live[k] && !hiderIsOwnWording(triggers, triggers.hiddenBy[k], s, e, own)) {
                continue; // "no" inside "no longer": the longer trigger speaks for both
            }
            int ts = triggers.start[k];
            int te = triggers.end[k];
            boolean inside = ts < e && s < te;
            ContextRule rule = rules.get(triggers.rule[k]);
            if (inside && own.covers(Math.max(ts, s), Math.min(te, e), rule.assertion())) {
                continue; // part of the target's own wording
            }
            if (triggers.consumedApartFrom(k, s, e)) {
                continue; // part of another lexicon match's wording
            }
            Direction d = rule.direction();
            if (d == Direction.TERMINATE || d == Direction.PSEUDO || d == Direction.PREVIOUS_SENTENCE
                    || !rule.appliesTo(category)) {
                continue;
            }
            int distance;
            if (inside) {
                if (d == Direction.ENCLOSING) {
                    continue;
                }
                distance = 0; // in a gap of the target: it governs the target whatever its direction
            } else if (d == Direction.ENCLOSING) {
                if (te > s || quotesBefore == 0) {
                    continue;
                }
                if (quotesBefore < 0) {
                    quotesBefore = countEnclosing(triggers, k, s, e);
                }
                if (quotesBefore == 0) {
                    continue;
                }
                distance = s - te;
            } else if (quotedApart(triggers, ts, te, s, e)) {
                continue; // words inside a quotation ("can't cope") govern nothing outside it
            } else if (te <= s && (d == Direction.FORWARD || d == Direction.BIDIRECTIONAL)) {
                distance = s - te;
                if (distance > rule.maxScope() || terminated(triggers, te, s)) {
                    continue;
                }
            } else if (ts >= e && (d == Direction.BACKWARD || d == Direction.BIDIRECTIONAL)) {
                distance = ts - e;
                if (distance > rule.maxScope() || terminated(triggers, e, ts)) {
                    continue;
                }
            } else {
                continue;
            }
            if (best < 0 || outranks(rule, distance, rules.get(triggers.rule[best]), bestDistance)) {
                best = k;
                bestDistance = distance;
            }
        }
        if (best >= 0) {
            return decisions[triggers.rule[best]];
        }
        return section != null ? section : Decision.DEFAULT;
    }

    /**
     * A trigger hidden by a longer one comes back when the longer one is the target's own wording
     * and so is ignored; a longer trigger in a gap of the target keeps it hidden.
     */
    private boolean hiderIsOwnWording(TriggerMatches triggers, int j, int s, int e, OwnWording own) {
        int ts = triggers.start[j];
        int te = triggers.end[j];
        return ts < e && s < te && own.covers(Math.max(ts, s), Math.min(te, e), rules.get(triggers.rule[j]).assertion());
    }

    /** 1 when an odd number of the enclosing trigger's matches precede the target and one follows it. */
    private int countEnclosing(TriggerMatches triggers, int k, int s, int e) {
        int rule = triggers.rule[k];
        int before = 0;
        boolean after = false;
        for (int j = 0; j < triggers.size; j++) {
            if (triggers.rule[j] != rule) {
                continue;
            }
            if (triggers.end[j] <= s) {
                before++;
            } else if (triggers.start[j] >= e) {
                after = true;
            }
        }
        return before % 2 == 1 && after ? 1 : 0;
    }

    /**
     * Whether the trigger {@code [ts, te)} lies inside a quotation that does not also hold the
     * target {@code [s, e)}: quote marks are the matches of enclosing rules, paired in order.
     */
    private boolean quotedApart(TriggerMatches triggers, int ts, int te, int s, int e) {
        int before = quotesEndingBy(triggers, ts);
        if (before % 2 == 0 || quotesEndingBy(triggers, te) != before || !quoteFrom(triggers, te)) {
            return false;
        }
        return quotesEndingBy(triggers, s) != before || quotesEndingBy(triggers, e) != before;
    }

    private int quotesEndingBy(TriggerMatches triggers, int pos) {
        int n = 0;
        for (int j = 0; j < triggers.size; j++) {
            if (triggers.end[j] <= pos && rules.get(triggers.rule[j]).direction() == Direction.ENCLOSING) {
                n++;
            }
        }
        return n;
    }

    private boolean quoteFrom(TriggerMatches triggers, int pos) {
        for (int j = 0; j < triggers.size; j++) {
            if (triggers.start[j] >= pos && rules.get(triggers.rule[j]).direction() == Direction.ENCLOSING) {
                return true;
            }
        }
        return false;
    }

    private boolean terminated(TriggerMatches triggers, int from, int to) {
        for (int j = 0; j < triggers.size; j++) {
            if (triggers.live[j] && triggers.start[j] >= from && triggers.start[j] < to
                    && rules.get(triggers.rule[j]).direction() == Direction.TERMINATE) {
                return true;
            }
        }
        return false;
    }

    /** Quotation first, then negation; otherwise the nearer trigger, then precedence. */
    private static boolean outranks(ContextRule a, int distance, ContextRule b, int bestDistance) {
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB) {
            return rankA < rankB;
        }
        return distance < bestDistance
                || distance == bestDistance && precedence(a.assertion()) < precedence(b.assertion());
    }

    private static int rank(ContextRule rule) {
        if (rule.direction() == Direction.ENCLOSING) {
            return 0;
        }
        return rule.assertion() == Assertion.NEGATED ? 1 : 2;
    }

    private static int precedence(Assertion a) {
        return switch (a) {
            case NEGATED -> 0;
            case REPORTED -> 1;
            case HYPOTHETICAL -> 2;
            case HISTORICAL -> 3;
            case AFFIRMED -> 4;
        };
    }
}
