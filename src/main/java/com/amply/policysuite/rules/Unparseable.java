package com.amply.policysuite.rules;

import com.amply.policysuite.model.RepositoryModel;
import com.amply.policysuite.model.RepositoryModel.FileKind;
import com.amply.policysuite.model.RepositoryModel.Unloadable;

/** The shared body of the {@code xxx000} rules: one finding per file of a kind that could not be loaded. */
public final class Unparseable {
    private Unparseable() {
    }

    public static void report(RuleInfo rule, FileKind kind, RepositoryModel repository, Findings findings) {
        for (Unloadable u : repository.unloadable()) {
            if (u.kind() == kind) {
                findings.add(rule, u.file(), "", u.problem().position(),
                        "could not be parsed: " + u.problem().message() + "; nothing else in this file was checked.");
            }
        }
    }
}
