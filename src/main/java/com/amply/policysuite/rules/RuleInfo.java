package com.amply.policysuite.rules;

import com.amply.policysuite.model.Severity;
import java.util.regex.Pattern;

/**
 * A rule's metadata, the single source of the catalog ({@code rules} command, {@code docs/rules.md}).
 * Ids are a contract: a subject prefix and three digits, never reused, never renumbered, and never carrying
 * the severity. {@code xxx000} means "could not be parsed".
 */
public record RuleInfo(String id, String title, Severity severity, String rationale, String docUrl) {
    /** CFG: configuration files (suite.yaml, waivers.yaml), NAME: naming, TD: task definitions, IAM: policies, SEC: secret payloads, ROT: rotation, LEAK: leaked material, DRIFT: live account. */
    public static final Pattern ID = Pattern.compile("(CFG|NAME|TD|IAM|SEC|ROT|LEAK|DRIFT)\\d{3}");

    public RuleInfo {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id " + id + " must be a known prefix and three digits");
        }
        if (title == null || title.isBlank() || rationale == null || rationale.isBlank() || severity == null) {
            throw new IllegalArgumentException("rule " + id + " needs a title, a severity and a rationale");
        }
        if (docUrl == null || !docUrl.startsWith("https://")) {
            throw new IllegalArgumentException("rule " + id + " needs an https documentation link");
        }
    }

    /** The id's prefix, such as TD. */
    public String subject() {
        return id.substring(0, id.length() - 3);
    }
}
