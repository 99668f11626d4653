package com.amply.policysuite.rules;

import com.amply.policysuite.model.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Metadata of the rules whose findings are produced at the edges, not by a pure {@link Rule} over the repository
 * model: AWS IAM Access Analyzer's answers ({@code check --access-analyzer}) and the comparison with a git revision
 * ({@code diff --base}). They have no rule class (a rule whose {@code check} does nothing offline would be a toy);
 * this explicit list puts them in the catalog ({@code rules}, {@code docs/rules.md}, SARIF), so that waivers and
 * severity overrides may name them. {@link RuleRegistry} keeps only the pure rules.
 */
public final class LiveRules {
    /** Where a live rule's findings come from, for the catalog. */
    public record LiveRule(RuleInfo info, String producedBy) {
    }

    private static final String ACCESS_ANALYZER_CHECKS =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";
    private static final String CUSTOM_CHECKS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
            + "access-analyzer-checks-validating-policies.html#access-analyzer-custom-policy-checks-overview";
    private static final String LIVE = "`check --access-analyzer` (calls AWS IAM Access Analyzer)";
    private static final String LIVE_WITH_BASE = "`check --access-analyzer --base REV` and `diff --base REV --access-analyzer`"
            + " (calls AWS IAM Access Analyzer)";

    public static final RuleInfo AWS_VALIDATION_ERROR = new RuleInfo("IAM020",
            "AWS Access Analyzer finds no errors or security warnings in the policy", Severity.ERROR,
            "ValidatePolicy is AWS's own reading of a policy: an ERROR means part of the policy does not work, a"
                    + " SECURITY_WARNING that it allows more than it should. The offline rules IAM002-IAM005 follow the same"
                    + " checks; this one asks AWS, whose checks change over time. The message keeps AWS's issue code and"
                    + " learn-more link.",
            ACCESS_ANALYZER_CHECKS);
    public static final RuleInfo AWS_VALIDATION_WARNING = new RuleInfo("IAM021",
            "AWS Access Analyzer finds no warnings or suggestions in the policy", Severity.WARNING,
            "ValidatePolicy's WARNING and SUGGESTION findings are about policy-writing practice (redundant statements,"
                    + " actions that match nothing): not a leak, but a policy that says something other than it means."
                    + " The message keeps AWS's issue code and learn-more link.",
            ACCESS_ANALYZER_CHECKS);
    public static final RuleInfo AWS_ACCESS_GRANTED = new RuleInfo("IAM022",
            "AWS Access Analyzer confirms a role can't reach other environments' secrets", Severity.ERROR,
            "CheckAccessNotGranted asks AWS whether a role's combined policies allow any Secrets Manager action on the"
                    + " secrets of an environment the role does not read (prod above all for CI roles; every other"
                    + " environment for ECS roles). A FAIL means environment isolation is broken in AWS's own judgement.",
            CUSTOM_CHECKS);
    public static final RuleInfo AWS_NEW_ACCESS = new RuleInfo("IAM023",
            "AWS Access Analyzer reports the access a changed policy adds", Severity.INFO,
            "CheckNoNewAccess compares a changed policy with its version at the base revision. New access is not"
                    + " wrong in itself, but a reviewer should see it; new access to a prod secret is IAM025.",
            CUSTOM_CHECKS);
    public static final RuleInfo ANALYZERS_DISAGREE = new RuleInfo("IAM024",
            "AWS Access Analyzer and the offline analyzer agree", Severity.ERROR,
            "The offline analyzer answers the same questions as AWS (CheckAccessNotGranted, CheckNoNewAccess) exactly."
                    + " When AWS says FAIL where it says PASS, or the reverse, either policy-suite's analyzer has a bug or"
                    + " AWS changed its semantics: both make the offline answers untrustworthy until it is understood.",
            CUSTOM_CHECKS);
    public static final RuleInfo NEW_PROD_SECRET_ACCESS = new RuleInfo("IAM025",
            "A change adds no access to prod secrets", Severity.ERROR,
            "`diff --base REV` compares each role's combined policies with their version at REV. Access to a prod secret"
                    + " that the role did not have before is the change a reviewer must not miss; it fails the diff unless a"
                    + " waiver names this rule and the role's policy file, with a reason and an expiry.",
            CUSTOM_CHECKS);

    private static final List<LiveRule> ALL = List.of(
            new LiveRule(AWS_VALIDATION_ERROR, LIVE),
            new LiveRule(AWS_VALIDATION_WARNING, LIVE),
            new LiveRule(AWS_ACCESS_GRANTED, LIVE),
            new LiveRule(AWS_NEW_ACCESS, LIVE_WITH_BASE),
            new LiveRule(ANALYZERS_DISAGREE, LIVE),
            new LiveRule(NEW_PROD_SECRET_ACCESS, "`diff --base REV` (offline)"));

    private LiveRules() {
    }

    public static List<LiveRule> all() {
        return ALL;
    }

    /** The live rules that {@code check --access-analyzer} can report (every live rule but the diff's own). */
    public static List<RuleInfo> accessAnalyzerRules() {
        return ALL.stream().map(LiveRule::info).filter(i -> i != NEW_PROD_SECRET_ACCESS).toList();
    }

    public static Optional<LiveRule> byId(String id) {
        return ALL.stream().filter(r -> r.info().id().equals(id)).findFirst();
    }

    /** Every rule's metadata, pure and live, in id order: the catalog. Ids are unique across both lists. */
    public static List<RuleInfo> catalog() {
        List<RuleInfo> all = new java.util.ArrayList<>(RuleRegistry.all().stream().map(Rule::info).toList());
        ALL.forEach(r -> all.add(r.info()));
        if (all.stream().map(RuleInfo::id).distinct().count() != all.size()) {
            throw new IllegalStateException("a live rule reuses the id of another rule");
        }
        return all.stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
    }

    /** The metadata of any rule, pure or live. */
    public static Optional<RuleInfo> info(String id) {
        return catalog().stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
