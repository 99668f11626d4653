package com.amply.policysuite.policy;

/**
 * One validation finding about a policy, in IAM Access Analyzer's terms: its type, issue code, details and the
 * JSON pointer of the location it concerns. Codes that Access Analyzer documents keep its names; codes of our own
 * are listed in {@link IssueCode}.
 */
public record PolicyIssue(FindingType findingType, IssueCode issueCode, String findingDetails, String pointer) {

    /** Access Analyzer's finding types. */
    public enum FindingType { ERROR, SECURITY_WARNING, WARNING, SUGGESTION }
}
