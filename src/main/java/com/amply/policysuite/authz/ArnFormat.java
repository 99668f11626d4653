package com.amply.policysuite.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An ARN format from the AWS Service Authorization Reference, such as
 * {@code arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}}, and the question
 * "could this ARN from a policy's {@code Resource} element name a resource of this format?".
 *
 * <h2>How the two sides are read</h2>
 * <ul>
 *   <li><b>Format placeholders</b> ({@code ${Region}}, {@code ${SecretId}}, ...) stand for one or more
 *       characters. In the first five ARN segments ({@code arn}, partition, service, region, account)
 *       a placeholder never contains {@code :}. In the resource part (after the fifth {@code :}) it may
 *       contain {@code /} and {@code :}, because resource ids such as secret names, role paths, S3 object
 *       keys and log group names do. The one exception is {@code ${BucketName}}: S3 bucket names contain
 *       neither {@code /} nor {@code :}, so {@code arn:aws:s3:::bucket/*} does not match the bucket format.
 *   <li><b>{@code *} in the policy ARN</b> matches any run of characters, including none and including
 *       {@code :} and {@code /}. IAM documents that a {@code *} at the end of an ARN segment expands past
 *       {@code :} boundaries; this class applies that to every {@code *}. It can therefore accept a few
 *       ARNs IAM would never match, but it never rejects one that IAM could match, which is the safe side
 *       for a linter that reports mismatches.
 *   <li><b>{@code ?} in the policy ARN</b> matches exactly one character.
 *   <li><b>Policy variables</b> such as {@code ${aws:username}} are values known only at request time and
 *       are treated like {@code *}; the escapes {@code ${*}}, {@code ${?}} and {@code ${$}} are the
 *       literal characters {@code *}, {@code ?} and {@code $}.
 *   <li>Everything else is compared literally and case-sensitively, as IAM compares ARNs.
 * </ul>
 * The answer is {@code true} when at least one concrete ARN matches both the policy ARN and this format.
 * A policy resource of exactly {@code *} matches every format. Instances are immutable.
 */
public final class ArnFormat {

    /** Placeholders whose values contain neither '/' nor ':' by AWS naming rules. */
    private static final Set<String> SINGLE_NAME_PLACEHOLDERS = Set.of("BucketName");

    /** ARN segments before the resource part: "arn", partition, service, region, account. */
    private static final int LEADING_SEGMENTS = 5;

    /** How many answers one format remembers; policies repeat the same ARNs, so a small memo saves most work. */
    private static final int MEMO_LIMIT = 4096;

    private final String format;
    private final List<Token> tokens;
    private final String service;
    private final java.util.Map<String, Boolean> memo = new java.util.concurrent.ConcurrentHashMap<>();

    private ArnFormat(String format, List<Token> tokens) {
        this.format = format;
        this.tokens = tokens;
        String[] parts = format.split(":", LEADING_SEGMENTS + 1);
        this.service = parts.length > 2 && !parts[2].contains("${") ? parts[2] : null;
    }

    /** Reads an ARN format; placeholders are {@code ${Name}}. Never fails: any text is a (literal) format. */
    public static ArnFormat parse(String format) {
        Objects.requireNonNull(format, "format");
        return new ArnFormat(format, List.copyOf(formatTokens(format)));
    }

    /** The format as written in the Service Authorization Reference. */
    public String format() {
        return format;
    }

    /**
     * Whether the given policy {@code Resource} ARN (concrete or with wildcards) could name a resource of
     * this format; see the class comment for the exact rules. {@code null} or empty gives {@code false}.
     */
    public boolean couldMatch(String policyArn) {
        if (policyArn == null || policyArn.isEmpty()) {
            return false;
        }
        if (policyArn.equals("*")) {
            return true;
        }
        if (service != null && !serviceCouldMatch(policyArn)) {
            return false;
        }
        Boolean known = memo.get(policyArn);
        if (known != null) {
            return known;
        }
        boolean answer = intersects(policyTokens(policyArn), tokens);
        if (memo.size() < MEMO_LIMIT) {
            memo.put(policyArn, answer);
        }
        return answer;
    }

    /** A cheap first test: a policy ARN whose service field is literal must name this format's service. */
    private boolean serviceCouldMatch(String policyArn) {
        int first = policyArn.indexOf(':');
        int second = first < 0 ? -1 : policyArn.indexOf(':', first + 1);
        int third = second < 0 ? -1 : policyArn.indexOf(':', second + 1);
        if (third < 0) {
            return true; // let the exact matcher judge odd shapes
        }
        String field = policyArn.substring(second + 1, third);
        if (field.indexOf('*') >= 0 || field.indexOf('?') >= 0 || field.contains("${")) {
            return true;
        }
        return field.equals(service);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArnFormat that && format.equals(that.format);
    }

    @Override
    public int hashCode() {
        return format.hashCode();
    }

    @Override
    public String toString() {
        return format;
    }

    // ---------------------------------------------------------------------------------------------
    // Both sides become token lists over three kinds: a literal character, exactly one character of a
    // class, and a run of zero or more characters of a class. A placeholder is "one" followed by "run".

    private enum Kind { LITERAL, ONE, RUN }

    private enum CharClass {
        ANY, NOT_COLON, NOT_COLON_OR_SLASH;

        boolean admits(char c) {
            return switch (this) {
                case ANY -> true;
                case NOT_COLON -> c != ':';
                case NOT_COLON_OR_SLASH -> c != ':' && c != '/';
            };
        }
    }

    private record Token(Kind kind, char literal, CharClass chars) {
        static Token literal(char c) {
            return new Token(Kind.LITERAL, c, CharClass.ANY);
        }

        static Token one(CharClass chars) {
            return new Token(Kind.ONE, '\0', chars);
        }

        static Token run(CharClass chars) {
            return new Token(Kind.RUN, '\0', chars);
        }

        /** Whether some single character satisfies this single-character token and {@code other}'s class or literal. */
        boolean sharesCharacterWith(Token other) {
            if (kind == Kind.LITERAL && other.kind == Kind.LITERAL) {
                return literal == other.literal;
            }
            if (kind == Kind.LITERAL) {
                return other.chars.admits(literal);
            }
            if (other.kind == Kind.LITERAL) {
                return chars.admits(other.literal);
            }
            return true; // every class admits ordinary letters
        }
    }

    private static List<Token> formatTokens(String format) {
        List<Token> tokens = new ArrayList<>();
        int colons = 0;
        int i = 0;
        while (i < format.length()) {
            int close = placeholderEnd(format, i);
            if (close > 0) {
                String name = format.substring(i + 2, close);
                CharClass chars = colons < LEADING_SEGMENTS ? CharClass.NOT_COLON
                        : SINGLE_NAME_PLACEHOLDERS.contains(name) ? CharClass.NOT_COLON_OR_SLASH
                        : CharClass.ANY;
                tokens.add(Token.one(chars));
                tokens.add(Token.run(chars));
                i = close + 1;
            } else {
                char c = format.charAt(i);
                if (c == ':') {
                    colons++;
                }
                tokens.add(Token.literal(c));
                i++;
            }
        }
        return tokens;
    }

    private static List<Token> policyTokens(String arn) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < arn.length()) {
            int close = placeholderEnd(arn, i);
            if (close > 0) {
                String variable = arn.substring(i + 2, close);
                switch (variable) {
                    case "*", "?", "$" -> tokens.add(Token.literal(variable.charAt(0)));
                    default -> tokens.add(Token.run(CharClass.ANY));
                }
                i = close + 1;
                continue;
            }
            char c = arn.charAt(i);
            switch (c) {
                case '*' -> tokens.add(Token.run(CharClass.ANY));
                case '?' -> tokens.add(Token.one(CharClass.ANY));
                default -> tokens.add(Token.literal(c));
            }
            i++;
        }
        return tokens;
    }

    /** Index of the '}' closing a "${" that starts at {@code start}, or -1. */
    private static int placeholderEnd(String text, int start) {
        if (!text.startsWith("${", start)) {
            return -1;
        }
        int close = text.indexOf('}', start + 2);
        return close > start + 2 ? close : -1;
    }

    /**
     * Whether some string is matched by both token lists. common[i][j] tells whether the suffixes
     * a[i..] and b[j..] have a common match; a run either ends (skip it) or absorbs one character
     * produced by a single-character token of the other side. Characters absorbed by two runs at once
     * can always be dropped from a common match, so no run-against-run step is needed.
     */
    private static boolean intersects(List<Token> a, List<Token> b) {
        int n = a.size();
        int m = b.size();
        boolean[][] common = new boolean[n + 1][m + 1];
        for (int i = n; i >= 0; i--) {
            for (int j = m; j >= 0; j--) {
                if (i == n && j == m) {
                    common[i][j] = true;
                    continue;
                }
                Token x = i < n ? a.get(i) : null;
                Token y = j < m ? b.get(j) : null;
                boolean result = false;
                if (x != null && x.kind() == Kind.RUN) {
                    result = common[i + 1][j]
                            || (y != null && y.kind() != Kind.RUN && y.sharesCharacterWith(x) && common[i][j + 1]);
                }
                if (!result && y != null && y.kind() == Kind.RUN) {
                    result = common[i][j + 1]
                            || (x != null && x.kind() != Kind.RUN && x.sharesCharacterWith(y) && common[i + 1][j]);
                }
                if (!result && x != null && y != null && x.kind() != Kind.RUN && y.kind() != Kind.RUN) {
                    result = x.sharesCharacterWith(y) && common[i + 1][j + 1];
                }
                common[i][j] = result;
            }
        }
        return common[0][0];
    }
}
