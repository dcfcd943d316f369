package dev.autoif.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON serde for envelopes. Unknown fields are ignored (additive schema changes stay readable); an unknown type,
 * a newer schema version or broken JSON is an {@link InvalidMessageException}.
 */
public final class EnvelopeCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EnvelopeCodec() {
    }

    /** The mapper used on the wire; shared so REST and Kafka write the same JSON. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String encode(Envelope<?> envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + envelope.type(), e);
        }
    }

    /** Reads an envelope that must carry {@code expected}; its payload is typed accordingly. */
    @SuppressWarnings("unchecked")
    public static <T> Envelope<T> decode(String json, MessageType expected) {
        if (json == null || json.isBlank()) {
            throw new InvalidMessageException("empty record");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("broken JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidMessageException("record is not a JSON object");
        }
        String type = node.path("type").asText(null);
        if (!expected.name().equals(type)) {
            throw new InvalidMessageException("expected type " + expected.name() + " but got " + type);
        }
        JsonNode version = node.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new InvalidMessageException("missing schemaVersion");
        }
        int v = version.intValue();
        if (v < 1 || v > expected.schemaVersion()) {
            throw new InvalidMessageException("unknown schema version " + v + " for " + type
                    + " (this consumer reads 1.." + expected.schemaVersion() + ")");
        }
        if (!node.hasNonNull("messageId")) {
            throw new InvalidMessageException("missing messageId");
        }
        if (!node.hasNonNull("payload")) {
            throw new InvalidMessageException("missing payload");
        }
        JavaType t = MAPPER.getTypeFactory().constructParametricType(Envelope.class, expected.payloadClass());
        try {
            return (Envelope<T>) MAPPER.convertValue(node, t);
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("payload does not match " + type + ": " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
