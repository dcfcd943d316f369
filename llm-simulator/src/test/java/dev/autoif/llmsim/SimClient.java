package dev.autoif.llmsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A plain HTTP client for the tests: raw status, headers and JSON. */
final class SimClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        List<String> contents() {
            List<String> out = new ArrayList<>();
            body.path("choices").forEach(c -> out.add(c.path("message").path("content").asText()));
            return out;
        }

        String content() {
            return contents().getFirst();
        }
    }

    private final LlmSimulator sim;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SimClient(LlmSimulator sim) {
        this.sim = sim;
    }

    static ObjectNode request(String prompt, int n, long seed) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", "gpt-4o-mini");
        body.put("n", n);
        body.put("seed", seed);
        body.put("temperature", 0.7);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        return body;
    }

    Reply chat(String prompt, int n, long seed) throws IOException, InterruptedException {
        return post("/v1/chat/completions", request(prompt, n, seed), null, Duration.ofSeconds(20));
    }

    Reply post(String path, JsonNode body, String bearer, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.rootUrl() + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    /** POST /v1/files: a multipart upload of {@code content} with this purpose. */
    Reply upload(String purpose, String content) throws IOException, InterruptedException {
        String boundary = "----simtest" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"in.jsonl\"\r\n"
                + "Content-Type: application/jsonl\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(URI.create(sim.rootUrl() + "/v1/files"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The raw text of a GET (file contents are JSONL, not JSON). */
    String getText(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.rootUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(sim.rootUrl() + path)).GET().build());
    }

    Reply send(HttpRequest req) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        JsonNode body = r.body() == null || r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        return new Reply(r.statusCode(), body, r);
    }
}
