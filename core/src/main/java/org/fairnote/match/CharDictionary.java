package org.fairnote.match;

/**
 * An immutable open-addressing map from strings to non-negative ints that is looked up by a slice
 * of a {@code char[]} or a {@link CharSequence}, so the hot path never allocates a String per token.
 *
 * <p>Laid out for the cache, since it is probed once per token and the default vocabulary holds
 * about 70,000 surface forms: a slot is two adjacent longs (full hash and value; key offset and
 * length), and every key lives in one shared {@code char[]}. A lookup that misses usually touches
 * one cache line; a hit, two.
 */
final class CharDictionary {
    private static final long EMPTY = -1L;

    /** Per slot: {@code [hash << 32 | value, offset << 32 | length]}; EMPTY in the first when free. */
    private final long[] slots;
    private final char[] pool;
    private final int mask;
    private final int size;

    CharDictionary(java.util.Map<String, Integer> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1) - 1) << 1;
        slots = new long[capacity * 2];
        java.util.Arrays.fill(slots, EMPTY);
        int chars = 0;
        for (String k : entries.keySet()) {
            chars += k.length();
        }
        pool = new char[chars];
        mask = capacity - 1;
        int offset = 0;
        for (java.util.Map.Entry<String, Integer> e : entries.entrySet()) {
            String k = e.getKey();
            int value = e.getValue();
            if (value < 0) {
                throw new IllegalArgumentException("negative value for " + k);
            }
            k.getChars(0, k.length(), pool, offset);
            int h = hash(pool, offset, k.length());
            int slot = h & mask;
            while (slots[2 * slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots[2 * slot] = ((long) h << 32) | value;
            slots[2 * slot + 1] = ((long) offset << 32) | k.length();
            offset += k.length();
        }
        size = entries.size();
    }

    int size() {
        return size;
    }

    /** The value for {@code buf[off, off+len)}, or -1. */
    int get(char[] buf, int off, int len) {
        return get(buf, off, len, hash(buf, off, len));
    }

    /** As {@link #get(char[], int, int)}, given the slice's {@link #hash}. */
    int get(char[] buf, int off, int len, int h) {
        int slot = h & mask;
        while (true) {
            long head = slots[2 * slot];
            if (head == EMPTY) {
                return -1;
            }
            if ((int) (head >>> 32) == h) {
                long where = slots[2 * slot + 1];
                if ((int) where == len && equals((int) (where >>> 32), buf, off, len)) {
                    return (int) head;
                }
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
        h = mix(h);
        int slot = h & mask;
        while (true) {
            long head = slots[2 * slot];
            if (head == EMPTY) {
                return -1;
            }
            if ((int) (head >>> 32) == h) {
                long where = slots[2 * slot + 1];
                if ((int) where == len && equals((int) (where >>> 32), text, start, len)) {
                    return (int) head;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    int get(String s) {
        return get(s, 0, s.length());
    }

    /** A plain loop: words are short, and {@code Arrays.equals} on ranges costs more than it saves here. */
    private boolean equals(int at, char[] buf, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (pool[at + i] != buf[off + i]) {
                return false;
            }
        }
        return true;
    }

    private boolean equals(int at, CharSequence text, int start, int len) {
        for (int i = 0; i < len; i++) {
            if (pool[at + i] != text.charAt(start + i)) {
                return false;
            }
        }
        return true;
    }

    static int hash(char[] buf, int off, int len) {
        int h = 0;
        for (int i = off, end = off + len; i < end; i++) {
            h = 31 * h + buf[i];
        }
        return mix(h);
    }

    /** {@link #hash} of chars whose polynomial {@code h = 31 * h + c} is {@code polynomial}. */
    static int hashOfPolynomial(int polynomial) {
        return mix(polynomial);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
