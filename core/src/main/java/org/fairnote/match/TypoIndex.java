package org.fairnote.match;

import java.util.Arrays;

/**
 * Deletion keys of the typo-tolerant surfaces, stored by hash only: each slot holds a key's hash and
 * the surfaces whose deletions have that hash. Keys whose hashes collide share a slot, which only
 * adds candidates: every candidate is checked to be one slip from the word before it is used, so a
 * lossy index gives the same answers as a map of the keys themselves in a fraction of the memory
 * (two ints a key instead of the key's chars, and no object per key).
 */
final class TypoIndex {
    /** What {@link #get} returns for a key with no surface. */
    static final int NONE = Integer.MIN_VALUE;
    private static final int EMPTY = NONE;

    private final int[] slotHash;
    /** A surface index, or {@code -(offset + 1)} into {@link #lists}: a count, then that many surfaces. */
    private final int[] slotValue;
    private final int[] lists;
    private final int mask;
    private final int size;

    /** @param keys pairs (hash of a deletion key, surface index), in any order and with repeats */
    TypoIndex(int[] keys, int pairs) {
        long[] sorted = new long[pairs];
        for (int k = 0; k < pairs; k++) {
            sorted[k] = ((long) keys[2 * k] << 32) | (keys[2 * k + 1] & 0xFFFFFFFFL);
        }
        Arrays.sort(sorted);
        int distinct = 0;
        for (int k = 0; k < pairs; k++) {
            if (k == 0 || (int) (sorted[k] >>> 32) != (int) (sorted[k - 1] >>> 32)) {
                distinct++;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(4, distinct * 2 + 1) - 1) << 1;
        slotHash = new int[capacity];
        slotValue = new int[capacity];
        Arrays.fill(slotValue, EMPTY);
        mask = capacity - 1;
        int[] listBuf = new int[16];
        int listSize = 0;
        for (int k = 0; k < pairs;) {
            int h = (int) (sorted[k] >>> 32);
            int end = k;
            while (end < pairs && (int) (sorted[end] >>> 32) == h) {
                end++;
            }
            int first = (int) sorted[k];
            int count = 0;
            for (int j = k; j < end; j++) {
                if (j == k || sorted[j] != sorted[j - 1]) {
                    count++;
                }
            }
            int value;
            if (count == 1) {
                value = first;
            } else {
                if (listSize + count + 1 > listBuf.length) {
                    listBuf = Arrays.copyOf(listBuf, Math.max(listBuf.length * 2, listSize + count + 1));
                }
                value = -(listSize + 1);
                listBuf[listSize++] = count;
                for (int j = k; j < end; j++) {
                    if (j == k || sorted[j] != sorted[j - 1]) {
                        listBuf[listSize++] = (int) sorted[j];
                    }
                }
            }
            int slot = mix(h) & mask;
            while (slotValue[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slotHash[slot] = h;
            slotValue[slot] = value;
            k = end;
        }
        lists = Arrays.copyOf(listBuf, listSize);
        size = distinct;
    }

    int size() {
        return size;
    }

    /** The entry stored under the hash of {@code buf[off, off+len)}, or {@link #NONE}: see {@link #count}, {@link #item}. */
    int get(char[] buf, int off, int len) {
        return get(CharDictionary.hash(buf, off, len));
    }

    /** As {@link #get(char[], int, int)}, given the key's {@link CharDictionary#hash}. */
    int get(int h) {
        int slot = mix(h) & mask;
        while (true) {
            int v = slotValue[slot];
            if (v == EMPTY || slotHash[slot] == h) {
                return v;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** How many surfaces entry {@code v} holds. */
    int count(int v) {
        return v >= 0 ? 1 : lists[-v - 1];
    }

    /** The {@code j}-th surface of entry {@code v}. */
    int item(int v, int j) {
        return v >= 0 ? v : lists[-v + j];
    }

    private static int mix(int h) {
        return h * 0x9E3779B1 >>> 7 ^ h;
    }
}
