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
 * tokens: two states at one node keep the larger budget, which can only reach more. The alphabet is
 * numbered as met: a token's symbol stands for its word class (its term and stem ids), case id and
 * classes, all that a step depends on. A transition remembers whether it reaches an accepting node.
 * Transitions and states are built on first use and kept for the thread's next sentences; past
 * {@link #MAX_TRANSITIONS} everything is dropped and built again (and that sentence goes to the
 * exact matcher). Never shared between threads.
 *
 * <p>The transitions lie in one array, each state's row at its own base, rows interleaved where
 * the others leave slots free, as lex and yacc pack their tables: a step is one array read at
 * the state's base plus the symbol, checked against the state, with no hashing on the chain of
 * dependent reads from one token to the next.
 *
 * <p>On varied text the states hardly repeat, and building them costs more than the exact matcher
 * would (the annotated corpus notes: a new transition for 44 % of tokens). So, as RE2 does with its
 * lazy DFA, the filter measures itself: when more than one lookup in {@link #MAX_MISS_SHARE} of a
 * {@link #TRIAL}-token trial builds a transition, it stands aside for a pause of tokens, twice as
 * long after each failed trial, up to {@link #MAX_PAUSE}. The trial right after the cache was built
 * is not judged.
 *
 * <p>A reporting table ({@code reporting}) is the same machine made to report the matches
 * themselves, for {@link Automaton#matchByTable}: its states hold (node, age, budget) entries, the
 * age counting the tokens since the entry's match began, and mark the accepting nodes the step into
 * them reached, so that each state knows the (payload, age) pairs it accepts and a match's start is
 * its end minus the age. Ages make more states than the filter has, but on notes that repeat their
 * phrasing they repeat too (about 1,400 transitions for each of the entry and context automata over
 * the benchmark's 3,000 notes), and then a sentence costs one table read per token instead of the
 * exact matcher's steps of every live state.
 */
final class MatchFilter {
    static final int MAX_TRANSITIONS = 1 << 14;
    static final int TRIAL = 2048;
    static final int MAX_MISS_SHARE = 8;
    private static final long FIRST_PAUSE = 1L << 18;
    private static final long MAX_PAUSE = 1L << 24;
    /** Slots per transition past which the rows are built again from nothing: moved rows leave gaps. */
    private static final int MAX_SLOTS_PER_TRANSITION = 4;
    /** Symbols, plus one, are kept as chars. */
    private static final int MAX_SYMBOLS = Character.MAX_VALUE - 1;
    /**
     * Slots looked at, from the lowest free one, for a base where a moved row fits before it goes
     * past the last row: on varied text rows move often, and a longer search cost more than the
     * gaps it saves.
     */
    private static final int FIT_WINDOW = 64;
    /** State 0 is the empty set; state 1 the start of a sentence, where anchored patterns may begin. */
    private static final int START = 1;
    /**
     * Marks a transition that reaches an accepting node, in a transition's next state. State numbers
     * stay below it: a full cache ({@link #MAX_TRANSITIONS} states) is built again from nothing.
     */
    private static final int ACCEPTS = 1 << 15;
    /** Returned for a step the filter could not take: no state has this number, and it is never cached. */
    private static final int UNKNOWN = -1;
    /** A free transition slot: its high 16 bits, 0xFFFF, are no state's number. */
    private static final int FREE = -1;

    private final Automaton automaton;
    /**
     * Whether this table reports matches ({@link #report}) rather than only where the last may end:
     * its states then hold (node, age, budget) entries, the age being the tokens since the match
     * began, and the accepting nodes reached by the step into them, so that each state knows the
     * (payload, age) pairs it accepts.
     */
    private final boolean reporting;
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
    /**
     * Each state's entries, sorted: (node << 8 | budget); when reporting, (node << 16 | age << 8 |
     * budget), a budget of {@link #ACCEPTED} marking a node accepted by the step into the state.
     */
    private int[][] states = new int[64][];
    /** When reporting: each state's accepted (payload, age) pairs, or null when it accepts nothing. */
    private int[][] stateAccepts = new int[64][];
    private int stateCount;
    private final Map<StateKey, Integer> stateIds = new HashMap<>();

    /**
     * Symbol plus one (0: none yet) of a token without a case id, at its word class times 4 plus
     * its classes: nearly every token finds its symbol here, by one read.
     */
    private char[] symbolOfClass = new char[1024];
    /** Symbols of tokens with a case id, by word class, case id and classes. */
    private final Map<Long, Integer> symbolOfCaseKey = new HashMap<>();
    private int symbolCount;
    /** Every symbol is below it; {@link #slots} has this many slots past {@link #slotsEnd}. */
    private int symbolCapacity;

    /**
     * State {@code s}'s transition on symbol {@code y} is at {@code slots[base[s] + y]} when that
     * slot holds {@code s}: the state in the high 16 bits, the next state with its accept bit in the
     * low 16; {@link #FREE} marks a free slot. Four bytes a slot, not eight, so that more of the
     * table stays in the L1 cache: each step waits on this read.
     */
    private int[] slots;
    private int[] base = new int[64];
    /** Each state's symbols with a transition, to move its row. */
    private int[][] rowSymbols = new int[64][];
    private int[] rowLength = new int[64];
    /** One past the last slot in use; no base lies past it. */
    private int slotsEnd;
    /** No free slot lies below it. */
    private int firstFree;
    private int transitionCount;
    /** Rows moved since the filter was made, for tests. */
    private int movedRows;

    /** The step being built: per node, the best budget plus one (0: absent), valid when stamped. */
    private int[] budgetPlusOne = new int[0];
    private int[] stampOf = new int[0];
    private int stamp;
    private boolean overflow;
    private int[] touched = new int[64];
    private int touchedCount;
    /** Whether the step being built reaches an accepting node. */
    private boolean stepAccepts;
    /** When reporting: the entries of the step being built, unsorted, with duplicates. */
    private int[] aged = new int[64];
    private int agedCount;
    /** When reporting: the tokens of the sentence being reported whose step accepts, and the states they reach. */
    private int[] acceptingTokens = new int[16];
    private int[] acceptingStates = new int[16];

    MatchFilter(Automaton automaton) {
        this(automaton, false);
    }

    /** A filter, or with {@code reporting} a table that reports the matches themselves. */
    MatchFilter(Automaton automaton, boolean reporting) {
        this(automaton, reporting, MAX_TRANSITIONS, FIRST_PAUSE);
    }

    /** With a smaller cache or another pause, for tests of what happens when it is full or stands aside. */
    MatchFilter(Automaton automaton, int maxTransitions, long firstPause) {
        this(automaton, false, maxTransitions, firstPause);
    }

    MatchFilter(Automaton automaton, boolean reporting, int maxTransitions, long firstPause) {
        if (maxTransitions >= ACCEPTS) {
            throw new IllegalArgumentException("state numbers must stay below " + ACCEPTS + ": " + maxTransitions);
        }
        this.automaton = automaton;
        this.reporting = reporting;
        this.maxTransitions = maxTransitions;
        this.firstPause = firstPause;
        this.pause = firstPause;
        reset();
    }

    boolean reporting() {
        return reporting;
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

    /** Counts a sentence's lookups towards the trial, and judges the trial when it is due. */
    private void countLookups(int count) {
        lookups += count;
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
        Arrays.fill(symbolOfClass, (char) 0);
        symbolOfCaseKey.clear();
        symbolCount = 0;
        symbolCapacity = 64;
        slots = new int[1024];
        Arrays.fill(slots, FREE);
        slotsEnd = 0;
        firstFree = 0;
        transitionCount = 0;
        intern(new int[0]);
        intern(new int[] {reporting ? Automaton.ANCHORED_ROOT << 16 : Automaton.ANCHORED_ROOT << 8});
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
            int next = transition(state, tokens, i);
            if (next == UNKNOWN) {
                countLookups(i - from + 1);
                return to;
            }
            if ((next & ACCEPTS) != 0) {
                end = i + 1;
                next &= ~ACCEPTS;
            }
            state = next;
        }
        countLookups(to - from);
        return end;
    }

    /**
     * Reports to {@code sink} every match in tokens {@code [from, to)} that starts before token
     * {@code startsBefore}, as {@link Automaton#match} would (each at least once, ordered by end);
     * returns false, having reported nothing, when the table cannot tell, for the exact matcher.
     */
    boolean report(TokenBuffer tokens, int from, int to, int startsBefore, Automaton.Sink sink) {
        int state = START;
        int accepting = 0;
        for (int i = from; i < to; i++) {
            int next = transition(state, tokens, i);
            if (next == UNKNOWN) {
                countLookups(i - from + 1);
                return false;
            }
            if ((next & ACCEPTS) != 0) {
                next &= ~ACCEPTS;
                if (accepting == acceptingTokens.length) {
                    acceptingTokens = Arrays.copyOf(acceptingTokens, accepting * 2);
                    acceptingStates = Arrays.copyOf(acceptingStates, accepting * 2);
                }
                acceptingTokens[accepting] = i;
                acceptingStates[accepting++] = next;
            }
            state = next;
        }
        countLookups(to - from);
        for (int k = 0; k < accepting; k++) {
            int end = acceptingTokens[k] + 1;
            int[] pairs = stateAccepts[acceptingStates[k]];
            for (int p = 0; p < pairs.length; p += 2) {
                int start = end - pairs[p + 1];
                if (start < startsBefore) {
                    sink.match(pairs[p], start, end);
                }
            }
        }
        return true;
    }

    /** The transition from {@code state} on token {@code i}, built if new: one read at the state's base plus the symbol. */
    private int transition(int state, TokenBuffer tokens, int i) {
        int symbol = symbol(tokens, i);
        int slot = slots[base[state] + symbol];
        return slot >>> 16 == state ? slot & 0xFFFF : build(state, symbol, tokens, i);
    }

    /** The token's symbol, numbered now if new: kept small so that the JIT inlines it. */
    private int symbol(TokenBuffer tokens, int i) {
        int classes = tokenClasses(tokens.flags(i));
        if (tokens.caseId(i) < 0) {
            int index = tokens.wordClass(i) << 2 | classes;
            char[] known = symbolOfClass;
            if (index < known.length && known[index] != 0) {
                return known[index] - 1;
            }
        }
        return newSymbol(tokens, i, classes);
    }

    /** What of a token's flags a step depends on: capitalised (not as a later part of a word), a number. */
    private static int tokenClasses(int flags) {
        return ((flags & (TokenBuffer.CAPITALISED | TokenBuffer.EXPANDED)) == TokenBuffer.CAPITALISED ? 1 : 0)
                | ((flags & TokenBuffer.NUMBER) != 0 ? 2 : 0);
    }

    private int newSymbol(TokenBuffer tokens, int i, int classes) {
        if (tokens.caseId(i) >= 0) {
            long key = (long) tokens.wordClass(i) << 32 | (long) tokens.caseId(i) << 2 | classes;
            Integer known = symbolOfCaseKey.get(key);
            if (known != null) {
                return known;
            }
            int symbol = nextSymbol();
            symbolOfCaseKey.put(key, symbol);
            return symbol;
        }
        int index = tokens.wordClass(i) << 2 | classes;
        if (index >= symbolOfClass.length) {
            symbolOfClass = Arrays.copyOf(symbolOfClass, Math.max(index + 1, 2 * symbolOfClass.length));
        }
        if (symbolOfClass[index] == 0) {
            symbolOfClass[index] = (char) (nextSymbol() + 1);
        }
        return symbolOfClass[index] - 1;
    }

    private int nextSymbol() {
        if (symbolCount == symbolCapacity) {
            symbolCapacity *= 2;
            ensureSlots();
        }
        return symbolCount++;
    }

    /**
     * Builds, stores and returns a transition {@link #matchEnd} did not find; out of line, so that
     * the step inlines. A new symbol always comes here (it has no transition yet), so the check on
     * the number of symbols keeps them below what {@link #symbolOfClass} holds.
     */
    private int build(int state, int symbol, TokenBuffer tokens, int i) {
        misses++;
        int next = step(state, tokens, i);
        if (transitionCount >= maxTransitions || stateCount >= maxTransitions
                || symbolCount >= MAX_SYMBOLS || slotsEnd > MAX_SLOTS_PER_TRANSITION * maxTransitions) {
            // Full: start again from nothing. The state just numbered is gone too, so the exact
            // matcher takes this sentence.
            reset();
            return UNKNOWN;
        }
        if (overflow) {
            return UNKNOWN; // a node or budget the entries cannot hold: the exact matcher decides
        }
        insert(state, symbol, next);
        return next;
    }

    private void insert(int state, int symbol, int next) {
        int value = state << 16 | next;
        int slot = base[state] + symbol;
        addToRow(state, symbol);
        if (slots[slot] == FREE) {
            slots[slot] = value;
            slotsEnd = Math.max(slotsEnd, slot + 1);
        } else {
            moveRow(state, symbol, value);
        }
        transitionCount++;
        ensureSlots();
    }

    private void addToRow(int state, int symbol) {
        int[] row = rowSymbols[state];
        if (row == null) {
            row = new int[2];
        } else if (rowLength[state] == row.length) {
            row = Arrays.copyOf(row, row.length * 2);
        }
        row[rowLength[state]++] = symbol;
        rowSymbols[state] = row;
    }

    /**
     * Moves the state's row, whose new {@code symbol}'s slot is taken, to a base where all its
     * symbols' slots are free: the first found near the lowest free slot, else past the last row.
     */
    private void moveRow(int state, int symbol, int value) {
        movedRows++;
        int[] row = rowSymbols[state];
        int length = rowLength[state];
        int oldBase = base[state];
        int[] values = new int[length];
        int lowest = Integer.MAX_VALUE;
        for (int k = 0; k < length; k++) {
            int y = row[k];
            lowest = Math.min(lowest, y);
            if (y == symbol) {
                values[k] = value;
            } else {
                values[k] = slots[oldBase + y];
                slots[oldBase + y] = FREE;
                firstFree = Math.min(firstFree, oldBase + y);
            }
        }
        while (firstFree < slotsEnd && slots[firstFree] != FREE) {
            firstFree++;
        }
        int newBase = -1;
        int from = Math.max(firstFree, lowest);
        int limit = Math.min(slotsEnd, from + FIT_WINDOW);
        for (int p = from; p < limit && newBase < 0; p++) {
            if (slots[p] == FREE && fits(row, length, p - lowest)) {
                newBase = p - lowest;
            }
        }
        if (newBase < 0) {
            newBase = Math.max(0, slotsEnd - lowest); // every slot from slotsEnd on is free
        }
        base[state] = newBase;
        for (int k = 0; k < length; k++) {
            slots[newBase + row[k]] = values[k];
            slotsEnd = Math.max(slotsEnd, newBase + row[k] + 1);
        }
    }

    private boolean fits(int[] row, int length, int at) {
        for (int k = 0; k < length; k++) {
            if (slots[at + row[k]] != FREE) {
                return false;
            }
        }
        return true;
    }

    int movedRows() {
        return movedRows;
    }

    /** Keeps {@link #symbolCapacity} slots past {@link #slotsEnd}, so that any base plus any symbol is a slot. */
    private void ensureSlots() {
        int needed = slotsEnd + symbolCapacity;
        if (slots.length < needed) {
            int length = slots.length;
            while (length < needed) {
                length *= 2;
            }
            int[] grown = Arrays.copyOf(slots, length);
            Arrays.fill(grown, slots.length, length, FREE);
            slots = grown;
        }
    }

    /**
     * The state after token {@code i} from {@code state}, with {@link #ACCEPTS} if it reaches an
     * accepting node; {@link #UNKNOWN} when the state cannot be held.
     */
    private int step(int state, TokenBuffer tokens, int i) {
        if (reporting) {
            return stepReporting(state, tokens, i);
        }
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
        stepAccepts = false;
        automaton.stepSet(states[state], tokens, i, this);
        boolean accepts = stepAccepts;
        if (overflow) {
            return UNKNOWN; // not numbered: see build
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

    /**
     * {@link #step} for a reporting table: the entries {@link Automaton#stepSet} adds, sorted, of
     * each (node, age) the largest budget, and the accepted markers.
     */
    private int stepReporting(int state, TokenBuffer tokens, int i) {
        agedCount = 0;
        overflow = false;
        automaton.stepSet(states[state], tokens, i, this);
        if (overflow) {
            return UNKNOWN;
        }
        int[] entries = Arrays.copyOf(aged, agedCount);
        Arrays.sort(entries);
        int kept = 0;
        boolean accepts = false;
        for (int k = 0; k < entries.length; k++) {
            int e = entries[k];
            boolean marker = isAccepted(e);
            accepts |= marker;
            // Sorted by node, age, budget: of a (node, age), keep the last live entry and the marker.
            boolean lastLive = !marker && (k + 1 == entries.length || (entries[k + 1] & ~0xFF) != (e & ~0xFF)
                    || isAccepted(entries[k + 1]));
            boolean firstMarker = marker && (k == 0 || entries[k - 1] != e);
            if (lastLive || firstMarker) {
                entries[kept++] = e;
            }
        }
        int id = intern(Arrays.copyOf(entries, kept));
        return accepts ? id | ACCEPTS : id;
    }

    /** The budget that marks an entry of a reporting table as an accepted node, not a live state. */
    static final int ACCEPTED = 0xFF;

    /** Whether an entry marks an accepted node (never so in a filter, whose budgets stay below it). */
    static boolean isAccepted(int entry) {
        return (entry & 0xFF) == ACCEPTED;
    }

    static int budgetOf(int entry) {
        return entry & 0xFF;
    }

    int nodeOf(int entry) {
        return reporting ? entry >>> 16 : entry >>> 8;
    }

    /** Tokens since the entry's match began; a filter does not count them. */
    int ageOf(int entry) {
        return reporting ? entry >>> 8 & 0xFF : 0;
    }

    /** Adds (node, budget), with the tokens since its match began, to the state being built. */
    void add(int node, int budget, int age) {
        if (!reporting) {
            add(node, budget);
        } else if (budget >= ACCEPTED) {
            overflow = true;
        } else {
            addEntry(node, age, budget);
        }
    }

    /** The accepting {@code node} is reached, {@code age} tokens after its match began. */
    void accept(int node, int age) {
        if (reporting) {
            addEntry(node, age, ACCEPTED);
        } else {
            stepAccepts = true;
        }
    }

    private void addEntry(int node, int age, int budget) {
        if (node >= 1 << 15 || age > 0xFF) {
            overflow = true; // the exact matcher decides
            return;
        }
        if (agedCount == aged.length) {
            aged = Arrays.copyOf(aged, agedCount * 2);
        }
        aged[agedCount++] = node << 16 | age << 8 | budget;
    }

    /** Adds (node, budget) to the filter's state being built, keeping the larger budget. */
    private void add(int node, int budget) {
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
            stateAccepts = Arrays.copyOf(stateAccepts, stateCount * 2);
            base = Arrays.copyOf(base, stateCount * 2);
            rowSymbols = Arrays.copyOf(rowSymbols, stateCount * 2);
            rowLength = Arrays.copyOf(rowLength, stateCount * 2);
        }
        states[stateCount] = entries;
        stateAccepts[stateCount] = reporting ? acceptedPairs(entries) : null;
        base[stateCount] = 0;
        rowLength[stateCount] = 0;
        stateIds.put(key, stateCount);
        return stateCount++;
    }

    /** A reporting state's accepted (payload, age) pairs, or null when none. */
    private int[] acceptedPairs(int[] entries) {
        int count = 0;
        for (int e : entries) {
            if (isAccepted(e)) {
                count += automaton.acceptsAt(nodeOf(e)).length;
            }
        }
        if (count == 0) {
            return null;
        }
        int[] pairs = new int[2 * count];
        int k = 0;
        for (int e : entries) {
            if (isAccepted(e)) {
                for (int payload : automaton.acceptsAt(nodeOf(e))) {
                    pairs[k++] = payload;
                    pairs[k++] = ageOf(e);
                }
            }
        }
        return pairs;
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
