package dev.autoif.llmsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.autoif.llmsim.Settings;
import dev.autoif.llmsim.SimulatorOptions;
import dev.autoif.llmsim.Stats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OpenAI Batch API: {@code POST /v1/batches}, {@code GET /v1/batches/{id}}, {@code GET /v1/batches} (a list,
 * newest first), {@code POST /v1/batches/{id}/cancel},
 * with the Files API ({@link FilesHandler}) it reads its input from and writes its output and error files to.
 *
 * <p>A batch is validated at once ({@code failed} with {@code errors} for a bad input file), then stays
 * {@code in_progress} for the configured completion delay ({@link Settings#batchCompletionDelayMillis()}),
 * {@code finalizing} while its lines are answered by the chat endpoint's own code path
 * ({@link ChatCompletionsHandler#reply}), then {@code completed}. A delay at or past the configured window
 * ({@link Settings#batchWindowMillis()}) makes it {@code expired}: every line goes to the error file with
 * {@code batch_expired}. A cancel makes it {@code cancelling}, then {@code cancelled} with nothing answered.
 */
public final class BatchApi {

    static final String PATH = "/v1/batches";
    static final String CHAT_ENDPOINT = "/v1/chat/completions";
    private static final long TICK_MILLIS = 5;

    private final SimulatorOptions options;
    private final Settings settings;
    private final Stats stats;
    private final ChatCompletionsHandler chat;
    private final SimFiles files = new SimFiles();
    private final Map<String, SimBatch> batches = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    public BatchApi(SimulatorOptions options, Settings settings, Stats stats, ChatCompletionsHandler chat) {
        this.options = options;
        this.settings = settings;
        this.stats = stats;
        this.chat = chat;
    }

    public HttpHandler filesHandler() {
        return new FilesHandler(options, files, stats);
    }

    public HttpHandler batchesHandler() {
        return this::handle;
    }

    /** The path segments after {@code prefix}: {@code /v1/batches/b1/cancel} gives {@code [b1, cancel]}. */
    static String[] rest(HttpExchange ex, String prefix) {
        String tail = ex.getRequestURI().getPath().substring(prefix.length());
        tail = tail.startsWith("/") ? tail.substring(1) : tail;
        return tail.isEmpty() ? new String[0] : tail.split("/");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!Auth.authorised(ex, options.apiKey())) {
                return;
            }
            String[] rest = rest(ex, PATH);
            String method = ex.getRequestMethod();
            if (rest.length == 0 && method.equals("POST")) {
                create(ex);
            } else if (rest.length == 0 && method.equals("GET")) {
                list(ex);
            } else if (rest.length == 1 && method.equals("GET")) {
                withBatch(ex, rest[0], b -> Http.json(ex, 200, b.toJson()));
            } else if (rest.length == 2 && rest[1].equals("cancel") && method.equals("POST")) {
                withBatch(ex, rest[0], b -> cancel(ex, b));
            } else if (rest.length <= 2) {
                Http.methodNotAllowed(ex);
            } else {
                Http.error(ex, 404, "No such path: " + ex.getRequestURI().getPath(), "invalid_request_error", null);
            }
        }
    }

    private interface BatchAction {
        void apply(SimBatch b) throws IOException;
    }

    private void withBatch(HttpExchange ex, String id, BatchAction action) throws IOException {
        SimBatch b = batches.get(id);
        if (b == null) {
            Http.error(ex, 404, "No batch found with id '" + id + "'.", "invalid_request_error", null);
            return;
        }
        action.apply(b);
    }

    /**
     * {@code GET /v1/batches?limit=&after=}: newest first, {@code limit} 1..100 (default 20), {@code after} a batch id
     * (the previous page's {@code last_id}), with {@code has_more}, {@code first_id} and {@code last_id}.
     */
    private void list(HttpExchange ex) throws IOException {
        Map<String, String> query = query(ex);
        int limit;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 100) {
            Http.error(ex, 400, "limit must be an integer from 1 to 100", "invalid_request_error", "limit");
            return;
        }
        String after = query.get("after");
        // ids are sequential and zero-padded: reverse id order is newest first
        List<String> ids = batches.keySet().stream().sorted(java.util.Comparator.reverseOrder())
                .filter(id -> after == null || id.compareTo(after) < 0).toList();
        ObjectNode out = Http.JSON.createObjectNode();
        out.put("object", "list");
        ArrayNode data = out.putArray("data");
        List<String> page = ids.subList(0, Math.min(limit, ids.size()));
        page.forEach(id -> data.add(batches.get(id).toJson()));
        if (page.isEmpty()) {
            out.putNull("first_id");
            out.putNull("last_id");
        } else {
            out.put("first_id", page.getFirst());
            out.put("last_id", page.getLast());
        }
        out.put("has_more", ids.size() > page.size());
        Http.json(ex, 200, out);
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new java.util.HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private void create(HttpExchange ex) throws IOException {
        JsonNode body = Http.readJsonOrRefuse(ex);
        if (body == null) {
            return;
        }
        String problem = createProblem(body);
        if (problem != null) {
            Http.error(ex, 400, problem, "invalid_request_error", null);
            return;
        }
        String fileId = body.path("input_file_id").asText();
        if (files.get(fileId).isEmpty()) {
            FilesHandler.noSuchFile(ex, fileId);
            return;
        }
        SimBatch b = new SimBatch("batch_sim" + String.format("%08d", sequence.incrementAndGet()), fileId,
                CHAT_ENDPOINT, ex.getRequestHeaders().getFirst("Authorization"), body.get("metadata"));
        batches.put(b.id, b);
        stats.batchCreated();
        ObjectNode created = b.toJson();
        Thread.ofVirtual().name("sim-" + b.id).start(() -> run(b));
        Http.json(ex, 200, created);
    }

    private static String createProblem(JsonNode body) {
        if (!body.path("input_file_id").isTextual()) {
            return "Missing required parameter: 'input_file_id'.";
        }
        if (!body.path("endpoint").asText().equals(CHAT_ENDPOINT)) {
            return "Invalid value for 'endpoint': the simulator supports '" + CHAT_ENDPOINT + "' only.";
        }
        if (!body.path("completion_window").asText().equals("24h")) {
            return "Invalid value for 'completion_window': only '24h' is supported.";
        }
        return null;
    }

    private static void cancel(HttpExchange ex, SimBatch b) throws IOException {
        if (!b.requestCancel()) {
            Http.error(ex, 400, "Cannot cancel a batch with status '" + b.status().wire() + "'.",
                    "invalid_request_error", null);
            return;
        }
        Http.json(ex, 200, b.toJson());
    }

    /** One line of the input file, validated. */
    private record Line(String customId, JsonNode body) {
    }

    private void run(SimBatch b) {
        try {
            byte[] input = files.get(b.inputFileId).orElseThrow().content();
            ArrayNode errors = Http.JSON.createArrayNode();
            List<Line> lines = parse(input, errors);
            if (!errors.isEmpty()) {
                b.failValidation(errors);
                return;
            }
            b.total(lines.size());
            stats.batchLines(lines.size());
            b.moveTo(SimBatch.Status.IN_PROGRESS);
            long delay = settings.batchCompletionDelayMillis();
            long window = settings.batchWindowMillis();
            boolean expires = delay >= window;
            if (waitOrCancelled(b, expires ? window : delay)) {
                b.finish(SimBatch.Status.CANCELLED, 0, 0, null, null);
                return;
            }
            if (expires) {
                StringBuilder err = new StringBuilder();
                for (Line l : lines) {
                    appendLine(err, l.customId(), null, batchError("batch_expired",
                            "This request could not be executed before the completion window expired."));
                }
                b.finish(SimBatch.Status.EXPIRED, 0, lines.size(), null, file(b, "error", err));
                return;
            }
            b.moveTo(SimBatch.Status.FINALIZING);
            answer(b, lines);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            ArrayNode errors = Http.JSON.createArrayNode();
            errors.addObject().put("code", "server_error").put("message", "Simulator error: " + e).putNull("param")
                    .putNull("line");
            b.failValidation(errors);
        }
    }

    private void answer(SimBatch b, List<Line> lines) throws InterruptedException {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int ok = 0;
        for (Line l : lines) {
            ChatCompletionsHandler.Reply reply = chat.reply(l.body(), b.authorization, true);
            ObjectNode response = Http.JSON.createObjectNode();
            response.put("status_code", reply.status());
            response.put("request_id", reply.headers().getOrDefault("x-request-id",
                    "req_sim" + Long.toHexString(RequestKey.fingerprint(b.id + l.customId()))));
            response.set("body", reply.body());
            if (reply.status() == 200) {
                ok++;
                appendLine(out, l.customId(), response, null);
            } else {
                appendLine(err, l.customId(), response, null);
            }
        }
        b.finish(SimBatch.Status.COMPLETED, ok, lines.size() - ok, file(b, "output", out), file(b, "error", err));
    }

    /** Waits {@code millis} in small steps; true when a cancel came meanwhile (the batch is then cancelling). */
    private static boolean waitOrCancelled(SimBatch b, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (true) {
            if (b.cancelRequested()) {
                return true;
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.min(TICK_MILLIS, Math.max(1, left / 1_000_000)));
        }
    }

    private static ObjectNode batchError(String code, String message) {
        return Http.JSON.createObjectNode().put("code", code).put("message", message);
    }

    /** {@code {"id", "custom_id", "response", "error"}}, one JSON object per line, as the provider writes them. */
    private void appendLine(StringBuilder sb, String customId, ObjectNode response, ObjectNode error) {
        ObjectNode line = Http.JSON.createObjectNode();
        line.put("id", "batch_req_sim" + String.format("%08d", sequence.incrementAndGet()));
        line.put("custom_id", customId);
        line.set("response", response == null ? Http.JSON.nullNode() : response);
        line.set("error", error == null ? Http.JSON.nullNode() : error);
        sb.append(line).append('\n');
    }

    private String file(SimBatch b, String kind, StringBuilder content) {
        if (content.isEmpty()) {
            return null;
        }
        return files.add(b.id + "_" + kind + ".jsonl", "batch_output",
                content.toString().getBytes(StandardCharsets.UTF_8)).id();
    }

    /** The lines of an input file; each problem goes to {@code errors} in the provider's shape, with its line. */
    private static List<Line> parse(byte[] input, ArrayNode errors) {
        List<Line> lines = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String[] raw = new String(input, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < raw.length; i++) {
            String text = raw[i].strip();
            if (text.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            JsonNode node;
            try {
                node = Http.JSON.readTree(text);
            } catch (IOException e) {
                lineError(errors, "invalid_json_line", "This line is not parseable as valid JSON.", null, lineNo);
                continue;
            }
            Optional<String> problem = lineProblem(node, ids);
            if (problem.isPresent()) {
                String[] codeAndParam = problem.get().split(":", 3);
                lineError(errors, codeAndParam[0], codeAndParam[2], codeAndParam[1], lineNo);
                continue;
            }
            lines.add(new Line(node.get("custom_id").asText(), node.get("body")));
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            lineError(errors, "empty_file", "The input file has no request lines.", null, null);
        }
        return lines;
    }

    /** "code:param:message" of the first problem of a parsed line. */
    private static Optional<String> lineProblem(JsonNode node, Set<String> ids) {
        if (!node.path("custom_id").isTextual() || node.path("custom_id").asText().isEmpty()) {
            return Optional.of("missing_required_parameter:custom_id:Missing required parameter: 'custom_id'.");
        }
        if (!ids.add(node.path("custom_id").asText())) {
            return Optional.of("duplicate_custom_id:custom_id:The custom_id for this request is a duplicate of "
                    + "another request. The custom_id parameter must be unique for each request in a batch.");
        }
        if (!node.path("method").asText().equals("POST")) {
            return Optional.of("invalid_method:method:The method must be 'POST'.");
        }
        if (!node.path("url").asText().equals(CHAT_ENDPOINT)) {
            return Optional.of("mismatched_endpoint:url:The url of this request does not match the endpoint of the "
                    + "batch ('" + CHAT_ENDPOINT + "').");
        }
        if (!node.path("body").isObject()) {
            return Optional.of("missing_required_parameter:body:Missing required parameter: 'body'.");
        }
        return Optional.empty();
    }

    private static void lineError(ArrayNode errors, String code, String message, String param, Integer line) {
        ObjectNode e = errors.addObject();
        e.put("code", code);
        e.put("message", message);
        if (param == null) {
            e.putNull("param");
        } else {
            e.put("param", param);
        }
        if (line == null) {
            e.putNull("line");
        } else {
            e.put("line", line);
        }
    }
}
