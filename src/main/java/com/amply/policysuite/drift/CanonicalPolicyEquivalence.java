package com.amply.policysuite.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Compares policies by a canonical form that keeps their meaning and drops their formatting.
 *
 * <p>Every statement is taken apart into atoms {@code (Effect, one action, one resource, Condition)}: Statement as an
 * object or an array, Action and Resource as a string or an array, the order of statements and of list entries, Sids,
 * duplicates and the split of access across statements or policies all disappear. Action names are compared
 * case-insensitively (as IAM does), resources case-sensitively. A {@code NotAction} or {@code NotResource} list stays
 * one atom (its sorted set), and a Condition block is compared as a sorted map of operator → lower-case key → set of
 * values.
 *
 * <p>Equal canonical forms mean equal access. Different forms usually mean different access, but not always: this
 * form does not reason about wildcards ({@code s3:Get*} against the list of Get actions it covers), so it can report a
 * rewrite that grants exactly the same access. {@link AccessPolicyEquivalence} answers that question exactly; this
 * class is its fast path and the explanation of what differs.
 */
public final class CanonicalPolicyEquivalence implements PolicyEquivalence {

    /** One unit of access. {@code action}/{@code resource} hold a sorted, comma-joined set when negated. */
    record Atom(String effect, boolean notAction, String action, boolean notResource, String resource,
                String condition, String principal) implements Comparable<Atom> {
        @Override
        public int compareTo(Atom o) {
            return key().compareTo(o.key());
        }

        String key() {
            return effect + '\u0000' + notAction + '\u0000' + action + '\u0000' + notResource + '\u0000' + resource
                    + '\u0000' + condition + '\u0000' + principal;
        }
    }

    @Override
    public Verdict compare(List<LabelledPolicy> repository, List<LabelledPolicy> live) {
        Map<Atom, Set<String>> expected = atoms(repository);
        Map<Atom, Set<String>> actual = atoms(live);
        List<String> differences = new ArrayList<>();
        differences.addAll(describe(actual, expected.keySet(), "live", "the repository does not"));
        differences.addAll(describe(expected, actual.keySet(), "repository", "the live role does not"));
        return differences.isEmpty() ? Verdict.same() : new Verdict(false, differences);
    }

    /** The canonical atoms of some policies, each with the labels of the policies that contain it. */
    static Map<Atom, Set<String>> atoms(List<LabelledPolicy> policies) {
        Map<Atom, Set<String>> out = new TreeMap<>();
        for (LabelledPolicy p : policies) {
            JsonNode statements = p.document().path("Statement");
            List<JsonNode> list = new ArrayList<>();
            if (statements.isObject()) {
                list.add(statements);
            } else if (statements.isArray()) {
                statements.forEach(list::add);
            }
            for (JsonNode s : list) {
                for (Atom a : atoms(s)) {
                    out.computeIfAbsent(a, k -> new TreeSet<>()).add(p.label());
                }
            }
        }
        return out;
    }

    private static List<Atom> atoms(JsonNode s) {
        String effect = s.path("Effect").isString() ? s.path("Effect").stringValue() : String.valueOf(s.get("Effect"));
        boolean notAction = !s.has("Action") && s.has("NotAction");
        boolean notResource = !s.has("Resource") && s.has("NotResource");
        Set<String> actions = new TreeSet<>();
        for (String a : strings(s.get(notAction ? "NotAction" : "Action"))) {
            actions.add(a.toLowerCase(Locale.ROOT));
        }
        Set<String> resources = new TreeSet<>(strings(s.get(notResource ? "NotResource" : "Resource")));
        List<String> actionUnits = notAction ? List.of(String.join(",", actions)) : new ArrayList<>(actions);
        List<String> resourceUnits = notResource || resources.isEmpty()
                ? List.of(String.join(",", resources)) : new ArrayList<>(resources);
        String condition = condition(s.get("Condition"));
        String principal = principal(s);
        List<Atom> out = new ArrayList<>();
        for (String a : actionUnits) {
            for (String r : resourceUnits) {
                out.add(new Atom(effect, notAction, a, notResource, r, condition, principal));
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(e -> out.add(scalar(e)));
        } else {
            out.add(scalar(v));
        }
        return out;
    }

    private static String scalar(JsonNode v) {
        return v.isString() ? v.stringValue() : v.toString();
    }

    /** {@code StringEquals{aws:sourcevpc=[vpc-1]}...} with operators, keys and values sorted; "" without a block. */
    private static String condition(JsonNode c) {
        if (c == null || !c.isObject() || c.isEmpty()) {
            return "";
        }
        Map<String, Map<String, Set<String>>> sorted = new TreeMap<>();
        for (Map.Entry<String, JsonNode> op : c.properties()) {
            Map<String, Set<String>> keys = sorted.computeIfAbsent(op.getKey(), k -> new TreeMap<>());
            if (op.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                    keys.computeIfAbsent(key.getKey().toLowerCase(Locale.ROOT), k -> new TreeSet<>())
                            .addAll(strings(key.getValue()));
                }
            } else {
                keys.put("", new TreeSet<>(strings(op.getValue())));
            }
        }
        return sorted.toString();
    }

    private static String principal(JsonNode s) {
        for (String key : List.of("Principal", "NotPrincipal")) {
            JsonNode p = s.get(key);
            if (p != null) {
                if (p.isString()) {
                    return key + "=" + p.stringValue();
                }
                Map<String, Set<String>> sorted = new TreeMap<>();
                for (Map.Entry<String, JsonNode> e : p.properties()) {
                    sorted.put(e.getKey(), new TreeSet<>(strings(e.getValue())));
                }
                return key + "=" + sorted;
            }
        }
        return "";
    }

    /**
     * One sentence per group of atoms of {@code side} not in {@code other}: atoms that share everything but the
     * action are listed together, so a widened resource reads as one line.
     */
    private static List<String> describe(Map<Atom, Set<String>> side, Set<Atom> other, String which, String tail) {
        Map<String, TreeSet<String>> groups = new TreeMap<>();
        Map<String, String[]> sentences = new TreeMap<>();
        for (Map.Entry<Atom, Set<String>> e : side.entrySet()) {
            Atom a = e.getKey();
            if (other.contains(a)) {
                continue;
            }
            String origin = String.join(", ", e.getValue());
            String resource = (a.notResource() ? "every resource except [" + a.resource() + "]"
                    : a.resource().isEmpty() ? "no resource" : a.resource());
            String when = a.condition().isEmpty() ? "" : " when " + a.condition();
            String principal = a.principal().isEmpty() ? "" : " for " + a.principal();
            String key = origin + '\u0000' + a.effect() + '\u0000' + a.notAction() + '\u0000' + resource + '\u0000'
                    + when + principal;
            groups.computeIfAbsent(key, k -> new TreeSet<>()).add(a.action());
            String verb = "Allow".equals(a.effect()) ? "allows" : "Deny".equals(a.effect()) ? "denies"
                    : "has effect " + a.effect() + " for";
            sentences.put(key, new String[] {(which.equals("live") ? "live " : "") + origin + " " + verb + " ",
                " on " + resource + when + principal + "; " + tail});
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> g : groups.entrySet()) {
            boolean negated = g.getKey().split("\u0000", -1)[2].equals("true");
            String actions = negated ? "every action except [" + String.join(", ", g.getValue()) + "]"
                    : String.join(", ", g.getValue());
            String[] sentence = sentences.get(g.getKey());
            out.add(sentence[0] + actions + sentence[1]);
        }
        return out;
    }
}
