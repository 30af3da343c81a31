package org.fairnote.match;

import java.util.Arrays;

/**
 * An immutable open-addressing map from strings to non-negative ints that is looked up by a slice
 * of a {@code char[]} or a {@link CharSequence}, so the hot path never allocates a String per token.
 */
final class CharDictionary {
    private final char[][] keys;
    private final int[] values;
    private final int mask;
    private final int size;

    CharDictionary(java.util.Map<String, Integer> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1) - 1) << 1;
        keys = new char[capacity][];
        values = new int[capacity];
        mask = capacity - 1;
        for (java.util.Map.Entry<String, Integer> e : entries.entrySet()) {
            char[] k = e.getKey().toCharArray();
            int slot = hash(k, 0, k.length) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = k;
            values[slot] = e.getValue();
        }
        size = entries.size();
    }

    int size() {
        return size;
    }

    /** The value for {@code buf[off, off+len)}, or -1. */
    int get(char[] buf, int off, int len) {
        int slot = hash(buf, off, len) & mask;
        while (true) {
            char[] k = keys[slot];
            if (k == null) {
                return -1;
            }
            if (k.length == len && equals(k, buf, off)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The value for {@code text[start, end)}, or -1. */
    int get(CharSequence text, int start, int end) {
        int len = end - start;
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text.charAt(i);
        }
        int slot = mix(h) & mask;
        while (true) {
            char[] k = keys[slot];
            if (k == null) {
                return -1;
            }
            if (k.length == len && equals(k, text, start)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    int get(String s) {
        return get(s, 0, s.length());
    }

    /** A plain loop: words are short, and {@code Arrays.equals} on ranges costs more than it saves here. */
    private static boolean equals(char[] k, char[] buf, int off) {
        for (int i = 0; i < k.length; i++) {
            if (k[i] != buf[off + i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean equals(char[] k, CharSequence text, int start) {
        for (int i = 0; i < k.length; i++) {
            if (k[i] != text.charAt(start + i)) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char[] buf, int off, int len) {
        int h = 0;
        for (int i = off, end = off + len; i < end; i++) {
            h = 31 * h + buf[i];
        }
        return mix(h);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
