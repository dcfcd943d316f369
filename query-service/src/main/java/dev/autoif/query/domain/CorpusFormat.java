package dev.autoif.query.domain;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/** The corpus layouts users bring. */
public enum CorpusFormat {
    /** A JSON array of {"conversations":[{"from":"human","value":...},...]}; the first human turn is the query. */
    SHAREGPT,
    /** One JSON object per line: {"query": ...} or OpenAI {"messages":[{"role":"user","content":...}]}. */
    JSONL,
    /** One query per line. */
    TEXT;

    private static final int PEEK = 64 * 1024;

    public static Optional<CorpusFormat> parse(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "sharegpt", "json" -> Optional.of(SHAREGPT);
            case "jsonl", "ndjson" -> Optional.of(JSONL);
            case "text", "txt", "plain" -> Optional.of(TEXT);
            default -> Optional.empty();
        };
    }

    /**
     * Guesses the format from the first non-blank character without consuming the stream: '[' opens a ShareGPT
     * array, '{' a JSON line, anything else is plain text. A text corpus whose first query starts with '{' needs an
     * explicit format.
     */
    public static CorpusFormat detect(BufferedInputStream in) throws IOException {
        in.mark(PEEK);
        try {
            for (int i = 0; i < PEEK; i++) {
                int b = in.read();
                if (b < 0) {
                    return TEXT;
                }
                if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF) {
                    continue; // whitespace or the UTF-8 byte-order mark
                }
                return b == '[' ? SHAREGPT : b == '{' ? JSONL : TEXT;
            }
            return TEXT;
        } finally {
            in.reset();
        }
    }
}
