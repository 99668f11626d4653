package com.amply.policysuite.access;

import java.util.Arrays;

/**
 * DFA minimisation by A. Valmari and P. Lehtinen, "Efficient minimization of DFAs with partial transition
 * functions" (STACS 2008), in the compact form of Valmari's "Fast brief practical DFA minimization" (2012):
 * O(m log n) over labelled transitions, no need to complete the automaton. Input states must all be reachable and
 * co-reachable.
 */
final class ValmariMinimizer {
    private ValmariMinimizer() {
    }

    /** Refinable partition of {0..size-1}. */
    private static final class Partition {
        int sets;
        final int[] elems;
        final int[] loc;
        final int[] setOf;
        final int[] first;
        final int[] past;
        final int[] marked;
        final int[] touched;
        int touchedCount;

        Partition(int size) {
            elems = new int[size];
            loc = new int[size];
            setOf = new int[size];
            first = new int[size + 1];
            past = new int[size + 1];
            marked = new int[size + 1];
            touched = new int[size + 1];
            sets = size > 0 ? 1 : 0;
            for (int i = 0; i < size; i++) {
                elems[i] = i;
                loc[i] = i;
                setOf[i] = 0;
            }
            if (sets > 0) {
                first[0] = 0;
                past[0] = size;
            }
        }

        void mark(int e) {
            int s = setOf[e];
            int i = loc[e];
            int j = first[s] + marked[s];
            elems[i] = elems[j];
            loc[elems[i]] = i;
            elems[j] = e;
            loc[e] = j;
            if (marked[s]++ == 0) {
                touched[touchedCount++] = s;
            }
        }

        void split() {
            while (touchedCount > 0) {
                int s = touched[--touchedCount];
                int j = first[s] + marked[s];
                if (j == past[s]) {
                    marked[s] = 0;
                    continue;
                }
                if (marked[s] <= past[s] - j) {
                    first[sets] = first[s];
                    past[sets] = j;
                    first[s] = j;
                } else {
                    past[sets] = past[s];
                    first[sets] = j;
                    past[s] = j;
                }
                for (int i = first[sets]; i < past[sets]; i++) {
                    setOf[elems[i]] = sets;
                }
                marked[s] = 0;
                marked[sets] = 0;
                sets++;
            }
        }
    }

    /**
     * Block number of every state in the minimal automaton.
     *
     * @param states    number of states
     * @param accepting accepting flags
     * @param tail      source state of each transition
     * @param label     label (alphabet class, 0..labels-1) of each transition
     * @param head      target state of each transition
     */
    static int[] blocks(int states, boolean[] accepting, int[] tail, int[] label, int[] head, int labels) {
        int m = tail.length;
        Partition blocks = new Partition(states);
        boolean anyFinal = false;
        for (int q = 0; q < states; q++) {
            if (accepting[q]) {
                blocks.mark(q);
                anyFinal = true;
            }
        }
        if (anyFinal) {
            blocks.split();
        }
        // Cords: transitions grouped by label (counting sort).
        Partition cords = new Partition(m);
        if (m > 0) {
            int[] count = new int[labels + 1];
            for (int t = 0; t < m; t++) {
                count[label[t] + 1]++;
            }
            for (int l = 0; l < labels; l++) {
                count[l + 1] += count[l];
            }
            int[] sorted = new int[m];
            int[] pos = Arrays.copyOf(count, labels + 1);
            for (int t = 0; t < m; t++) {
                sorted[pos[label[t]]++] = t;
            }
            System.arraycopy(sorted, 0, cords.elems, 0, m);
            cords.sets = 0;
            int current = label[sorted[0]];
            cords.first[0] = 0;
            for (int i = 0; i < m; i++) {
                int t = sorted[i];
                if (label[t] != current) {
                    current = label[t];
                    cords.past[cords.sets++] = i;
                    cords.first[cords.sets] = i;
                }
                cords.setOf[t] = cords.sets;
                cords.loc[t] = i;
            }
            cords.past[cords.sets++] = m;
        }
        // Incoming transitions per state.
        int[] adjacentStart = new int[states + 1];
        for (int t = 0; t < m; t++) {
            adjacentStart[head[t] + 1]++;
        }
        for (int q = 0; q < states; q++) {
            adjacentStart[q + 1] += adjacentStart[q];
        }
        int[] adjacent = new int[m];
        int[] fill = Arrays.copyOf(adjacentStart, states + 1);
        for (int t = 0; t < m; t++) {
            adjacent[fill[head[t]]++] = t;
        }
        int b = 1;
        int c = 0;
        while (c < cords.sets) {
            for (int i = cords.first[c]; i < cords.past[c]; i++) {
                blocks.mark(tail[cords.elems[i]]);
            }
            blocks.split();
            c++;
            while (b < blocks.sets) {
                for (int i = blocks.first[b]; i < blocks.past[b]; i++) {
                    int q = blocks.elems[i];
                    for (int j = adjacentStart[q]; j < adjacentStart[q + 1]; j++) {
                        cords.mark(adjacent[j]);
                    }
                }
                cords.split();
                b++;
            }
        }
        return Arrays.copyOf(blocks.setOf, states);
    }
}
