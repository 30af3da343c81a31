package org.fairnote.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fairnote.text.TokenBuffer;

/**
 * Every compiled pattern in one token trie, run over a sentence's tokens in a single pass.
 *
 * <p>Edges test a token's term id, stem id or case-sensitive id (one hash probe each, and only for
 * tokens the vocabulary knows), or a token class (capitalised, number, any). A gap is a node that
 * may also stay where it is for up to N tokens. Matching keeps the set of live (node, start) states:
 * a new state at the root for each token, advanced token by token, so the cost is linear in the
 * text and nearly independent of the number of patterns (only live prefixes are visited). A state
 * is kept only while a token ahead may continue it (by the node's edge signature), which halves the
 * states that common words and gaps would otherwise keep alive.
 *
 * <p>Reports every (payload, start token, end token) match, sometimes more than once: two paths of one
 * pattern (a word and its stem, two gap lengths) may reach it. Immutable and thread-safe.
 */
public final class Automaton {
    static final int ROOT = 0;
    static final int ANCHORED_ROOT = 1;

    private static final int KIND_TERM = 0;
    private static final int KIND_STEM = 1;
    private static final int KIND_EXACT = 2;
    private static final int MAX_LISTED_EDGES = 8;
    /** Kind 3 does not exist, so this key is never looked up. */
    private static final int NO_KEY = -1;

    /**
     * Every node's edges side by side as pairs (key {@code kind << 30 | id}, target). Most nodes have
     * a few edges, stored as a list scanned in one or two cache lines; a node with more than
     * {@link #MAX_LISTED_EDGES} stores them as its own open-addressing table (a power of two of pairs,
     * at most half full, free slots keyed {@link #NO_KEY}), since a binary search over the 80 to 110
     * words after a common word was the largest single cost of matching. A hash table over all edges
     * missed the cache on nearly every probe.
     */
    private final int[] edges;
    /**
     * Per node, two longs side by side so that a step reads one cache line before it knows whether
     * the token continues the node:
     * <ol>
     * <li>the edge signature, one bit per edge key ({@link #signatureBit}): most steps find no edge,
     * and this filter answers most of them without reading the edges;
     * <li>where its edges are: {@code start << 32 | ints << 8 | flags}, where the flags have bit
     * (1 << kind) set when the node has an edge of that kind, and the HAS_ bits, so that a step
     * skips the tables of what a node lacks.
     * </ol>
     */
    private final long[] nodeInfo;
    private static final int HAS_CAP = 1 << 3;
    private static final int HAS_NUM = 1 << 4;
    private static final int HAS_ANY = 1 << 5;
    private static final int HAS_GAPS = 1 << 6;
    private static final int HAS_ACCEPTS = 1 << 7;
    private static final int WORD_EDGES = (1 << KIND_TERM) | (1 << KIND_STEM) | (1 << KIND_EXACT);
    private static final int CLASS_EDGES = HAS_CAP | HAS_NUM | HAS_ANY;
    private final int[] capChild;
    private final int[] numChild;
    private final int[] anyChild;
    /** Per node: pairs (max tokens, gap node), or null. */
    private final int[][] gaps;
    /** Per node: payloads accepted there, or null. */
    private final int[][] accepts;
    private final int nodeCount;
    /** The root's edges as direct tables by id (-1: none): every token is tried at the root. */
    private final int[][] rootByKind = new int[3][];
    /** Every pattern starts at the start of a sentence, so matching ends when no state is left. */
    private final boolean anchoredOnly;

    /** Receives matches. */
    public interface Sink {
        void match(int payload, int startToken, int endToken);
    }

    private Automaton(Builder b) {
        // Number the nodes reachable from the roots breadth first, roots first as ROOT and
        // ANCHORED_ROOT: the nodes near the roots, which nearly every token visits, then lie together
        // in nodeInfo and edges and share cache lines.
        java.util.Map<Builder.Node, Integer> index = new java.util.IdentityHashMap<>();
        List<Builder.Node> order = new ArrayList<>();
        for (Builder.Node r : List.of(b.root, b.anchoredRoot)) {
            index.put(r, order.size());
            order.add(r);
        }
        for (int next = 0; next < order.size(); next++) {
            Builder.Node n = order.get(next);
            List<Builder.Node> children = new ArrayList<>(n.edges.values());
            children.addAll(n.gaps.values());
            for (Builder.Node c : n.classes) {
                if (c != null) {
                    children.add(c);
                }
            }
            for (Builder.Node c : children) {
                if (!index.containsKey(c)) {
                    index.put(c, order.size());
                    order.add(c);
                }
            }
        }
        nodeCount = order.size();
        nodeInfo = new long[2 * nodeCount];
        capChild = new int[nodeCount];
        numChild = new int[nodeCount];
        anyChild = new int[nodeCount];
        gaps = new int[nodeCount][];
        accepts = new int[nodeCount][];
        int edgeInts = 0;
        for (int i = 0; i < nodeCount; i++) {
            edgeInts += 2 * edgeSlots(i, order.get(i).edges.size());
        }
        edges = new int[edgeInts];
        int at = 0;
        for (int i = 0; i < nodeCount; i++) {
            Builder.Node n = order.get(i);
            capChild[i] = n.classes[0] == null ? -1 : index.get(n.classes[0]);
            numChild[i] = n.classes[1] == null ? -1 : index.get(n.classes[1]);
            anyChild[i] = n.classes[2] == null ? -1 : index.get(n.classes[2]);
            int flags = (capChild[i] >= 0 ? HAS_CAP : 0) | (numChild[i] >= 0 ? HAS_NUM : 0)
                    | (anyChild[i] >= 0 ? HAS_ANY : 0) | (n.gaps.isEmpty() ? 0 : HAS_GAPS)
                    | (n.accepts.isEmpty() ? 0 : HAS_ACCEPTS);
            if (!n.gaps.isEmpty()) {
                int[] flat = new int[n.gaps.size() * 2];
                int k = 0;
                for (var g : n.gaps.entrySet()) {
                    flat[k++] = g.getKey();
                    flat[k++] = index.get(g.getValue());
                }
                gaps[i] = flat;
            }
            if (!n.accepts.isEmpty()) {
                accepts[i] = n.accepts.stream().mapToInt(Integer::intValue).toArray();
            }
            int slots = edgeSlots(i, n.edges.size());
            if (slots > MAX_LISTED_EDGES) {
                Arrays.fill(edges, at, at + 2 * slots, NO_KEY);
            }
            int listed = at;
            java.util.Map<Integer, Builder.Node> laidOut = i == ROOT ? java.util.Map.of() : n.edges;
            for (var e : laidOut.entrySet()) {
                int key = e.getKey();
                flags |= 1 << (key >>> 30);
                nodeInfo[2 * i] |= signatureBit(key);
                int target = index.get(e.getValue());
                if (slots > MAX_LISTED_EDGES) {
                    int slot = edgeHash(key) & (slots - 1);
                    while (edges[at + 2 * slot] != NO_KEY) {
                        slot = (slot + 1) & (slots - 1);
                    }
                    edges[at + 2 * slot] = key;
                    edges[at + 2 * slot + 1] = target;
                } else {
                    edges[listed++] = key;
                    edges[listed++] = target;
                }
            }
            nodeInfo[2 * i + 1] = ((long) at << 32) | (2L * slots) << 8 | flags;
            at += 2 * slots;
        }
        Builder.Node root = order.get(ROOT);
        anchoredOnly = root.edges.isEmpty() && root.gaps.isEmpty()
                && Arrays.stream(root.classes).allMatch(c -> c == null);
        for (int kind = 0; kind < 3; kind++) {
            int max = -1;
            for (int key : root.edges.keySet()) {
                if (key >>> 30 == kind) {
                    max = Math.max(max, key & ((1 << 30) - 1));
                }
            }
            int[] table = new int[max + 1];
            Arrays.fill(table, -1);
            for (var e : root.edges.entrySet()) {
                if (e.getKey() >>> 30 == kind) {
                    table[e.getKey() & ((1 << 30) - 1)] = index.get(e.getValue());
                }
            }
            rootByKind[kind] = table;
        }
    }

    /** Number of trie nodes, for statistics. */
    public int nodeCount() {
        return nodeCount;
    }

    /**
     * Pairs node {@code node} with {@code edgeCount} edges takes: the edges, or a table at most half
     * full; none for the root, whose edges are looked up in {@link #rootByKind}.
     */
    private static int edgeSlots(int node, int edgeCount) {
        if (node == ROOT) {
            return 0;
        }
        int slots = edgeCount <= MAX_LISTED_EDGES ? edgeCount : Integer.highestOneBit(edgeCount - 1) << 2;
        if (2L * slots >= 1 << 24) {
            throw new IllegalStateException("a node with " + edgeCount + " edges does not fit the edge layout");
        }
        return slots;
    }

    private static int edgeHash(int key) {
        int h = key * 0x9E3779B1;
        return h ^ (h >>> 16);
    }

    private int flags(int node) {
        return (int) nodeInfo[2 * node + 1] & 0xFF;
    }

    private static long signatureBit(int key) {
        return 1L << ((key * 0x9E3779B1) >>> 26);
    }

    private int edge(int node, int kind, int id) {
        int key = (kind << 30) | id;
        if ((nodeInfo[2 * node] & signatureBit(key)) == 0) {
            return -1;
        }
        long where = nodeInfo[2 * node + 1];
        int lo = (int) (where >>> 32);
        int hi = lo + ((int) where >>> 8);
        if (hi - lo <= 2 * MAX_LISTED_EDGES) {
            for (int i = lo; i < hi; i += 2) {
                if (edges[i] == key) {
                    return edges[i + 1];
                }
            }
            return -1;
        }
        int mask = ((hi - lo) >> 1) - 1;
        int slot = edgeHash(key) & mask;
        while (true) {
            int k = edges[lo + 2 * slot];
            if (k == key) {
                return edges[lo + 2 * slot + 1];
            }
            if (k == NO_KEY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Reusable per-call state. The current and next states are the two halves of one array each,
     * swapped by flipping an int offset: swapping array references in this long-lived object on
     * every token cost a garbage-collector write barrier per store, a quarter of the profile's samples.
     */
    public static final class Scratch {
        /** Filters and tables a scratch keeps: a screening's automata need two. */
        private static final int MAX_FILTERS = 4;
        /** States per half; a power of two. */
        int capacity = 32;
        /** Node, start token and remaining gap budget of each state: [0, capacity) and [capacity, 2 capacity). */
        int[] stateNode = new int[64];
        int[] stateStart = new int[64];
        int[] stateBudget = new int[64];
        /** Where the current states begin: 0 or {@link #capacity}; the next states are in the other half. */
        int cur;
        int curSize;
        /** Per next state: the previous next state at the same node, or -1. */
        int[] nextSameNode = new int[32];
        int nextSize;
        /**
         * Per node: the last next state at it, valid when its stamp is the current one. States sharing
         * a node are found through {@link #nextSameNode}, so adding a state costs the few states at
         * its node, not a scan of all states: gap patterns that start at common words keep dozens of
         * states alive at once.
         */
        int[] nodeHead = new int[0];
        int[] nodeStamp = new int[0];
        int stamp = 1;
        /** The end of the sentence being matched. */
        int to;
        /**
         * The filters of {@link #matchIfAny} and the reporting tables of {@link #matchByTable}, each
         * with the automaton that made it: a screening uses a few automata, each with its own.
         */
        private final MatchFilter[] filters = new MatchFilter[MAX_FILTERS];
        private final Automaton[] filterOwners = new Automaton[MAX_FILTERS];
        /** The slot the next new filter takes, round robin once all are used. */
        private int nextFilter;

        MatchFilter filterFor(Automaton owner, boolean reporting) {
            for (int k = 0; k < MAX_FILTERS; k++) {
                if (filterOwners[k] == owner && filters[k].reporting() == reporting) {
                    return filters[k];
                }
            }
            MatchFilter made = new MatchFilter(owner, reporting);
            filters[nextFilter] = made;
            filterOwners[nextFilter] = owner;
            nextFilter = (nextFilter + 1) % MAX_FILTERS;
            return made;
        }

        void swap() {
            cur ^= capacity;
            curSize = nextSize;
            nextSize = 0;
            newGeneration();
        }

        void clear() {
            curSize = 0;
            nextSize = 0;
            newGeneration();
        }

        private void newGeneration() {
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(nodeStamp, 0);
                stamp = 1;
            }
        }

        private void grow() {
            int n = capacity * 2;
            int next = cur ^ capacity;
            stateNode = regrow(stateNode, n, next);
            stateStart = regrow(stateStart, n, next);
            stateBudget = regrow(stateBudget, n, next);
            nextSameNode = Arrays.copyOf(nextSameNode, n);
            cur = 0;
            capacity = n;
        }

        /** A new array of two halves of {@code n}: the current states first, then the next ones. */
        private int[] regrow(int[] a, int n, int next) {
            int[] b = new int[2 * n];
            System.arraycopy(a, cur, b, 0, capacity);
            System.arraycopy(a, next, b, n, capacity);
            return b;
        }

        void addNext(int node, int start, int budget) {
            if (node >= nodeStamp.length) {
                int n = Math.max(node + 1, nodeStamp.length * 2);
                nodeStamp = Arrays.copyOf(nodeStamp, n);
                nodeHead = Arrays.copyOf(nodeHead, n);
            }
            int next = cur ^ capacity;
            int head = -1;
            if (nodeStamp[node] == stamp) {
                head = nodeHead[node];
                for (int i = head; i >= 0; i = nextSameNode[i]) {
                    if (stateStart[next + i] == start) {
                        if (stateBudget[next + i] < budget) {
                            stateBudget[next + i] = budget;
                        }
                        return;
                    }
                }
            }
            if (nextSize == capacity) {
                grow();
                next = cur ^ capacity;
            }
            stateNode[next + nextSize] = node;
            stateStart[next + nextSize] = start;
            stateBudget[next + nextSize] = budget;
            nextSameNode[nextSize] = head;
            nodeStamp[node] = stamp;
            nodeHead[node] = nextSize;
            nextSize++;
        }
    }

    /**
     * Runs every pattern over tokens {@code [from, to)}, one sentence: no match crosses its ends.
     * Reports each (payload, start, end) at least once, in no particular order.
     */
    public void match(TokenBuffer tokens, int from, int to, Scratch s, Sink sink) {
        match(tokens, from, to, to, s, sink);
    }

    /**
     * {@link #match}, reporting only the matches that start before token {@code startsBefore}: each
     * of them, with its whole span, and in the order {@link #match} reports them. Matching ends once
     * no state started before it is left.
     */
    public void match(TokenBuffer tokens, int from, int to, int startsBefore, Scratch s, Sink sink) {
        s.clear();
        s.to = to;
        int lastStart = Math.min(to, startsBefore);
        if (lastStart <= from) {
            return;
        }
        for (int i = from; i < to; i++) {
            // Every token may start a match; the first token of a sentence may also start anchored ones.
            if (i == from) {
                step(ANCHORED_ROOT, i, 0, tokens, i, s, sink);
            }
            if (i >= lastStart) {
                if (s.curSize == 0) {
                    break;
                }
            } else {
                stepRoot(tokens, i, s, sink);
            }
            for (int k = 0; k < s.curSize; k++) {
                int at = s.cur + k; // read each time: a step may grow the arrays and move the states
                step(s.stateNode[at], s.stateStart[at], s.stateBudget[at], tokens, i, s, sink);
            }
            s.swap();
            if (anchoredOnly && s.curSize == 0) {
                break;
            }
        }
        s.curSize = 0;
    }

    /**
     * {@link #match}, after asking the thread's {@link MatchFilter} whether the sentence holds any
     * match at all, and where the last may end: for an automaton whose matches are rare, most
     * sentences are then not matched, and the rest only up to that end. The filter stands aside on
     * text too varied for its cache to pay.
     */
    public void matchIfAny(TokenBuffer tokens, int from, int to, Scratch s, Sink sink) {
        MatchFilter filter = s.filterFor(this, false);
        if (!filter.enabled(to - from)) {
            match(tokens, from, to, s, sink);
        } else if (from < to) {
            int end = filter.matchEnd(tokens, from, to);
            if (end > from) {
                match(tokens, from, end, s, sink); // no match ends after the filter's last accepting token
            }
        }
    }

    /**
     * {@link #match}, by a deterministic table built lazily from this automaton, one thread's cache
     * (a reporting {@link MatchFilter}): one table read per token instead of stepping each live
     * state. Reports the same matches, ordered by end; on text too varied for the cache to pay, or
     * a sentence it cannot hold, the exact matcher runs instead.
     */
    public void matchByTable(TokenBuffer tokens, int from, int to, int startsBefore, Scratch s, Sink sink) {
        if (!reportByTable(tokens, from, to, startsBefore, s, sink)) {
            match(tokens, from, to, startsBefore, s, sink);
        }
    }

    /** {@link #matchByTable} of a whole sentence, falling back to {@link #matchIfAny} instead of {@link #match}. */
    public void matchIfAnyByTable(TokenBuffer tokens, int from, int to, Scratch s, Sink sink) {
        if (!reportByTable(tokens, from, to, to, s, sink)) {
            matchIfAny(tokens, from, to, s, sink);
        }
    }

    /** Reports the sentence's matches by the thread's table and returns true, or reports nothing and returns false. */
    private boolean reportByTable(TokenBuffer tokens, int from, int to, int startsBefore, Scratch s, Sink sink) {
        if (Math.min(to, startsBefore) <= from) {
            return true;
        }
        MatchFilter table = s.filterFor(this, true);
        return table.enabled(to - from) && table.report(tokens, from, to, startsBefore, sink);
    }

    /** The payloads accepted at {@code node}, or null. */
    int[] acceptsAt(int node) {
        return accepts[node];
    }

    /**
     * One token's step of the whole set of {@code entries} and the root, for {@link MatchFilter}:
     * what {@link #step} and {@link #arrive} do, without start tokens and without looking ahead.
     * The filter reads its own entries (node, budget and, in a reporting table, the age: tokens
     * since the entry's match began) and is told each state added and each accepting node reached.
     */
    void stepSet(int[] entries, TokenBuffer tokens, int i, MatchFilter f) {
        reachForFilter(childByTable(rootByKind[KIND_TERM], tokens.termId(i)), 1, f);
        reachForFilter(childByTable(rootByKind[KIND_STEM], tokens.stemId(i)), 1, f);
        reachForFilter(childByTable(rootByKind[KIND_EXACT], tokens.caseId(i)), 1, f);
        if ((flags(ROOT) & CLASS_EDGES) != 0) {
            classesForFilter(ROOT, 1, tokens, i, f);
        }
        for (int e : entries) {
            if (MatchFilter.isAccepted(e)) {
                continue;
            }
            int node = f.nodeOf(e);
            int budget = MatchFilter.budgetOf(e);
            int age = f.ageOf(e) + 1;
            int flags = flags(node);
            if ((flags & (1 << KIND_TERM)) != 0 && tokens.termId(i) >= 0) {
                reachForFilter(edge(node, KIND_TERM, tokens.termId(i)), age, f);
            }
            if ((flags & (1 << KIND_STEM)) != 0 && tokens.stemId(i) >= 0) {
                reachForFilter(edge(node, KIND_STEM, tokens.stemId(i)), age, f);
            }
            if ((flags & (1 << KIND_EXACT)) != 0 && tokens.caseId(i) >= 0) {
                reachForFilter(edge(node, KIND_EXACT, tokens.caseId(i)), age, f);
            }
            if ((flags & CLASS_EDGES) != 0) {
                classesForFilter(node, age, tokens, i, f);
            }
            if (budget > 0) {
                f.add(node, budget - 1, age);
            }
        }
    }

    private void classesForFilter(int node, int age, TokenBuffer tokens, int i, MatchFilter f) {
        if (tokens.has(i, TokenBuffer.CAPITALISED) && !tokens.has(i, TokenBuffer.EXPANDED)) {
            reachForFilter(capChild[node], age, f);
        }
        if (tokens.has(i, TokenBuffer.NUMBER)) {
            reachForFilter(numChild[node], age, f);
        }
        reachForFilter(anyChild[node], age, f);
    }

    private void reachForFilter(int node, int age, MatchFilter f) {
        if (node < 0) {
            return;
        }
        int flags = flags(node);
        if ((flags & HAS_ACCEPTS) != 0) {
            f.accept(node, age);
        }
        if ((flags & (WORD_EDGES | CLASS_EDGES)) != 0) {
            f.add(node, 0, age);
        }
        if ((flags & HAS_GAPS) != 0) {
            gapsForFilter(node, 0, age, f);
        }
    }

    private void gapsForFilter(int node, int budget, int age, MatchFilter f) {
        int[] g = gaps[node];
        if (g != null) {
            for (int k = 0; k < g.length; k += 2) {
                int target = g[k + 1];
                if ((flags(target) & (WORD_EDGES | CLASS_EDGES)) != 0) {
                    f.add(target, budget + g[k], age);
                }
                gapsForFilter(target, budget + g[k], age, f);
            }
        }
    }

    /** {@link #step} at the root, looking edges up by table instead of by hash. */
    private void stepRoot(TokenBuffer tokens, int i, Scratch s, Sink sink) {
        int c = childByTable(rootByKind[KIND_TERM], tokens.termId(i));
        if (c >= 0) {
            arrive(c, i, i + 1, tokens, s, sink);
        }
        c = childByTable(rootByKind[KIND_STEM], tokens.stemId(i));
        if (c >= 0) {
            arrive(c, i, i + 1, tokens, s, sink);
        }
        c = childByTable(rootByKind[KIND_EXACT], tokens.caseId(i));
        if (c >= 0) {
            arrive(c, i, i + 1, tokens, s, sink);
        }
        if ((flags(ROOT) & CLASS_EDGES) != 0) {
            stepClasses(ROOT, i, tokens, i, s, sink);
        }
    }

    private static int childByTable(int[] table, int id) {
        return id >= 0 && id < table.length ? table[id] : -1;
    }

    private void step(int node, int start, int budget, TokenBuffer tokens, int i, Scratch s, Sink sink) {
        int flags = flags(node);
        if ((flags & (1 << KIND_TERM)) != 0) {
            int t = tokens.termId(i);
            if (t >= 0) {
                int c = edge(node, KIND_TERM, t);
                if (c >= 0) {
                    arrive(c, start, i + 1, tokens, s, sink);
                }
            }
        }
        if ((flags & (1 << KIND_STEM)) != 0) {
            int st = tokens.stemId(i);
            if (st >= 0) {
                int c = edge(node, KIND_STEM, st);
                if (c >= 0) {
                    arrive(c, start, i + 1, tokens, s, sink);
                }
            }
        }
        if ((flags & (1 << KIND_EXACT)) != 0) {
            int ex = tokens.caseId(i);
            if (ex >= 0) {
                int c = edge(node, KIND_EXACT, ex);
                if (c >= 0) {
                    arrive(c, start, i + 1, tokens, s, sink);
                }
            }
        }
        if ((flags & CLASS_EDGES) != 0) {
            stepClasses(node, start, tokens, i, s, sink);
        }
        if (budget > 0) {
            s.addNext(node, start, budget - 1);
        }
    }

    private void stepClasses(int node, int start, TokenBuffer tokens, int i, Scratch s, Sink sink) {
        int cap = capChild[node];
        if (cap >= 0 && tokens.has(i, TokenBuffer.CAPITALISED) && !tokens.has(i, TokenBuffer.EXPANDED)) {
            arrive(cap, start, i + 1, tokens, s, sink);
        }
        int num = numChild[node];
        if (num >= 0 && tokens.has(i, TokenBuffer.NUMBER)) {
            arrive(num, start, i + 1, tokens, s, sink);
        }
        int any = anyChild[node];
        if (any >= 0) {
            arrive(any, start, i + 1, tokens, s, sink);
        }
    }

    private void arrive(int node, int start, int end, TokenBuffer tokens, Scratch s, Sink sink) {
        int flags = flags(node);
        if ((flags & HAS_ACCEPTS) != 0) {
            for (int payload : accepts[node]) {
                sink.match(payload, start, end);
            }
        }
        if (lastCandidate(node, flags, tokens, end, 0, s.to) >= 0) {
            s.addNext(node, start, 0);
        }
        if ((flags & HAS_GAPS) != 0) {
            addGaps(node, start, 0, end, tokens, s);
        }
    }

    /**
     * The last token of {@code [next, next + budget]} in the sentence that may take one of the
     * node's edges, as far as its signature tells; -1 if none. A state waits at a node only as long
     * as a token ahead may continue it: most states that a common word starts would die at the next
     * token, and most that wait in a gap would wait for nothing. Testing the tokens ahead now, while
     * the node's line is in the cache, saves storing and stepping those states.
     */
    private int lastCandidate(int node, int flags, TokenBuffer tokens, int next, int budget, int to) {
        int last = Math.min(next + budget, to - 1);
        if ((flags & CLASS_EDGES) != 0) {
            return last >= next ? last : -1;
        }
        long signature = nodeInfo[2 * node];
        for (int t = last; t >= next; t--) {
            if ((flags & (1 << KIND_TERM)) != 0) {
                int id = tokens.termId(t);
                if (id >= 0 && (signature & signatureBit((KIND_TERM << 30) | id)) != 0) {
                    return t;
                }
            }
            if ((flags & (1 << KIND_STEM)) != 0) {
                int id = tokens.stemId(t);
                if (id >= 0 && (signature & signatureBit((KIND_STEM << 30) | id)) != 0) {
                    return t;
                }
            }
            if ((flags & (1 << KIND_EXACT)) != 0) {
                int id = tokens.caseId(t);
                if (id >= 0 && (signature & signatureBit((KIND_EXACT << 30) | id)) != 0) {
                    return t;
                }
            }
        }
        return -1;
    }

    /**
     * A state may wait at each gap's target from token {@code next} on, for as long as a token ahead
     * may continue it; consecutive gaps add up.
     */
    private void addGaps(int node, int start, int budget, int next, TokenBuffer tokens, Scratch s) {
        int[] g = gaps[node];
        if (g != null) {
            for (int k = 0; k < g.length; k += 2) {
                int target = g[k + 1];
                int last = lastCandidate(target, flags(target), tokens, next, budget + g[k], s.to);
                if (last >= 0) {
                    s.addNext(target, start, last - next);
                }
                addGaps(target, start, budget + g[k], next, tokens, s);
            }
        }
    }

    /**
     * Compiles patterns straight from their syntax tree into one deterministic acyclic graph, without
     * enumerating alternatives: a sequence is compiled right to left onto its continuation, a choice
     * or an optional item is the union of its options' entry nodes (merging two nodes merges their
     * children recursively, memoised), a gap is an edge to its continuation that lets a state wait
     * there. Patterns share prefixes through the roots and suffixes through shared continuations.
     */
    public static final class Builder {
        private final Vocabulary.Builder vocabulary;
        private final List<Node> all = new ArrayList<>();
        private final Node root = new Node();
        private final Node anchoredRoot = new Node();
        private final List<Node> rootEntries = new ArrayList<>();
        private final List<Node> anchoredEntries = new ArrayList<>();
        private final java.util.Map<List<Integer>, Node> unionMemo = new java.util.HashMap<>();

        /** A node under construction. Edge keys are (kind << 30 | id); class edges have their own slots. */
        private final class Node {
            final int id = all.size();
            final java.util.TreeMap<Integer, Node> edges = new java.util.TreeMap<>();
            final java.util.TreeMap<Integer, Node> gaps = new java.util.TreeMap<>();
            final Node[] classes = new Node[3];
            final java.util.TreeSet<Integer> accepts = new java.util.TreeSet<>();

            Node() {
                all.add(this);
            }
        }

        public Builder(Vocabulary.Builder vocabulary) {
            this.vocabulary = vocabulary;
        }

        /** Adds a pattern, accepting {@code payload} at its end. */
        public void add(Pattern pattern, int payload) {
            Node end = new Node();
            end.accepts.add(payload);
            Node entry = compile(pattern.body(), end);
            registerAdjacentWords(pattern.body());
            (pattern.anchored() ? anchoredEntries : rootEntries).add(entry);
        }

        private Node compile(PatternItem item, Node next) {
            if (item instanceof PatternItem.Sequence seq) {
                Node n = next;
                for (int i = seq.items().size() - 1; i >= 0; i--) {
                    n = compile(seq.items().get(i), n);
                }
                return n;
            } else if (item instanceof PatternItem.Choice choice) {
                List<Node> options = new ArrayList<>();
                for (PatternItem.Sequence option : choice.options()) {
                    options.add(compile(option, next));
                }
                return union(options);
            } else if (item instanceof PatternItem.Optional opt) {
                return union(List.of(compile(opt.body(), next), next));
            } else if (item instanceof PatternItem.Gap gap) {
                Node n = next;
                if (gap.max() > gap.min()) {
                    Node g = new Node();
                    g.gaps.put(gap.max() - gap.min(), next);
                    n = g;
                }
                for (int i = 0; i < gap.min(); i++) {
                    Node a = new Node();
                    a.classes[2] = n;
                    n = a;
                }
                return n;
            }
            Node n = new Node();
            if (item instanceof PatternItem.Word w) {
                int key = w.inflected() ? edgeKey(KIND_STEM, vocabulary.inflected(w.term()))
                        : edgeKey(KIND_TERM, vocabulary.word(w.term()));
                n.edges.put(key, next);
            } else if (item instanceof PatternItem.Exact e) {
                n.edges.put(edgeKey(KIND_EXACT, vocabulary.exact(e.surface())), next);
            } else if (item instanceof PatternItem.Punct p) {
                n.edges.put(edgeKey(KIND_TERM, vocabulary.punct(p.c())), next);
            } else if (item instanceof PatternItem.Capitalised) {
                n.classes[0] = next;
            } else if (item instanceof PatternItem.Number) {
                n.classes[1] = next;
            } else {
                throw new IllegalStateException("unknown item " + item);
            }
            return n;
        }

        private static int edgeKey(int kind, int id) {
            return (kind << 30) | id;
        }

        /**
         * A node that behaves as all of {@code nodes} at once. Merging every pattern into the roots in
         * one pass keeps compile time and garbage linear: adding patterns one by one re-copied the
         * growing edge maps of shared prefixes (62,000 nodes built for 9,000 kept, default lexicons).
         */
        private Node union(List<Node> nodes) {
            List<Node> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(nodes));
            if (distinct.size() == 1) {
                return distinct.get(0);
            }
            List<Integer> key = distinct.stream().map(n -> n.id).sorted().toList();
            Node memo = unionMemo.get(key);
            if (memo != null) {
                return memo;
            }
            Node m = new Node();
            unionMemo.put(key, m);
            unionInto(m, distinct);
            return m;
        }

        private void unionInto(Node into, List<Node> nodes) {
            java.util.TreeMap<Integer, List<Node>> edges = new java.util.TreeMap<>();
            java.util.TreeMap<Integer, List<Node>> gaps = new java.util.TreeMap<>();
            List<List<Node>> classes = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Node n : nodes) {
                n.edges.forEach((k, child) -> edges.computeIfAbsent(k, x -> new ArrayList<>()).add(child));
                n.gaps.forEach((k, child) -> gaps.computeIfAbsent(k, x -> new ArrayList<>()).add(child));
                for (int c = 0; c < 3; c++) {
                    if (n.classes[c] != null) {
                        classes.get(c).add(n.classes[c]);
                    }
                }
                into.accepts.addAll(n.accepts);
            }
            edges.forEach((k, children) -> into.edges.put(k, union(children)));
            gaps.forEach((k, children) -> into.gaps.put(k, union(children)));
            for (int c = 0; c < 3; c++) {
                if (!classes.get(c).isEmpty()) {
                    into.classes[c] = union(classes.get(c));
                }
            }
        }

        /** Registers joined forms ("attentionseeking") of every pair of words that can be adjacent. */
        private void registerAdjacentWords(PatternItem.Sequence body) {
            List<PatternItem> items = body.items();
            for (int i = 0; i + 1 < items.size(); i++) {
                List<Atom> last = edgeWords(items.get(i), false);
                List<Atom> first = edgeWords(items.get(i + 1), true);
                if (last.size() * first.size() > 400) {
                    continue;
                }
                for (Atom a : last) {
                    for (Atom b : first) {
                        vocabulary.adjacent(a, b);
                    }
                }
            }
        }

        /** The words an item can start (or end) with, ignoring optional and nested structure beyond one level. */
        private static List<Atom> edgeWords(PatternItem item, boolean first) {
            List<Atom> out = new ArrayList<>();
            if (item instanceof PatternItem.Word w) {
                out.add(Atom.of(w.inflected() ? Atom.Kind.STEM : Atom.Kind.WORD, w.term()));
            } else if (item instanceof PatternItem.Sequence s && !s.items().isEmpty()) {
                out.addAll(edgeWords(s.items().get(first ? 0 : s.items().size() - 1), first));
            } else if (item instanceof PatternItem.Choice c) {
                for (PatternItem.Sequence o : c.options()) {
                    out.addAll(edgeWords(o, first));
                }
            }
            return out;
        }

        public Automaton build() {
            unionInto(root, rootEntries);
            unionInto(anchoredRoot, anchoredEntries);
            rootEntries.clear();
            anchoredEntries.clear();
            unionMemo.clear();
            return new Automaton(this);
        }
    }
}
