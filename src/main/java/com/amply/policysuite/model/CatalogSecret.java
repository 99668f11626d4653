package com.amply.policysuite.model;

import java.util.List;

/**
 * One secret of the catalog, by its kebab-case base name; it exists as {@code <app>/<env>/<name>} in each of
 * its environments. {@code pointer} locates the entry in the suite configuration.
 */
public record CatalogSecret(String name, String purpose, Rotation rotation, String schema, List<String> environments,
                            SecretReader readBy, String kmsKeyArn, String pointer) {
    public CatalogSecret {
        environments = List.copyOf(environments);
    }
}
