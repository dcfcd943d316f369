package dev.autoif.instruction.domain;

/**
 * Rewrites Python's bare {@code True}, {@code False} and {@code None} outside string literals into JSON, for models
 * that answer with a Python dict instead of JSON. Text inside quotes (the function's code) is left as it is.
 */
final class PythonLiterals {

    private PythonLiterals() {
    }

    static String toJson(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
                out.append(c);
                continue;
            }
            String word = wordAt(text, i);
            String json = switch (word) {
                case "True" -> "true";
                case "False" -> "false";
                case "None" -> "null";
                default -> null;
            };
            if (json != null) {
                out.append(json);
                i += word.length() - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String wordAt(String text, int i) {
        if (!Character.isLetter(text.charAt(i)) || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
            return "";
        }
        int end = i;
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        return text.substring(i, end);
    }
}
