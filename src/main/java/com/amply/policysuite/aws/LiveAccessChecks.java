package com.amply.policysuite.aws;

import com.amply.policysuite.access.AccessCheckResult;
import com.amply.policysuite.access.AccessEntry;
import com.amply.policysuite.access.Budget;
import com.amply.policysuite.access.NoNewAccessResult;
import com.amply.policysuite.change.PolicyFileChange;
import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.JsonPointer;
import com.amply.policysuite.model.LocatedDocument;
import com.amply.policysuite.model.Policy;
import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.SourcePosition;
import com.amply.policysuite.policy.ForbiddenAccess;
import com.amply.policysuite.policy.PolicyDocuments;
import com.amply.policysuite.policy.RolePolicy;
import com.amply.policysuite.rules.LiveRules;
import com.amply.policysuite.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.accessanalyzer.model.Location;
import software.amazon.awssdk.services.accessanalyzer.model.PathElement;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFindingType;

/**
 * The live step of {@code check --access-analyzer}: the same questions the offline rules answer, asked of AWS IAM
 * Access Analyzer, turned into findings of the {@link LiveRules}. ValidatePolicy runs for every policy file (IAM020,
 * IAM021); CheckAccessNotGranted for every role and environment it must not reach ({@link ForbiddenAccess}, IAM022);
 * CheckNoNewAccess for every policy file changed since a base revision (IAM023). Wherever the offline analyzer could
 * answer the same question, a different verdict is an IAM024 finding. It is not a pure rule (it calls AWS), so it
 * lives here at the edge; its findings are merged into {@code check}'s result before reporting.
 */
public final class LiveAccessChecks {
    private final AccessAnalyzerSession session;
    private final Budget budget;

    public LiveAccessChecks(AccessAnalyzerSession session) {
        this(session, Budget.defaults());
    }

    LiveAccessChecks(AccessAnalyzerSession session, Budget budget) {
        this.session = session;
        this.budget = budget;
    }

    /** Every live check of {@code check}: ValidatePolicy, the forbidden role questions, and the changed policies. */
    public List<Finding> run(RepositoryModel model, List<PolicyFileChange> changed, String baseRevision) {
        List<Finding> out = new ArrayList<>(validatePolicies(model));
        out.addAll(forbiddenAccess(model));
        out.addAll(noNewAccess(changed, baseRevision));
        return out;
    }

    /** ValidatePolicy (IDENTITY_POLICY) for every policy file that could be parsed. */
    public List<Finding> validatePolicies(RepositoryModel model) {
        List<Finding> out = new ArrayList<>();
        for (Policy policy : model.policies()) {
            for (ValidatePolicyFinding f : session.validatePolicy(PolicyDocuments.of(policy), policy.file())) {
                RuleInfo rule = f.findingType() == ValidatePolicyFindingType.ERROR
                        || f.findingType() == ValidatePolicyFindingType.SECURITY_WARNING
                        ? LiveRules.AWS_VALIDATION_ERROR : LiveRules.AWS_VALIDATION_WARNING;
                String pointer = f.locations().isEmpty() ? "" : pointer(f.locations().get(0));
                out.add(at(rule, policy.document(), pointer, "AWS Access Analyzer ValidatePolicy " + f.findingTypeAsString()
                        + " " + f.issueCode() + ": " + AccessAnalyzerSession.oneLine(f.findingDetails())
                        + " (learn more: " + f.learnMoreLink() + ")"));
            }
        }
        return out;
    }

    /** CheckAccessNotGranted for every role and environment it must not reach, compared with the offline answer. */
    public List<Finding> forbiddenAccess(RepositoryModel model) {
        List<Finding> out = new ArrayList<>();
        if (model.suite() == null) {
            return out;
        }
        for (ForbiddenAccess question : ForbiddenAccess.of(model.suite())) {
            RolePolicy role = model.rolePolicies().get(question.role().name());
            if (role == null || role.origins().isEmpty()) {
                continue; // nothing to send: a role without statements grants nothing, and CFG002 reports missing files
            }
            String document = PolicyDocuments.combined(role);
            String subject = "role " + question.role().name() + " (" + question.environment() + " secrets)";
            AccessAnalyzerSession.Answer aws = checkAccessNotGranted(document, question.access(), subject);
            Origin where = origin(model, role, aws.reasons());
            String asked = describe(question.access());
            if (!aws.pass()) {
                out.add(where.finding(LiveRules.AWS_ACCESS_GRANTED, "AWS Access Analyzer CheckAccessNotGranted: FAIL, "
                        + question.describe() + " but can (" + asked + "): " + explain(aws)
                        + "; narrow the statement's Action or Resource to the environments the role reads."));
            }
            if (role.compiled() != null && role.missingPolicies().isEmpty()) {
                AccessCheckResult offline = role.compiled().checkAccessNotGranted(question.access());
                if (!offline.tooComplex() && offline.passed() != aws.pass()) {
                    out.add(where.finding(LiveRules.ANALYZERS_DISAGREE, "AWS Access Analyzer says " + verdict(aws.pass())
                            + " but the offline analyzer says " + verdict(offline.passed()) + " for CheckAccessNotGranted of "
                            + question.role().name() + " on " + asked + " (AWS: " + explain(aws) + "; offline: "
                            + offline.message() + offline.exampleResource().map(r -> " e.g. " + r).orElse("")
                            + "); a bug in policy-suite's analyzer or a change in AWS: report it with this policy."));
                }
            }
        }
        return out;
    }

    /**
     * CheckAccessNotGranted for any number of access entries, each split into calls of at most
     * {@value AccessAnalyzerSession#MAX_ENTRY_VALUES} actions and resources (the API takes one entry per call). PASS only
     * when every call passes; the answer is the first FAIL's.
     */
    public AccessAnalyzerSession.Answer checkAccessNotGranted(String document, List<AccessEntry> access, String subject) {
        AccessAnalyzerSession.Answer aws = null;
        for (AccessEntry entry : access) {
            for (AccessEntry batch : batches(entry)) {
                AccessAnalyzerSession.Answer answer = session.checkAccessNotGranted(document, batch.actions(),
                        batch.resources(), subject);
                if (aws == null || aws.pass() && !answer.pass()) {
                    aws = answer;
                }
            }
        }
        if (aws == null) {
            throw new IllegalArgumentException("no access entries to check");
        }
        return aws;
    }

    /** CheckNoNewAccess for every changed policy file against its base version, compared with the offline answer. */
    public List<Finding> noNewAccess(List<PolicyFileChange> changed, String baseRevision) {
        List<Finding> out = new ArrayList<>();
        for (PolicyFileChange c : changed) {
            AccessAnalyzerSession.Answer aws = session.checkNoNewAccess(PolicyDocuments.of(c.base()),
                    PolicyDocuments.of(c.current()), c.current().file() + " against " + baseRevision);
            RolePolicy current = RolePolicy.ofPolicy(c.current(), budget);
            RolePolicy base = RolePolicy.ofPolicy(c.base(), budget);
            Origin where = fileOrigin(c.current(), aws.reasons());
            if (!aws.pass()) {
                out.add(where.finding(LiveRules.AWS_NEW_ACCESS, "AWS Access Analyzer CheckNoNewAccess: this change adds"
                        + " access compared with " + baseRevision + ": " + explain(aws) + "."));
            }
            if (current.compiled() != null && base.compiled() != null) {
                NoNewAccessResult offline = current.compiled().newAccessComparedTo(base.compiled());
                if (!offline.tooComplex() && offline.passed() != aws.pass()) {
                    out.add(where.finding(LiveRules.ANALYZERS_DISAGREE, "AWS Access Analyzer says " + verdict(aws.pass())
                            + " but the offline analyzer says " + verdict(offline.passed()) + " for CheckNoNewAccess of "
                            + c.current().file() + " against " + baseRevision + " (AWS: " + explain(aws) + "; offline: "
                            + offline.message() + offline.exampleAction().map(a -> " e.g. " + a).orElse("")
                            + offline.exampleResource().map(r -> " on " + r).orElse("")
                            + "); a bug in policy-suite's analyzer or a change in AWS: report it with this policy."));
                }
            }
        }
        return out;
    }

    /**
     * {@code entry} split so that each part has at most {@value AccessAnalyzerSession#MAX_ENTRY_VALUES} actions and as
     * many resources: every chunk of actions with every chunk of resources, which together ask exactly the same.
     */
    public static List<AccessEntry> batches(AccessEntry entry) {
        List<List<String>> actions = chunks(entry.actions());
        List<List<String>> resources = chunks(entry.resources());
        List<AccessEntry> out = new ArrayList<>();
        for (List<String> a : actions) {
            for (List<String> r : resources) {
                out.add(new AccessEntry(a, r));
            }
        }
        return out;
    }

    private static List<List<String>> chunks(List<String> values) {
        if (values.isEmpty()) {
            return List.of(List.of());
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i += AccessAnalyzerSession.MAX_ENTRY_VALUES) {
            out.add(values.subList(i, Math.min(values.size(), i + AccessAnalyzerSession.MAX_ENTRY_VALUES)));
        }
        return out;
    }

    /** AWS's location path as a JSON pointer into the document sent (a value or substring element ends it). */
    static String pointer(Location location) {
        String pointer = "";
        for (PathElement e : location.path()) {
            if (e.key() != null) {
                pointer = JsonPointer.child(pointer, e.key());
            } else if (e.index() != null) {
                pointer = JsonPointer.child(pointer, e.index());
            } else {
                break;
            }
        }
        return pointer;
    }

    /** Where a role finding goes: the statement AWS names, else the role's entry in suite.yaml. */
    private record Origin(LocatedDocument document, String file, String pointer) {
        Finding finding(RuleInfo rule, String message) {
            if (document == null) {
                return new Finding(rule.id(), rule.severity(), file, pointer, 0, 0, message);
            }
            return at(rule, document, pointer, message);
        }
    }

    private static Origin origin(RepositoryModel model, RolePolicy role, List<AccessAnalyzerSession.Reason> reasons) {
        Origin statement = statementOrigin(role, reasons);
        if (statement.document() != null && !statement.pointer().isEmpty()) {
            return statement;
        }
        return new Origin(model.suiteDocument(), RepositoryModel.SUITE_FILE, role.role().pointer());
    }

    private static Origin statementOrigin(RolePolicy policy, List<AccessAnalyzerSession.Reason> reasons) {
        for (AccessAnalyzerSession.Reason r : reasons) {
            if (r.statementIndex() >= 0 && r.statementIndex() < policy.origins().size()) {
                RolePolicy.Origin o = policy.origins().get(r.statementIndex());
                return new Origin(o.policy().document(), o.policy().file(), o.statement().pointer());
            }
        }
        Policy first = policy.origins().isEmpty() ? null : policy.origins().get(0).policy();
        return first == null ? new Origin(null, "", "") : new Origin(first.document(), first.file(), "");
    }

    /** The statement of a whole policy file AWS names (its index in the file as sent), else the file. */
    private static Origin fileOrigin(Policy policy, List<AccessAnalyzerSession.Reason> reasons) {
        for (AccessAnalyzerSession.Reason r : reasons) {
            for (Policy.Statement st : policy.statements()) {
                if (st.index() == r.statementIndex()) {
                    return new Origin(policy.document(), policy.file(), st.pointer());
                }
            }
        }
        return new Origin(policy.document(), policy.file(), "");
    }

    private static Finding at(RuleInfo rule, LocatedDocument document, String pointer, String message) {
        SourcePosition p = document.positionOf(pointer);
        return new Finding(rule.id(), rule.severity(), document.file(), pointer, p.line(), p.column(), message);
    }

    private static String explain(AccessAnalyzerSession.Answer answer) {
        String reasons = answer.reasons().stream()
                .map(r -> AccessAnalyzerSession.oneLine(r.description())
                        + (r.statementId() != null ? " (Sid " + r.statementId() + ")" : r.statementIndex() >= 0
                        ? " (statement " + r.statementIndex() + ")" : ""))
                .collect(Collectors.joining("; "));
        String message = AccessAnalyzerSession.oneLine(answer.message());
        return message.isEmpty() ? reasons : reasons.isEmpty() ? message : message + " [" + reasons + "]";
    }

    private static String describe(List<AccessEntry> access) {
        return access.stream().map(e -> (e.actions().isEmpty() ? "any action" : few(e.actions())) + " on "
                + (e.resources().isEmpty() ? "any resource" : few(e.resources()))).collect(Collectors.joining("; "));
    }

    private static String few(List<String> values) {
        return values.size() <= 3 ? String.join(",", values)
                : String.join(",", values.subList(0, 3)) + " and " + (values.size() - 3) + " more";
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }
}
