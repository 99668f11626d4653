package com.amply.policysuite.access;

/**
 * Both directions of a policy change.
 *
 * @param added   access the updated policy grants that the existing one does not
 * @param removed access the existing policy grants that the updated one does not
 */
public record PolicyDiff(NoNewAccessResult added, NoNewAccessResult removed) {
}
