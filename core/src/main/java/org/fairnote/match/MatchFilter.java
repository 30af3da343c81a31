package org.fairnote.match;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.fairnote.text.TokenBuffer;

/**
 * Tells whether a sentence holds any match of an {@link Automaton}, and where the last may end, by
 * a deterministic automaton built lazily from it, one thread's cache: most sentences of a note
 * hold none, and one table probe per token is far cheaper than advancing the live states of the
 * exact matcher.
 *
 * <p>A state is the set of (node, gap budget) that the exact matcher would hold, without the start
 * tokens: two states at one node keep the larger budget, which can only reach more. A transition is
 * keyed by the token's ids and classes, and remembers whether it reaches an accepting node.
 * Transitions and states are built on first use and kept for the thread's next sentences; past
 * {@link #MAX_TRANSITIONS} everything is dropped and built again (and that sentence goes to the
 * exact matcher). Never shared between threads.
 *
 * <p>On varied text the states hardly repeat, and building them costs more than the exact matcher
 * would (the annotated corpus notes: a new transition for 44 % of tokens). So, as RE2 does with its
 * lazy DFA, the filter measures itself: when more than one lookup in {@link #MAX_MISS_SHARE} of a
 * {@link #TRIAL}-token trial builds a transition, it stands aside for a pause of tokens, twice as
 * long after each failed trial, up to {@link #MAX_PAUSE}. The trial right after the cache was built
 * is not judged.
 */
final class MatchFilter {
    static final int MAX_TRANSITIONS = 1 << 14;
    static final int TRIAL = 2048;
    static final int MAX_MISS_SHARE = 8;
    private static final long FIRST_PAUSE = 1L << 18;
    private static final long MAX_PAUSE = 1L << 24;
    private static final int MAX_ID = (1 << 20) - 2;
    /** State 0 is the empty set; state 1 the start of a sentence, where anchored patterns may begin. */
    private static final int START = 1;
    /** Marks a transition that reaches an accepting node, in a transition's next state. */
    private static final int ACCEPTS = 1 << 31;
    /** Returned for a step the filter could not take: no state has this number, and it is never cached. */
    private static final int UNKNOWN = -1;
    /** A free transition slot: no state is -1. */
    private static final long FREE = -1L;

    private final Automaton automaton;
    private final int maxTransitions;
    private final long firstPause;
    private long pause;
    /** Lookups and built transitions since the trial began. */
    private int lookups;
    private int misses;
    /** Tokens still to pass before the next trial; 0 while the filter works. */
    private long pausedFor;
    /** The first trial after the cache was (re)built is not judged: every lookup then builds. */
    private boolean warming;
    /** Each state's (node << 8 | budget) entries, sorted. */
    private int[][] states = new int[64][];
    private int stateCount;
    private final Map<StateKey, Integer> stateIds = new HashMap<>();

    /**
     * Open addressing, two longs per slot side by side so that a probe reads one cache line: the
     * token key, then the state (high half) and the next state with its accept bit (low half);
     * {@link #FREE} marks a free slot.
     */
    private long[] transitions = new long[2 * 1024];
    private int transitionCount;

    /** The step being built: per node, the best budget plus one (0: absent), valid when stamped. */
    private int[] budgetPlusOne = new int[0];
    private int[] stampOf = new int[0];
    private int stamp;
    private boolean overflow;
    private int[] touched = new int[64];
    private int touchedCount;

    MatchFilter(Automaton automaton) {
        this(automaton, MAX_TRANSITIONS, FIRST_PAUSE);
    }

    /** With a smaller cache or another pause, for tests of what happens when it is full or stands aside. */
    MatchFilter(Automaton automaton, int maxTransitions, long firstPause) {
        this.automaton = automaton;
        this.maxTransitions = maxTransitions;
        this.firstPause = firstPause;
        this.pause = firstPause;
        reset();
    }

    /**
     * Whether the filter is worth asking about a sentence of {@code tokens} tokens; when it is not,
     * the sentence counts towards the pause.
     */
    boolean enabled(int tokens) {
        if (pausedFor <= 0) {
            return true;
        }
        pausedFor -= tokens;
        return false;
    }

    private void endTrialIfDue() {
        if (lookups < TRIAL) {
            return;
        }
        if (warming) {
            warming = false;
        } else if (misses * MAX_MISS_SHARE > lookups) {
            pausedFor = pause;
            pause = Math.min(MAX_PAUSE, pause * 2);
        } else {
            pause = firstPause;
        }
        lookups = 0;
        misses = 0;
    }

    private void reset() {
        stateIds.clear();
        stateCount = 0;
        intern(new int[0]);
        intern(new int[] {Automaton.ANCHORED_ROOT << 8});
        clearTransitions();
        transitionCount = 0;
        warming = true;
    }

    /**
     * The end of the last match the automaton may have in tokens {@code [from, to)}: no match ends
     * after it, so matching {@code [from, end)} finds every match. {@code from} when there is none;
     * {@code to} when the filter cannot tell.
     */
    int matchEnd(TokenBuffer tokens, int from, int to) {
        int state = START;
        int end = from;
        for (int i = from; i < to; i++) {
            long key = tokenKey(tokens, i);
            int next = key < 0 ? UNKNOWN : transition(state, key, tokens, i); // an id too large for the key: unknown
            if (next == UNKNOWN) {
                lookups += i - from + 1;
                endTrialIfDue();
                return to;
            }
            if ((next & ACCEPTS) != 0) {
                end = i + 1;
                next &= ~ACCEPTS;
            }
            state = next;
        }
        lookups += to - from;
        endTrialIfDue();
        return end;
    }

    /** The token's term, stem and case ids and its classes, or -1 if an id does not fit. */
    private static long tokenKey(TokenBuffer tokens, int i) {
        int term = tokens.termId(i) + 1;
        int stem = tokens.stemId(i) + 1;
        int exact = tokens.caseId(i) + 1;
        if (term > MAX_ID || stem > MAX_ID || exact > MAX_ID) {
            return -1;
        }
        long classes = (tokens.has(i, TokenBuffer.CAPITALISED) && !tokens.has(i, TokenBuffer.EXPANDED) ? 1 : 0)
                | (tokens.has(i, TokenBuffer.NUMBER) ? 2 : 0);
        return (long) term << 42 | (long) stem << 22 | (long) exact << 2 | classes;
    }

    private int transition(int state, long key, TokenBuffer tokens, int i) {
        long[] table = transitions;
        int mask = (table.length >> 1) - 1;
        for (int slot = home(key, state, mask); ; slot = (slot + 1) & mask) {
            long entry = table[2 * slot + 1];
            if (entry == FREE) {
                break;
            }
            if ((int) (entry >>> 32) == state && table[2 * slot] == key) {
                return (int) entry;
            }
        }
        return build(state, key, tokens, i);
    }

    /** Builds, caches and returns a transition {@link #transition} did not find; out of line, so that the probe inlines. */
    private int build(int state, long key, TokenBuffer tokens, int i) {
        misses++;
        int next = step(state, tokens, i);
        if (overflow) {
            return UNKNOWN; // a node or budget the entries cannot hold: the exact matcher decides
        }
        if (transitionCount >= maxTransitions || stateCount >= maxTransitions) {
            // Full: start again from nothing. The state just numbered is gone too, so the exact
            // matcher takes this sentence.
            reset();
            return UNKNOWN;
        }
        if (2 * (transitionCount + 1) > transitions.length >> 1) {
            growTransitions();
        }
        insert(key, state, next);
        return next;
    }

    private void insert(long key, int state, int next) {
        int mask = (transitions.length >> 1) - 1;
        int slot = home(key, state, mask);
        while (transitions[2 * slot + 1] != FREE) {
            slot = (slot + 1) & mask;
        }
        transitions[2 * slot] = key;
        transitions[2 * slot + 1] = (long) state << 32 | (next & 0xFFFFFFFFL);
        transitionCount++;
    }

    private void growTransitions() {
        long[] old = transitions;
        transitions = new long[old.length * 2];
        clearTransitions();
        transitionCount = 0;
        for (int k = 0; k < old.length; k += 2) {
            if (old[k + 1] != FREE) {
                insert(old[k], (int) (old[k + 1] >>> 32), (int) old[k + 1]);
            }
        }
    }

    private void clearTransitions() {
        for (int k = 1; k < transitions.length; k += 2) {
            transitions[k] = FREE;
        }
    }

    private static int home(long key, int state, int mask) {
        return (int) mix(key * 31 + state) & mask;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /**
     * The state after token {@code i} from {@code state}, with {@link #ACCEPTS} if it reaches an
     * accepting node; {@link #UNKNOWN} when the state cannot be held.
     */
    private int step(int state, TokenBuffer tokens, int i) {
        if (budgetPlusOne.length < automaton.nodeCount()) {
            budgetPlusOne = new int[automaton.nodeCount()];
            stampOf = new int[automaton.nodeCount()];
        }
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(stampOf, 0);
            stamp = 1;
        }
        touchedCount = 0;
        overflow = false;
        boolean accepts = automaton.stepSet(states[state], tokens, i, this);
        if (overflow) {
            return UNKNOWN; // not numbered: see transition
        }
        int[] entries = new int[touchedCount];
        for (int k = 0; k < touchedCount; k++) {
            int node = touched[k];
            entries[k] = node << 8 | (budgetPlusOne[node] - 1);
        }
        Arrays.sort(entries);
        int id = intern(entries);
        return accepts ? id | ACCEPTS : id;
    }

    /** Adds (node, budget) to the state being built, keeping the larger budget. */
    void add(int node, int budget) {
        if (node >= 1 << 23 || budget > 254) {
            overflow = true;
            return;
        }
        if (stampOf[node] != stamp) {
            stampOf[node] = stamp;
            budgetPlusOne[node] = budget + 1;
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = node;
        } else if (budgetPlusOne[node] < budget + 1) {
            budgetPlusOne[node] = budget + 1;
        }
    }

    private int intern(int[] entries) {
        StateKey key = new StateKey(entries);
        Integer id = stateIds.get(key);
        if (id != null) {
            return id;
        }
        if (stateCount == states.length) {
            states = Arrays.copyOf(states, stateCount * 2);
        }
        states[stateCount] = entries;
        stateIds.put(key, stateCount);
        return stateCount++;
    }

    private record StateKey(int[] entries) {
        @Override
        public boolean equals(Object o) {
            return o instanceof StateKey k && Arrays.equals(entries, k.entries);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(entries);
        }
    }
}
