package com.amply.policysuite.access;

import java.util.List;

/**
 * The answer for one concrete (action, resource) request, without request context.
 *
 * @param verdict            allowed, explicitly denied or implicitly denied
 * @param deciding           for ALLOWED the matching Allow statements; for EXPLICIT_DENY the matching
 *                           unconditional Deny statements; empty for IMPLICIT_DENY
 * @param conditionalDenies  Deny statements that may match the request but were not counted as blocking: those
 *                           with conditions, and those whose policy variables make a match value-dependent; an
 *                           ALLOWED verdict may in practice be a deny
 * @param dependsOnConditions true when the verdict is ALLOWED only through statements with conditions (assumed
 *                           satisfiable), or when conditional denies match
 */
public record Decision(Verdict verdict, List<StatementRef> deciding, List<StatementRef> conditionalDenies,
        boolean dependsOnConditions) {

    public Decision {
        deciding = List.copyOf(deciding);
        conditionalDenies = List.copyOf(conditionalDenies);
    }

    public boolean allowed() {
        return verdict == Verdict.ALLOWED;
    }
}
