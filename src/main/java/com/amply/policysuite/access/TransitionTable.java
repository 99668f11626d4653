package com.amply.policysuite.access;

import java.util.TreeSet;

/**
 * A deterministic automaton as a flat table: one lookup of the character's class, one array read per character.
 * Built straight from the interval arrays (brics' RunAutomaton probes every state's transition set per class).
 */
final class TransitionTable implements WordMatcher {
    private final char[] classOf;
    private final int classes;
    private final int[] next;
    private final boolean[] accept;
    private final int initial;

    private TransitionTable(char[] classOf, int classes, int[] next, boolean[] accept, int initial) {
        this.classOf = classOf;
        this.classes = classes;
        this.next = next;
        this.accept = accept;
        this.initial = initial;
    }

    static TransitionTable of(BoundedAutomata.Indexed x, WorkMeter meter) {
        TreeSet<Integer> bounds = new TreeSet<>();
        bounds.add(0);
        for (int s = 0; s < x.size(); s++) {
            for (int k = 0; k < x.min[s].length; k++) {
                bounds.add((int) x.min[s][k]);
                if (x.max[s][k] < Character.MAX_VALUE) {
                    bounds.add(x.max[s][k] + 1);
                }
            }
        }
        int[] points = bounds.stream().mapToInt(Integer::intValue).toArray();
        int classes = points.length;
        meter.charge((long) x.size() * classes + Character.MAX_VALUE);
        char[] classOf = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c < classes; c++) {
            int to = c + 1 < classes ? points[c + 1] : Character.MAX_VALUE + 1;
            java.util.Arrays.fill(classOf, points[c], to, (char) c);
        }
        int[] next = new int[x.size() * classes];
        java.util.Arrays.fill(next, -1);
        for (int s = 0; s < x.size(); s++) {
            for (int k = 0; k < x.min[s].length; k++) {
                int from = classOf[x.min[s][k]];
                int to = classOf[x.max[s][k]];
                for (int c = from; c <= to; c++) {
                    next[s * classes + c] = x.dest[s][k];
                }
            }
        }
        return new TransitionTable(classOf, classes, next, x.accept.clone(), x.initial);
    }

    @Override
    public int initial() {
        return initial;
    }

    @Override
    public int step(int state, char c) {
        return next[state * classes + classOf[c]];
    }

    @Override
    public boolean accepting(int state) {
        return accept[state];
    }
}
