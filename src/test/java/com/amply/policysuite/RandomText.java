package com.amply.policysuite;

import java.util.Random;

/** Random strings for tests that compare a hand-written reading with a simpler one it replaced. */
public final class RandomText {
    private RandomText() {
    }

    /** Up to {@code maxPieces - 1} pieces drawn from {@code pieces}, concatenated. */
    public static String of(Random random, int maxPieces, String... pieces) {
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(maxPieces);
        for (int i = 0; i < n; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    /** Up to {@code maxLength - 1} characters drawn from {@code alphabet}. */
    public static String of(Random random, int maxLength, char[] alphabet) {
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(maxLength);
        for (int i = 0; i < n; i++) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }
}
