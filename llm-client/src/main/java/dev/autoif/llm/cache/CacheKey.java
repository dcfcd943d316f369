package dev.autoif.llm.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.autoif.llm.ChatMessage;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The cache key of one sample: SHA-256 (hex) of a canonical JSON array of the key layout version, the endpoint
 * (normalised base URL), and everything that shapes the answer (model, messages, temperature, max tokens, seed) plus
 * the sample index. The endpoint is there because one model name at two providers (the simulator's
 * {@code gpt-4o-mini} and OpenAI's) gives different answers. Run id and stage are left out on purpose: the same prompt
 * in another run is the same completion. The API key is never part of the key: rotating it must not orphan rows, and
 * it must never be hashed into a value that is stored.
 *
 * <p>The version is hashed first, so a key of one layout can never equal a key of another. Changing the layout
 * orphans stored rows (a run pays again once); bump {@link #VERSION} when you do.
 */
public final class CacheKey {

    /** 1: no endpoint. 2: normalised endpoint after the version. */
    public static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CacheKey() {
    }

    /** @param baseUrl the endpoint's API root as configured; normalised with {@link #endpoint(String)} */
    public static String of(String baseUrl, String model, List<ChatMessage> messages, Double temperature,
            Integer maxTokens, Integer seed, int index) {
        ArrayNode root = JSON.createArrayNode();
        root.add(VERSION).add(endpoint(baseUrl)).add(model);
        ArrayNode msgs = root.addArray();
        for (ChatMessage m : messages) {
            msgs.addArray().add(m.role()).add(m.content());
        }
        // Double.toString is canonical for a double value, so 0.7 and 0.70 give one key.
        root.add(temperature == null ? null : Double.toString(temperature));
        root.add(maxTokens);
        root.add(seed);
        root.add(index);
        try {
            byte[] canonical = JSON.writeValueAsBytes(root);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute cache key", e);
        }
    }

    /**
     * The base URL as the cache sees it: scheme and host in lower case, the scheme's default port dropped, trailing
     * slashes dropped, user info and fragment dropped (user info may hold credentials); path and query kept as they
     * are (they are case-sensitive). So {@code HTTPS://API.OpenAI.com:443/v1/} and {@code https://api.openai.com/v1}
     * are one endpoint.
     *
     * @throws IllegalArgumentException when {@code baseUrl} is not an absolute URL with a host
     */
    public static String endpoint(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl == null ? "" : baseUrl.strip());
        } catch (URISyntaxException e) {
            // The value itself is not echoed: a malformed URL may carry user info.
            throw new IllegalArgumentException("the LLM base URL is not a valid URL (" + e.getReason() + ")");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "the LLM base URL must be absolute with a host, e.g. https://api.openai.com/v1");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && port != defaultPort(scheme)) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        out.append(path, 0, end);
        if (uri.getRawQuery() != null) {
            out.append('?').append(uri.getRawQuery());
        }
        return out.toString();
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }

    /** The messages as stored in the audit column: a JSON array of {role, content}. */
    public static String messagesJson(List<ChatMessage> messages) {
        try {
            return JSON.writeValueAsString(messages);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise messages", e);
        }
    }
}
