package com.amply.policysuite.cli;

import com.amply.policysuite.access.AccessCheckResult;
import com.amply.policysuite.access.AccessEntry;
import com.amply.policysuite.access.AccessStatement;
import com.amply.policysuite.access.Budget;
import com.amply.policysuite.access.Compilation;
import com.amply.policysuite.access.CompiledPolicy;
import com.amply.policysuite.access.NoNewAccessResult;
import com.amply.policysuite.access.PolicyInput;
import com.amply.policysuite.access.Reason;
import com.amply.policysuite.load.Bounds;
import com.amply.policysuite.load.DocumentLoader;
import com.amply.policysuite.load.PolicyReader;
import com.amply.policysuite.model.LoadResult;
import com.amply.policysuite.model.Policy;
import com.amply.policysuite.policy.ActionCatalogs;
import com.amply.policysuite.policy.PolicyIssue;
import com.amply.policysuite.policy.RolePolicy;
import com.amply.policysuite.policy.StatementScreen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request and response shapes of Access Analyzer's CheckAccessNotGranted and CheckNoNewAccess, answered by
 * the offline analyzer. Compiled policies are kept by document text, so a batch that asks many questions of the
 * same policy compiles it once.
 */
final class AccessRequests {
    /** Access Analyzer's limits for one access entry. */
    public static final int MAX_ACTIONS = 100;
    public static final int MAX_RESOURCES = 100;
    private static final int CACHE = 256;

    private final DocumentLoader loader = new DocumentLoader(Bounds.DOCUMENT);
    private final Budget budget;
    private final Map<String, Analysed> compiled = new LinkedHashMap<>(CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Analysed> eldest) {
            return size() > CACHE;
        }
    };

    /** A parsed policy, and its compilation once a question needed one. */
    private final class Analysed {
        final PolicyInput input;
        Compilation compilation;

        Analysed(PolicyInput input) {
            this.input = input;
        }

        Compilation compilation() {
            if (compilation == null) {
                compilation = CompiledPolicy.compile(input, budget, ActionCatalogs.bundled());
            }
            return compilation;
        }
    }

    AccessRequests(Budget budget) {
        this.budget = budget;
    }

    /** A request that can't be answered: its message says why, in one line, without quoting the document. */
    public static final class BadRequest extends Exception {
        public BadRequest(String message) {
            super(message);
        }
    }

    /** CheckAccessNotGranted: {@code {"result","message","reasons":[...],"exampleAction","exampleResource"}}. */
    public ObjectNode checkAccessNotGranted(String policyDocument, JsonNode access, String policyType) throws BadRequest {
        requireIdentityPolicy(policyType);
        List<AccessEntry> entries = access(access);
        Analysed policy = analysed(policyDocument, "policyDocument");
        if (StatementScreen.noAllowCanMatch(policy.input, entries)) {
            // no Allow statement can match any entry: exactly PASS, without building an automaton
            return response("PASS", "The policy does not grant any of the listed accesses.", List.of(), Optional.empty(),
                    Optional.empty());
        }
        Compilation c = policy.compilation();
        if (c instanceof Compilation.Unanalysable u) {
            return tooComplex(u);
        }
        AccessCheckResult r = ((Compilation.Compiled) c).policy().checkAccessNotGranted(entries);
        return response(r.result().name(), r.message(), r.reasons(), r.exampleAction(), r.exampleResource());
    }

    /** CheckNoNewAccess: FAIL when the new document grants something the existing one doesn't, with an example. */
    public ObjectNode checkNoNewAccess(String existing, String updated, String policyType) throws BadRequest {
        requireIdentityPolicy(policyType);
        Compilation before = analysed(existing, "existingPolicyDocument").compilation();
        Compilation after = analysed(updated, "newPolicyDocument").compilation();
        if (before instanceof Compilation.Unanalysable u) {
            return tooComplex(u);
        }
        if (after instanceof Compilation.Unanalysable u) {
            return tooComplex(u);
        }
        NoNewAccessResult r = ((Compilation.Compiled) after).policy()
                .newAccessComparedTo(((Compilation.Compiled) before).policy());
        return response(r.result().name(), r.message(), r.reasons(), r.exampleAction(), r.exampleResource());
    }

    private static void requireIdentityPolicy(String policyType) throws BadRequest {
        if (policyType != null && !policyType.equals("IDENTITY_POLICY")) {
            throw new BadRequest("policyType " + policyType + " is not supported; only IDENTITY_POLICY is");
        }
    }

    private static ObjectNode tooComplex(Compilation.Unanalysable u) {
        return response("FAIL", "The policy could not be analysed (" + u.kind() + ": " + u.detail() + "), so access"
                + " can't be ruled out.", List.of(new Reason("too complex to prove: " + u.detail(), Reason.NO_STATEMENT, null)),
                Optional.empty(), Optional.empty());
    }

    private static ObjectNode response(String result, String message, List<Reason> reasons, Optional<String> action,
                                       Optional<String> resource) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("result", result);
        out.put("message", message);
        var list = out.putArray("reasons");
        for (Reason r : reasons) {
            ObjectNode o = list.addObject();
            o.put("description", r.description());
            if (r.statementIndex() >= 0) {
                o.put("statementIndex", r.statementIndex());
            }
            if (r.statementId() != null) {
                o.put("statementId", r.statementId());
            }
        }
        action.ifPresent(a -> out.put("exampleAction", a));
        resource.ifPresent(r -> out.put("exampleResource", r));
        return out;
    }

    /** Parses {@code [{"actions":[...],"resources":[...]}]} with Access Analyzer's limits. */
    static List<AccessEntry> access(JsonNode access) throws BadRequest {
        if (access == null || !access.isArray() || access.isEmpty()) {
            throw new BadRequest("access must be a non-empty list of {\"actions\":[...],\"resources\":[...]} entries");
        }
        List<AccessEntry> out = new ArrayList<>();
        for (int i = 0; i < access.size(); i++) {
            JsonNode e = access.get(i);
            if (!e.isObject()) {
                throw new BadRequest("access[" + i + "] must be an object with actions and/or resources");
            }
            for (String key : e.propertyNames()) {
                if (!key.equals("actions") && !key.equals("resources")) {
                    throw new BadRequest("access[" + i + "] has unknown key " + key + "; use actions and resources");
                }
            }
            List<String> actions = strings(e.get("actions"), "access[" + i + "].actions", MAX_ACTIONS);
            List<String> resources = strings(e.get("resources"), "access[" + i + "].resources", MAX_RESOURCES);
            if (actions.isEmpty() && resources.isEmpty()) {
                throw new BadRequest("access[" + i + "] needs actions, resources or both");
            }
            out.add(new AccessEntry(actions, resources));
        }
        return out;
    }

    private static List<String> strings(JsonNode node, String what, int max) throws BadRequest {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            throw new BadRequest(what + " must be a list of strings");
        }
        if (node.size() > max) {
            throw new BadRequest(what + " has " + node.size() + " entries; Access Analyzer accepts at most " + max
                    + " per entry, so split it into several entries");
        }
        for (JsonNode v : node) {
            if (!v.isString() || v.stringValue().isEmpty()) {
                throw new BadRequest(what + " entries must be non-empty strings");
            }
            out.add(v.stringValue());
        }
        return out;
    }

    /** Parses and checks the grammar of a policy document, reusing an earlier analysis of the same text. */
    private Analysed analysed(String document, String what) throws BadRequest {
        if (document == null) {
            throw new BadRequest(what + " is missing");
        }
        Analysed known = compiled.get(document);
        if (known != null) {
            return known;
        }
        LoadResult loaded = loader.load(document.getBytes(StandardCharsets.UTF_8), what, DocumentLoader.Syntax.JSON);
        if (loaded instanceof LoadResult.Failed f) {
            throw new BadRequest(what + " " + f.problem().message() + " at " + f.problem().position());
        }
        Policy policy = PolicyReader.read(((LoadResult.Loaded) loaded).document());
        for (PolicyIssue issue : policy.issues()) {
            if (issue.issueCode().grammar() && issue.findingType() == PolicyIssue.FindingType.ERROR) {
                throw new BadRequest(what + " is not a valid policy: " + issue.issueCode() + " at "
                        + (issue.pointer().isEmpty() ? "/" : issue.pointer()) + ": " + issue.findingDetails());
            }
        }
        List<AccessStatement> statements = new ArrayList<>();
        for (Policy.Statement st : policy.statements()) {
            AccessStatement s = RolePolicy.statement(st.index(), st);
            if (s != null) {
                statements.add(s);
            }
        }
        Analysed a = new Analysed(new PolicyInput(statements));
        compiled.put(document, a);
        return a;
    }
}
