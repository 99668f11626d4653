package com.amply.policysuite.policy;

import com.amply.policysuite.access.AccessStatement;
import com.amply.policysuite.access.Effect;
import com.amply.policysuite.access.PolicyInput;
import com.amply.policysuite.access.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Cheap, exact answers for the easy cases, so that most roles never need an automaton: concrete decisions when
 * every matching statement is unconditional and free of policy variables, and "no Allow statement can match"
 * screens for access questions. Anything else says "don't know" (empty), and the caller asks the compiled
 * analyzer. Every answer given here is one the analyzer would give.
 */
public final class StatementScreen {
    /** Beyond these the screen does not try: the analyzer, with its own budget, answers (or says too complex). */
    static final int MAX_STATEMENTS = com.amply.policysuite.access.Budget.DEFAULT_MAX_STATEMENTS;
    static final int MAX_PATTERN_LENGTH = com.amply.policysuite.access.Budget.DEFAULT_MAX_PATTERN_LENGTH;
    static final long MAX_CELLS = 20_000_000L;

    private StatementScreen() {
    }

    /** Whether the policy is small enough for the screen; callers that ask many questions check it once. */
    static boolean withinBounds(PolicyInput policy) {
        if (policy.statements().size() > MAX_STATEMENTS) {
            return false;
        }
        for (AccessStatement s : policy.statements()) {
            for (String p : s.actions()) {
                if (p.length() > MAX_PATTERN_LENGTH) {
                    return false;
                }
            }
            for (String p : s.resources()) {
                if (p.length() > MAX_PATTERN_LENGTH) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A verdict reached without the analyzer, and the first statement that decided it (-1 for none). */
    public record Screened(Verdict verdict, int statementIndex) {
    }

    /** The verdict for a concrete request, or empty when a matching statement has conditions or variables. */
    static Optional<Screened> decide(PolicyInput policy, String action, String resource) {
        return withinBounds(policy) ? decideWithinBounds(policy, action, resource) : Optional.empty();
    }

    /** {@link #decide} for a policy the caller already knows to be {@link #withinBounds within bounds}. */
    static Optional<Screened> decideWithinBounds(PolicyInput policy, String action, String resource) {
        if (Glob.literal(action) == null || Glob.literal(resource) == null) {
            return Optional.empty();
        }
        String lowerAction = action.toLowerCase(Locale.ROOT);
        int allowedBy = -1;
        for (AccessStatement s : policy.statements()) {
            if (!matches(s.actions(), s.notAction(), lowerAction, true)
                    || !matches(s.resources(), s.notResource(), resource, false)) {
                continue;
            }
            if (s.hasConditions() || hasVariable(s)) {
                return Optional.empty();
            }
            if (s.effect() == Effect.DENY) {
                return Optional.of(new Screened(Verdict.EXPLICIT_DENY, s.index()));
            }
            if (allowedBy < 0) {
                allowedBy = s.index();
            }
        }
        return Optional.of(allowedBy >= 0 ? new Screened(Verdict.ALLOWED, allowedBy) : new Screened(Verdict.IMPLICIT_DENY, -1));
    }

    /**
     * True when no Allow statement can match any of {@code actions} on any of {@code resources} (both patterns):
     * then nothing is granted, whatever the Deny statements say. False means "maybe": ask the analyzer.
     */
    public static boolean noAllowCanMatch(PolicyInput policy, List<String> actions, List<String> resources) {
        if (!withinBounds(policy)) {
            return false;
        }
        long cells = 0;
        for (AccessStatement s : policy.statements()) {
            for (String p : s.resources()) {
                for (String r : resources) {
                    cells += (long) (p.length() + 1) * (r.length() + 1);
                }
            }
            if (cells > MAX_CELLS) {
                return false; // too much pattern work for a shortcut
            }
            if (s.effect() != Effect.ALLOW) {
                continue;
            }
            if (s.notAction() || s.notResource() || hasVariable(s)) {
                return false;
            }
            if (intersectsAny(s.actions(), actions, true) && intersectsAny(s.resources(), resources, false)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasVariable(AccessStatement s) {
        return s.actions().stream().anyMatch(p -> p.contains("${")) || s.resources().stream().anyMatch(p -> p.contains("${"));
    }

    private static boolean matches(List<String> patterns, boolean not, String value, boolean ignoreCase) {
        boolean any = false;
        for (String p : patterns) {
            if (Glob.matches(p, value, ignoreCase)) {
                any = true;
                break;
            }
        }
        return any != not;
    }

    private static boolean intersectsAny(List<String> patterns, List<String> requests, boolean ignoreCase) {
        if (requests.isEmpty()) {
            return true; // an entry without resources (or actions) asks about all of them
        }
        for (String p : patterns) {
            for (String r : requests) {
                if (ignoreCase ? Glob.intersect(p.toLowerCase(Locale.ROOT), r.toLowerCase(Locale.ROOT)) : Glob.intersect(p, r)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** IAM's wildcards: {@code *} any sequence, {@code ?} one character, everything else literal. */
    static final class Glob {
        private Glob() {
        }

        /** A pattern that matches exactly {@code value} (its own {@code *} and {@code ?} made literal). */
        static String literal(String value) {
            return value.indexOf('*') < 0 && value.indexOf('?') < 0 ? value : null;
        }

        /**
         * Whether some string matches both patterns: a search over pairs of positions, O(length x length).
         * A null pattern (a concrete value with wildcard characters) is answered conservatively: true.
         */
        static boolean intersect(String p, String q) {
            if (p == null || q == null) {
                return true;
            }
            // literal prefixes must agree as far as both go: most patterns differ early, and this is free
            for (int k = 0; k < p.length() && k < q.length(); k++) {
                char a = p.charAt(k);
                char b = q.charAt(k);
                if (a == '*' || b == '*' || a == '?' || b == '?') {
                    break;
                }
                if (a != b) {
                    return false;
                }
            }
            int n = p.length();
            int m = q.length();
            boolean[][] seen = new boolean[n + 1][m + 1];
            int[] stack = new int[(n + 1) * (m + 1) * 2 + 2];
            int top = 0;
            stack[top++] = 0;
            stack[top++] = 0;
            seen[0][0] = true;
            while (top > 0) {
                int j = stack[--top];
                int i = stack[--top];
                if (i == n && j == m) {
                    return true;
                }
                char a = i < n ? p.charAt(i) : 0;
                char b = j < m ? q.charAt(j) : 0;
                // a star may match nothing
                if (i < n && a == '*') {
                    top = push(seen, stack, top, i + 1, j);
                }
                if (j < m && b == '*') {
                    top = push(seen, stack, top, i, j + 1);
                }
                if (i < n && j < m) {
                    // one common character consumed by both sides
                    if (a == '*' && b != '*') {
                        top = push(seen, stack, top, i, j + 1);
                    } else if (b == '*' && a != '*') {
                        top = push(seen, stack, top, i + 1, j);
                    } else if (a != '*' && (a == '?' || b == '?' || a == b)) {
                        top = push(seen, stack, top, i + 1, j + 1);
                    }
                }
            }
            return false;
        }

        /** Whether the concrete {@code value} matches {@code pattern}: the classic greedy match with one backtrack point. */
        static boolean matches(String pattern, String value) {
            return matches(pattern, value, false);
        }

        /** {@link #matches(String, String)}, comparing letters without regard to case when {@code ignoreCase}. */
        static boolean matches(String pattern, String value, boolean ignoreCase) {
            int p = 0;
            int v = 0;
            int star = -1;
            int mark = 0;
            while (v < value.length()) {
                if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v)
                        || ignoreCase && Character.toLowerCase(pattern.charAt(p)) == Character.toLowerCase(value.charAt(v)))) {
                    p++;
                    v++;
                } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                    star = p++;
                    mark = v;
                } else if (star >= 0) {
                    p = star + 1;
                    v = ++mark;
                } else {
                    return false;
                }
            }
            while (p < pattern.length() && pattern.charAt(p) == '*') {
                p++;
            }
            return p == pattern.length();
        }

        private static int push(boolean[][] seen, int[] stack, int top, int i, int j) {
            if (!seen[i][j]) {
                seen[i][j] = true;
                stack[top++] = i;
                stack[top++] = j;
            }
            return top;
        }
    }
}
