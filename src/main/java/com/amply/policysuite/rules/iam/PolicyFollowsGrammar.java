package com.amply.policysuite.rules.iam;

import com.amply.policysuite.model.JsonPointer;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.Policy;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.rules.Docs;
import com.amply.policysuite.rules.Findings;
import com.amply.policysuite.rules.Rule;
import com.amply.policysuite.rules.RuleInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An identity-based policy follows IAM's grammar: Version 2012-10-17, Statement as an object or a list of
 * objects, Effect Allow or Deny, exactly one of Action/NotAction and of Resource/NotResource, each a string or a
 * list of strings, unique Sids, a Condition of operator blocks, and no Principal.
 */
public final class PolicyFollowsGrammar implements Rule {
    static final RuleInfo INFO = new RuleInfo("IAM002", "Policy follows the IAM policy grammar", Severity.ERROR,
            "IAM rejects some grammar errors only when the policy is attached, and silently tolerates others"
                    + " (a missing Version disables policy variables). Either way the reviewed policy is not the"
                    + " enforced one.",
            Docs.IAM_GRAMMAR);

    private static final Set<String> TOP = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource",
            "Condition", "Principal", "NotPrincipal");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RepositoryModel repository, Findings findings) {
        for (Policy policy : repository.policies()) {
            check(policy.document(), findings);
        }
    }

    private void check(LocatedDocument doc, Findings findings) {
        JsonNode root = doc.root();
        if (!root.isObject()) {
            findings.at(INFO, doc, "", "a policy document must be a JSON object with Version and Statement.");
            return;
        }
        for (String key : root.propertyNames()) {
            if (!TOP.contains(key)) {
                findings.atKey(INFO, doc, JsonPointer.child("", key), "unknown top-level key " + key
                        + "; a policy has only Version, Id and Statement.");
            }
        }
        JsonNode version = root.get("Version");
        if (version == null) {
            findings.at(INFO, doc, "", "policy has no Version; add \"Version\": \"2012-10-17\" (without it IAM uses"
                    + " 2008-10-17, which does not substitute policy variables).");
        } else if (!version.isString() || !version.stringValue().equals("2012-10-17")) {
            findings.at(INFO, doc, "/Version", "Version must be \"2012-10-17\".");
        }
        JsonNode statement = root.get("Statement");
        if (statement == null) {
            findings.at(INFO, doc, "", "policy has no Statement.");
            return;
        }
        Map<String, String> sids = new HashMap<>();
        if (statement.isObject()) {
            statement(doc, statement, "/Statement", sids, findings);
        } else if (statement.isArray() && !statement.isEmpty()) {
            for (int i = 0; i < statement.size(); i++) {
                String pointer = "/Statement/" + i;
                if (statement.get(i).isObject()) {
                    statement(doc, statement.get(i), pointer, sids, findings);
                } else {
                    findings.at(INFO, doc, pointer, "each statement must be an object.");
                }
            }
        } else {
            findings.at(INFO, doc, "/Statement", "Statement must be an object or a non-empty list of objects.");
        }
    }

    private void statement(LocatedDocument doc, JsonNode s, String pointer, Map<String, String> sids, Findings findings) {
        for (String key : s.propertyNames()) {
            String at = JsonPointer.child(pointer, key);
            if (key.equals("Principal") || key.equals("NotPrincipal")) {
                findings.atKey(INFO, doc, at, key + " belongs in resource-based and trust policies; an identity-based"
                        + " policy applies to the role it is attached to, so remove it.");
            } else if (!STATEMENT.contains(key)) {
                findings.atKey(INFO, doc, at, "unknown statement key " + key + "; expected one of Sid, Effect,"
                        + " Action, NotAction, Resource, NotResource, Condition.");
            }
        }
        JsonNode sid = s.get("Sid");
        if (sid != null) {
            if (!sid.isString() || !sid.stringValue().matches("[A-Za-z0-9]*")) {
                findings.at(INFO, doc, pointer + "/Sid", "Sid must be a string of letters and digits.");
            } else if (!sid.stringValue().isEmpty()) {
                String first = sids.putIfAbsent(sid.stringValue(), pointer);
                if (first != null) {
                    findings.at(INFO, doc, pointer + "/Sid", "duplicate Sid " + sid.stringValue() + " (first at " + first
                            + "); Sids must be unique within a policy.");
                }
            }
        }
        JsonNode effect = s.get("Effect");
        if (effect == null) {
            findings.at(INFO, doc, pointer, "statement has no Effect; use \"Allow\" or \"Deny\".");
        } else if (!effect.isString() || !(effect.stringValue().equals("Allow") || effect.stringValue().equals("Deny"))) {
            findings.at(INFO, doc, pointer + "/Effect", "Effect must be \"Allow\" or \"Deny\" (case-sensitive).");
        }
        exactlyOne(doc, s, pointer, "Action", "NotAction", findings);
        exactlyOne(doc, s, pointer, "Resource", "NotResource", findings);
        JsonNode condition = s.get("Condition");
        if (condition != null) {
            boolean ok = condition.isObject();
            for (String op : ok ? condition.propertyNames() : Set.<String>of()) {
                JsonNode block = condition.get(op);
                if (!block.isObject() || block.isEmpty()) {
                    findings.at(INFO, doc, JsonPointer.child(pointer + "/Condition", op), "condition operator " + op
                            + " must map condition keys to a value or a list of values.");
                    continue;
                }
                for (var e : block.properties()) {
                    JsonNode v = e.getValue();
                    boolean scalar = v.isValueNode() && !v.isNull();
                    boolean list = v.isArray() && !v.isEmpty();
                    for (int i = 0; list && i < v.size(); i++) {
                        list = v.get(i).isValueNode() && !v.get(i).isNull();
                    }
                    if (!scalar && !list) {
                        findings.at(INFO, doc, JsonPointer.child(JsonPointer.child(pointer + "/Condition", op), e.getKey()),
                                "condition values must be a string, number, boolean or a non-empty list of them.");
                    }
                }
            }
            if (!ok) {
                findings.at(INFO, doc, pointer + "/Condition", "Condition must be an object of operator blocks.");
            }
        }
    }

    private void exactlyOne(LocatedDocument doc, JsonNode s, String pointer, String key, String notKey, Findings findings) {
        boolean has = s.has(key);
        boolean hasNot = s.has(notKey);
        if (has && hasNot) {
            findings.atKey(INFO, doc, pointer + "/" + notKey, "statement has both " + key + " and " + notKey + "; keep one.");
        } else if (!has && !hasNot) {
            findings.at(INFO, doc, pointer, "statement has neither " + key + " nor " + notKey + ".");
        }
        for (String k : new String[] {key, notKey}) {
            JsonNode v = s.get(k);
            if (v == null) {
                continue;
            }
            String at = pointer + "/" + k;
            if (v.isString()) {
                if (v.stringValue().isEmpty()) {
                    findings.at(INFO, doc, at, k + " must not be empty.");
                }
            } else if (v.isArray() && !v.isEmpty()) {
                for (int i = 0; i < v.size(); i++) {
                    if (!v.get(i).isString() || v.get(i).stringValue().isEmpty()) {
                        findings.at(INFO, doc, at + "/" + i, k + " entries must be non-empty strings.");
                    }
                }
            } else {
                findings.at(INFO, doc, at, k + " must be a string or a non-empty list of strings.");
            }
        }
    }
}
