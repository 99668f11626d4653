package com.amply.policysuite.drift;

import com.amply.policysuite.access.AccessAnalyzer;
import com.amply.policysuite.access.AccessStatement;
import com.amply.policysuite.access.ActionCatalog;
import com.amply.policysuite.access.Budget;
import com.amply.policysuite.access.Effect;
import com.amply.policysuite.access.NoNewAccessResult;
import com.amply.policysuite.access.PolicyDiff;
import com.amply.policysuite.access.PolicyInput;
import com.amply.policysuite.access.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Compares policies by the access they grant, with the access analyzer's check-no-new-access reasoning run both ways:
 * live against the repository (new access) and the repository against live (removed access). Both must PASS for the
 * policies to be equivalent; an analysis that gives up (too complex, unsupported input) is a FAIL, so it is drift,
 * never a silent pass.
 */
public final class AccessPolicyEquivalence implements PolicyEquivalence {
    private final Budget budget;

    public AccessPolicyEquivalence(Budget budget) {
        this.budget = budget;
    }

    public AccessPolicyEquivalence() {
        this(Budget.defaults());
    }

    @Override
    public Verdict compare(List<LabelledPolicy> repository, List<LabelledPolicy> live) {
        Input existing = input(repository);
        Input updated = input(live);
        List<String> differences = new ArrayList<>();
        differences.addAll(existing.problems);
        differences.addAll(updated.problems);
        if (!differences.isEmpty()) {
            return new Verdict(false, differences);
        }
        PolicyDiff diff = AccessAnalyzer.diff(existing.policy, updated.policy, budget, ActionCatalog.none());
        if (!diff.added().passed()) {
            differences.add(sentence("live policies grant access the repository does not", diff.added(), updated));
        }
        if (!diff.removed().passed()) {
            differences.add(sentence("the live role lacks access the repository grants", diff.removed(), existing));
        }
        return differences.isEmpty() ? Verdict.same() : new Verdict(false, differences);
    }

    private static String sentence(String what, NoNewAccessResult result, Input side) {
        if (result.tooComplex()) {
            return "the access analysis could not decide (" + result.message() + "); treated as drift";
        }
        StringBuilder b = new StringBuilder(what);
        if (result.exampleAction().isPresent()) {
            b.append(", e.g. ").append(result.exampleAction().get());
            result.exampleResource().filter(r -> !r.isEmpty()).ifPresent(r -> b.append(" on ").append(r));
        }
        List<String> from = new ArrayList<>();
        for (Reason r : result.reasons()) {
            if (r.statementIndex() >= 0 && r.statementIndex() < side.origins.size()) {
                String origin = side.origins.get(r.statementIndex());
                if (!from.contains(origin)) {
                    from.add(origin);
                }
            }
        }
        if (!from.isEmpty()) {
            b.append(" (from ").append(String.join(", ", from)).append(')');
        } else if (result.exampleAction().isEmpty()) {
            b.append(": ").append(result.message());
        }
        return b.toString();
    }

    /** The statements of some policies as one policy, with the origin of each statement index. */
    private record Input(PolicyInput policy, List<String> origins, List<String> problems) {
    }

    private static Input input(List<LabelledPolicy> policies) {
        List<AccessStatement> statements = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (LabelledPolicy p : policies) {
            JsonNode s = p.document().path("Statement");
            List<JsonNode> list = new ArrayList<>();
            if (s.isObject()) {
                list.add(s);
            } else if (s.isArray()) {
                s.forEach(list::add);
            }
            for (JsonNode st : list) {
                String effectText = st.path("Effect").isString() ? st.path("Effect").stringValue() : "";
                Effect effect = "Allow".equals(effectText) ? Effect.ALLOW : "Deny".equals(effectText) ? Effect.DENY : null;
                String sid = st.path("Sid").isString() ? st.path("Sid").stringValue() : null;
                String origin = p.label() + (sid != null ? " statement " + sid : "");
                if (effect == null) {
                    problems.add(origin + " has Effect " + st.get("Effect") + ", neither Allow nor Deny; its access could"
                            + " not be compared");
                    continue;
                }
                if (st.has("Principal") || st.has("NotPrincipal")) {
                    problems.add(origin + " has a Principal, which an identity policy cannot have; its access could not"
                            + " be compared");
                    continue;
                }
                boolean notAction = !st.has("Action") && st.has("NotAction");
                boolean notResource = !st.has("Resource") && st.has("NotResource");
                statements.add(new AccessStatement(statements.size(), sid, effect,
                        strings(st.get(notAction ? "NotAction" : "Action")), notAction,
                        strings(st.get(notResource ? "NotResource" : "Resource")), notResource, conditions(st.get("Condition"))));
                origins.add(origin);
            }
        }
        return new Input(new PolicyInput(statements), origins, problems);
    }

    private static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(e -> out.add(e.isString() ? e.stringValue() : e.toString()));
        } else {
            out.add(v.isString() ? v.stringValue() : v.toString());
        }
        return out;
    }

    private static Map<String, Map<String, List<String>>> conditions(JsonNode c) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        if (c == null || !c.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> op : c.properties()) {
            Map<String, List<String>> keys = new LinkedHashMap<>();
            if (op.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                    keys.put(key.getKey(), strings(key.getValue()));
                }
            }
            out.put(op.getKey(), keys);
        }
        return out;
    }
}
