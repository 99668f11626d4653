package com.amply.policysuite.access;

import dk.brics.automaton.Automaton;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Picks a short, readable member of a joint (action SEP resource) language. */
final class ExampleSearch {
    /** Characters preferred in examples, best first. */
    private static final String READABLE = "abcdefghijklmnopqrstuvwxyz0123456789-_/:.ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Recasing is cosmetic: look at no more patterns than this. */
    private static final int MAX_RECASE_CANDIDATES = 2_000;

    private ExampleSearch() {
    }

    /** An example pair; {@code action} is lower-case unless it came from the catalog or was recased. */
    record Example(String action, String resource, boolean fromCatalog) {
    }

    static Optional<Example> find(Automaton language, ActionCatalog catalog) {
        if (language.isEmpty()) {
            return Optional.empty();
        }
        BoundedAutomata.Indexed x = BoundedAutomata.index(language);
        for (String action : catalog.actions()) {
            int s = x.initial;
            for (int i = 0; i < action.length() && s >= 0; i++) {
                s = x.step(s, CompiledPolicy.actionChar(action.charAt(i)));
            }
            if (s >= 0) {
                s = x.step(s, GlobPattern.SEP);
            }
            if (s >= 0) {
                String resource = shortest(x, s);
                if (resource != null) {
                    return Optional.of(new Example(action, resource, true));
                }
            }
        }
        String word = shortest(x, x.initial);
        if (word == null) {
            return Optional.empty();
        }
        int sep = word.indexOf(GlobPattern.SEP);
        if (sep < 0) {
            return Optional.empty();
        }
        return Optional.of(new Example(word.substring(0, sep), word.substring(sep + 1), false));
    }

    /** Shortest accepted suffix from {@code start}, preferring readable characters; null when none. */
    static String shortest(BoundedAutomata.Indexed x, int start) {
        int n = x.size();
        int[] parent = new int[n];
        char[] via = new char[n];
        Arrays.fill(parent, -2);
        parent[start] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        int found = -1;
        while (!queue.isEmpty()) {
            int s = queue.poll();
            if (x.accept[s]) {
                found = s;
                break;
            }
            int k = x.min[s].length;
            Integer[] order = new Integer[k];
            char[] rep = new char[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
                rep[i] = representative(x.min[s][i], x.max[s][i]);
            }
            Arrays.sort(order, (a, b) -> Integer.compare(rank(rep[a]), rank(rep[b])));
            for (int i : order) {
                int t = x.dest[s][i];
                if (parent[t] == -2) {
                    parent[t] = s;
                    via[t] = rep[i];
                    queue.add(t);
                }
            }
        }
        if (found < 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int s = found; s != start; s = parent[s]) {
            sb.append(via[s]);
        }
        return sb.reverse().toString();
    }

    private static int rank(char c) {
        int i = READABLE.indexOf(c);
        if (i >= 0) {
            return i;
        }
        if (c == GlobPattern.SEP) {
            return READABLE.length();
        }
        return c >= 0x21 && c != 0x7f ? READABLE.length() + 1 + c : 0x20000 + c;
    }

    static char representative(char min, char max) {
        if (min <= GlobPattern.SEP && GlobPattern.SEP <= max) {
            return GlobPattern.SEP;
        }
        for (int i = 0; i < READABLE.length(); i++) {
            char c = READABLE.charAt(i);
            if (min <= c && c <= max) {
                return c;
            }
        }
        if (max >= 0x21 && min <= 0x7e) {
            return (char) Math.max(min, 0x21);
        }
        if (min >= 0xa1) {
            return min;
        }
        return max >= 0xa1 ? (char) Math.max(min, 0xa1) : min;
    }

    /** Recase a lower-cased example action with the first (most literal) pattern that matches it. */
    static String recase(String lowered, List<GlobPattern> candidates) {
        GlobPattern best = null;
        String bestText = null;
        int tried = 0;
        for (GlobPattern p : candidates) {
            if (++tried > MAX_RECASE_CANDIDATES) {
                break;
            }
            if (best != null && p.literalCount() <= best.literalCount()) {
                continue;
            }
            String text = p.recase(lowered);
            if (text != null) {
                best = p;
                bestText = text;
            }
        }
        return bestText != null ? bestText : lowered;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
