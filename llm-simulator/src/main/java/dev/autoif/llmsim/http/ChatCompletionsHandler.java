package dev.autoif.llmsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.autoif.llmsim.Fault;
import dev.autoif.llmsim.Settings;
import dev.autoif.llmsim.SimulatorOptions;
import dev.autoif.llmsim.Stats;
import dev.autoif.llmsim.play.Answer;
import dev.autoif.llmsim.play.ModelPlayer;
import dev.autoif.llmsim.prompt.PromptKind;
import dev.autoif.llmsim.prompt.PromptRecognizer;
import dev.autoif.llmsim.prompt.RecognizedPrompt;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POST /v1/chat/completions. Choice i of a request with seed s is answered from the random source of
 * (simulator seed, messages, s + i): a request for n choices equals n requests of one choice with seeds s..s+n-1.
 * Transport faults are drawn per attempt (a retry of the same request draws again), content faults per choice.
 */
public final class ChatCompletionsHandler implements HttpHandler {

    static final int MAX_N = 128;

    private final SimulatorOptions options;
    private final Settings settings;
    private final Stats stats;
    private final PromptRecognizer recognizer;
    private final ModelPlayer player;
    private final Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final KeyRateLimiter rateLimiter;

    public ChatCompletionsHandler(SimulatorOptions options, Settings settings, Stats stats, PromptRecognizer recognizer,
            ModelPlayer player) {
        this.options = options;
        this.settings = settings;
        this.stats = stats;
        this.recognizer = recognizer;
        this.player = player;
        this.rateLimiter = new KeyRateLimiter(settings, System::nanoTime);
    }

    /** Forgets how often each request was seen (transport-fault draws start over). */
    public void forgetAttempts() {
        attempts.clear();
    }

    /**
     * What the endpoint answers to one request body: status, headers and JSON body; {@code body == null} means the
     * connection drops without an answer (the {@code connection-reset} fault).
     */
    public record Reply(int status, Map<String, String> headers, ObjectNode body) {

        static Reply error(int status, String message, String type, String code) {
            return new Reply(status, Map.of(), Http.errorBody(message, type, code));
        }
    }

    /**
     * The exchange being handled on this (virtual) thread: its prompt kind once recognised and the time it waited on
     * purpose (release, latency, slow fault), so that {@link Stats#handled} gets the simulator's own time.
     */
    private static final class Handling {
        final long start = System.nanoTime();
        PromptKind kind;
        long waited;

        /** Names the exchange's prompt kind; nothing outside an online exchange. */
        static void recognised(PromptKind kind) {
            Handling h = HANDLING.get();
            if (h != null) {
                h.kind = kind;
            }
        }

        /** Waits on purpose: an online exchange does not count the wait as the simulator's own time. */
        static void onPurpose(Wait wait) throws InterruptedException {
            Handling h = HANDLING.get();
            long t = System.nanoTime();
            wait.run();
            if (h != null) {
                h.waited += System.nanoTime() - t;
            }
        }
    }

    @FunctionalInterface
    private interface Wait {
        void run() throws InterruptedException;
    }

    private static final ThreadLocal<Handling> HANDLING = new ThreadLocal<>();

    @Override
    public void handle(HttpExchange ex) throws IOException {
        Handling h = new Handling();
        HANDLING.set(h);
        try {
            handleExchange(ex);
        } finally {
            HANDLING.remove();
            if (h.kind != null) {
                stats.handled(h.kind, System.nanoTime() - h.start - h.waited);
            }
        }
    }

    private void handleExchange(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                Http.methodNotAllowed(ex);
                return;
            }
            if (!Auth.authorised(ex, options.apiKey())) {
                return;
            }
            JsonNode body = Http.readJsonOrRefuse(ex);
            if (body == null) {
                return;
            }
            Reply reply = reply(body, ex.getRequestHeaders().getFirst("Authorization"), false);
            reply.headers().forEach(ex.getResponseHeaders()::set);
            if (reply.body() != null) {
                Http.json(ex, reply.status(), reply.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A bug in the simulator must still look like an API error to the client, not a dropped connection.
            Http.error(ex, 500, "Simulator error: " + e, "server_error", null);
        }
    }

    /**
     * The answer to one chat-completion body, online or as one line of a batch. A batch line skips what only an HTTP
     * exchange has (the per-key rate limits, latency, the slow fault's wait, a dropped connection: that one answers
     * 500) and is otherwise the very same answer, so a batch run and an online run of one seeded spec agree.
     */
    public Reply reply(JsonNode body, String authorization, boolean batchLine) throws InterruptedException {
        String problem = validate(body);
        if (problem != null) {
            return Reply.error(400, problem, "invalid_request_error", null);
        }
        return serve(body, authorization, batchLine);
    }

    private static String validate(JsonNode body) {
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            return "'messages' must be a non-empty array.";
        }
        for (JsonNode m : messages) {
            if (!m.path("role").isTextual()) {
                return "Every message needs a 'role'.";
            }
        }
        if (body.has("n") && (!body.get("n").canConvertToInt() || body.get("n").asInt() < 1
                || body.get("n").asInt() > MAX_N)) {
            return "'n' must be an integer between 1 and " + MAX_N + ".";
        }
        if (body.path("stream").asBoolean(false)) {
            return "Streaming is not supported by the autoif simulator; send stream=false.";
        }
        if (!body.path("model").isTextual() || body.path("model").asText().isBlank()) {
            return "you must provide a model parameter";
        }
        return null;
    }

    private Reply serve(JsonNode body, String authorization, boolean batchLine) throws InterruptedException {
        String model = body.path("model").asText();
        int n = body.path("n").asInt(1);
        long seed = body.path("seed").asLong(0);
        String prompt = promptText(body.path("messages"));
        long key = RequestKey.fingerprint(model + "\u0000" + canonicalMessages(body.path("messages")));
        RecognizedPrompt recognized = recognizer.recognize(prompt);
        PromptKind kind = recognized.kind();
        if (!batchLine) {
            Handling.recognised(kind);
            Handling.onPurpose(() -> settings.awaitRelease(kind));
        }
        long promptTokens = promptTokens(body.path("messages"));
        stats.request(kind, promptTokens);

        Integer maxTokens = maxTokens(body);
        Map<String, String> headers = new LinkedHashMap<>();
        if (!batchLine) {
            KeyRateLimiter.Decision limit = rateLimiter.admit(authorization,
                    promptTokens + (maxTokens == null ? 0 : (long) maxTokens * n));
            headers.putAll(limit.headers());
            if (!limit.admitted()) {
                stats.rateLimited(kind);
                return refuse(headers, model, limit);
            }
        }
        try (Stats.InFlight ignored = stats.enter(kind)) {
            Reply reply = answer(headers, body, model, n, seed, key, recognized, maxTokens, promptTokens, batchLine);
            if (!batchLine && maxTokens == null && reply.status() == 200) {
                rateLimiter.charge(authorization, reply.body().path("usage").path("completion_tokens").asLong());
            }
            return reply;
        }
    }

    /** Sleeps on purpose; an online exchange's {@link Handling} does not count it as the simulator's own time. */
    private static void sleep(long millis) throws InterruptedException {
        Handling.onPurpose(() -> Thread.sleep(millis));
    }

    /** 429 as OpenAI sends it when a key is over its limit: {@code Retry-After} only when waiting can help. */
    private static Reply refuse(Map<String, String> headers, String model, KeyRateLimiter.Decision d) {
        String where = model + " in organization org-autoif-sim on "
                + (d.refusedBy().equals("requests") ? "requests per min (RPM)" : "tokens per min (TPM)");
        String message;
        if (d.waitMillis() < 0) {
            message = "Request too large for " + where + ": Limit " + d.limit() + ", Requested " + d.requested()
                    + ". The input or output tokens must be reduced in order to run successfully.";
        } else {
            message = "Rate limit reached for " + where + ": Limit " + d.limit() + ", Used " + d.used()
                    + ", Requested " + d.requested() + ". Please try again in " + OpenAiDuration.format(d.waitMillis())
                    + ".";
            headers.put("Retry-After", Long.toString(Math.max(1, (d.waitMillis() + 999) / 1000)));
            headers.put("retry-after-ms", Long.toString(d.waitMillis()));
        }
        return new Reply(429, headers, Http.errorBody(message, d.refusedBy(), "rate_limit_exceeded"));
    }

    /** Waits the latency, injects a transport fault or answers. */
    private Reply answer(Map<String, String> headers, JsonNode body, String model, int n, long seed, long key,
            RecognizedPrompt recognized, Integer maxTokens, long promptTokens, boolean batchLine)
            throws InterruptedException {
        PromptKind kind = recognized.kind();
        long attemptKey = RequestKey.mix(key, seed, n);
        if (attempts.size() > 200_000) {
            attempts.clear();
        }
        int attempt = attempts.computeIfAbsent(attemptKey, k -> new AtomicInteger()).incrementAndGet();
        long base = RequestKey.mix(options.seed(), key);
        long latency = batchLine ? 0 : settings.latency().sampleMillis(new SplittableRandom(RequestKey.mix(base, seed,
                attempt, RequestKey.LATENCY)));
        if (latency > 0) {
            sleep(latency);
        }
        Fault transport = Faults.draw(new SplittableRandom(RequestKey.mix(base, seed, n, attempt, RequestKey.HTTP)),
                settings, kind, Fault.Scope.HTTP);
        if (transport != null) {
            stats.fault(kind, transport);
            switch (transport) {
                case HTTP_429 -> {
                    headers.put("Retry-After", Integer.toString(settings.retryAfterSeconds()));
                    headers.put("retry-after-ms", Long.toString(settings.retryAfterSeconds() * 1000L));
                    return new Reply(429, headers, Http.errorBody("Rate limit reached for requests (simulated). "
                            + "Please try again in " + settings.retryAfterSeconds() + "s.", "requests",
                            "rate_limit_exceeded"));
                }
                case HTTP_500 -> {
                    return new Reply(500, headers, Http.errorBody(
                            "The server had an error while processing your request (simulated).", "server_error",
                            null));
                }
                case HTTP_503 -> {
                    return new Reply(503, headers, Http.errorBody(
                            "The engine is currently overloaded, please try again later (simulated).", "server_error",
                            null));
                }
                case CONNECTION_RESET -> {
                    // Online: no status line at all (the exchange closes unanswered). A batch line has no
                    // connection of its own; the provider reports such a line as a server error.
                    return batchLine ? new Reply(500, headers, Http.errorBody(
                            "The server had an error while processing your request (simulated reset).",
                            "server_error", null)) : new Reply(0, headers, null);
                }
                case SLOW -> {
                    if (!batchLine) {
                        sleep(settings.slowMillis());
                    }
                }
                default -> throw new IllegalStateException("not a transport fault: " + transport);
            }
        }

        ArrayNode choices = Http.JSON.createArrayNode();
        long completionTokens = 0;
        for (int i = 0; i < n; i++) {
            long choiceSeed = seed + i;
            SplittableRandom content = new SplittableRandom(RequestKey.mix(base, choiceSeed, RequestKey.CONTENT));
            Fault fault = Faults.draw(new SplittableRandom(RequestKey.mix(base, choiceSeed, RequestKey.FAULT)),
                    settings, kind, kind == PromptKind.JUDGE ? Fault.Scope.JUDGE : Fault.Scope.FUNCTION);
            Answer answer = player.answer(recognized, content, settings, fault);
            if (fault != null) {
                stats.fault(kind, fault);
            }
            String text = answer.content();
            String finish = "stop";
            if (maxTokens != null && Tokens.count(text) > maxTokens) {
                text = Tokens.truncate(text, maxTokens);
                finish = "length";
            }
            long tokens = Tokens.count(text);
            completionTokens += tokens;
            stats.choice(kind, tokens);
            ObjectNode c = choices.addObject();
            c.put("index", i);
            ObjectNode msg = c.putObject("message");
            msg.put("role", "assistant");
            msg.put("content", text);
            msg.putNull("refusal");
            c.putNull("logprobs");
            c.put("finish_reason", finish);
        }
        ObjectNode root = Http.JSON.createObjectNode();
        root.put("id", "chatcmpl-sim" + HexFormat.of().toHexDigits(RequestKey.mix(base, seed, n)));
        root.put("object", "chat.completion");
        root.put("created", Instant.now().getEpochSecond());
        root.put("model", model);
        root.put("system_fingerprint", "fp_autoif_sim");
        root.set("choices", choices);
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        headers.put("x-request-id", "req_sim" + HexFormat.of().toHexDigits(key ^ attempt));
        return new Reply(200, headers, root);
    }

    private static Integer maxTokens(JsonNode body) {
        for (String field : List.of("max_completion_tokens", "max_tokens")) {
            JsonNode v = body.get(field);
            if (v != null && v.canConvertToInt() && v.asInt() > 0) {
                return v.asInt();
            }
        }
        return null;
    }

    /** Text of one message: a string, or the text parts of a content array. */
    static String contentText(JsonNode message) {
        JsonNode c = message.path("content");
        if (c.isTextual()) {
            return c.asText();
        }
        if (c.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode part : c) {
                if (part.path("text").isTextual()) {
                    parts.add(part.path("text").asText());
                }
            }
            return String.join("\n", parts);
        }
        return "";
    }

    private static String promptText(JsonNode messages) {
        List<String> parts = new ArrayList<>();
        for (JsonNode m : messages) {
            parts.add(contentText(m));
        }
        return String.join("\n\n", parts);
    }

    private static String canonicalMessages(JsonNode messages) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode m : messages) {
            sb.append(m.path("role").asText()).append('\u0000').append(contentText(m)).append('\u0000');
        }
        return sb.toString();
    }

    /** About four characters per token plus a few tokens of framing per message, as OpenAI's chat format has. */
    private static long promptTokens(JsonNode messages) {
        long total = 3;
        for (JsonNode m : messages) {
            total += 4 + Tokens.count(contentText(m));
        }
        return total;
    }
}
