package com.amply.policysuite.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One deterministic automaton over lower-case action names that runs every statement's action matcher at once:
 * each state knows which statements' actions accept there. A concrete action is classified with one walk instead of
 * one walk per statement. Built by a subset-style construction over (statement, state) pairs, within the budget.
 */
final class ActionClassifier {
    private final char[][] min;
    private final char[][] max;
    private final int[][] dest;
    /** Positions (in the list given to {@link #build}) of statements whose action side accepts in each state. */
    private final int[][] accepting;

    private ActionClassifier(char[][] min, char[][] max, int[][] dest, int[][] accepting) {
        this.min = min;
        this.max = max;
        this.dest = dest;
        this.accepting = accepting;
    }

    /**
     * @param matchers action matcher of each statement
     * @param maxStates state cap; exceeding it (or the meter) throws {@link WorkMeter.BudgetExceeded}
     */
    static ActionClassifier build(List<BoundedAutomata.Indexed> matchers, int maxStates, WorkMeter meter) {
        List<long[]> tuples = new ArrayList<>();
        Map<Tuple, Integer> ids = new HashMap<>();
        long[] start = new long[matchers.size()];
        for (int m = 0; m < matchers.size(); m++) {
            start[m] = ((long) m << 32) | matchers.get(m).initial;
        }
        ids.put(new Tuple(start), 0);
        tuples.add(start);
        List<char[]> mins = new ArrayList<>();
        List<char[]> maxs = new ArrayList<>();
        List<int[]> dests = new ArrayList<>();
        List<int[]> accepts = new ArrayList<>();
        for (int id = 0; id < tuples.size(); id++) {
            long[] tuple = tuples.get(id);
            meter.charge(1 + tuple.length);
            TreeSet<Integer> bounds = new TreeSet<>();
            int acceptCount = 0;
            for (long pair : tuple) {
                BoundedAutomata.Indexed x = matchers.get((int) (pair >>> 32));
                int st = (int) pair;
                if (x.accept[st]) {
                    acceptCount++;
                }
                for (int k = 0; k < x.min[st].length; k++) {
                    bounds.add((int) x.min[st][k]);
                    bounds.add(x.max[st][k] + 1);
                }
            }
            int[] acc = new int[acceptCount];
            int a = 0;
            for (long pair : tuple) {
                if (matchers.get((int) (pair >>> 32)).accept[(int) pair]) {
                    acc[a++] = (int) (pair >>> 32);
                }
            }
            accepts.add(acc);
            List<int[]> segments = new ArrayList<>();
            Integer[] points = bounds.toArray(new Integer[0]);
            meter.charge((long) points.length * tuple.length);
            for (int p = 0; p + 1 < points.length; p++) {
                char c = (char) (int) points[p];
                long[] next = new long[tuple.length];
                int n = 0;
                for (long pair : tuple) {
                    int m = (int) (pair >>> 32);
                    int to = matchers.get(m).step((int) pair, c);
                    if (to >= 0) {
                        next[n++] = ((long) m << 32) | to;
                    }
                }
                if (n == 0) {
                    continue;
                }
                long[] key = Arrays.copyOf(next, n);
                Tuple t = new Tuple(key);
                Integer target = ids.get(t);
                if (target == null) {
                    if (tuples.size() >= maxStates) {
                        throw new WorkMeter.BudgetExceeded("action classifier needs more than " + maxStates
                                + " states");
                    }
                    target = tuples.size();
                    ids.put(t, target);
                    tuples.add(key);
                }
                int last = segments.size() - 1;
                if (last >= 0 && segments.get(last)[2] == target && segments.get(last)[1] + 1 == points[p]) {
                    segments.get(last)[1] = points[p + 1] - 1;
                } else {
                    segments.add(new int[] {points[p], points[p + 1] - 1, target});
                }
            }
            char[] lo = new char[segments.size()];
            char[] hi = new char[segments.size()];
            int[] to = new int[segments.size()];
            for (int k = 0; k < lo.length; k++) {
                lo[k] = (char) segments.get(k)[0];
                hi[k] = (char) segments.get(k)[1];
                to[k] = segments.get(k)[2];
            }
            mins.add(lo);
            maxs.add(hi);
            dests.add(to);
        }
        return new ActionClassifier(mins.toArray(new char[0][]), maxs.toArray(new char[0][]),
                dests.toArray(new int[0][]), accepts.toArray(new int[0][]));
    }

    int states() {
        return min.length;
    }

    /** Positions of the statements whose actions match {@code action} (lower-cased here), ascending. */
    int[] classify(String action) {
        int s = 0;
        for (int i = 0, n = action.length(); i < n; i++) {
            char c = CompiledPolicy.actionChar(action.charAt(i));
            char[] lo = min[s];
            char[] hi = max[s];
            int a = 0;
            int b = lo.length - 1;
            int next = -1;
            while (a <= b) {
                int mid = (a + b) >>> 1;
                if (hi[mid] < c) {
                    a = mid + 1;
                } else if (lo[mid] > c) {
                    b = mid - 1;
                } else {
                    next = dest[s][mid];
                    break;
                }
            }
            if (next < 0) {
                return NONE;
            }
            s = next;
        }
        return accepting[s];
    }

    private static final int[] NONE = new int[0];

    private static final class Tuple {
        final long[] pairs;
        final int hash;

        Tuple(long[] pairs) {
            this.pairs = pairs;
            this.hash = Arrays.hashCode(pairs);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tuple t && t.hash == hash && Arrays.equals(t.pairs, pairs);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
