package dev.autoif.nli.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the instruction out of a back-translation answer. Models wrap a one-line answer in fences, bullets, quotes,
 * bold or an "Instruction:" label, or put a lead-in line before it; the first line that holds an instruction once
 * that is stripped is the answer.
 */
public final class BackTranslationParser {

    static final int MAX_LENGTH = 1000;

    private static final Pattern BULLET = Pattern.compile("^(?:[-*\u2022>]+|\\d{1,2}[.)])\\s+");
    private static final Pattern LABEL = Pattern.compile(
            "^(?:the\\s+)?(?:final\\s+)?(?:instruction|answer|back-translation)(?:\\s+is)?\\s*[:\\-\u2013]\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final String QUOTES = "\"'`\u201c\u201d\u2018\u2019";

    private BackTranslationParser() {
    }

    /**
     * @throws IllegalArgumentException when no instruction can be read, with the reason
     */
    public static String parse(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new IllegalArgumentException("empty answer");
        }
        boolean sawCode = false;
        for (String raw : answer.strip().split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("```")) {
                continue;
            }
            if (line.startsWith("def ") || line.startsWith("return ") || line.startsWith("import ")) {
                sawCode = true;
                continue;
            }
            line = clean(line);
            if (line.isEmpty() || isLeadIn(line)) {
                continue;
            }
            if (line.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("instruction longer than " + MAX_LENGTH + " characters");
            }
            return line;
        }
        throw new IllegalArgumentException(sawCode ? "the answer is code, not an instruction"
                : "no instruction line in the answer");
    }

    private static String clean(String line) {
        String s = line;
        String before;
        do {
            before = s;
            s = BULLET.matcher(s).replaceFirst("");
            s = s.replace("**", "").strip();
            s = LABEL.matcher(s).replaceFirst("");
            s = stripQuotes(s).strip();
        } while (!s.equals(before));
        return s;
    }

    private static String stripQuotes(String s) {
        if (s.length() >= 2 && QUOTES.indexOf(s.charAt(0)) >= 0 && QUOTES.indexOf(s.charAt(s.length() - 1)) >= 0) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** "Here is the instruction:" and the like introduce the answer on the next line. */
    private static boolean isLeadIn(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        return line.endsWith(":") || l.startsWith("sure") && l.length() < 40 || l.startsWith("here is")
                || l.startsWith("here's");
    }
}
