package org.fairnote.benchmarks.peers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Phrase matches as (phrase id, start, end) triples in a reusable int array. A matcher adds every
 * match it sees; {@link #leftmostLongest()} reduces them to the leftmost-longest non-overlapping
 * set, the one output every peer (including a regex alternation, which cannot report overlaps) can
 * produce, so all peers are compared on the same result.
 */
public final class Hits {
    private int[] data = new int[3 * 64];
    private int size;

    public void clear() {
        size = 0;
    }

    public void add(int phrase, int start, int end) {
        if (size * 3 == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size * 3] = phrase;
        data[size * 3 + 1] = start;
        data[size * 3 + 2] = end;
        size++;
    }

    public int size() {
        return size;
    }

    public int phrase(int i) {
        return data[i * 3];
    }

    public int start(int i) {
        return data[i * 3 + 1];
    }

    public int end(int i) {
        return data[i * 3 + 2];
    }

    /**
     * Keeps, scanning left to right, the match with the smallest start, then the longest, then the
     * smallest phrase id, skipping matches that overlap one already kept. Returns the new size.
     */
    public int leftmostLongest() {
        if (size <= 1) {
            return size;
        }
        // insertion sort by (start asc, end desc, phrase asc): matches are few and nearly sorted
        for (int i = 1; i < size; i++) {
            int p = data[i * 3];
            int s = data[i * 3 + 1];
            int e = data[i * 3 + 2];
            int j = i - 1;
            while (j >= 0 && after(data[j * 3 + 1], data[j * 3 + 2], data[j * 3], s, e, p)) {
                data[(j + 1) * 3] = data[j * 3];
                data[(j + 1) * 3 + 1] = data[j * 3 + 1];
                data[(j + 1) * 3 + 2] = data[j * 3 + 2];
                j--;
            }
            data[(j + 1) * 3] = p;
            data[(j + 1) * 3 + 1] = s;
            data[(j + 1) * 3 + 2] = e;
        }
        int kept = 0;
        int lastEnd = Integer.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            if (data[i * 3 + 1] >= lastEnd) {
                data[kept * 3] = data[i * 3];
                data[kept * 3 + 1] = data[i * 3 + 1];
                data[kept * 3 + 2] = data[i * 3 + 2];
                lastEnd = data[i * 3 + 2];
                kept++;
            }
        }
        size = kept;
        return kept;
    }

    private static boolean after(int s1, int e1, int p1, int s2, int e2, int p2) {
        if (s1 != s2) {
            return s1 > s2;
        }
        if (e1 != e2) {
            return e1 < e2;
        }
        return p1 > p2;
    }

    /** The matches as sorted, distinct "phrase@start-end" strings, for tests. */
    public List<String> describe(List<String> phrases) {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(phrases.get(phrase(i)) + "@" + start(i) + "-" + end(i));
        }
        return out.stream().distinct().sorted().toList();
    }
}
