package com.amply.policysuite.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the process's standard error is a terminal, so progress lines go only to people, never into logs. */
final class Terminal {
    private Terminal() {
    }

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
