package dev.autoif.query.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * A ShareGPT JSON array, read one conversation at a time with Jackson's streaming parser, so only the current
 * conversation is in memory. The first turn from "human" (or "user") is the query. Broken JSON syntax ends the read
 * (a JSON array cannot be re-synchronised); what was read before it is kept.
 */
final class ShareGptReader implements CorpusReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    @Override
    public void read(InputStream in, QueryHandler handler) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            long line = 1;
            try {
                JsonToken first = p.nextToken();
                if (first == null) {
                    return;
                }
                if (first != JsonToken.START_ARRAY) {
                    handler.malformed(p.currentTokenLocation().getLineNr(), "a ShareGPT corpus is a JSON array");
                    return;
                }
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == null) {
                        handler.malformed(p.currentLocation().getLineNr(), "the JSON array is not closed");
                        return;
                    }
                    line = p.currentTokenLocation().getLineNr();
                    JsonNode conversation = MAPPER.readTree(p);
                    try {
                        handler.query(line, firstHumanTurn(conversation));
                    } catch (IllegalArgumentException e) {
                        handler.malformed(line, e.getMessage());
                    }
                }
            } catch (JsonProcessingException e) {
                long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
                handler.malformed(at, "broken JSON, reading stopped here: " + e.getOriginalMessage());
            }
        }
    }

    static String firstHumanTurn(JsonNode conversation) {
        if (conversation == null || !conversation.isObject()) {
            throw new IllegalArgumentException("conversation is not a JSON object");
        }
        JsonNode turns = conversation.get("conversations");
        if (turns == null || !turns.isArray()) {
            throw new IllegalArgumentException("no \"conversations\" array");
        }
        for (JsonNode turn : turns) {
            String from = turn.path("from").asText("");
            if (from.equals("human") || from.equals("user")) {
                JsonNode value = turn.get("value");
                if (value == null || !value.isTextual()) {
                    throw new IllegalArgumentException("human turn has no text \"value\"");
                }
                return value.textValue();
            }
        }
        throw new IllegalArgumentException("no human turn");
    }
}
