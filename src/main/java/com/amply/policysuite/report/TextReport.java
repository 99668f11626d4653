package com.amply.policysuite.report;

import com.amply.policysuite.model.Finding;
import com.amply.policysuite.model.WaivedFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Text for people. {@link #lines()} is the plain form used whenever the output is not a terminal (a pipe, a CI log,
 * {@code --output}): one self-contained, grep-able line per finding as in STYLE.md, waived findings on lines that
 * start with {@code waived}, then the summary. {@link #grouped(boolean)} is the terminal form: findings grouped
 * under a header per file, aligned, with ANSI colour unless it is switched off, then the same summary.
 */
public final class TextReport implements Reporter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";

    private final boolean grouped;
    private final boolean colour;

    private TextReport(boolean grouped, boolean colour) {
        this.grouped = grouped;
        this.colour = colour;
    }

    /** One line per finding, no colour: for pipes, files and CI logs. */
    public static TextReport lines() {
        return new TextReport(false, false);
    }

    /** Grouped by file, for a terminal; {@code colour} adds ANSI colours. */
    public static TextReport grouped(boolean colour) {
        return new TextReport(true, colour);
    }

    @Override
    public String render(Report report) {
        StringBuilder out = new StringBuilder();
        if (grouped) {
            renderGrouped(report, out);
        } else {
            for (Finding f : report.findings()) {
                out.append(f.toLine()).append('\n');
            }
            for (WaivedFinding w : report.waived()) {
                out.append("waived ").append(w.finding().toLine()).append(' ').append(waiverNote(w)).append('\n');
            }
        }
        String summary = summary(report.summary());
        out.append(paint(report.summary().errors() > 0 ? RED + BOLD : GREEN, summary)).append('\n');
        return out.toString();
    }

    private record Entry(Finding finding, WaivedFinding waived) {
    }

    private void renderGrouped(Report report, StringBuilder out) {
        Map<String, List<Entry>> byFile = new TreeMap<>();
        report.findings().forEach(f -> byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(new Entry(f, null)));
        report.waived().forEach(w -> byFile.computeIfAbsent(w.finding().file(), k -> new ArrayList<>()).add(new Entry(w.finding(), w)));
        for (Map.Entry<String, List<Entry>> file : byFile.entrySet()) {
            List<Entry> entries = file.getValue();
            entries.sort((a, b) -> Finding.ORDER.compare(a.finding(), b.finding()));
            int width = entries.stream().mapToInt(e -> position(e.finding()).length()).max().orElse(0);
            int ruleWidth = entries.stream().mapToInt(e -> e.finding().ruleId().length()).max().orElse(0);
            out.append(paint(BOLD, Finding.visible(file.getKey()))).append('\n');
            for (Entry e : entries) {
                Finding f = e.finding();
                String label = e.waived() != null ? "waived" : f.severity().word();
                String labelColour = e.waived() != null ? DIM : switch (f.severity()) {
                    case ERROR -> RED;
                    case WARNING -> YELLOW;
                    case INFO -> CYAN;
                };
                out.append("  ").append(pad(position(f), width)).append("  ")
                        .append(paint(labelColour, pad(label, 7))).append("  ")
                        .append(paint(DIM, pad(f.ruleId(), ruleWidth))).append("  ")
                        .append(f.pointer().isEmpty() ? "" : Finding.visible(f.pointer()) + ": ").append(f.message());
                if (e.waived() != null) {
                    out.append(' ').append(paint(DIM, waiverNote(e.waived())));
                }
                out.append('\n');
            }
            out.append('\n');
        }
    }

    private static String position(Finding f) {
        return f.line() > 0 ? f.line() + ":" + f.column() : "-";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String waiverNote(WaivedFinding w) {
        return "[waived until " + w.waiver().expires() + ": " + w.waiver().reason() + "]";
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }

    /** "1 error, 0 warnings, 0 infos, 1 waived; 12 files checked." or "No findings; 12 files checked." */
    public static String summary(Report.Summary s) {
        String files = s.filesChecked() + (s.filesChecked() == 1 ? " file" : " files") + " checked";
        if (s.errors() + s.warnings() + s.infos() + s.waived() == 0) {
            return "No findings; " + files + ".";
        }
        return plural(s.errors(), "error") + ", " + plural(s.warnings(), "warning") + ", " + plural(s.infos(), "info")
                + ", " + s.waived() + " waived; " + files + (s.errors() > 0 ? "." : "; no errors.");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
