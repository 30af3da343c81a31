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
 * text and nearly independent of the number of patterns (only live prefixes are visited).
 *
 * <p>Reports every distinct (payload, start token, end token) triple; immutable and thread-safe.
 */
public final class Automaton {
    static final int ROOT = 0;
    static final int ANCHORED_ROOT = 1;

    private static final int KIND_TERM = 0;
    private static final int KIND_STEM = 1;
    private static final int KIND_EXACT = 2;

    private final long[] edgeKeys;
    private final int[] edgeTargets;
    private final int edgeMask;
    private final int[] capChild;
    private final int[] numChild;
    private final int[] anyChild;
    /** Per node: pairs (max tokens, gap node), or null. */
    private final int[][] gaps;
    /** Per node: payloads accepted there, or null. */
    private final int[][] accepts;
    private final int nodeCount;

    /** Receives matches. */
    public interface Sink {
        void match(int payload, int startToken, int endToken);
    }

    private Automaton(Builder b) {
        nodeCount = b.nodes;
        capChild = Arrays.copyOf(b.classes[0], nodeCount);
        numChild = Arrays.copyOf(b.classes[1], nodeCount);
        anyChild = Arrays.copyOf(b.classes[2], nodeCount);
        gaps = new int[nodeCount][];
        accepts = new int[nodeCount][];
        for (int i = 0; i < nodeCount; i++) {
            List<int[]> g = b.gaps.get(i);
            if (g != null) {
                int[] flat = new int[g.size() * 2];
                for (int k = 0; k < g.size(); k++) {
                    flat[2 * k] = g.get(k)[0];
                    flat[2 * k + 1] = g.get(k)[1];
                }
                gaps[i] = flat;
            }
            List<Integer> a = b.accepts.get(i);
            if (a != null) {
                accepts[i] = a.stream().mapToInt(Integer::intValue).distinct().toArray();
            }
        }
        int capacity = Integer.highestOneBit(Math.max(4, b.edges.size() * 2 + 1) - 1) << 1;
        edgeKeys = new long[capacity];
        edgeTargets = new int[capacity];
        Arrays.fill(edgeTargets, -1);
        edgeMask = capacity - 1;
        for (var e : b.edges.entrySet()) {
            int slot = mix(e.getKey()) & edgeMask;
            while (edgeTargets[slot] >= 0) {
                slot = (slot + 1) & edgeMask;
            }
            edgeKeys[slot] = e.getKey();
            edgeTargets[slot] = e.getValue();
        }
    }

    /** Number of trie nodes, for statistics. */
    public int nodeCount() {
        return nodeCount;
    }

    private static long key(int node, int kind, int id) {
        return ((long) node << 32) | ((long) kind << 30) | id;
    }

    private static int mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return (int) k;
    }

    private int edge(int node, int kind, int id) {
        long k = key(node, kind, id);
        int slot = mix(k) & edgeMask;
        while (true) {
            int target = edgeTargets[slot];
            if (target < 0) {
                return -1;
            }
            if (edgeKeys[slot] == k) {
                return target;
            }
            slot = (slot + 1) & edgeMask;
        }
    }

    /** Reusable per-call state arrays. */
    public static final class Scratch {
        int[] curNode = new int[32];
        int[] curStart = new int[32];
        int[] curBudget = new int[32];
        int curSize;
        int[] nextNode = new int[32];
        int[] nextStart = new int[32];
        int[] nextBudget = new int[32];
        int nextSize;

        void swap() {
            int[] t = curNode;
            curNode = nextNode;
            nextNode = t;
            t = curStart;
            curStart = nextStart;
            nextStart = t;
            t = curBudget;
            curBudget = nextBudget;
            nextBudget = t;
            curSize = nextSize;
            nextSize = 0;
        }

        void addNext(int node, int start, int budget) {
            for (int i = 0; i < nextSize; i++) {
                if (nextNode[i] == node && nextStart[i] == start) {
                    if (nextBudget[i] < budget) {
                        nextBudget[i] = budget;
                    }
                    return;
                }
            }
            if (nextSize == nextNode.length) {
                int n = nextSize * 2;
                nextNode = Arrays.copyOf(nextNode, n);
                nextStart = Arrays.copyOf(nextStart, n);
                nextBudget = Arrays.copyOf(nextBudget, n);
            }
            nextNode[nextSize] = node;
            nextStart[nextSize] = start;
            nextBudget[nextSize] = budget;
            nextSize++;
        }
    }

    /**
     * Runs every pattern over tokens {@code [from, to)}, one sentence: no match crosses its ends.
     * Reports each distinct (payload, start, end) once, in no particular order.
     */
    public void match(TokenBuffer tokens, int from, int to, Scratch s, Sink sink) {
        s.curSize = 0;
        s.nextSize = 0;
        for (int i = from; i < to; i++) {
            // Every token may start a match; the first token of a sentence may also start anchored ones.
            if (i == from) {
                step(ANCHORED_ROOT, i, 0, tokens, i, s, sink);
            }
            step(ROOT, i, 0, tokens, i, s, sink);
            for (int k = 0; k < s.curSize; k++) {
                step(s.curNode[k], s.curStart[k], s.curBudget[k], tokens, i, s, sink);
            }
            s.swap();
        }
        s.curSize = 0;
    }

    private void step(int node, int start, int budget, TokenBuffer tokens, int i, Scratch s, Sink sink) {
        int t = tokens.termId(i);
        if (t >= 0) {
            int c = edge(node, KIND_TERM, t);
            if (c >= 0) {
                arrive(c, start, i + 1, s, sink);
            }
        }
        int st = tokens.stemId(i);
        if (st >= 0) {
            int c = edge(node, KIND_STEM, st);
            if (c >= 0) {
                arrive(c, start, i + 1, s, sink);
            }
        }
        int ex = tokens.caseId(i);
        if (ex >= 0) {
            int c = edge(node, KIND_EXACT, ex);
            if (c >= 0) {
                arrive(c, start, i + 1, s, sink);
            }
        }
        int cap = capChild[node];
        if (cap >= 0 && tokens.has(i, TokenBuffer.CAPITALISED) && !tokens.has(i, TokenBuffer.EXPANDED)) {
            arrive(cap, start, i + 1, s, sink);
        }
        int num = numChild[node];
        if (num >= 0 && tokens.has(i, TokenBuffer.NUMBER)) {
            arrive(num, start, i + 1, s, sink);
        }
        int any = anyChild[node];
        if (any >= 0) {
            arrive(any, start, i + 1, s, sink);
        }
        if (budget > 0) {
            s.addNext(node, start, budget - 1);
        }
    }

    private void arrive(int node, int start, int end, Scratch s, Sink sink) {
        int[] accepted = accepts[node];
        if (accepted != null) {
            for (int payload : accepted) {
                sink.match(payload, start, end);
            }
        }
        s.addNext(node, start, 0);
        int[] g = gaps[node];
        if (g != null) {
            for (int k = 0; k < g.length; k += 2) {
                s.addNext(g[k + 1], start, g[k]);
            }
        }
    }

    /** Builds the trie from atom sequences; ids come from the {@link Vocabulary.Builder}. */
    public static final class Builder {
        private int nodes = 2;
        /** Children by token class: capitalised, number, any. */
        private final int[][] classes = {filled(64), filled(64), filled(64)};
        private final java.util.Map<Long, Integer> edges = new java.util.HashMap<>();
        private final java.util.Map<Integer, List<int[]>> gaps = new java.util.HashMap<>();
        private final java.util.Map<Integer, List<Integer>> accepts = new java.util.HashMap<>();
        private final Vocabulary.Builder vocabulary;

        public Builder(Vocabulary.Builder vocabulary) {
            this.vocabulary = vocabulary;
        }

        private static int[] filled(int n) {
            int[] a = new int[n];
            Arrays.fill(a, -1);
            return a;
        }

        private int newNode() {
            if (nodes == classes[0].length) {
                for (int k = 0; k < classes.length; k++) {
                    classes[k] = grow(classes[k], nodes * 2);
                }
            }
            return nodes++;
        }

        private static int[] grow(int[] a, int n) {
            int old = a.length;
            int[] b = Arrays.copyOf(a, n);
            Arrays.fill(b, old, n, -1);
            return b;
        }

        /** Adds every expansion of a pattern, accepting {@code payload} at its end. */
        public void add(Pattern pattern, int payload) {
            for (List<Atom> seq : PatternExpander.expand(pattern)) {
                add(seq, pattern.anchored(), payload);
            }
        }

        void add(List<Atom> seq, boolean anchored, int payload) {
            int node = anchored ? ANCHORED_ROOT : ROOT;
            Atom previous = null;
            for (Atom a : seq) {
                if (previous != null) {
                    vocabulary.adjacent(previous, a);
                }
                node = switch (a.kind()) {
                    case WORD -> child(node, KIND_TERM, vocabulary.word(a.text()));
                    case PUNCT -> child(node, KIND_TERM, vocabulary.punct(a.text().charAt(0)));
                    case STEM -> child(node, KIND_STEM, vocabulary.inflected(a.text()));
                    case EXACT -> child(node, KIND_EXACT, vocabulary.exact(a.text()));
                    case CAP -> classChild(0, node);
                    case NUM -> classChild(1, node);
                    case ANY -> classChild(2, node);
                    case GAP -> gapChild(node, a.gap());
                };
                previous = a.kind() == Atom.Kind.GAP || a.kind() == Atom.Kind.ANY ? null : a;
            }
            accepts.computeIfAbsent(node, k -> new ArrayList<>()).add(payload);
        }

        private int child(int node, int kind, int id) {
            long k = key(node, kind, id);
            Integer c = edges.get(k);
            if (c == null) {
                c = newNode();
                edges.put(k, c);
            }
            return c;
        }

        private int classChild(int which, int node) {
            if (classes[which][node] < 0) {
                int c = newNode();
                classes[which][node] = c;
                return c;
            }
            return classes[which][node];
        }

        private int gapChild(int node, int max) {
            List<int[]> list = gaps.computeIfAbsent(node, k -> new ArrayList<>());
            for (int[] g : list) {
                if (g[0] == max) {
                    return g[1];
                }
            }
            int c = newNode();
            list.add(new int[] {max, c});
            return c;
        }

        public Automaton build() {
            return new Automaton(this);
        }
    }
}
