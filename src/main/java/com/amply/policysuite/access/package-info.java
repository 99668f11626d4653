/**
 * Exact, offline answers to "can this identity-based IAM policy grant that access?", by regular-language reasoning
 * over dk.brics automata. Pure: no I/O, no printing, no AWS SDK; bad input and overruns come back as values.
 *
 * <h2>Model</h2>
 * A policy denotes a set of words {@code lower(action) U+0001 resource}. {@code *} matches any sequence (including
 * {@code /} and {@code :}), {@code ?} exactly one character; actions compare case-insensitively, resources
 * case-sensitively; {@code NotAction}/{@code NotResource} complement within all strings (U+0001 excluded).
 * {@code ${*}}, {@code ${?}}, {@code ${$}} are literal characters; any other {@code ${...}} is a policy variable.
 * Control characters in a policy pattern are rejected as unsupported input (so no literal can be the separator);
 * in a request they are matched only by wildcards.
 *
 * <h2>Soundness (never PASS where AWS could allow)</h2>
 * <ul>
 *   <li>An Allow counts unless its conditions provably never hold ({@link ConditionSatisfiability}); conditions
 *       are otherwise assumed satisfiable, and reasons say so.</li>
 *   <li>A Deny blocks only when unconditional; a Deny with conditions blocks nothing.</li>
 *   <li>Policy variables widen an Allow (treated as {@code *}) and narrow a Deny (a Deny pattern with a variable
 *       matches nothing; inside {@code NotResource}/{@code NotAction} the directions swap).</li>
 *   <li>CheckNoNewAccess treats the existing policy's Allows as covering access only when unconditional or under an
 *       identical condition block, and any existing Deny (conditional or not) as possibly applying.</li>
 *   <li>Whenever a {@link com.amply.policysuite.access.Budget} limit is hit the answer is TOO_COMPLEX, reported as
 *       FAIL.</li>
 * </ul>
 *
 * <h2>Entry points</h2>
 * {@link com.amply.policysuite.access.CompiledPolicy#compile} (once), then
 * {@link com.amply.policysuite.access.CompiledPolicy#decide},
 * {@link com.amply.policysuite.access.CompiledPolicy#checkAccessNotGranted},
 * {@link com.amply.policysuite.access.CompiledPolicy#newAccessComparedTo} and
 * {@link com.amply.policysuite.access.CompiledPolicy#removedAccessComparedTo}; or the one-call
 * {@link com.amply.policysuite.access.AccessAnalyzer}.
 */
package com.amply.policysuite.access;
