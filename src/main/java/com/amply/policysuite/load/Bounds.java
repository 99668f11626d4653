package com.amply.policysuite.load;

/**
 * What one file may cost to load. A file over a bound becomes a located finding instead of a crash,
 * a hang or an out-of-memory error.
 *
 * @param maxBytes      largest file accepted, checked before reading
 * @param maxDepth      deepest nesting of objects and arrays
 * @param maxNodes      most values in the loaded tree, counted after YAML alias expansion
 * @param maxYamlAliases most alias references ({@code *name}) in one YAML file
 */
public record Bounds(long maxBytes, int maxDepth, int maxNodes, int maxYamlAliases) {
    /** Policies and task definitions. AWS caps managed policies at 6 KiB and task definitions at 64 KiB. */
    public static final Bounds DOCUMENT = new Bounds(1L << 20, 64, 200_000, 50);
    /** The suite configuration, which lists every role and secret and so grows with the estate. */
    public static final Bounds SUITE = new Bounds(16L << 20, 64, 2_000_000, 50);
}
