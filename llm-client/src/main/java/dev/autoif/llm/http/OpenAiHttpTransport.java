package dev.autoif.llm.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoif.llm.ChatMessage;
import dev.autoif.llm.LlmResponseException;
import dev.autoif.llm.limit.RateLimitStatus;
import dev.autoif.llm.retry.RetryAfter;
import dev.autoif.llm.retry.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * POSTs OpenAI chat-completion JSON with the JDK HTTP client. Written by hand rather than through langchain4j's
 * OpenAI client because that client turns an error answer into {@code HttpException(status, body)} and drops the
 * headers, and the {@code Retry-After} header is what rate-limit handling needs.
 */
public final class OpenAiHttpTransport implements ChatTransport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNIPPET = 300;

    private final URI uri;
    private final String endpoint;
    private final ApiKey apiKey;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    /** @param baseUrl the API root, e.g. {@code https://api.openai.com/v1}; {@code /chat/completions} is appended */
    public OpenAiHttpTransport(String baseUrl, ApiKey apiKey, Duration timeout, Clock clock) {
        this.endpoint = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.uri = URI.create(endpoint + "/chat/completions");
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.clock = clock;
        // HTTP/1.1: no h2c upgrade dance against plain-http local endpoints; one connection per request in flight.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public void checkReady() {
        apiKey.require();
    }

    @Override
    public ChatResponse send(ChatCall call) throws TransportFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + apiKey.require())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(call)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new TransportFailure(RetryPolicy.NO_RESPONSE, Optional.empty(),
                    "no answer from " + endpoint + " within " + timeout, e);
        } catch (IOException e) {
            throw new TransportFailure(RetryPolicy.NO_RESPONSE, Optional.empty(),
                    "connection to " + endpoint + " failed: " + apiKey.redact(String.valueOf(e.getMessage())), e);
        }
        int status = response.statusCode();
        RateLimitStatus limits = rateLimits(response.headers());
        if (status / 100 != 2) {
            throw new TransportFailure(status, limits,
                    "HTTP " + status + " from " + endpoint + ": " + errorMessage(response.body()), null);
        }
        return parse(response.body()).withRateLimits(limits);
    }

    /** The {@code x-ratelimit-*} headers and {@code Retry-After} of any answer, success or error. */
    private RateLimitStatus rateLimits(HttpHeaders headers) {
        Optional<Duration> wait = RetryAfter.parse(headers.firstValue("retry-after").orElse(null),
                headers.firstValue("retry-after-ms").orElse(null), clock.instant());
        return RateLimitStatus.parse(headers::firstValue, wait);
    }

    /** The request body the chat endpoint is sent for {@code call} (also a batch line's {@code body}). */
    public static byte[] body(ChatCall call) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", call.model());
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage m : call.messages()) {
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        if (call.temperature() != null) {
            root.put("temperature", call.temperature());
        }
        if (call.maxTokens() != null) {
            root.put("max_tokens", call.maxTokens());
        }
        if (call.n() > 1) {
            root.put("n", call.n());
        }
        if (call.seed() != null) {
            root.put("seed", call.seed());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise chat request", e);
        }
    }

    /** A chat-completion answer (also a batch output line's {@code response.body}). */
    public static ChatResponse parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new LlmResponseException("endpoint answered 2xx with a body that is not JSON: " + snippet(body));
        }
        JsonNode choices = root == null ? null : root.get("choices");
        if (choices == null || !choices.isArray()) {
            throw new LlmResponseException("endpoint answered 2xx without a choices array: " + snippet(body));
        }
        List<JsonNode> ordered = new ArrayList<>();
        choices.forEach(ordered::add);
        ordered.sort(Comparator.comparingInt(c -> c.path("index").asInt(Integer.MAX_VALUE)));
        List<String> contents = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (JsonNode c : ordered) {
            JsonNode content = c.path("message").path("content");
            contents.add(content.isTextual() ? content.asText() : null);
            JsonNode reason = c.path("finish_reason");
            reasons.add(reason.isTextual() ? reason.asText() : null);
        }
        JsonNode usage = root.path("usage");
        return new ChatResponse(contents, reasons, usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0), RateLimitStatus.NONE,
                usage.path("prompt_tokens_details").path("cached_tokens").asLong(0));
    }

    /** OpenAI puts a readable reason in {@code error.message}; other servers may send anything. */
    private String errorMessage(String body) {
        try {
            JsonNode message = JSON.readTree(body).path("error").path("message");
            if (message.isTextual()) {
                return apiKey.redact(snippet(message.asText()));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // not JSON: fall through to the raw snippet
        }
        return apiKey.redact(snippet(body));
    }

    static String snippet(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= SNIPPET ? s : s.substring(0, SNIPPET) + "...";
    }
}
