package dev.autoif.llmsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.autoif.llmsim.Behaviour;
import dev.autoif.llmsim.Fault;
import dev.autoif.llmsim.Latency;
import dev.autoif.llmsim.RateLimits;
import dev.autoif.llmsim.Settings;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * /admin/faults, /admin/behaviour, /admin/rate-limits and /admin/batches: GET reads, POST merges the given values,
 * DELETE restores the defaults (all faults 0; behaviours at their default rates; no rate limits; the default batch
 * completion delay and the 24 h window).
 */
public final class AdminHandler implements HttpHandler {

    private final Settings settings;

    public AdminHandler(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            try {
                switch (path) {
                    case "/admin/faults" -> faults(ex, method);
                    case "/admin/behaviour" -> behaviour(ex, method);
                    case "/admin/rate-limits" -> rateLimits(ex, method);
                    case "/admin/batches" -> batches(ex, method);
                    default -> Http.error(ex, 404, "No such path: " + path, "invalid_request_error", null);
                }
            } catch (IllegalArgumentException e) {
                Http.error(ex, 400, e.getMessage(), "invalid_request_error", null);
            }
        }
    }

    private void faults(HttpExchange ex, String method) throws IOException {
        switch (method) {
            case "GET" -> { }
            case "DELETE" -> settings.clearFaults();
            case "POST" -> applyFaults(readObject(ex));
            default -> {
                Http.methodNotAllowed(ex);
                return;
            }
        }
        Http.json(ex, 200, faultsJson(settings));
    }

    private void behaviour(HttpExchange ex, String method) throws IOException {
        switch (method) {
            case "GET" -> { }
            case "DELETE" -> settings.resetBehaviour().latency(Latency.NONE);
            case "POST" -> applyBehaviour(readObject(ex));
            default -> {
                Http.methodNotAllowed(ex);
                return;
            }
        }
        Http.json(ex, 200, behaviourJson(settings));
    }

    private void rateLimits(HttpExchange ex, String method) throws IOException {
        switch (method) {
            case "GET" -> { }
            case "DELETE" -> settings.rateLimits(RateLimits.OFF);
            case "POST" -> settings.rateLimits(mergeRateLimits(settings.rateLimits(), readObject(ex)));
            default -> {
                Http.methodNotAllowed(ex);
                return;
            }
        }
        Http.json(ex, 200, rateLimitsJson(settings.rateLimits()));
    }

    /** {"completionDelayMillis": n, "windowMillis": n}; an absent field keeps its value. */
    private void batches(HttpExchange ex, String method) throws IOException {
        switch (method) {
            case "GET" -> { }
            case "DELETE" -> settings.resetBatches();
            case "POST" -> {
                JsonNode body = readObject(ex);
                long delay = settings.batchCompletionDelayMillis();
                long window = settings.batchWindowMillis();
                for (Map.Entry<String, JsonNode> e : body.properties()) {
                    switch (e.getKey()) {
                        case "completionDelayMillis" -> delay = wholeNumber(e.getValue());
                        case "windowMillis" -> window = wholeNumber(e.getValue());
                        default -> throw new IllegalArgumentException("unknown batch setting '" + e.getKey()
                                + "'; known: [completionDelayMillis, windowMillis]");
                    }
                }
                new Settings().batchCompletionDelayMillis(delay).batchWindowMillis(window); // validate first
                settings.batchCompletionDelayMillis(delay).batchWindowMillis(window);
            }
            default -> {
                Http.methodNotAllowed(ex);
                return;
            }
        }
        Http.json(ex, 200, batchesJson(settings));
    }

    public static ObjectNode batchesJson(Settings s) {
        ObjectNode root = Http.JSON.createObjectNode();
        root.put("completionDelayMillis", s.batchCompletionDelayMillis());
        root.put("windowMillis", s.batchWindowMillis());
        return root;
    }

    /** {"requestsPerMinute": n, "tokensPerMinute": n}; an absent field keeps its value, 0 turns it off. */
    private static RateLimits mergeRateLimits(RateLimits now, JsonNode body) {
        long rpm = now.requestsPerMinute();
        long tpm = now.tokensPerMinute();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            switch (e.getKey()) {
                case "requestsPerMinute" -> rpm = wholeNumber(e.getValue());
                case "tokensPerMinute" -> tpm = wholeNumber(e.getValue());
                default -> throw new IllegalArgumentException("unknown rate limit '" + e.getKey()
                        + "'; known: [requestsPerMinute, tokensPerMinute]");
            }
        }
        return new RateLimits(rpm, tpm);
    }

    private static long wholeNumber(JsonNode v) {
        if (!v.canConvertToExactIntegral() || !v.isNumber()) {
            throw new IllegalArgumentException("expected a whole number, got " + v);
        }
        return v.longValue();
    }

    private static JsonNode readObject(HttpExchange ex) throws IOException {
        JsonNode body;
        try {
            body = Http.readJson(ex);
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not JSON");
        }
        if (!body.isObject()) {
            throw new IllegalArgumentException("body must be a JSON object");
        }
        return body;
    }

    /** Accepts {"rates": {name: rate}, "slowMillis": n, "retryAfterSeconds": n}, or fault names at the top level. */
    private void applyFaults(JsonNode body) {
        // Validate everything first so a bad field changes nothing.
        Settings probe = new Settings();
        for (int pass = 0; pass < 2; pass++) {
            Settings target = pass == 0 ? probe : settings;
            for (Map.Entry<String, JsonNode> e : body.properties()) {
                switch (e.getKey()) {
                    case "rates" -> e.getValue().properties().forEach(r -> target.fault(fault(r.getKey()), rate(r.getValue())));
                    case "slowMillis" -> target.slowMillis(number(e.getValue()).longValue());
                    case "retryAfterSeconds" -> target.retryAfterSeconds(number(e.getValue()).intValue());
                    default -> target.fault(fault(e.getKey()), rate(e.getValue()));
                }
            }
        }
    }

    private void applyBehaviour(JsonNode body) {
        Settings probe = new Settings();
        for (int pass = 0; pass < 2; pass++) {
            Settings target = pass == 0 ? probe : settings;
            for (Map.Entry<String, JsonNode> e : body.properties()) {
                switch (e.getKey()) {
                    case "rates" -> e.getValue().properties().forEach(r -> target.behaviour(behaviour(r.getKey()), rate(r.getValue())));
                    case "latency" -> target.latency(Latency.parse(e.getValue().asText()));
                    case "perfect" -> {
                        if (e.getValue().asBoolean()) {
                            target.perfectModel();
                        }
                    }
                    case "diverse" -> target.diverseInstructions(bool(e.getValue()));
                    default -> target.behaviour(behaviour(e.getKey()), rate(e.getValue()));
                }
            }
        }
    }

    private static Fault fault(String name) {
        return Fault.byWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown fault '" + name
                + "'; known: " + Arrays.stream(Fault.values()).map(Fault::wireName).toList()));
    }

    private static Behaviour behaviour(String name) {
        return Behaviour.byWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown behaviour '" + name
                + "'; known: " + Arrays.stream(Behaviour.values()).map(Behaviour::wireName).toList()));
    }

    private static boolean bool(JsonNode v) {
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("expected true or false, got " + v);
        }
        return v.booleanValue();
    }

    private static double rate(JsonNode v) {
        return number(v).doubleValue();
    }

    private static Number number(JsonNode v) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException("expected a number, got " + v);
        }
        return v.numberValue();
    }

    public static ObjectNode faultsJson(Settings s) {
        ObjectNode root = Http.JSON.createObjectNode();
        ObjectNode rates = root.putObject("rates");
        s.faults().forEach((f, r) -> rates.put(f.wireName(), r));
        root.put("slowMillis", s.slowMillis());
        root.put("retryAfterSeconds", s.retryAfterSeconds());
        return root;
    }

    public static ObjectNode rateLimitsJson(RateLimits limits) {
        ObjectNode root = Http.JSON.createObjectNode();
        root.put("requestsPerMinute", limits.requestsPerMinute());
        root.put("tokensPerMinute", limits.tokensPerMinute());
        return root;
    }

    public static ObjectNode behaviourJson(Settings s) {
        ObjectNode root = Http.JSON.createObjectNode();
        ObjectNode rates = root.putObject("rates");
        s.behaviours().forEach((b, r) -> rates.put(b.wireName(), r));
        root.put("latency", s.latency().spec());
        root.put("diverse", s.diverseInstructions());
        return root;
    }
}
