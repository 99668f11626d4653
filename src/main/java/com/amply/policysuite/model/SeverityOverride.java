package com.amply.policysuite.model;

/**
 * A per-rule severity from {@code suite.yaml}'s {@code rules:} mapping, such as {@code TD007: warning}. It changes
 * the severity findings of that rule are reported with, never the rule id.
 *
 * @param pointer where it was read, such as {@code /rules/TD007}
 */
public record SeverityOverride(String ruleId, Severity severity, String pointer) {
}
