package com.amply.policysuite.report;

import com.amply.policysuite.change.AccessDelta;
import com.amply.policysuite.change.RoleChange;
import com.amply.policysuite.change.SecretReferenceChange;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code {"base","summary":{...},"roles":[{"role","policies","newRole","newAccess","newProdAccess","removedAccess"}],
 * "removedRoles":[...],"secretReferences":[{"file","pointer","kind","secret","before","after"}],"findings":[...],
 * "waived":[...]}}; an access delta is {@code {"message","exampleAction","exampleResource","statements","tooComplex"}}
 * or null.
 */
public final class ChangeJsonReport implements ChangeReporter {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public String render(ChangeReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("base", report.baseRevision());
        ObjectNode summary = root.putObject("summary");
        summary.put("rolesWithNewAccess", report.rolesWithNewAccess());
        summary.put("rolesWithNewProdAccess", report.rolesWithNewProdAccess());
        summary.put("rolesWithRemovedAccess", report.rolesWithRemovedAccess());
        summary.put("secretReferenceChanges", report.change().secretReferences().size());
        summary.put("errors", report.errors());
        summary.put("waived", report.waived().size());
        if (report.liveSummary() != null) {
            summary.put("accessAnalyzer", report.liveSummary());
        }
        ArrayNode roles = root.putArray("roles");
        for (RoleChange r : report.change().roles()) {
            ObjectNode o = roles.addObject();
            o.put("role", r.role());
            ArrayNode policies = o.putArray("policies");
            r.policyFiles().forEach(policies::add);
            o.put("newRole", r.newRole());
            delta(o, "newAccess", r.newAccess());
            delta(o, "newProdAccess", r.newProdAccess());
            delta(o, "removedAccess", r.removedAccess());
        }
        ArrayNode removed = root.putArray("removedRoles");
        report.change().removedRoles().forEach(removed::add);
        ArrayNode refs = root.putArray("secretReferences");
        for (SecretReferenceChange c : report.change().secretReferences()) {
            ObjectNode o = refs.addObject();
            o.put("file", c.file());
            o.put("pointer", c.pointer());
            o.put("kind", c.kind().word());
            o.put("secret", c.secret());
            o.put("before", c.before());
            o.put("after", c.after());
        }
        JsonReport.findingsAndWaived(root, report.findings(), report.waived());
        return MAPPER.writeValueAsString(root) + "\n";
    }

    private static void delta(ObjectNode parent, String key, AccessDelta d) {
        if (d == null) {
            parent.putNull(key);
            return;
        }
        ObjectNode o = parent.putObject(key);
        o.put("message", d.message());
        o.put("exampleAction", d.exampleAction());
        o.put("exampleResource", d.exampleResource());
        ArrayNode statements = o.putArray("statements");
        for (AccessDelta.Statement s : d.statements()) {
            ObjectNode st = statements.addObject();
            st.put("file", s.file());
            st.put("pointer", s.pointer());
            st.put("sid", s.sid());
        }
        o.put("tooComplex", d.tooComplex());
    }
}
