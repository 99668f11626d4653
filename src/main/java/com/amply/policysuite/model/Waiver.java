package com.amply.policysuite.model;

import java.time.LocalDate;

/**
 * One entry of {@code waivers.yaml}: findings of {@code rule} in files matching {@code file} (and, when
 * {@code pointer} is not null, at that JSON pointer or below it) are waived for {@code reason} until
 * {@code expires}. Waivers match on rule, file and pointer, never on line numbers, so they survive reformatting.
 *
 * @param expires the first day the waiver no longer applies
 * @param at      the JSON pointer of this entry in {@code waivers.yaml}
 */
public record Waiver(String rule, FileGlob file, String pointer, String reason, LocalDate expires, String at) {
    public Waiver {
        if (rule == null || file == null || reason == null || expires == null || at == null) {
            throw new IllegalArgumentException("a waiver needs a rule, a file glob, a reason and an expiry date");
        }
    }

    /**
     * True when this waiver covers {@code finding}. A finding that a file could not be parsed ({@code xxx000}) is
     * covered only by a waiver that names that rule and exactly that file, never by a glob.
     */
    public boolean covers(Finding finding) {
        if (!rule.equals(finding.ruleId())) {
            return false;
        }
        if (finding.ruleId().endsWith("000") && !(file.isLiteral() && file.toString().equals(finding.file()))) {
            return false;
        }
        if (!file.matches(finding.file())) {
            return false;
        }
        if (pointer == null) {
            return true;
        }
        if (pointer.isEmpty()) {
            return finding.pointer().isEmpty();
        }
        return finding.pointer().equals(pointer) || finding.pointer().startsWith(pointer + "/");
    }

    /** "TD007 on task-definitions/sandbox/*.json at /containerDefinitions/0/environment/3", for messages. */
    public String describe() {
        return rule + " on " + file + (pointer == null ? "" : " at " + (pointer.isEmpty() ? "the whole file" : pointer));
    }
}
