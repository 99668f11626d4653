package com.amply.policysuite.access;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An IAM wildcard pattern: {@code *} = any sequence (including {@code /} and {@code :}), {@code ?} = exactly one
 * character, {@code ${...}} = a policy variable (any value), {@code ${*}}, {@code ${?}}, {@code ${$}} = the literal
 * characters. Action patterns are lower-cased (actions are case-insensitive); resources are kept as written.
 */
final class GlobPattern {
    static final int ANY = -2;
    static final int ONE = -1;

    /** Joins action and resource in one word: lower(action) + SEP + resource. Never occurs in analysed strings. */
    static final char SEP = '\u0001';
    /** Stand-in for control characters in requests: no pattern literal can be a control character. */
    static final char CONTROL = '\u0000';

    final String source;
    /** Tokens after normalisation: a char (>= 0, lower-cased for actions), {@link #ONE} or {@link #ANY}. */
    final int[] tokens;
    /** The token as written (original case) for literal tokens; used only to recase examples. */
    final char[] written;
    final boolean hasVariable;
    final boolean hasControlCharacter;

    private GlobPattern(String source, int[] tokens, char[] written, boolean hasVariable, boolean hasControlCharacter) {
        this.source = source;
        this.tokens = tokens;
        this.written = written;
        this.hasVariable = hasVariable;
        this.hasControlCharacter = hasControlCharacter;
    }

    static GlobPattern parse(String source, boolean lowerCase) {
        List<Integer> tokens = new ArrayList<>();
        List<Character> written = new ArrayList<>();
        boolean variable = false;
        boolean control = false;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '$' && i + 1 < source.length() && source.charAt(i + 1) == '{') {
                int close = source.indexOf('}', i + 2);
                if (close > 0) {
                    String body = source.substring(i + 2, close);
                    if (body.equals("*") || body.equals("?") || body.equals("$")) {
                        char literal = body.charAt(0);
                        tokens.add((int) literal);
                        written.add(literal);
                    } else {
                        variable = true;
                        tokens.add(ANY);
                        written.add('*');
                    }
                    i = close + 1;
                    continue;
                }
            }
            if (c == '*') {
                tokens.add(ANY);
            } else if (c == '?') {
                tokens.add(ONE);
            } else {
                if (c < 0x20 || c == 0x7f) {
                    control = true;
                }
                tokens.add((int) (lowerCase ? Character.toLowerCase(c) : c));
            }
            written.add(c);
            i++;
        }
        // Normalise wildcard runs: any mix of k '?' and at least one '*' equals '?'^k followed by one '*'.
        List<Integer> norm = new ArrayList<>();
        List<Character> normWritten = new ArrayList<>();
        int t = 0;
        while (t < tokens.size()) {
            int tok = tokens.get(t);
            if (tok >= 0) {
                norm.add(tok);
                normWritten.add(written.get(t));
                t++;
                continue;
            }
            boolean star = false;
            while (t < tokens.size() && tokens.get(t) < 0) {
                if (tokens.get(t) == ANY) {
                    star = true;
                } else {
                    norm.add(ONE);
                    normWritten.add('?');
                }
                t++;
            }
            if (star) {
                norm.add(ANY);
                normWritten.add('*');
            }
        }
        int[] tok = norm.stream().mapToInt(Integer::intValue).toArray();
        char[] wr = new char[normWritten.size()];
        for (int k = 0; k < wr.length; k++) {
            wr[k] = normWritten.get(k);
        }
        return new GlobPattern(source, tok, wr, variable, control);
    }

    boolean hasWildcard() {
        for (int tok : tokens) {
            if (tok < 0) {
                return true;
            }
        }
        return false;
    }

    /** Literal text before the first wildcard. */
    String literalPrefix() {
        StringBuilder sb = new StringBuilder();
        for (int tok : tokens) {
            if (tok < 0) {
                break;
            }
            sb.append((char) tok);
        }
        return sb.toString();
    }

    /** Whether {@code text} (already lower-cased for actions) matches; linear-space DP. */
    boolean matches(CharSequence text) {
        int n = tokens.length;
        boolean[] cur = new boolean[n + 1];
        cur[0] = true;
        closeOver(cur);
        for (int p = 0; p < text.length(); p++) {
            char c = text.charAt(p);
            boolean[] next = new boolean[n + 1];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (!cur[i]) {
                    continue;
                }
                int tok = tokens[i];
                if (tok == ANY) {
                    next[i] = true;
                    any = true;
                } else if (tok == ONE || tok == c) {
                    next[i + 1] = true;
                    any = true;
                }
            }
            if (!any) {
                return false;
            }
            closeOver(next);
            cur = next;
        }
        return cur[n];
    }

    private void closeOver(boolean[] set) {
        for (int i = 0; i < tokens.length; i++) {
            if (set[i] && tokens[i] == ANY) {
                set[i + 1] = true;
            }
        }
    }

    /**
     * Original-case rendering of {@code lowered} (a string this pattern matches) where literal tokens fix the
     * characters, or {@code null} when it does not match.
     */
    String recase(String lowered) {
        int n = tokens.length;
        int m = lowered.length();
        if ((long) (n + 1) * (m + 1) > 1_000_000L) {
            return null;
        }
        // reach[i][p]: tokens[i..] can match lowered[p..]
        boolean[][] reach = new boolean[n + 1][m + 1];
        reach[n][m] = true;
        for (int i = n - 1; i >= 0; i--) {
            int tok = tokens[i];
            for (int p = m; p >= 0; p--) {
                boolean ok;
                if (tok == ANY) {
                    ok = reach[i + 1][p] || (p < m && reach[i][p + 1]);
                } else {
                    ok = p < m && (tok == ONE || tok == lowered.charAt(p)) && reach[i + 1][p + 1];
                }
                reach[i][p] = ok;
            }
        }
        if (!reach[0][0]) {
            return null;
        }
        StringBuilder out = new StringBuilder(m);
        int i = 0;
        int p = 0;
        while (i < n) {
            int tok = tokens[i];
            if (tok == ANY) {
                if (reach[i + 1][p]) {
                    i++;
                } else {
                    out.append(lowered.charAt(p++));
                }
            } else if (tok == ONE) {
                out.append(lowered.charAt(p++));
                i++;
            } else {
                out.append(written[i]);
                p++;
                i++;
            }
        }
        return out.toString();
    }

    int literalCount() {
        int count = 0;
        for (int tok : tokens) {
            if (tok >= 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * Deterministic automaton over the analysis alphabet (every char but {@link #SEP}) by subset construction,
     * stopping with {@link WorkMeter.BudgetExceeded} when it would need more than the pattern state budget.
     */
    Automaton toAutomaton(WorkMeter meter) {
        Budget budget = meter.budget();
        if (source.length() > budget.maxPatternLength()) {
            throw new WorkMeter.BudgetExceeded("pattern of " + source.length() + " characters exceeds the limit of "
                    + budget.maxPatternLength());
        }
        int n = tokens.length;
        TreeSet<Integer> literalSet = new TreeSet<>();
        for (int tok : tokens) {
            if (tok >= 0) {
                literalSet.add(tok);
            }
        }
        char[] literals = new char[literalSet.size()];
        int li = 0;
        for (int c : literalSet) {
            literals[li++] = (char) c;
        }
        // Intervals of "other" characters: everything except the literals and SEP.
        List<char[]> gaps = otherIntervals(literals);

        Map<BitSet, State> states = new HashMap<>();
        ArrayDeque<BitSet> queue = new ArrayDeque<>();
        BitSet start = new BitSet(n + 1);
        start.set(0);
        close(start);
        State initial = newState(start, n);
        states.put(start, initial);
        queue.add(start);
        // Ranges in character order: gaps (no literal) and single literal characters, so that adjacent ranges
        // with the same target can be merged into one transition.
        List<char[]> ranges = new ArrayList<>();
        int gi = 0;
        for (char c : literals) {
            while (gi < gaps.size() && gaps.get(gi)[0] < c) {
                ranges.add(gaps.get(gi++));
            }
            ranges.add(new char[] {c, c});
        }
        while (gi < gaps.size()) {
            ranges.add(gaps.get(gi++));
        }
        boolean[] special = new boolean[literals.length];
        while (!queue.isEmpty()) {
            BitSet set = queue.poll();
            State from = states.get(set);
            // Only literals some current position expects can lead elsewhere than "any other character".
            for (int i = set.nextSetBit(0); i >= 0 && i < n; i = set.nextSetBit(i + 1)) {
                if (tokens[i] >= 0) {
                    special[Arrays.binarySearch(literals, (char) tokens[i])] = true;
                }
            }
            meter.charge((long) (set.cardinality() + 1) * (set.cardinality() + 2) + ranges.size());
            BitSet other = step(set, -1);
            State otherTarget = other.isEmpty() ? null : target(other, states, queue, n, meter);
            int runStart = -1;
            int runEnd = -2;
            State runTarget = null;
            int lit = 0;
            for (char[] range : ranges) {
                State to;
                if (range[0] == range[1] && lit < literals.length && literals[lit] == range[0]) {
                    if (special[lit]) {
                        special[lit] = false;
                        BitSet next = step(set, range[0]);
                        to = next.isEmpty() ? null : target(next, states, queue, n, meter);
                    } else {
                        to = otherTarget;
                    }
                    lit++;
                } else {
                    to = otherTarget;
                }
                if (to != runTarget || range[0] != runEnd + 1) {
                    if (runTarget != null) {
                        from.addTransition(new Transition((char) runStart, (char) runEnd, runTarget));
                    }
                    runStart = range[0];
                    runTarget = to;
                }
                runEnd = range[1];
            }
            if (runTarget != null) {
                from.addTransition(new Transition((char) runStart, (char) runEnd, runTarget));
            }
        }
        Automaton automaton = new Automaton();
        automaton.setInitialState(initial);
        automaton.setDeterministic(true);
        return automaton;
    }

    private State target(BitSet set, Map<BitSet, State> states, ArrayDeque<BitSet> queue, int n, WorkMeter meter) {
        State existing = states.get(set);
        if (existing != null) {
            return existing;
        }
        if (states.size() >= meter.budget().maxPatternStates()) {
            throw new WorkMeter.BudgetExceeded("pattern '" + abbreviate(source) + "' needs more than "
                    + meter.budget().maxPatternStates() + " automaton states");
        }
        State state = newState(set, n);
        states.put(set, state);
        queue.add(set);
        return state;
    }

    private static State newState(BitSet set, int n) {
        State state = new State();
        state.setAccept(set.get(n));
        return state;
    }

    /** Next position set on character {@code c}; {@code c == -1} means a character that is no literal. */
    private BitSet step(BitSet set, int c) {
        BitSet next = new BitSet(tokens.length + 1);
        for (int i = set.nextSetBit(0); i >= 0 && i < tokens.length; i = set.nextSetBit(i + 1)) {
            int tok = tokens[i];
            if (tok == ANY) {
                next.set(i);
            } else if (tok == ONE || (c >= 0 && tok == c)) {
                next.set(i + 1);
            }
        }
        close(next);
        return next;
    }

    private void close(BitSet set) {
        for (int i = set.nextSetBit(0); i >= 0 && i < tokens.length; i = set.nextSetBit(i + 1)) {
            if (tokens[i] == ANY) {
                set.set(i + 1);
            }
        }
    }

    static List<char[]> otherIntervals(char[] sortedExcluded) {
        char[] excluded = Arrays.copyOf(sortedExcluded, sortedExcluded.length + 1);
        excluded[sortedExcluded.length] = SEP;
        Arrays.sort(excluded);
        List<char[]> gaps = new ArrayList<>();
        int from = Character.MIN_VALUE;
        for (char x : excluded) {
            if (x > from) {
                gaps.add(new char[] {(char) from, (char) (x - 1)});
            }
            from = Math.max(from, x + 1);
        }
        if (from <= Character.MAX_VALUE) {
            gaps.add(new char[] {(char) from, Character.MAX_VALUE});
        }
        return gaps;
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    @Override
    public String toString() {
        return source;
    }
}
