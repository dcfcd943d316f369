package dev.autoif.llmsim.http;

/**
 * A deterministic token estimate: one token per four characters (code points), at least one for non-empty text.
 * Not a real tokenizer; close enough for rate limits and cost figures in benchmarks.
 */
public final class Tokens {

    private Tokens() {
    }

    public static int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int cp = text.codePointCount(0, text.length());
        return (cp + 3) / 4;
    }

    /** The first {@code tokens} tokens' worth of text. */
    public static String truncate(String text, int tokens) {
        int cp = Math.min(text.codePointCount(0, text.length()), tokens * 4);
        return text.substring(0, text.offsetByCodePoints(0, cp));
    }
}
