package com.amply.policysuite.policy;

import com.amply.policysuite.policy.PolicyIssue.FindingType;

/**
 * The issue codes validation reports, with their finding type. Most follow the IAM policy validation check
 * reference; those marked "ours" have no Access Analyzer equivalent.
 */
public enum IssueCode {
    JSON_SYNTAX_ERROR(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-json-syntax-error"),
    DUPLICATE_KEY(FindingType.ERROR, null), // ours: Access Analyzer keeps the last of duplicate keys
    INVALID_POLICY_ELEMENT(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-invalid-policy-element"),
    UNSUPPORTED_PRINCIPAL(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-unsupported-principal"),
    DATA_TYPE_MISMATCH(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-data-type-mismatch"),
    MISSING_VERSION(FindingType.WARNING, "access-analyzer-reference-policy-checks-general-warning-missing-version"),
    INVALID_VERSION(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-invalid-version"),
    OBSOLETE_VERSION(FindingType.WARNING, null), // ours: 2008-10-17 does not substitute policy variables
    MISSING_STATEMENT(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-missing-statement"),
    MISSING_EFFECT(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-missing-effect"),
    INVALID_EFFECT(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-invalid-effect"),
    MISSING_ACTION(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-missing-action"),
    MISSING_RESOURCE(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-missing-resource"),
    UNSUPPORTED_ELEMENT_COMBINATION(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-unsupported-element-combination"),
    UNIQUE_SIDS_REQUIRED(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-unique-sids-required"),
    INVALID_SERVICE(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-invalid-service"),
    INVALID_ACTION(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-invalid-action"),
    INVALID_ARN_RESOURCE(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-invalid-arn-resource"),
    MISSING_ARN_FIELD(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-missing-arn-field"),
    UNSUPPORTED_RESOURCE_ARN_IN_POLICY(FindingType.WARNING, "access-analyzer-reference-policy-checks-general-warning-unsupported-resource-arn-in-policy"),
    INVALID_CONDITION_OPERATOR(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-invalid-condition-operator"),
    INVALID_SERVICE_CONDITION_KEY(FindingType.ERROR, "access-analyzer-reference-policy-checks-error-invalid-service-condition-key"),
    CONDITION_KEY_NOT_APPLICABLE(FindingType.WARNING, null), // ours: a known key that no listed action supports
    ALLOW_WITH_NOT_RESOURCE(FindingType.SECURITY_WARNING, null), // ours: Allow + NotResource grants almost everything
    ALLOW_WITH_NOT_ACTION(FindingType.SECURITY_WARNING, null), // ours: Allow + NotAction grants almost everything
    STAR_RESOURCE_ON_SECRETS_ACTION(FindingType.SECURITY_WARNING, null), // ours: every secret of the account
    SECRETS_WILDCARD_ACTION(FindingType.SECURITY_WARNING, null), // ours: secretsmanager:* includes delete and re-permission
    PASS_ROLE_WITH_STAR_IN_RESOURCE(FindingType.SECURITY_WARNING, "access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-resource"),
    EMPTY_ARRAY_ACTION(FindingType.SUGGESTION, "access-analyzer-reference-policy-checks-suggestion-empty-array-action"),
    EMPTY_ARRAY_RESOURCE(FindingType.SUGGESTION, "access-analyzer-reference-policy-checks-suggestion-empty-array-resource");

    private static final String REFERENCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";

    private final FindingType findingType;
    private final String anchor;

    IssueCode(FindingType findingType, String anchor) {
        this.findingType = findingType;
        this.anchor = anchor;
    }

    public FindingType findingType() {
        return findingType;
    }

    /** The Access Analyzer reference for this check, or the suite's rule catalog for codes of our own. */
    public String learnMoreLink() {
        return anchor != null ? REFERENCE + "#" + anchor : "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html";
    }

    /** True for codes that are about the policy's grammar (reported by IAM002 in check). */
    public boolean grammar() {
        return switch (this) {
            case INVALID_POLICY_ELEMENT, UNSUPPORTED_PRINCIPAL, DATA_TYPE_MISMATCH, MISSING_VERSION, INVALID_VERSION,
                    OBSOLETE_VERSION, MISSING_STATEMENT, MISSING_EFFECT, INVALID_EFFECT, MISSING_ACTION, MISSING_RESOURCE,
                    UNSUPPORTED_ELEMENT_COMBINATION, UNIQUE_SIDS_REQUIRED, EMPTY_ARRAY_ACTION, EMPTY_ARRAY_RESOURCE -> true;
            default -> false;
        };
    }
}
