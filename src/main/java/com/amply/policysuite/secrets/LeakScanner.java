package com.amply.policysuite.secrets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds real-looking secret material in a text file. Pure: give it a repository-relative path and the file's text,
 * get back findings. The rules and the placeholder allowlist are documented in {@code docs/leak-scanner.md}.
 *
 * <p>Files under {@code schemas/examples/} are skipped entirely: they are fixtures made of documented fake values.
 */
public final class LeakScanner {

    /** Path prefixes (repository-relative, '/'-separated) that are never scanned. */
    public static final List<String> IGNORED_PATH_PREFIXES = List.of("schemas/examples/");

    /** Minimum Shannon entropy (bits per character) of a key body for it to count as real-looking. */
    static final double MIN_BITS_PER_CHAR = 3.0;

    /** Case-insensitive markers that make a value a documented placeholder. */
    static final List<String> PLACEHOLDER_MARKERS = List.of(
            "fake", "example", "placeholder", "redacted", "change_me", "changeme", "dummy", "xxxx", "****");

    /** Whole passwords that are placeholders (case-insensitive). */
    static final List<String> PLACEHOLDER_PASSWORDS = List.of("password", "pass", "passwd", "secret", "pw");

    private static final Pattern STRIPE_KEY = Pattern.compile(
            "(?<![A-Za-z0-9_])(?:sk|rk)_(live|test)_([A-Za-z0-9]{16,})");
    private static final Pattern WEBHOOK_SECRET = Pattern.compile(
            "(?<![A-Za-z0-9_])whsec_([A-Za-z0-9+/]{16,})");
    private static final Pattern PEM_HEADER = Pattern.compile("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----");
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile(
            "(?i)(?<![A-Za-z0-9+.-])(?:postgres(?:ql)?(?:\\+[a-z0-9]+)?|mysql(?:\\+[a-z0-9]+)?|mariadb|rediss?"
                    + "|mongodb(?:\\+srv)?|amqps?)://([^\\s:/@\"'`]*):([^\\s@\"'`/]+)@([^\\s/:?#\"'`,;)\\]]+)");
    private static final Pattern TEMPLATE = Pattern.compile("^(<.*>|\\$\\{.*}|\\{\\{.*}}|\\$[A-Za-z_][A-Za-z0-9_]*|%s)$");

    /** Scans one file. Never throws for any text; returns findings sorted by line and column. */
    public List<LeakFinding> scan(String relativePath, String text) {
        if (text == null || text.isEmpty() || isIgnored(relativePath)) {
            return List.of();
        }
        // cheap substring tests first: most files hold none of the markers, and the regular expressions
        // (the URL one above all) cost a pass over every character
        LineIndex lines = null;
        List<LeakFinding> findings = new ArrayList<>();

        if (text.contains("k_live_") || text.contains("k_test_")) {
            Matcher stripe = STRIPE_KEY.matcher(text);
            while (stripe.find()) {
                if (looksReal(stripe.group(2))) {
                    LeakKind kind = stripe.group(1).equals("live") ? LeakKind.STRIPE_LIVE_KEY : LeakKind.STRIPE_TEST_KEY;
                    lines = lines != null ? lines : new LineIndex(text);
                    findings.add(lines.finding(kind, stripe.start()));
                }
            }
        }
        if (text.contains("whsec_")) {
            Matcher webhook = WEBHOOK_SECRET.matcher(text);
            while (webhook.find()) {
                if (looksReal(webhook.group(1))) {
                    lines = lines != null ? lines : new LineIndex(text);
                    findings.add(lines.finding(LeakKind.STRIPE_WEBHOOK_SECRET, webhook.start()));
                }
            }
        }
        if (text.contains("PRIVATE KEY-----")) {
            Matcher pem = PEM_HEADER.matcher(text);
            while (pem.find()) {
                if (hasKeyBody(text, pem.end())) {
                    lines = lines != null ? lines : new LineIndex(text);
                    findings.add(lines.finding(LeakKind.PEM_PRIVATE_KEY, pem.start()));
                }
            }
        }
        if (text.contains("://")) {
            Matcher url = URL_WITH_PASSWORD.matcher(text);
            while (url.find()) {
                if (!isPlaceholderPassword(url.group(2)) && !isPlaceholderHost(url.group(3))) {
                    lines = lines != null ? lines : new LineIndex(text);
                    findings.add(lines.finding(LeakKind.CONNECTION_URL_PASSWORD, url.start()));
                }
            }
        }
        findings.sort(Comparator.comparingInt(LeakFinding::line).thenComparingInt(LeakFinding::column));
        return List.copyOf(findings);
    }

    static boolean isIgnored(String relativePath) {
        if (relativePath == null) {
            return false;
        }
        String path = relativePath.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        for (String prefix : IGNORED_PATH_PREFIXES) {
            if (path.startsWith(prefix) || path.contains("/" + prefix)) {
                return true;
            }
        }
        return false;
    }

    static boolean isPlaceholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return PLACEHOLDER_MARKERS.stream().anyMatch(lower::contains) || TEMPLATE.matcher(value).matches();
    }

    private static boolean looksReal(String body) {
        return !isPlaceholder(body) && Entropy.shannonBitsPerChar(body) >= MIN_BITS_PER_CHAR
                && !Entropy.isRepetitive(body);
    }

    private static boolean isPlaceholderPassword(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        return PLACEHOLDER_PASSWORDS.contains(lower) || isPlaceholder(password)
                || password.chars().distinct().count() == 1;
    }

    private static boolean isPlaceholderHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".invalid") || lower.equals("invalid") || lower.endsWith(".example")
                || lower.matches("(.*\\.)?example\\.(com|org|net)");
    }

    /**
     * True when base64 key material follows a BEGIN line: at least 32 base64 characters, once line breaks (real or
     * escaped as \n inside a string literal) and quotes are skipped, that are not a placeholder.
     */
    private static boolean hasKeyBody(String text, int from) {
        StringBuilder body = new StringBuilder();
        int i = from;
        while (i < text.length() && body.length() < 64) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && "nr".indexOf(text.charAt(i + 1)) >= 0) {
                i += 2;
            } else if (Character.isWhitespace(c) || c == '"' || c == '\'') {
                i++;
            } else if (Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/' || c == '=') {
                body.append(c);
                i++;
            } else {
                break;
            }
        }
        return body.length() >= 32 && looksReal(body.toString());
    }

    /** Maps string offsets to 1-based line and column. */
    private static final class LineIndex {
        private final List<Integer> starts = new ArrayList<>();

        LineIndex(String text) {
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
        }

        LeakFinding finding(LeakKind kind, int offset) {
            int low = 0;
            int high = starts.size() - 1;
            while (low < high) {
                int mid = (low + high + 1) >>> 1;
                if (starts.get(mid) <= offset) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            int line = low + 1;
            int column = offset - starts.get(low) + 1;
            return new LeakFinding(kind, line, column,
                    kind.description() + " at line " + line + ", column " + column
                            + ": remove it from the file and rotate it");
        }
    }
}
