package com.amply.policysuite.cli;

import com.amply.policysuite.access.Budget;
import com.amply.policysuite.aws.AccessAnalyzerCalls;
import com.amply.policysuite.aws.AccessAnalyzerFailure;
import com.amply.policysuite.aws.AccessAnalyzerSession;
import com.amply.policysuite.aws.LiveAccessChecks;
import com.amply.policysuite.change.PolicyFileChange;
import com.amply.policysuite.change.RepositoryChange;
import com.amply.policysuite.load.GitRevision;
import com.amply.policysuite.load.RepositoryLoader;
import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.RepositoryModel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a live Access Analyzer step for a command and keeps what the command reports: the findings, the call count
 * (printed on stderr: CheckAccessNotGranted and CheckNoNewAccess are billed) and, when AWS failed, the one-line reason
 * (exit {@value #AWS_ERROR}; the offline results are still printed, and a failure never counts as a pass).
 */
final class AccessAnalyzerRun {
    /** Exit code: a live Access Analyzer check could not be completed (credentials, access, endpoint, throttling). */
    static final int AWS_ERROR = 3;

    /** @param failure one line, or null when every call was answered */
    record Outcome(List<Finding> findings, AccessAnalyzerCalls calls, String failure) {
    }

    private AccessAnalyzerRun() {
    }

    /** Opens a session configured the SDK's standard way (region fallback: suite.yaml's) and runs {@code step}. */
    static Outcome run(RepositoryModel model, Function<LiveAccessChecks, List<Finding>> step) {
        String region = model.suite() != null ? model.suite().region() : "us-east-1";
        AccessAnalyzerSession session = null;
        try {
            session = AccessAnalyzerSession.open(AccessAnalyzerSession.Settings.standard(region));
            List<Finding> findings = step.apply(new LiveAccessChecks(session));
            return new Outcome(findings, session.calls(), null);
        } catch (AccessAnalyzerFailure e) {
            return new Outcome(List.of(), session == null ? AccessAnalyzerCalls.NONE : session.calls(), e.getMessage());
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    /** The policy files changed since {@code base}, for CheckNoNewAccess ({@code check --base}). */
    static List<PolicyFileChange> changedSince(Path repo, String base, RepositoryModel current, LocalDate today)
            throws GitRevision.UnreadableRevision, RepositoryLoader.UnreadableRepository {
        RepositoryModel before = GitRevision.load(repo, base, today);
        return RepositoryChange.between(before, current, base, Budget.defaults()).changedPolicies();
    }
}
