package com.amply.policysuite.access;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Boolean operations on deterministic brics automata by an explicit product construction that charges a
 * {@link WorkMeter} and stops at the state budget, instead of brics' unbounded determinisation. Every automaton
 * produced here is deterministic, minimal and free of dead states, so {@link Automaton#isEmpty()} is exact.
 */
final class BoundedAutomata {
    private BoundedAutomata() {
    }

    enum Op {
        UNION, INTERSECTION, MINUS;

        boolean accept(boolean a, boolean b) {
            switch (this) {
                case UNION: return a || b;
                case INTERSECTION: return a && b;
                default: return a && !b;
            }
        }

        boolean keep(int a, int b) {
            switch (this) {
                case UNION: return a >= 0 || b >= 0;
                case INTERSECTION: return a >= 0 && b >= 0;
                default: return a >= 0;
            }
        }
    }

    /** Array form of a deterministic automaton: per state, sorted disjoint intervals and their targets. */
    static final class Indexed implements WordMatcher {
        final int initial;
        final boolean[] accept;
        final char[][] min;
        final char[][] max;
        final int[][] dest;

        private Indexed(int initial, boolean[] accept, char[][] min, char[][] max, int[][] dest) {
            this.initial = initial;
            this.accept = accept;
            this.min = min;
            this.max = max;
            this.dest = dest;
        }

        int size() {
            return accept.length;
        }

        @Override
        public int initial() {
            return initial;
        }

        @Override
        public boolean accepting(int state) {
            return accept[state];
        }

        /** Next state on {@code c}, or -1. */
        @Override
        public int step(int state, char c) {
            char[] lo = min[state];
            char[] hi = max[state];
            int a = 0;
            int b = lo.length - 1;
            while (a <= b) {
                int mid = (a + b) >>> 1;
                if (hi[mid] < c) {
                    a = mid + 1;
                } else if (lo[mid] > c) {
                    b = mid - 1;
                } else {
                    return dest[state][mid];
                }
            }
            return -1;
        }
    }

    static Indexed index(Automaton automaton) {
        Map<State, Integer> ids = new IdentityHashMap<>();
        List<State> order = new ArrayList<>();
        State init = automaton.getInitialState();
        ids.put(init, 0);
        order.add(init);
        for (int i = 0; i < order.size(); i++) {
            for (Transition t : order.get(i).getTransitions()) {
                if (!ids.containsKey(t.getDest())) {
                    ids.put(t.getDest(), order.size());
                    order.add(t.getDest());
                }
            }
        }
        int n = order.size();
        boolean[] accept = new boolean[n];
        char[][] min = new char[n][];
        char[][] max = new char[n][];
        int[][] dest = new int[n][];
        for (int i = 0; i < n; i++) {
            State s = order.get(i);
            accept[i] = s.isAccept();
            List<Transition> ts = s.getSortedTransitions(false);
            min[i] = new char[ts.size()];
            max[i] = new char[ts.size()];
            dest[i] = new int[ts.size()];
            for (int k = 0; k < ts.size(); k++) {
                Transition t = ts.get(k);
                min[i][k] = t.getMin();
                max[i][k] = t.getMax();
                dest[i][k] = ids.get(t.getDest());
            }
        }
        return new Indexed(0, accept, min, max, dest);
    }

    static Automaton empty() {
        return BasicAutomata.makeEmpty();
    }

    /** Every string over the analysis alphabet (all chars but {@link GlobPattern#SEP}). */
    static Automaton universe() {
        State s = new State();
        s.setAccept(true);
        for (char[] gap : GlobPattern.otherIntervals(new char[0])) {
            s.addTransition(new Transition(gap[0], gap[1], s));
        }
        Automaton a = new Automaton();
        a.setInitialState(s);
        a.setDeterministic(true);
        return a;
    }

    static boolean isEmpty(Automaton a) {
        return a.isEmpty();
    }

    static Automaton union(Automaton a, Automaton b, WorkMeter meter) {
        return product(a, b, Op.UNION, meter);
    }

    static Automaton intersection(Automaton a, Automaton b, WorkMeter meter) {
        return product(a, b, Op.INTERSECTION, meter);
    }

    static Automaton minus(Automaton a, Automaton b, WorkMeter meter) {
        return product(a, b, Op.MINUS, meter);
    }

    static Automaton complement(Automaton a, WorkMeter meter) {
        return product(universe(), a, Op.MINUS, meter);
    }

    /** Union of many automata as a balanced tree, so intermediate results stay small. */
    static Automaton unionAll(List<Automaton> parts, WorkMeter meter) {
        if (parts.isEmpty()) {
            return empty();
        }
        List<Automaton> level = new ArrayList<>(parts);
        while (level.size() > 1) {
            List<Automaton> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size() ? union(level.get(i), level.get(i + 1), meter) : level.get(i));
            }
            level = next;
        }
        return level.get(0);
    }

    /**
     * {@code actions SEP resources}. Both operands never read {@code SEP}, so gluing the accepting states of
     * {@code actions} to the start of {@code resources} with a SEP edge stays deterministic.
     */
    static Automaton joint(Automaton actions, Automaton resources, WorkMeter meter) {
        if (actions.isEmpty() || resources.isEmpty()) {
            return empty();
        }
        Indexed a = index(actions);
        Indexed r = index(resources);
        meter.charge(a.size() + r.size());
        meter.checkStates(a.size() + r.size(), "an action/resource pair");
        State[] rs = build(r);
        State[] as = new State[a.size()];
        for (int i = 0; i < as.length; i++) {
            as[i] = new State();
        }
        for (int i = 0; i < as.length; i++) {
            for (int k = 0; k < a.dest[i].length; k++) {
                as[i].addTransition(new Transition(a.min[i][k], a.max[i][k], as[a.dest[i][k]]));
            }
            if (a.accept[i]) {
                as[i].addTransition(new Transition(GlobPattern.SEP, rs[r.initial]));
            }
        }
        Automaton out = new Automaton();
        out.setInitialState(as[a.initial]);
        out.setDeterministic(true);
        return minimal(out, meter);
    }

    private static State[] build(Indexed x) {
        State[] s = new State[x.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = new State();
            s[i].setAccept(x.accept[i]);
        }
        for (int i = 0; i < s.length; i++) {
            for (int k = 0; k < x.dest[i].length; k++) {
                s[i].addTransition(new Transition(x.min[i][k], x.max[i][k], s[x.dest[i][k]]));
            }
        }
        return s;
    }

    static Automaton product(Automaton left, Automaton right, Op op, WorkMeter meter) {
        Indexed a = index(left);
        Indexed b = index(right);
        meter.charge(a.size() + b.size());
        Map<Long, Integer> ids = new HashMap<>();
        List<State> states = new ArrayList<>();
        ArrayDeque<long[]> queue = new ArrayDeque<>();
        long width = b.size() + 1L;
        // Component -1 means "dead"; the pair key shifts both by one.
        State initial = new State();
        initial.setAccept(op.accept(a.accept[a.initial], b.accept[b.initial]));
        ids.put(key(a.initial, b.initial, width), 0);
        states.add(initial);
        queue.add(new long[] {a.initial, b.initial});
        while (!queue.isEmpty()) {
            long[] pair = queue.poll();
            int sa = (int) pair[0];
            int sb = (int) pair[1];
            State from = states.get(ids.get(key(sa, sb, width)));
            char[] amin = sa >= 0 ? a.min[sa] : new char[0];
            char[] amax = sa >= 0 ? a.max[sa] : new char[0];
            int[] adst = sa >= 0 ? a.dest[sa] : new int[0];
            char[] bmin = sb >= 0 ? b.min[sb] : new char[0];
            char[] bmax = sb >= 0 ? b.max[sb] : new char[0];
            int[] bdst = sb >= 0 ? b.dest[sb] : new int[0];
            meter.charge(1 + amin.length + bmin.length);
            int ia = 0;
            int ib = 0;
            int c = 0;
            int runStart = -1;
            int runEnd = -1;
            State runTarget = null;
            while (c <= Character.MAX_VALUE) {
                while (ia < amin.length && amax[ia] < c) {
                    ia++;
                }
                while (ib < bmin.length && bmax[ib] < c) {
                    ib++;
                }
                int end = Character.MAX_VALUE;
                int ta = -1;
                int tb = -1;
                if (ia < amin.length) {
                    if (amin[ia] <= c) {
                        ta = adst[ia];
                        end = Math.min(end, amax[ia]);
                    } else {
                        end = Math.min(end, amin[ia] - 1);
                    }
                }
                if (ib < bmin.length) {
                    if (bmin[ib] <= c) {
                        tb = bdst[ib];
                        end = Math.min(end, bmax[ib]);
                    } else {
                        end = Math.min(end, bmin[ib] - 1);
                    }
                }
                State target = null;
                if (op.keep(ta, tb)) {
                    long k = key(ta, tb, width);
                    Integer id = ids.get(k);
                    if (id == null) {
                        if (states.size() >= meter.budget().maxAutomatonStates()) {
                            throw new WorkMeter.BudgetExceeded("combining statements needs more than "
                                    + meter.budget().maxAutomatonStates() + " automaton states");
                        }
                        id = states.size();
                        State s = new State();
                        s.setAccept(op.accept(ta >= 0 && a.accept[ta], tb >= 0 && b.accept[tb]));
                        ids.put(k, id);
                        states.add(s);
                        queue.add(new long[] {ta, tb});
                        meter.charge(1);
                    }
                    target = states.get(id);
                }
                if (target != runTarget || runEnd + 1 != c) {
                    if (runTarget != null) {
                        from.addTransition(new Transition((char) runStart, (char) runEnd, runTarget));
                    }
                    runStart = c;
                    runTarget = target;
                }
                runEnd = end;
                c = end + 1;
            }
            if (runTarget != null) {
                from.addTransition(new Transition((char) runStart, (char) runEnd, runTarget));
            }
        }
        Automaton out = new Automaton();
        out.setInitialState(initial);
        out.setDeterministic(true);
        return minimal(out, meter);
    }

    private static long key(int a, int b, long width) {
        return (a + 1L) * width + (b + 1L);
    }

    /**
     * Removes dead states and minimises with Valmari-Lehtinen partition refinement (O(m log n)) on the array form
     * (brics' Hopcroft allocates states x alphabet lists per call, which dominated compile time).
     */
    static Automaton minimal(Automaton automaton, WorkMeter meter) {
        Indexed x = index(automaton);
        int n = x.size();
        meter.checkStates(n, "an intermediate automaton");
        int transitions = 0;
        for (int[] d : x.dest) {
            transitions += d.length;
        }
        meter.charge(n + transitions);
        // Co-reachability: states from which an accepting state can be reached.
        int[] revCount = new int[n];
        for (int s = 0; s < n; s++) {
            for (int t : x.dest[s]) {
                revCount[t]++;
            }
        }
        int[][] reverse = new int[n][];
        for (int s = 0; s < n; s++) {
            reverse[s] = new int[revCount[s]];
        }
        int[] fill = new int[n];
        for (int s = 0; s < n; s++) {
            for (int t : x.dest[s]) {
                reverse[t][fill[t]++] = s;
            }
        }
        boolean[] live = new boolean[n];
        int[] stack = new int[n];
        int top = 0;
        for (int s = 0; s < n; s++) {
            if (x.accept[s]) {
                live[s] = true;
                stack[top++] = s;
            }
        }
        while (top > 0) {
            int s = stack[--top];
            for (int p : reverse[s]) {
                if (!live[p]) {
                    live[p] = true;
                    stack[top++] = p;
                }
            }
        }
        if (!live[x.initial]) {
            return empty();
        }
        // Renumber live states; labelled transitions over the global alphabet classes.
        int[] id = new int[n];
        int nn = 0;
        for (int s = 0; s < n; s++) {
            id[s] = live[s] ? nn++ : -1;
        }
        java.util.TreeSet<Integer> bounds = new java.util.TreeSet<>();
        for (int s = 0; s < n; s++) {
            if (!live[s]) {
                continue;
            }
            for (int k = 0; k < x.min[s].length; k++) {
                if (live[x.dest[s][k]]) {
                    bounds.add((int) x.min[s][k]);
                    bounds.add(x.max[s][k] + 1);
                }
            }
        }
        int[] points = bounds.stream().mapToInt(Integer::intValue).toArray();
        int m = 0;
        for (int s = 0; s < n; s++) {
            if (!live[s]) {
                continue;
            }
            for (int k = 0; k < x.min[s].length; k++) {
                if (live[x.dest[s][k]]) {
                    m += java.util.Arrays.binarySearch(points, x.max[s][k] + 1)
                            - java.util.Arrays.binarySearch(points, x.min[s][k]);
                }
            }
        }
        meter.charge((long) m * (33 - Integer.numberOfLeadingZeros(nn + 1)));
        int[] tail = new int[m];
        int[] label = new int[m];
        int[] head = new int[m];
        int t = 0;
        for (int s = 0; s < n; s++) {
            if (!live[s]) {
                continue;
            }
            for (int k = 0; k < x.min[s].length; k++) {
                if (!live[x.dest[s][k]]) {
                    continue;
                }
                int from = java.util.Arrays.binarySearch(points, x.min[s][k]);
                int to = java.util.Arrays.binarySearch(points, x.max[s][k] + 1);
                for (int c = from; c < to; c++) {
                    tail[t] = id[s];
                    label[t] = c;
                    head[t] = id[x.dest[s][k]];
                    t++;
                }
            }
        }
        boolean[] accepting = new boolean[nn];
        for (int s = 0; s < n; s++) {
            if (live[s]) {
                accepting[id[s]] = x.accept[s];
            }
        }
        int[] block = ValmariMinimizer.blocks(nn, accepting, tail, label, head, points.length);
        int blocks = 0;
        for (int b : block) {
            blocks = Math.max(blocks, b + 1);
        }
        State[] states = new State[blocks];
        for (int c = 0; c < blocks; c++) {
            states[c] = new State();
        }
        boolean[] built = new boolean[blocks];
        for (int s = 0; s < n; s++) {
            if (!live[s] || built[block[id[s]]]) {
                continue;
            }
            built[block[id[s]]] = true;
            State state = states[block[id[s]]];
            state.setAccept(x.accept[s]);
            int runStart = -1;
            int runEnd = -2;
            int runTarget = -1;
            for (int k = 0; k < x.min[s].length; k++) {
                if (!live[x.dest[s][k]]) {
                    continue;
                }
                int target = block[id[x.dest[s][k]]];
                if (target != runTarget || x.min[s][k] != runEnd + 1) {
                    if (runTarget >= 0) {
                        state.addTransition(new Transition((char) runStart, (char) runEnd, states[runTarget]));
                    }
                    runStart = x.min[s][k];
                    runTarget = target;
                }
                runEnd = x.max[s][k];
            }
            if (runTarget >= 0) {
                state.addTransition(new Transition((char) runStart, (char) runEnd, states[runTarget]));
            }
        }
        Automaton out = new Automaton();
        out.setInitialState(states[block[id[x.initial]]]);
        out.setDeterministic(true);
        return out;
    }

}
