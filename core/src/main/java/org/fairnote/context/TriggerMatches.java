package org.fairnote.context;

import java.util.Arrays;

/**
 * The context-trigger matches of one sentence, as token spans of rule indices. Per-call and
 * reusable; {@link #prune} drops triggers hidden inside a longer trigger or a pseudo-trigger.
 */
public final class TriggerMatches {
    int[] rule = new int[8];
    int[] start = new int[8];
    int[] end = new int[8];
    boolean[] live = new boolean[8];
    /** For a dropped trigger, the trigger that hid it. */
    int[] hiddenBy = new int[8];
    /**
     * Part of the wording of a lexicon match in the sentence (tokens {@code [consumedFrom,
     * consumedTo)}), so it governs no target outside that match; -1 when not.
     */
    int[] consumedFrom = new int[8];
    int[] consumedTo = new int[8];
    int size;

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public void add(int ruleIndex, int startToken, int endToken) {
        if (size == rule.length) {
            int n = size * 2;
            rule = Arrays.copyOf(rule, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            live = Arrays.copyOf(live, n);
            hiddenBy = Arrays.copyOf(hiddenBy, n);
            consumedFrom = Arrays.copyOf(consumedFrom, n);
            consumedTo = Arrays.copyOf(consumedTo, n);
        }
        rule[size] = ruleIndex;
        start[size] = startToken;
        end[size] = endToken;
        live[size] = true;
        consumedFrom[size] = -1;
        size++;
    }

    /**
     * Marks trigger {@code k} as part of the own wording of the lexicon match on tokens {@code [from,
     * to)}: the "not" of "do not convey to ED" belongs to that finding and must not negate "attention
     * seeking" later in the sentence. Targets overlapping that match still see it.
     */
    void consume(int k, int from, int to) {
        if (consumedFrom[k] < 0) {
            consumedFrom[k] = from;
            consumedTo[k] = to;
        }
    }

    /** Is trigger {@code k} part of a lexicon match that target tokens {@code [s, e)} do not overlap? */
    boolean consumedApartFrom(int k, int s, int e) {
        return consumedFrom[k] >= 0 && (consumedTo[k] <= s || e <= consumedFrom[k]);
    }

    /**
     * Longest match wins: a trigger strictly inside another trigger's span is dropped ("no" inside
     * "no longer"), unless the hiding trigger is a target's own wording (see AssertionResolver). Of two
     * triggers on the same span, one whose rule {@code winsTies} hides the other ("staff feel" as a
     * pseudo-trigger over the reporting trigger "@Cap feel").
     */
    void prune(boolean[] winsTies) {
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (i == j || !live[j] || start[j] > start[i] || end[i] > end[j]) {
                    continue;
                }
                int longer = (end[j] - start[j]) - (end[i] - start[i]);
                if (longer > 0 || longer == 0 && winsTies[rule[j]] && !winsTies[rule[i]]) {
                    live[i] = false;
                    hiddenBy[i] = j;
                    break;
                }
            }
        }
    }
}
