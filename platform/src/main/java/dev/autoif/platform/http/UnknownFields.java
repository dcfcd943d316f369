package dev.autoif.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.autoif.contracts.Violation;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Collects every unknown property of a REST request body (not only the first, where Jackson would stop), each with
 * its JSON path and the closest known name. Active only inside {@link StrictBodyReader}'s scope on the reading thread;
 * anywhere else Jackson's own failure applies. Kafka records never get here: they are read by {@code EnvelopeCodec},
 * which ignores unknown fields on purpose (additive schema changes).
 */
final class UnknownFields extends DeserializationProblemHandler {

    private static final ThreadLocal<List<Violation>> COLLECTED = new ThreadLocal<>();

    static List<Violation> begin() {
        List<Violation> previous = COLLECTED.get();
        COLLECTED.set(new ArrayList<>());
        return previous;
    }

    static List<Violation> end(List<Violation> previous) {
        List<Violation> found = COLLECTED.get();
        if (previous == null) {
            COLLECTED.remove();
        } else {
            COLLECTED.set(previous);
        }
        return found == null ? List.of() : found;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
            Object beanOrClass, String propertyName) throws IOException {
        List<Violation> collected = COLLECTED.get();
        if (collected == null) {
            return false;
        }
        Collection<Object> known = deserializer == null ? null : deserializer.getKnownPropertyNames();
        collected.add(new Violation(path(p, propertyName), message(propertyName, known)));
        p.skipChildren();
        return true;
    }

    /** "unknown field": with "did you mean 'x'?" when a known name is close enough to be a typo of it. */
    static String message(String name, Collection<?> known) {
        String closest = closest(name, known);
        return closest == null ? "unknown field" : "unknown field; did you mean '" + closest + "'?";
    }

    static String closest(String name, Collection<?> known) {
        if (known == null || name == null) {
            return null;
        }
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Object k : known) {
            String candidate = String.valueOf(k);
            int d = distance.apply(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    /** The JSON path of the property, e.g. {@code parameters.judgeTreshold} or {@code items[2].nmae}. */
    static String path(JsonParser p, String propertyName) {
        // a record's creator reads from a token buffer whose contexts repeat the name of the one they wrap
        boolean buffered = p.getClass().getEnclosingClass() == TokenBuffer.class;
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray() && c.getEntryCount() > 0) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null
                    && !(buffered && c.getCurrentName().equals(parts.peekFirst()))) {
                parts.push(c.getCurrentName());
            }
        }
        // at an object or array value the parser may or may not stand in the value's own (still empty) context
        if (!propertyName.equals(parts.peekLast())) {
            parts.add(propertyName);
        }
        return String.join(".", parts).replace(".[", "[");
    }
}
