package com.amply.policysuite.change;

import com.amply.policysuite.model.Policy;

/** A policy file present at the base revision and in the working tree, with different content. */
public record PolicyFileChange(Policy base, Policy current) {
}
