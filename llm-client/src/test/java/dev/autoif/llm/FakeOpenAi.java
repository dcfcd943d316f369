package dev.autoif.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback OpenAI chat-completions endpoint for tests. Each request takes the next scripted {@link Reply}, or the
 * default one when the script is empty. Answers are derived from the request (seed and choice index) so tests can
 * tell which request produced which sample.
 */
final class FakeOpenAi implements AutoCloseable {

    /** How the endpoint treats {@code n} when it answers normally. */
    enum NMode { HONOUR, IGNORE, REJECT }

    @FunctionalInterface
    interface Reply {
        void handle(HttpExchange ex, JsonNode request) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    volatile NMode nMode = NMode.HONOUR;
    volatile Duration delay = Duration.ZERO;
    /** How answers start, so two endpoints can answer one request differently. */
    volatile String voice = "answer";

    FakeOpenAi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    FakeOpenAi then(Reply r) {
        script.add(r);
        return this;
    }

    int calls() {
        return requests.size();
    }

    private void handle(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            JsonNode req = JSON.readTree(ex.getRequestBody().readAllBytes());
            requests.add(req);
            authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            Reply r = script.poll();
            (r == null ? ok() : r).handle(ex, req);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            ex.close();
        }
    }

    /** A normal answer, treating {@code n} per {@link #nMode}. */
    Reply ok() {
        return (ex, req) -> {
            int n = req.path("n").asInt(1);
            if (n > 1 && nMode == NMode.REJECT) {
                send(ex, 400, Map.of(), "{\"error\":{\"message\":\"n is not supported\"}}");
                return;
            }
            answer(ex, req, nMode == NMode.HONOUR ? n : 1);
        };
    }

    /** A normal answer of one choice per asked, with these response headers (e.g. {@code x-ratelimit-*}). */
    Reply okWith(Map<String, String> headers) {
        return (ex, req) -> {
            headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            answer(ex, req, req.path("n").asInt(1));
        };
    }

    /** Exactly {@code choices} choices, whatever was asked. */
    Reply choices(int choices) {
        return (ex, req) -> answer(ex, req, choices);
    }

    Reply status(int code, Map<String, String> headers) {
        return (ex, req) -> send(ex, code, headers, "{\"error\":{\"message\":\"status " + code + "\"}}");
    }

    Reply raw(int code, String body) {
        return (ex, req) -> send(ex, code, Map.of(), body);
    }

    /** Closes the connection without an answer. */
    Reply reset() {
        return (ex, req) -> {
            throw new IOException("simulated connection reset");
        };
    }

    Reply slow(Duration d) {
        return (ex, req) -> {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, req, 1);
        };
    }

    static String text(Integer seed, int choice) {
        return text("answer", seed, choice);
    }

    static String text(String voice, Integer seed, int choice) {
        return voice + " seed=" + seed + " choice=" + choice;
    }

    private void answer(HttpExchange ex, JsonNode req, int choices) throws IOException {
        Integer seed = req.has("seed") ? req.get("seed").asInt() : null;
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test").put("object", "chat.completion").put("model", req.path("model").asText());
        ArrayNode arr = root.putArray("choices");
        for (int i = choices - 1; i >= 0; i--) { // reversed on purpose: the client must order by index
            ObjectNode c = arr.addObject();
            c.put("index", i).put("finish_reason", "stop");
            c.putObject("message").put("role", "assistant").put("content", text(voice, seed, i));
        }
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5 * choices)
                .put("total_tokens", 10 + 5 * choices);
        send(ex, 200, Map.of(), JSON.writeValueAsString(root));
    }

    private static void send(HttpExchange ex, int code, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
