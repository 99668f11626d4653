package com.amply.policysuite.policy;

import com.amply.policysuite.authz.ActionInfo;
import com.amply.policysuite.authz.ConditionKeyApplicability;
import com.amply.policysuite.authz.ResourceTypeInfo;
import com.amply.policysuite.authz.ServiceAuthorizationData;
import com.amply.policysuite.model.Arn;
import com.amply.policysuite.model.JsonPointer;
import com.amply.policysuite.policy.PolicyIssue.FindingType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Validates an identity-based policy the way {@code aws accessanalyzer validate-policy} does, offline: grammar,
 * known services and actions, ARN shape and resource types, condition operators and keys, and the security
 * warnings this suite cares about. Pure: a parsed tree in, issues out.
 */
public final class PolicyValidation {
    private static final Set<String> TOP = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource",
            "Condition", "Principal", "NotPrincipal");
    private static final Set<String> OPERATORS = Set.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan",
            "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals",
            "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals",
            "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null");
    private static final Pattern ACTION = Pattern.compile("([A-Za-z0-9-]+):([A-Za-z0-9*?]+)");

    private final ServiceAuthorizationData data;
    private final Memo memo;
    private final List<PolicyIssue> issues = new ArrayList<>();

    private PolicyValidation(Memo memo) {
        this.data = memo.data;
        this.memo = memo;
    }

    /**
     * What the action patterns seen so far name, for one set of authorization data: a repository's policies repeat
     * the same few actions, and checking one means a pattern match, case folding and several lookups. Not shared
     * between threads.
     */
    public static final class Memo {
        private static final int MAX_ENTRIES = 10_000;
        private final ServiceAuthorizationData data;
        private final Map<String, ActionCheck> actions = new HashMap<>();

        public Memo(ServiceAuthorizationData data) {
            this.data = data;
        }
    }

    /** What an action pattern names: the known actions it matches, or the problem with it. */
    private record ActionCheck(IssueCode problem, String details, List<ActionInfo> matches) {
    }

    public static List<PolicyIssue> validate(JsonNode root, ServiceAuthorizationData data) {
        return validate(root, new Memo(data));
    }

    /** {@link #validate(JsonNode, ServiceAuthorizationData)} with {@code memo}'s data, remembering actions in it. */
    public static List<PolicyIssue> validate(JsonNode root, Memo memo) {
        PolicyValidation v = new PolicyValidation(memo);
        v.policy(root);
        return List.copyOf(v.issues);
    }

    private void issue(IssueCode code, String details, String pointer) {
        issues.add(new PolicyIssue(code.findingType(), code, details, pointer));
    }

    private void policy(JsonNode root) {
        if (!root.isObject()) {
            issue(IssueCode.DATA_TYPE_MISMATCH, "A policy document must be a JSON object with Version and Statement.", "");
            return;
        }
        for (String key : root.propertyNames()) {
            if (!TOP.contains(key)) {
                issue(IssueCode.INVALID_POLICY_ELEMENT, "The element " + key + " is not valid at the top of a policy;"
                        + " a policy has only Version, Id and Statement.", JsonPointer.child("", key));
            }
        }
        JsonNode version = root.get("Version");
        if (version == null) {
            issue(IssueCode.MISSING_VERSION, "Add \"Version\": \"2012-10-17\"; without it IAM uses 2008-10-17, which does"
                    + " not substitute policy variables.", "");
        } else if (!version.isString() || !Set.of("2012-10-17", "2008-10-17").contains(version.stringValue())) {
            issue(IssueCode.INVALID_VERSION, "The version is not valid; use \"2012-10-17\".", "/Version");
        } else if (version.stringValue().equals("2008-10-17")) {
            issue(IssueCode.OBSOLETE_VERSION, "Version 2008-10-17 does not substitute policy variables; use \"2012-10-17\".",
                    "/Version");
        }
        JsonNode statement = root.get("Statement");
        if (statement == null) {
            issue(IssueCode.MISSING_STATEMENT, "Add the Statement element to the policy.", "");
            return;
        }
        Map<String, String> sids = new HashMap<>();
        if (statement.isObject()) {
            statement(statement, "/Statement", sids);
        } else if (statement.isArray() && !statement.isEmpty()) {
            for (int i = 0; i < statement.size(); i++) {
                String pointer = "/Statement/" + i;
                if (statement.get(i).isObject()) {
                    statement(statement.get(i), pointer, sids);
                } else {
                    issue(IssueCode.DATA_TYPE_MISMATCH, "Each statement must be an object.", pointer);
                }
            }
        } else {
            issue(IssueCode.DATA_TYPE_MISMATCH, "Statement must be an object or a non-empty list of objects.", "/Statement");
        }
    }

    private void statement(JsonNode s, String pointer, Map<String, String> sids) {
        for (String key : s.propertyNames()) {
            String at = JsonPointer.child(pointer, key);
            if (key.equals("Principal") || key.equals("NotPrincipal")) {
                issue(IssueCode.UNSUPPORTED_PRINCIPAL, "The " + key + " element is not supported in an identity-based"
                        + " policy; it applies to the role it is attached to, so remove it.", at);
            } else if (!STATEMENT.contains(key)) {
                issue(IssueCode.INVALID_POLICY_ELEMENT, "The element " + key + " is not valid in a statement; use Sid,"
                        + " Effect, Action, NotAction, Resource, NotResource and Condition.", at);
            }
        }
        JsonNode sid = s.get("Sid");
        if (sid != null) {
            if (!sid.isString() || !lettersAndDigits(sid.stringValue())) {
                issue(IssueCode.DATA_TYPE_MISMATCH, "Sid must be a string of letters and digits.", pointer + "/Sid");
            } else if (!sid.stringValue().isEmpty()) {
                String first = sids.putIfAbsent(sid.stringValue(), pointer);
                if (first != null) {
                    issue(IssueCode.UNIQUE_SIDS_REQUIRED, "Duplicate Sid " + sid.stringValue() + " (first at " + first
                            + "); Sids must be unique within a policy.", pointer + "/Sid");
                }
            }
        }
        JsonNode effectNode = s.get("Effect");
        String effect = null;
        if (effectNode == null) {
            issue(IssueCode.MISSING_EFFECT, "Add \"Effect\": \"Allow\" or \"Deny\" to the statement.", pointer);
        } else if (!effectNode.isString() || !(effectNode.stringValue().equals("Allow") || effectNode.stringValue().equals("Deny"))) {
            issue(IssueCode.INVALID_EFFECT, "Effect must be \"Allow\" or \"Deny\" (case-sensitive).", pointer + "/Effect");
        } else {
            effect = effectNode.stringValue();
        }
        List<Located> actions = pair(s, pointer, "Action", "NotAction", IssueCode.MISSING_ACTION, IssueCode.EMPTY_ARRAY_ACTION);
        List<Located> resources = pair(s, pointer, "Resource", "NotResource", IssueCode.MISSING_RESOURCE,
                IssueCode.EMPTY_ARRAY_RESOURCE);
        boolean notAction = !s.has("Action") && s.has("NotAction");
        boolean notResource = !s.has("Resource") && s.has("NotResource");
        if ("Allow".equals(effect) && notResource) {
            issue(IssueCode.ALLOW_WITH_NOT_RESOURCE, "Allow with NotResource grants the actions on every resource except"
                    + " those listed, including resources created later; list the resources with Resource instead.",
                    pointer + "/NotResource");
        }
        if ("Allow".equals(effect) && notAction) {
            issue(IssueCode.ALLOW_WITH_NOT_ACTION, "Allow with NotAction grants every action except those listed,"
                    + " including actions AWS adds later; list the actions with Action instead.", pointer + "/NotAction");
        }
        List<ActionInfo> known = new ArrayList<>();
        for (Located a : actions) {
            known.addAll(action(a, notAction));
        }
        for (Located r : resources) {
            resource(r);
        }
        if ("Allow".equals(effect) && !notAction && !notResource) {
            securityWarnings(actions, resources, pointer);
            if (!known.isEmpty()) {
                resourceTypes(known, resources);
            }
        }
        JsonNode condition = s.get("Condition");
        if (condition != null) {
            condition(condition, pointer + "/Condition", notAction ? List.of() : known);
        }
    }

    private record Located(String value, String pointer) {
    }

    private List<Located> pair(JsonNode s, String pointer, String key, String notKey, IssueCode missing, IssueCode empty) {
        boolean has = s.has(key);
        boolean hasNot = s.has(notKey);
        if (has && hasNot) {
            issue(IssueCode.UNSUPPORTED_ELEMENT_COMBINATION, "The statement has both " + key + " and " + notKey
                    + "; keep one.", pointer + "/" + notKey);
        } else if (!has && !hasNot) {
            issue(missing, "Add " + key + " (or " + notKey + ") to the statement.", pointer);
        }
        List<Located> out = new ArrayList<>();
        String k = has ? key : notKey;
        JsonNode v = s.get(k);
        if (v == null) {
            return out;
        }
        String at = pointer + "/" + k;
        if (v.isString()) {
            out.add(new Located(v.stringValue(), at));
        } else if (v.isArray()) {
            if (v.isEmpty()) {
                issue(empty, k + " is an empty list, so the statement matches nothing; remove it or add entries.", at);
            }
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i).isString()) {
                    out.add(new Located(v.get(i).stringValue(), at + "/" + i));
                } else {
                    issue(IssueCode.DATA_TYPE_MISMATCH, k + " entries must be strings.", at + "/" + i);
                }
            }
        } else {
            issue(IssueCode.DATA_TYPE_MISMATCH, k + " must be a string or a list of strings.", at);
        }
        for (Located l : out) {
            if (l.value().isEmpty()) {
                issue(IssueCode.DATA_TYPE_MISMATCH, k + " entries must not be empty.", l.pointer());
            }
        }
        return out;
    }

    /** Checks an action pattern and returns the known actions it matches (for resource and condition checks). */
    private List<ActionInfo> action(Located a, boolean notAction) {
        String text = a.value();
        if (text.equals("*")) {
            return List.of();
        }
        ActionCheck check = memo.actions.get(text);
        if (check == null) {
            check = check(text);
            if (memo.actions.size() < Memo.MAX_ENTRIES) {
                memo.actions.put(text, check);
            }
        }
        if (check.problem() != null) {
            issue(check.problem(), check.details(), a.pointer());
            return List.of();
        }
        return notAction ? List.of() : check.matches();
    }

    private ActionCheck check(String text) {
        var m = ACTION.matcher(text);
        if (!m.matches()) {
            return new ActionCheck(IssueCode.INVALID_ACTION, "The action " + text + " is not service:action.", null);
        }
        String prefix = m.group(1).toLowerCase(Locale.ROOT);
        if (!data.knowsService(prefix)) {
            return new ActionCheck(IssueCode.INVALID_SERVICE, "The service " + m.group(1) + " does not exist.", null);
        }
        // a literal action is a map lookup; only a wildcard needs matching against every action of the service
        List<String> matching = text.indexOf('*') < 0 && text.indexOf('?') < 0
                ? data.action(text).map(info -> List.of(info.fullName())).orElse(List.of())
                : data.actionsMatching(text);
        if (matching.isEmpty()) {
            return new ActionCheck(IssueCode.INVALID_ACTION, "The action " + text + " does not exist in service " + prefix
                    + ".", null);
        }
        List<ActionInfo> out = new ArrayList<>();
        for (String name : matching) {
            data.action(name).ifPresent(out::add);
        }
        return new ActionCheck(null, null, List.copyOf(out));
    }

    private void resource(Located r) {
        String text = r.value();
        if (text.equals("*") || text.contains("${")) {
            return;
        }
        if (!text.startsWith("arn:")) {
            issue(IssueCode.INVALID_ARN_RESOURCE, "The resource " + text + " is not an ARN or *.", r.pointer());
            return;
        }
        if (!Arn.isWellFormed(text)) {
            issue(IssueCode.MISSING_ARN_FIELD, "The resource ARN " + text + " has fewer than six fields"
                    + " (arn:partition:service:region:account:resource).", r.pointer());
        }
    }

    private static boolean lettersAndDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** For each concrete resource ARN, some listed action must support a resource type it can match. */
    private void resourceTypes(List<ActionInfo> actions, List<Located> resources) {
        for (Located r : resources) {
            if (r.value().equals("*") || !Arn.isWellFormed(r.value())) {
                continue;
            }
            boolean anyDetail = false;
            boolean matches = false;
            for (ActionInfo a : actions) {
                if (!a.hasFullDetail()) {
                    matches = true; // names-only data: nothing to judge by
                    break;
                }
                anyDetail = true;
                for (ResourceTypeInfo type : data.resourceTypesFor(a)) {
                    if (type.couldMatchArn(r.value())) {
                        matches = true;
                        break;
                    }
                }
                if (matches) {
                    break;
                }
            }
            if (anyDetail && !matches) {
                issue(IssueCode.UNSUPPORTED_RESOURCE_ARN_IN_POLICY, "No action of the statement supports a resource type"
                        + " that " + r.value() + " can match, so it grants nothing there.", r.pointer());
            }
        }
    }

    private void securityWarnings(List<Located> actions, List<Located> resources, String pointer) {
        for (Located a : actions) {
            String lower = a.value().toLowerCase(Locale.ROOT);
            if (lower.equals("secretsmanager:*") || lower.equals("*")) {
                issue(IssueCode.SECRETS_WILDCARD_ACTION, a.value() + " allows every Secrets Manager action, including"
                        + " DeleteSecret, PutSecretValue and PutResourcePolicy; list the actions the role needs.", a.pointer());
            }
        }
        boolean starResource = resources.stream().anyMatch(r -> r.value().equals("*"));
        if (!starResource) {
            return;
        }
        for (Located a : actions) {
            String lower = a.value().toLowerCase(Locale.ROOT);
            if (lower.startsWith("secretsmanager:") && !secretsActionWithoutResource(lower)) {
                issue(IssueCode.STAR_RESOURCE_ON_SECRETS_ACTION, a.value() + " with Resource \"*\" reaches every secret"
                        + " in the account, in every environment; list the secret ARNs instead.", a.pointer());
            }
            if (lower.equals("iam:passrole") || lower.equals("iam:*") || lower.equals("*") || lower.equals("iam:pass*")) {
                issue(IssueCode.PASS_ROLE_WITH_STAR_IN_RESOURCE, "iam:PassRole with Resource \"*\" lets this role pass any"
                        + " role to a service, including more powerful ones; list the role ARNs.", a.pointer());
            }
        }
    }

    /** ListSecrets, GetRandomPassword and BatchGetSecretValue support no resource type, so "*" is all they can use. */
    private boolean secretsActionWithoutResource(String lower) {
        return data.action(lower).map(ActionInfo::supportsOnlyWildcardResource).orElse(false);
    }

    private void condition(JsonNode condition, String pointer, List<ActionInfo> actions) {
        if (!condition.isObject()) {
            issue(IssueCode.DATA_TYPE_MISMATCH, "Condition must be an object of operator blocks.", pointer);
            return;
        }
        for (String op : condition.propertyNames()) {
            String at = JsonPointer.child(pointer, op);
            String base = op.replaceFirst("^(ForAllValues|ForAnyValue):", "");
            boolean ifExists = base.endsWith("IfExists");
            if (ifExists) {
                base = base.substring(0, base.length() - "IfExists".length());
            }
            if (!OPERATORS.contains(base) || ifExists && base.equals("Null")) {
                issue(IssueCode.INVALID_CONDITION_OPERATOR, "The condition operator " + op + " is not valid.", at);
                continue;
            }
            JsonNode block = condition.get(op);
            if (!block.isObject() || block.isEmpty()) {
                issue(IssueCode.DATA_TYPE_MISMATCH, "The " + op + " block must map condition keys to values.", at);
                continue;
            }
            for (var e : block.properties()) {
                conditionKey(e.getKey(), JsonPointer.child(at, e.getKey()), actions);
            }
        }
    }

    private void conditionKey(String key, String pointer, List<ActionInfo> actions) {
        if (data.conditionKey(key).isEmpty()) {
            String prefix = key.contains(":") ? key.substring(0, key.indexOf(':')).toLowerCase(Locale.ROOT) : "";
            if (prefix.equals("aws") || data.hasFullDetail(prefix)) {
                issue(IssueCode.INVALID_SERVICE_CONDITION_KEY, "The condition key " + key + " does not exist.", pointer);
            }
            return;
        }
        if (actions.isEmpty() || key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            return;
        }
        boolean applies = false;
        boolean judged = false;
        for (ActionInfo a : actions) {
            ConditionKeyApplicability ap = data.conditionKeyApplicability(a.fullName(), key);
            if (ap == ConditionKeyApplicability.APPLIES || ap == ConditionKeyApplicability.UNKNOWN) {
                applies = true;
                break;
            }
            judged = true;
        }
        if (judged && !applies) {
            issue(IssueCode.CONDITION_KEY_NOT_APPLICABLE, "The condition key " + key + " does not apply to any action of"
                    + " the statement, so the condition can never be met for them and the statement grants nothing.", pointer);
        }
    }

    /** Whether an issue type blocks: errors and security warnings. */
    public static boolean blocking(FindingType type) {
        return type == FindingType.ERROR || type == FindingType.SECURITY_WARNING;
    }
}
