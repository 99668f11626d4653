package com.amply.policysuite.report;

import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.Severity;
import com.amply.policysuite.rules.CheckRun;

/** One line per finding as in STYLE.md, then a summary line. */
public final class TextReport {
    private TextReport() {
    }

    public static String render(CheckRun.Result result) {
        StringBuilder out = new StringBuilder();
        for (Finding f : result.findings()) {
            out.append(f.toLine()).append('\n');
        }
        out.append(summary(result)).append('\n');
        return out.toString();
    }

    static String summary(CheckRun.Result result) {
        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        long infos = result.count(Severity.INFO);
        String files = result.filesChecked() + (result.filesChecked() == 1 ? " file" : " files") + " checked";
        if (result.findings().isEmpty()) {
            return "No findings; " + files + ".";
        }
        return plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(infos, "info") + "; " + files
                + (errors > 0 ? "." : "; no errors.");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
