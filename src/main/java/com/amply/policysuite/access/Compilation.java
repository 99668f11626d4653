package com.amply.policysuite.access;

/** Outcome of {@link CompiledPolicy#compile}: a compiled policy, or why it could not be analysed. */
public sealed interface Compilation permits Compilation.Compiled, Compilation.Unanalysable {

    /** The policy compiled within budget. */
    record Compiled(CompiledPolicy policy) implements Compilation {
    }

    /**
     * The policy could not be analysed. Callers must treat every check on it as FAIL.
     *
     * @param kind   TOO_COMPLEX (budget exceeded) or UNSUPPORTED_INPUT (e.g. null or control characters)
     * @param detail what was exceeded or rejected
     */
    record Unanalysable(Kind kind, String detail) implements Compilation {
    }

    enum Kind {
        TOO_COMPLEX,
        UNSUPPORTED_INPUT
    }
}
