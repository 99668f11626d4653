package com.amply.policysuite.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether output goes to a person at a terminal: text output is coloured and grouped only then, and progress lines
 * go only to people, never into logs. Also whether they asked for no colour.
 */
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

    /** True when standard error is a terminal (read from /proc where there is one). */
    static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        if (Files.exists(fd2)) {
            try {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
        // no /proc (macOS, Windows): Java only knows whether the whole console is interactive
        return System.console() != null;
    }
}
