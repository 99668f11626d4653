package com.amply.policysuite.policy;

import com.amply.policysuite.access.AccessStatement;
import com.amply.policysuite.access.Budget;
import com.amply.policysuite.access.Compilation;
import com.amply.policysuite.access.CompiledPolicy;
import com.amply.policysuite.access.Effect;
import com.amply.policysuite.access.PolicyInput;
import com.amply.policysuite.model.Located;
import com.amply.policysuite.model.Policy;
import com.amply.policysuite.model.RoleSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Everything a role's identity policies allow, as one policy for the access analysis: the statements of all its
 * policy files in order. {@code origins().get(i)} says which file and statement the analysed statement {@code i}
 * came from, so findings point at the right place. The automaton is compiled on first need only: most questions
 * about most roles are settled exactly by {@link StatementScreen} without it.
 */
public final class RolePolicy {

    /** Where an analysed statement is written. */
    public record Origin(Policy policy, Policy.Statement statement) {
    }

    private final RoleSpec role;
    private final List<Origin> origins;
    private final PolicyInput input;
    private final Budget budget;
    private final List<String> missingPolicies;
    private final boolean screenable;
    private StatementScreen.Prepared prepared;
    private Compilation compilation;

    private RolePolicy(RoleSpec role, List<Origin> origins, PolicyInput input, Budget budget, List<String> missingPolicies) {
        this.role = role;
        this.origins = List.copyOf(origins);
        this.input = input;
        this.budget = budget;
        this.missingPolicies = List.copyOf(missingPolicies);
        this.screenable = StatementScreen.withinBounds(input);
    }

    public RoleSpec role() {
        return role;
    }

    public List<Origin> origins() {
        return origins;
    }

    /** Policy files the role lists that could not be loaded: the analysis then covers only the others. */
    public List<String> missingPolicies() {
        return missingPolicies;
    }

    /** The analysis of the combined policy, compiled on first use. */
    public synchronized Compilation compilation() {
        if (compilation == null) {
            compilation = CompiledPolicy.compile(input, budget, ActionCatalogs.bundled());
        }
        return compilation;
    }

    /** The compiled policy, or null when it could not be analysed within budget. */
    public CompiledPolicy compiled() {
        return compilation() instanceof Compilation.Compiled c ? c.policy() : null;
    }

    /** The verdict for a concrete request when it needs no automaton (see {@link StatementScreen}). */
    public java.util.Optional<StatementScreen.Screened> quickDecision(String action, String resource) {
        return screenable ? screen().decide(action, resource) : java.util.Optional.empty();
    }

    private StatementScreen.Prepared screen() {
        StatementScreen.Prepared screen = prepared;
        if (screen == null) {
            screen = new StatementScreen.Prepared(input); // immutable: made again at worst, if two threads race
            prepared = screen;
        }
        return screen;
    }

    /** True when no Allow statement can match the entry at all, so it is provably not granted. */
    public boolean provablyNotGranted(com.amply.policysuite.access.AccessEntry entry) {
        return screenable && screen().noAllowCanMatch(entry.actions(), entry.resources());
    }

    /** Combines the role's policy files ({@code policiesByFile}); {@code budget} bounds the analysis when it is needed. */
    public static RolePolicy of(RoleSpec role, Map<String, Policy> policiesByFile, Budget budget) {
        List<Policy> policies = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String file : role.policies()) {
            Policy policy = policiesByFile.get(file);
            if (policy == null) {
                missing.add(file);
            } else {
                policies.add(policy);
            }
        }
        return combine(role, policies, missing, budget);
    }

    /** One policy file on its own ({@code role} null), compiled the same way: for per-file comparisons. */
    public static RolePolicy ofPolicy(Policy policy, Budget budget) {
        return combine(null, List.of(policy), List.of(), budget);
    }

    /** The statements of {@code policies} in order, numbered across files, each remembering where it is written. */
    private static RolePolicy combine(RoleSpec role, List<Policy> policies, List<String> missing, Budget budget) {
        List<AccessStatement> statements = new ArrayList<>();
        List<Origin> origins = new ArrayList<>();
        for (Policy policy : policies) {
            for (Policy.Statement st : policy.statements()) {
                AccessStatement s = statement(statements.size(), st);
                if (s != null) {
                    statements.add(s);
                    origins.add(new Origin(policy, st));
                }
            }
        }
        return new RolePolicy(role, origins, new PolicyInput(statements), budget, missing);
    }

    /** The analysed form of one statement, or null for a statement without a valid Effect (IAM002 reports it). */
    public static AccessStatement statement(int index, Policy.Statement st) {
        Effect effect = "Allow".equals(st.effect()) ? Effect.ALLOW : "Deny".equals(st.effect()) ? Effect.DENY : null;
        if (effect == null) {
            return null;
        }
        return new AccessStatement(index, st.sid(), effect, values(st.actions()), st.notAction(), values(st.resources()),
                st.notResource(), conditions(st.condition()));
    }

    private static List<String> values(List<Located> located) {
        List<String> out = new ArrayList<>(located.size());
        for (Located l : located) {
            out.add(l.value());
        }
        return out;
    }

    /** operator -> key -> values, with numbers and booleans as their text, the way IAM compares them. */
    static Map<String, Map<String, List<String>>> conditions(JsonNode condition) {
        if (condition == null || !condition.isObject() || condition.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        for (var op : condition.properties()) {
            Map<String, List<String>> keys = new LinkedHashMap<>();
            if (op.getValue().isObject()) {
                for (var key : op.getValue().properties()) {
                    List<String> values = new ArrayList<>();
                    if (key.getValue().isArray()) {
                        key.getValue().forEach(v -> values.add(v.asString("")));
                    } else {
                        values.add(key.getValue().asString(""));
                    }
                    keys.put(key.getKey(), values);
                }
            }
            out.put(op.getKey(), keys);
        }
        return out;
    }
}
