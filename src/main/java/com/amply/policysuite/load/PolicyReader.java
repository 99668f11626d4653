package com.amply.policysuite.load;

import com.amply.policysuite.model.JsonPointer;
import com.amply.policysuite.model.Located;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.Policy;
import com.amply.policysuite.model.Policy.Statement;
import com.amply.policysuite.authz.ServiceAuthorizationData;
import com.amply.policysuite.policy.PolicyValidation;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads an IAM policy's statements, accepting what IAM accepts: Statement as an object or an array, and
 * Action, NotAction, Resource and NotResource each as a string or an array of strings. Values of other types
 * are left out; the grammar rule reports them.
 */
public final class PolicyReader {
    private PolicyReader() {
    }

    public static Policy read(LocatedDocument document) {
        return read(document, new PolicyValidation.Memo(ServiceAuthorizationData.bundled()));
    }

    /** {@link #read(LocatedDocument)}, validating against {@code memo}'s data and sharing what it has checked. */
    public static Policy read(LocatedDocument document, PolicyValidation.Memo memo) {
        JsonNode statement = document.root().path("Statement");
        List<Statement> statements = new ArrayList<>();
        if (statement.isObject()) {
            statements.add(statement(statement, "/Statement", 0));
        } else if (statement.isArray()) {
            for (int i = 0; i < statement.size(); i++) {
                if (statement.get(i).isObject()) {
                    statements.add(statement(statement.get(i), "/Statement/" + i, i));
                }
            }
        }
        return new Policy(document.file(), document, statements,
                PolicyValidation.validate(document.root(), memo));
    }

    private static Statement statement(JsonNode s, String pointer, int index) {
        boolean notAction = !s.has("Action") && s.has("NotAction");
        boolean notResource = !s.has("Resource") && s.has("NotResource");
        JsonNode sid = s.get("Sid");
        JsonNode effect = s.get("Effect");
        JsonNode condition = s.get("Condition");
        return new Statement(index, pointer, sid != null && sid.isString() ? sid.stringValue() : null,
                effect != null && effect.isString() ? effect.stringValue() : null,
                strings(s, pointer, notAction ? "NotAction" : "Action"), notAction,
                strings(s, pointer, notResource ? "NotResource" : "Resource"), notResource,
                condition != null && condition.isObject() ? condition : null);
    }

    private static List<Located> strings(JsonNode s, String pointer, String key) {
        JsonNode v = s.get(key);
        String at = JsonPointer.child(pointer, key);
        List<Located> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isString()) {
            out.add(new Located(v.stringValue(), at));
        } else if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i).isString()) {
                    out.add(new Located(v.get(i).stringValue(), JsonPointer.child(at, i)));
                }
            }
        }
        return out;
    }
}
