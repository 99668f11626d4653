package com.amply.policysuite.secrets;

/** Small, dependency-free measures of how random a string looks. Shared by {@code keyEntropy} and the leak scanner. */
final class Entropy {

    private Entropy() {
    }

    /** Shannon entropy of the character distribution, in bits per character (0 for empty or single-symbol strings). */
    static double shannonBitsPerChar(CharSequence value) {
        int n = value.length();
        if (n == 0) {
            return 0;
        }
        java.util.Map<Character, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            counts.merge(value.charAt(i), 1, Integer::sum);
        }
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / n;
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }

    /** True when the string is a shorter block repeated (period at most half the length), e.g. "abab" or "aaaa". */
    static boolean isRepetitive(CharSequence value) {
        int n = value.length();
        for (int period = 1; period <= n / 2; period++) {
            boolean repeats = true;
            for (int i = period; i < n && repeats; i++) {
                repeats = value.charAt(i) == value.charAt(i - period);
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
