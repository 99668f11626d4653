package com.amply.policysuite.report;

import com.amply.policysuite.change.AccessDelta;
import com.amply.policysuite.change.RoleChange;
import com.amply.policysuite.change.SecretReferenceChange;
import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.WaivedFinding;

/** {@code diff} as plain text: each changed role, the secret reference changes, the findings, then a summary. */
public final class ChangeTextReport implements ChangeReporter {
    @Override
    public String render(ChangeReport report) {
        StringBuilder out = new StringBuilder("Compared with ").append(report.baseRevision()).append(":\n");
        if (report.change().roles().isEmpty() && report.change().removedRoles().isEmpty()) {
            out.append("no role's policies changed\n");
        }
        for (RoleChange r : report.change().roles()) {
            out.append("role ").append(r.role()).append(r.newRole() ? " (new)" : "").append(" (")
                    .append(String.join(", ", r.policyFiles())).append(")\n");
            delta(out, "new access", r.newAccess());
            if (r.newProdAccess() != null) {
                delta(out, "new access to prod secrets", r.newProdAccess());
            }
            delta(out, "removed access", r.removedAccess());
        }
        for (String role : report.change().removedRoles()) {
            out.append("role ").append(role).append(" removed\n");
        }
        if (!report.change().secretReferences().isEmpty()) {
            out.append("secret references:\n");
            for (SecretReferenceChange c : report.change().secretReferences()) {
                out.append("  ").append(c.file()).append(' ').append(c.pointer()).append(": ").append(c.kind().word())
                        .append(' ').append(c.secret());
                switch (c.kind()) {
                    case ADDED -> out.append(": ").append(c.after());
                    case REMOVED -> out.append(": was ").append(c.before());
                    case CHANGED -> out.append(": ").append(c.before()).append(" -> ").append(c.after());
                }
                out.append('\n');
            }
        }
        for (Finding f : report.findings()) {
            out.append(f.toLine()).append('\n');
        }
        for (WaivedFinding w : report.waived()) {
            out.append("waived ").append(w.finding().toLine()).append(" [waived until ").append(w.waiver().expires())
                    .append(": ").append(w.waiver().reason()).append("]\n");
        }
        return out.append(report.summary()).append('\n').toString();
    }

    private static void delta(StringBuilder out, String label, AccessDelta d) {
        out.append("  ").append(label).append(": ");
        if (d == null) {
            out.append("none\n");
            return;
        }
        out.append(d.tooComplex() ? d.message() : "e.g. " + d.example());
        if (!d.statements().isEmpty()) {
            out.append(" [").append(String.join("; ", d.statements().stream().map(AccessDelta.Statement::label).toList()))
                    .append(']');
        }
        out.append('\n');
    }
}
