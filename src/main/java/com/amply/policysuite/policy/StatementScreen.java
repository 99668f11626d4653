package com.amply.policysuite.policy;

import com.amply.policysuite.access.AccessEntry;
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
        return withinBounds(policy) ? new Prepared(policy).decide(action, resource) : Optional.empty();
    }

    /**
     * A policy {@link #withinBounds within bounds} made ready for many concrete questions: for each statement, the
     * literal prefix all its resource patterns share (a value that lacks it matches none of them: one comparison
     * instead of one per pattern), and whether it uses policy variables.
     */
    static final class Prepared {
        private final List<Prepped> statements;

        Prepared(PolicyInput policy) {
            List<Prepped> out = new java.util.ArrayList<>(policy.statements().size());
            for (AccessStatement s : policy.statements()) {
                List<String> ascii = new java.util.ArrayList<>();
                List<String> other = new java.util.ArrayList<>();
                for (String a : s.actions()) {
                    if (isAscii(a)) {
                        ascii.add(a.toLowerCase(Locale.ROOT));
                    } else {
                        other.add(a);
                    }
                }
                out.add(new Prepped(s, List.copyOf(ascii), List.copyOf(other), commonLiteralPrefix(s.resources()),
                        hasVariable(s)));
            }
            this.statements = List.copyOf(out);
        }

        /** The verdict for a concrete request, or empty when a matching statement has conditions or variables. */
        Optional<Screened> decide(String action, String resource) {
            if (Glob.literal(action) == null || Glob.literal(resource) == null) {
                return Optional.empty();
            }
            String lowerAction = action.toLowerCase(Locale.ROOT);
            boolean asciiAction = isAscii(lowerAction);
            int allowedBy = -1;
            for (Prepped p : statements) {
                AccessStatement s = p.statement();
                if (!p.matchesAction(lowerAction, asciiAction) || !p.matchesResource(resource)) {
                    continue;
                }
                if (s.hasConditions() || p.variable()) {
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
        boolean noAllowCanMatch(List<String> actions, List<String> resources) {
            List<String> lowerActions = new java.util.ArrayList<>(actions.size());
            for (String a : actions) {
                lowerActions.add(a.toLowerCase(Locale.ROOT));
            }
            long cells = 0;
            for (Prepped p : statements) {
                AccessStatement s = p.statement();
                for (String pattern : s.resources()) {
                    for (String r : resources) {
                        cells += (long) (pattern.length() + 1) * (r.length() + 1);
                    }
                }
                if (cells > MAX_CELLS) {
                    return false; // too much pattern work for a shortcut
                }
                if (s.effect() != Effect.ALLOW) {
                    continue;
                }
                // conditions alone do not stop an Allow statement from matching
                if (s.notAction() || s.notResource() || p.variable()) {
                    return false;
                }
                if (p.actionsIntersect(lowerActions) && intersectsAny(s.resources(), resources)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean intersectsAny(List<String> patterns, List<String> requests) {
        if (requests.isEmpty()) {
            return true; // an entry without resources asks about all of them
        }
        for (String p : patterns) {
            for (String r : requests) {
                if (Glob.intersect(p, r)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A statement with its ASCII action patterns in lower case (compared with a lower-cased ASCII action, they match
     * letter for letter exactly when they match ignoring case) and its other ones as written, its resource patterns'
     * common literal prefix, and whether it uses policy variables.
     */
    private record Prepped(AccessStatement statement, List<String> asciiActions, List<String> otherActions,
                           String resourcePrefix, boolean variable) {
        /** Whether some action matches one of this statement's action patterns and one of {@code lowerActions}. */
        boolean actionsIntersect(List<String> lowerActions) {
            if (lowerActions.isEmpty()) {
                return true; // an entry without actions asks about all of them
            }
            for (String r : lowerActions) {
                for (String p : asciiActions) {
                    if (Glob.intersect(p, r)) {
                        return true;
                    }
                }
                for (String p : otherActions) {
                    if (Glob.intersect(p.toLowerCase(Locale.ROOT), r)) {
                        return true;
                    }
                }
            }
            return false;
        }

        boolean matchesAction(String lowerAction, boolean asciiAction) {
            boolean any = false;
            for (String p : asciiActions) {
                if (asciiAction ? Glob.matchesAfter(p, lowerAction, 0) : Glob.matches(p, lowerAction, true)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                for (String p : otherActions) {
                    if (Glob.matches(p, lowerAction, true)) {
                        any = true;
                        break;
                    }
                }
            }
            return any != statement.notAction();
        }

        boolean matchesResource(String value) {
            boolean any = false;
            if (value.startsWith(resourcePrefix)) {
                for (String p : statement.resources()) {
                    if (Glob.matchesAfter(p, value, resourcePrefix.length())) {
                        any = true;
                        break;
                    }
                }
            }
            return any != statement.notResource();
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** The longest literal text (before any wildcard) that every one of {@code patterns} starts with. */
    static String commonLiteralPrefix(List<String> patterns) {
        if (patterns.isEmpty()) {
            return "";
        }
        String first = patterns.get(0);
        int length = Glob.literalPrefixLength(first);
        for (String p : patterns) {
            length = Math.min(length, Glob.literalPrefixLength(p));
            int k = 0;
            while (k < length && p.charAt(k) == first.charAt(k)) {
                k++;
            }
            length = k;
        }
        return first.substring(0, length);
    }

    /**
     * True when, for every one of {@code entries}, no Allow statement can match any of its actions on any of its
     * resources (both patterns): then nothing is granted, whatever the Deny statements say. False means "maybe":
     * ask the analyzer. The policy is prepared once for all entries.
     */
    public static boolean noAllowCanMatch(PolicyInput policy, List<AccessEntry> entries) {
        if (!withinBounds(policy)) {
            return false;
        }
        Prepared prepared = new Prepared(policy);
        for (AccessEntry e : entries) {
            if (!prepared.noAllowCanMatch(e.actions(), e.resources())) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasVariable(AccessStatement s) {
        return hasVariable(s.actions()) || hasVariable(s.resources());
    }

    private static boolean hasVariable(List<String> patterns) {
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).contains("${")) {
                return true;
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
            // literal prefixes, and literal suffixes, must agree as far as both go: most patterns differ there, and
            // what agrees can be cut off (a character that both sides must match at the same place)
            int n = p.length();
            int m = q.length();
            int from = 0;
            while (from < n && from < m) {
                char a = p.charAt(from);
                char b = q.charAt(from);
                if (a == '*' || b == '*' || a == '?' || b == '?') {
                    break;
                }
                if (a != b) {
                    return false;
                }
                from++;
            }
            while (n > from && m > from) {
                char a = p.charAt(n - 1);
                char b = q.charAt(m - 1);
                if (a == '*' || b == '*' || a == '?' || b == '?') {
                    break;
                }
                if (a != b) {
                    return false;
                }
                n--;
                m--;
            }
            String pr = p.substring(from, n);
            String qr = q.substring(from, m);
            if (literal(pr) != null) {
                return matches(qr, pr);
            }
            if (literal(qr) != null) {
                return matches(pr, qr);
            }
            return search(pr, qr);
        }

        /** A search over pairs of positions of two patterns for one string both match: O(length x length). */
        private static boolean search(String p, String q) {
            int n = p.length();
            int m = q.length();
            int width = m + 1;
            boolean[] seen = new boolean[(n + 1) * width];
            int[] stack = new int[(n + 1) * width * 2 + 2];
            int top = 0;
            stack[top++] = 0;
            stack[top++] = 0;
            seen[0] = true;
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
                    top = push(seen, width, stack, top, i + 1, j);
                }
                if (j < m && b == '*') {
                    top = push(seen, width, stack, top, i, j + 1);
                }
                if (i < n && j < m) {
                    // one common character consumed by both sides
                    if (a == '*' && b != '*') {
                        top = push(seen, width, stack, top, i, j + 1);
                    } else if (b == '*' && a != '*') {
                        top = push(seen, width, stack, top, i + 1, j);
                    } else if (a != '*' && (a == '?' || b == '?' || a == b)) {
                        top = push(seen, width, stack, top, i + 1, j + 1);
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
            if (ignoreCase) {
                return matchesFrom(pattern, value, true, 0); // actions: short, compared letter by letter
            }
            return matchesAfter(pattern, value, 0);
        }

        /** How many characters of {@code pattern} come before its first wildcard. */
        static int literalPrefixLength(String pattern) {
            int star = pattern.indexOf('*');
            int one = pattern.indexOf('?');
            return star < 0 ? (one < 0 ? pattern.length() : one) : (one < 0 ? star : Math.min(star, one));
        }

        /**
         * {@link #matches(String, String)} (case-sensitive) when the caller knows that the first {@code known}
         * characters of the value equal the pattern's, all of them literal.
         */
        static boolean matchesAfter(String pattern, String value, int known) {
            // the rest of the literal prefix first, compared in one go: ARN patterns share long prefixes
            int literal = literalPrefixLength(pattern);
            if (literal > value.length() || !value.regionMatches(known, pattern, known, literal - known)) {
                return false;
            }
            if (literal == pattern.length()) {
                return literal == value.length();
            }
            return matchesFrom(pattern, value, false, literal);
        }

        /** The greedy match with one backtrack point, from {@code start} in both (the part before agrees). */
        private static boolean matchesFrom(String pattern, String value, boolean ignoreCase, int start) {
            int p = start;
            int v = start;
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

        private static int push(boolean[] seen, int width, int[] stack, int top, int i, int j) {
            if (!seen[i * width + j]) {
                seen[i * width + j] = true;
                stack[top++] = i;
                stack[top++] = j;
            }
            return top;
        }
    }
}
