package dev.autoif.instruction.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cleaning of one instruction as an LLM or a user wrote it. {@link #clean} keeps the wording (it only removes list
 * markers, wrapping quotes and extra whitespace); {@link #comparisonKey} is what exact-duplicate detection and ids use,
 * so "Use no commas." and "use no commas" are one instruction.
 */
public final class InstructionText {

    /** "- ", "* ", "• ", "1. ", "2) ", "(3) ", "a) " at the start of a line. */
    static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*•‣◦–—+]|\\(?\\d{1,3}[.)\\]:]|\\(?[a-zA-Z][)])\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.!?;:,]+$");
    private static final String OPENING_QUOTES = "\"'“‘`«";
    private static final String CLOSING_QUOTES = "\"'”’`»";

    private InstructionText() {
    }

    /** True when the line starts with a list marker. */
    public static boolean isListItem(String line) {
        return LIST_MARKER.matcher(line).find();
    }

    /** The instruction without its list marker, wrapping or stray quotes, and with single spaces. */
    public static String clean(String raw) {
        String s = LIST_MARKER.matcher(raw).replaceFirst("");
        s = WHITESPACE.matcher(s).replaceAll(" ").strip();
        s = unwrapQuotes(s);
        return WHITESPACE.matcher(s).replaceAll(" ").strip();
    }

    /** Lower case, curly quotes straightened, no trailing punctuation: equal keys mean the same instruction. */
    public static String comparisonKey(String text) {
        String s = clean(text).toLowerCase(Locale.ROOT)
                .replace('“', '"').replace('”', '"').replace('‘', '\'').replace('’', '\'');
        return TRAILING_PUNCTUATION.matcher(s).replaceAll("");
    }

    /**
     * Removes quotes wrapped around the whole text, then a single unbalanced straight double quote at either end
     * (LLMs often open a quote they never close). A quoted phrase inside the instruction is kept:
     * {@code "Bye" or "Ciao"} is not a wrapped text, {@code "End with "Bye""} is.
     */
    static String unwrapQuotes(String s) {
        while (s.length() >= 2) {
            int kind = OPENING_QUOTES.indexOf(s.charAt(0));
            if (kind < 0 || s.charAt(s.length() - 1) != CLOSING_QUOTES.charAt(kind)
                    || !balanced(s.substring(1, s.length() - 1), OPENING_QUOTES.charAt(kind),
                            CLOSING_QUOTES.charAt(kind))) {
                break;
            }
            s = s.substring(1, s.length() - 1).strip();
        }
        if (count(s, '"') % 2 == 1) {
            if (s.startsWith("\"")) {
                s = s.substring(1).strip();
            } else if (s.endsWith("\"")) {
                s = s.substring(0, s.length() - 1).strip();
            }
        }
        return s;
    }

    /**
     * Whether every quote inside closes one opened before it. A straight quote opens when it follows the start or a
     * space, and closes otherwise; one between two letters is an apostrophe ("don't").
     */
    private static boolean balanced(String inner, char open, char close) {
        int depth = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c != open && c != close) {
                continue;
            }
            char before = i == 0 ? ' ' : inner.charAt(i - 1);
            char after = i + 1 < inner.length() ? inner.charAt(i + 1) : ' ';
            if (open == close && Character.isLetter(before) && Character.isLetter(after)) {
                continue;
            }
            boolean opening = open != close ? c == open : Character.isWhitespace(before) || "([{".indexOf(before) >= 0;
            depth += opening ? 1 : -1;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
