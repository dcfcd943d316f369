package dev.autoif.llmsim.catalogue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Java mirrors of small pieces of the Python checks (Python semantics where they differ from Java's defaults). */
final class Checks {

    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Checks() {
    }

    static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Python {@code s.count(sub)}: non-overlapping occurrences. */
    static int countSub(String s, String sub) {
        if (sub.isEmpty()) {
            return s.length() + 1;
        }
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
            n++;
        }
        return n;
    }

    static int wordBoundaryCount(String s, String word) {
        return count(Pattern.compile("\\b" + Pattern.quote(word) + "\\b", Pattern.CASE_INSENSITIVE), s);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static long nonBlankLines(String s) {
        return s.lines().filter(l -> !l.isBlank()).count();
    }

    static boolean isJson(String response) {
        String text = response.strip();
        if (text.startsWith("```")) {
            text = text.replaceAll("^`+|`+$", "").strip();
            if (text.startsWith("json")) {
                text = text.substring(4);
            }
        }
        try {
            STRICT_JSON.readTree(text);
            return !text.isBlank();
        } catch (JacksonException e) {
            return false;
        }
    }
}
