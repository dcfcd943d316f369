package dev.autoif.query.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * One JSON object per line: {@code {"query": ...}} or the OpenAI chat shape {@code {"messages": [...]}} whose first
 * user message is the query. Blank lines are separators, not records.
 */
final class JsonlReader implements CorpusReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int maxLineChars;

    JsonlReader(int maxLineChars) {
        this.maxLineChars = maxLineChars;
    }

    @Override
    public void read(InputStream in, QueryHandler handler) throws IOException {
        BoundedLineReader lines = new BoundedLineReader(new InputStreamReader(in, StandardCharsets.UTF_8),
                maxLineChars);
        for (BoundedLineReader.Line l = lines.next(); l != null; l = lines.next()) {
            if (l.truncated()) {
                handler.tooLong(l.number());
                continue;
            }
            String text = l.text().strip();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                handler.malformed(l.number(), "broken JSON: " + e.getOriginalMessage());
                continue;
            }
            try {
                handler.query(l.number(), queryOf(node));
            } catch (IllegalArgumentException e) {
                handler.malformed(l.number(), e.getMessage());
            }
        }
    }

    static String queryOf(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode query = node.get("query");
        if (query != null) {
            if (!query.isTextual()) {
                throw new IllegalArgumentException("\"query\" is not a string");
            }
            return query.textValue();
        }
        JsonNode messages = node.get("messages");
        if (messages == null) {
            throw new IllegalArgumentException("neither \"query\" nor \"messages\"");
        }
        if (!messages.isArray()) {
            throw new IllegalArgumentException("\"messages\" is not an array");
        }
        for (JsonNode m : messages) {
            if ("user".equals(m.path("role").asText(null))) {
                return content(m.get("content"));
            }
        }
        throw new IllegalArgumentException("no user message");
    }

    /** OpenAI content is a string or a list of parts; the text parts are joined. */
    private static String content(JsonNode content) {
        if (content != null && content.isTextual()) {
            return content.textValue();
        }
        if (content != null && content.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : content) {
                if ("text".equals(part.path("type").asText(null)) && part.path("text").isTextual()) {
                    sb.append(sb.isEmpty() ? "" : "\n").append(part.get("text").textValue());
                }
            }
            return sb.toString();
        }
        throw new IllegalArgumentException("user message has no text content");
    }
}
