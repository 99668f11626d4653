package com.amply.policysuite.cli;

import java.io.Console;

/** Whether text output goes to a person at a terminal, and whether they asked for no colour. */
final class Terminal {
    private Terminal() {
    }

    /**
     * True when standard output is a terminal. On Java 17 {@link System#console()} is null as soon as standard
     * input or output is redirected; from Java 22 it may exist anyway, and {@code Console.isTerminal()} tells.
     */
    static boolean isStandardOutput() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 17 to 21: a console exists only for a terminal
        }
    }

    /** The NO_COLOR convention: set to anything but the empty string means no colour. */
    static boolean noColorRequested() {
        String value = System.getenv("NO_COLOR");
        return value != null && !value.isEmpty();
    }
}
