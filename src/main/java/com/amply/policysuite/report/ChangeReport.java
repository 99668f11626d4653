package com.amply.policysuite.report;

import com.amply.policysuite.change.RepositoryChange;
import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.model.WaivedFinding;
import java.util.List;

/**
 * What every {@code diff} format renders, independent of the format: the differences against the base revision,
 * the findings they raise (IAM025, and with {@code --access-analyzer} IAM023 and IAM024), waived findings apart, and
 * how many Access Analyzer calls were made.
 *
 * @param liveSummary the Access Analyzer call count line, or null when the diff ran offline
 */
public record ChangeReport(String baseRevision, RepositoryChange change, List<Finding> findings,
                           List<WaivedFinding> waived, String liveSummary) {
    public ChangeReport {
        findings = findings.stream().sorted(Finding.ORDER).toList();
        waived = waived.stream().sorted((a, b) -> Finding.ORDER.compare(a.finding(), b.finding())).toList();
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long rolesWithNewAccess() {
        return change.roles().stream().filter(r -> r.newAccess() != null).count();
    }

    public long rolesWithNewProdAccess() {
        return change.roles().stream().filter(r -> r.newProdAccess() != null).count();
    }

    public long rolesWithRemovedAccess() {
        return change.roles().stream().filter(r -> r.removedAccess() != null).count();
    }

    /** "2 roles with new access (1 to prod secrets), 1 with removed access, 1 secret reference change; 1 error, 0 waived." */
    public String summary() {
        long refs = change.secretReferences().size();
        return rolesWithNewAccess() + (rolesWithNewAccess() == 1 ? " role" : " roles") + " with new access ("
                + rolesWithNewProdAccess() + " to prod secrets), " + rolesWithRemovedAccess() + " with removed access, "
                + refs + " secret reference change" + (refs == 1 ? "" : "s") + "; " + errors() + " error"
                + (errors() == 1 ? "" : "s") + ", " + waived.size() + " waived.";
    }
}
