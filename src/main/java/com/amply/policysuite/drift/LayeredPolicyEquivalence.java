package com.amply.policysuite.drift;

import java.util.ArrayList;
import java.util.List;

/**
 * The drift check's policy comparison. The canonical form answers first: equal canonical forms grant equal access,
 * so that is no drift without further work. Otherwise the access analysis decides: if it finds no new and no removed
 * access (a rewrite such as {@code s3:Get*} for the actions it covers) there is no drift; if it finds a difference,
 * or cannot decide, there is, and the report carries the analysis's example followed by the canonical differences
 * (which say line by line what changed).
 */
public final class LayeredPolicyEquivalence implements PolicyEquivalence {
    private final PolicyEquivalence canonical;
    private final PolicyEquivalence access;

    public LayeredPolicyEquivalence(PolicyEquivalence canonical, PolicyEquivalence access) {
        this.canonical = canonical;
        this.access = access;
    }

    @Override
    public Verdict compare(List<LabelledPolicy> repository, List<LabelledPolicy> live) {
        Verdict byForm = canonical.compare(repository, live);
        if (byForm.equivalent()) {
            return byForm;
        }
        Verdict byAccess = access.compare(repository, live);
        if (byAccess.equivalent()) {
            return byAccess;
        }
        List<String> differences = new ArrayList<>(byAccess.differences());
        differences.addAll(byForm.differences());
        return new Verdict(false, differences);
    }
}
