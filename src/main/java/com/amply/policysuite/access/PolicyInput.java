package com.amply.policysuite.access;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An identity-based policy: its statements in document order. */
public record PolicyInput(List<AccessStatement> statements) {

    public PolicyInput {
        statements = statements == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(statements));
    }

    public static PolicyInput of(AccessStatement... statements) {
        return new PolicyInput(List.of(statements));
    }
}
