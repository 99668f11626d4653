package com.amply.policysuite.report;

import com.amply.policysuite.change.AccessDelta;
import com.amply.policysuite.change.RoleChange;
import com.amply.policysuite.change.SecretReferenceChange;
import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.WaivedFinding;

/**
 * {@code diff} as GitHub-flavoured Markdown, for a pull request's review comment or the workflow's step summary
 * ({@code $GITHUB_STEP_SUMMARY}): a verdict line, a table of roles whose access changed, the secret reference changes,
 * and the findings. Text from files is escaped so it can't break the table or inject markup.
 */
public final class ChangeMarkdownReport implements ChangeReporter {
    @Override
    public String render(ChangeReport report) {
        StringBuilder out = new StringBuilder("## policy-suite diff against `").append(code(report.baseRevision()))
                .append("`\n\n");
        out.append(report.errors() > 0 ? "**Fails:** " : "**Passes:** ").append(escape(report.summary())).append("\n\n");
        if (!report.change().roles().isEmpty()) {
            out.append("### Access by role\n\n| Role | New access | New access to prod secrets | Removed access |\n"
                    + "|---|---|---|---|\n");
            for (RoleChange r : report.change().roles()) {
                out.append("| `").append(code(r.role())).append('`').append(r.newRole() ? " (new)" : "").append(" | ")
                        .append(cell(r.newAccess())).append(" | ").append(cell(r.newProdAccess())).append(" | ")
                        .append(cell(r.removedAccess())).append(" |\n");
            }
            out.append('\n');
        } else {
            out.append("No role's policies changed.\n\n");
        }
        if (!report.change().removedRoles().isEmpty()) {
            out.append("Removed roles: ").append(String.join(", ", report.change().removedRoles().stream()
                    .map(r -> "`" + code(r) + "`").toList())).append("\n\n");
        }
        if (!report.change().secretReferences().isEmpty()) {
            out.append("### Secret references in task definitions\n\n| File | Secret | Change | Before | After |\n"
                    + "|---|---|---|---|---|\n");
            for (SecretReferenceChange c : report.change().secretReferences()) {
                out.append("| `").append(code(c.file())).append("` | `").append(code(c.secret())).append("` | ")
                        .append(c.kind().word()).append(" | ").append(value(c.before())).append(" | ")
                        .append(value(c.after())).append(" |\n");
            }
            out.append('\n');
        }
        if (!report.findings().isEmpty() || !report.waived().isEmpty()) {
            out.append("### Findings\n\n");
            for (Finding f : report.findings()) {
                out.append("- **").append(f.ruleId()).append("** ").append(f.severity().word()).append(" `")
                        .append(code(f.file())).append(f.line() > 0 ? ":" + f.line() : "").append("`: ")
                        .append(escape(f.message())).append('\n');
            }
            for (WaivedFinding w : report.waived()) {
                Finding f = w.finding();
                out.append("- ~~").append(f.ruleId()).append("~~ waived until ").append(w.waiver().expires()).append(" `")
                        .append(code(f.file())).append("`: ").append(escape(f.message())).append(" *Reason: ")
                        .append(escape(w.waiver().reason())).append("*\n");
            }
            out.append('\n');
        }
        if (report.liveSummary() != null) {
            out.append(escape(report.liveSummary())).append('\n');
        }
        return out.toString();
    }

    private static String cell(AccessDelta d) {
        if (d == null) {
            return "none";
        }
        if (d.tooComplex() || d.exampleAction() == null) {
            return escape(d.message());
        }
        String statements = d.statements().isEmpty() ? "" : "<br>" + escape(String.join("; ",
                d.statements().stream().map(AccessDelta.Statement::label).toList()));
        return "e.g. `" + code(d.exampleAction()) + "`" + (d.exampleResource() != null ? " on `" + code(d.exampleResource())
                + "`" : "") + statements;
    }

    private static String value(String v) {
        return v == null ? "" : "`" + code(v) + "`";
    }

    /** Text inside a code span: no backticks, pipes or line breaks. */
    private static String code(String s) {
        return s.replace("`", "'").replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
    }

    /** Plain text in a cell or list item: Markdown and HTML special characters escaped. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\r', '\n' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
