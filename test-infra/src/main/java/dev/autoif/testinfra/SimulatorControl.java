package dev.autoif.testinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The LLM simulator the application is pointed at, driven over its /admin and /stats endpoints. Going through
 * HTTP rather than a static field matters: the test resource and the test class live in different class loaders,
 * so a static reference seen from the test can be a different (or no) simulator than the one the service calls.
 */
public final class SimulatorControl {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String root;

    /** @param baseUrl the application's {@code autoif.llm.base-url} (inject it into the test) */
    public SimulatorControl(String baseUrl) {
        this.root = baseUrl.replaceFirst("/v1/?$", "");
    }

    /** No faults, and a model without its realistic imperfections, so outcomes are exact. */
    public void obedient() {
        call("DELETE", "/admin/faults", null);
        call("POST", "/admin/behaviour", "{\"perfect\": true}");
    }

    /** No faults; the model keeps its default, realistic imperfections. */
    public void clearFaults() {
        call("DELETE", "/admin/faults", null);
    }

    public void fault(String wireName, double rate) {
        call("POST", "/admin/faults", "{\"rates\": {\"" + wireName + "\": " + rate + "}}");
    }

    /** No faults, default behaviour rates, no latency. */
    public void reset() {
        clearFaults();
        call("DELETE", "/admin/behaviour", null);
    }

    /** A behaviour rate of the simulated model (e.g. how often it violates the constraint). */
    public void behaviour(String wireName, double rate) {
        call("POST", "/admin/behaviour", "{\"rates\": {\"" + wireName + "\": " + rate + "}}");
    }

    /** Latency per answer, fixed or a distribution, in the simulator's notation (see llm-simulator/README.md). */
    public void latency(String spec) {
        call("POST", "/admin/behaviour", "{\"latency\": \"" + spec + "\"}");
    }

    /** The Retry-After the simulator's 429 answers carry. */
    public void retryAfterSeconds(int seconds) {
        call("POST", "/admin/faults", "{\"retryAfterSeconds\": " + seconds + "}");
    }

    /**
     * Requests and tokens per minute per API key, enforced with OpenAI's headers and 429s (0 = that limit off). Every
     * key starts with a full budget. {@link #reset()} leaves them alone: end with {@link #clearRateLimits()}.
     */
    public void rateLimits(long requestsPerMinute, long tokensPerMinute) {
        call("POST", "/admin/rate-limits", "{\"requestsPerMinute\": " + requestsPerMinute + ", \"tokensPerMinute\": "
                + tokensPerMinute + "}");
    }

    /** No rate limits (the default). */
    public void clearRateLimits() {
        call("DELETE", "/admin/rate-limits", null);
    }

    /** Requests refused with 429 because their key was over its rate limit, every prompt kind. */
    public long rateLimited() {
        return stats().path("total").path("rateLimited").asLong(0);
    }

    /** The most requests of one prompt kind in flight at once since the last reset ("total" for all kinds). */
    public long peakInFlight(String kind) {
        JsonNode stats = stats();
        JsonNode counters = "total".equals(kind) ? stats.path("total") : stats.path("byKind").path(kind);
        return counters.path("peakInFlight").asLong(0);
    }

    /** The peaks of requests in flight start again from now; other counters stay. */
    public void resetPeakInFlight() {
        call("POST", "/stats/reset-peak", null);
    }

    public void resetStats() {
        call("POST", "/stats/reset", null);
    }

    /** The whole /stats document. */
    public JsonNode stats() {
        return call("GET", "/stats", null);
    }

    /** HTTP requests the simulator answered for one prompt kind (e.g. "judge", "self-instruct"). */
    public long requests(String kind) {
        return stats().path("byKind").path(kind).path("requests").asLong(0);
    }

    /** HTTP requests answered so far, every prompt kind, failed attempts included. */
    public long requests() {
        return stats().path("total").path("requests").asLong(0);
    }

    /** Faults injected so far, by wire name, for one prompt kind ("total" for all kinds). */
    public long faults(String kind, String fault) {
        JsonNode stats = stats();
        JsonNode counters = "total".equals(kind) ? stats.path("total") : stats.path("byKind").path(kind);
        return counters.path("faults").path(fault).asLong(0);
    }

    /** Choices the simulator wrote for one prompt kind: one request may carry several. */
    public long choices(String kind) {
        return stats().path("byKind").path(kind).path("choices").asLong(0);
    }

    private JsonNode call(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path)).header("Content-Type",
                "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + ": " + r.body());
            }
            return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("LLM simulator unreachable at " + root, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
