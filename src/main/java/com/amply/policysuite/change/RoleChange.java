package com.amply.policysuite.change;

import java.util.List;

/**
 * How a role's combined policies changed between the base revision and the working tree. A role that is new has
 * every access as new; an absent delta means none.
 *
 * @param newAccess     access the working tree grants and the base did not, or null
 * @param removedAccess access the base granted and the working tree does not, or null
 * @param newProdAccess the part of {@code newAccess} on the app's prod secrets, or null
 */
public record RoleChange(String role, List<String> policyFiles, boolean newRole, AccessDelta newAccess,
                         AccessDelta removedAccess, AccessDelta newProdAccess) {
    public RoleChange {
        policyFiles = List.copyOf(policyFiles);
    }
}
