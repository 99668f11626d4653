package com.amply.policysuite.report;

import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.WaivedFinding;

/**
 * GitHub Actions workflow commands, one per finding: {@code ::error file=F,line=L,col=C,title=RULE::message}
 * ({@code ::warning} for warnings, {@code ::notice} for infos and for waived findings), so a run annotates the pull
 * request's files. Values are escaped by GitHub's rules: {@code %}, CR and LF everywhere, and also {@code :} and
 * {@code ,} in properties. The summary follows as a plain log line.
 */
public final class GitHubReport implements Reporter {
    @Override
    public String render(Report report) {
        StringBuilder out = new StringBuilder();
        for (Finding f : report.findings()) {
            String command = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            line(out, command, f, f.ruleId(), text(f));
        }
        for (WaivedFinding w : report.waived()) {
            Finding f = w.finding();
            line(out, "notice", f, f.ruleId() + " (waived)", "waived until " + w.waiver().expires() + ": "
                    + w.waiver().reason() + " | " + f.severity().word() + ": " + text(f));
        }
        out.append(TextReport.summary(report.summary())).append('\n');
        return out.toString();
    }

    private static String text(Finding f) {
        return (f.pointer().isEmpty() ? "" : f.pointer() + ": ") + f.message();
    }

    private static void line(StringBuilder out, String command, Finding f, String title, String message) {
        out.append("::").append(command).append(" file=").append(property(f.file()));
        if (f.line() > 0) {
            out.append(",line=").append(f.line());
            if (f.column() > 0) {
                out.append(",col=").append(f.column());
            }
        }
        out.append(",title=").append(property(title)).append("::").append(data(message)).append('\n');
    }

    /** Escaping of a command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping of a property value: the message escaping plus {@code :} and {@code ,}. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
