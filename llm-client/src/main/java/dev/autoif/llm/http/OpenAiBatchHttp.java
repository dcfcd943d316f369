package dev.autoif.llm.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoif.llm.batch.BatchApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** The OpenAI Files and Batch APIs over the JDK HTTP client, with the same key handling as the chat transport. */
public final class OpenAiBatchHttp implements BatchApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The metadata key that carries the client's own batch id. */
    private static final String TAG = "autoif_batch";

    private final String endpoint;
    private final ApiKey apiKey;
    private final Duration timeout;
    private final HttpClient http;

    /** @param baseUrl the API root, e.g. {@code https://api.openai.com/v1} */
    public OpenAiBatchHttp(String baseUrl, ApiKey apiKey, Duration timeout) {
        this.endpoint = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public String upload(String filename, byte[] jsonl) throws InterruptedException {
        String boundary = "autoif-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/jsonl\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jsonl);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = request("/files").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return json(send(request, "upload a batch file")).path("id").asText();
    }

    @Override
    public RemoteBatch create(String inputFileId, String localId) throws InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("input_file_id", inputFileId);
        body.put("endpoint", "/v1/chat/completions");
        body.put("completion_window", "24h");
        body.putObject("metadata").put(TAG, localId);
        HttpRequest request = request("/batches").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return remote(json(send(request, "create a batch")));
    }

    @Override
    public RemoteBatch get(String batchId) throws InterruptedException {
        return remote(json(send(request("/batches/" + batchId).GET().build(), "read batch " + batchId)));
    }

    @Override
    public Optional<RemoteBatch> findTagged(String localId, int maxPages) throws InterruptedException {
        String after = null;
        for (int page = 0; page < maxPages; page++) {
            String query = "/batches?limit=100" + (after == null ? ""
                    : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            JsonNode list = json(send(request(query).GET().build(), "list batches"));
            for (JsonNode b : list.path("data")) {
                if (localId.equals(b.path("metadata").path(TAG).asText(null))) {
                    return Optional.of(remote(b));
                }
            }
            if (!list.path("has_more").asBoolean(false) || !list.path("last_id").isTextual()) {
                return Optional.empty();
            }
            after = list.path("last_id").asText();
        }
        return Optional.empty();
    }

    @Override
    public String content(String fileId) throws InterruptedException {
        return send(request("/files/" + fileId + "/content").GET().build(), "download file " + fileId);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(timeout)
                .header("Authorization", "Bearer " + apiKey.require());
    }

    private String send(HttpRequest request, String what) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BatchApiException("could not " + what + " at " + endpoint + ": "
                    + apiKey.redact(String.valueOf(e.getMessage())), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new BatchApiException("could not " + what + ": HTTP " + response.statusCode() + " from " + endpoint
                    + ": " + apiKey.redact(OpenAiHttpTransport.snippet(response.body())), null);
        }
        return response.body();
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new BatchApiException("the batch API answered 2xx with a body that is not JSON: " + OpenAiHttpTransport.snippet(body), e);
        }
    }

    private static RemoteBatch remote(JsonNode b) {
        if (!b.path("id").isTextual() || !b.path("status").isTextual()) {
            throw new BatchApiException("the batch API answered without a batch id and status: "
                    + OpenAiHttpTransport.snippet(b.toString()), null);
        }
        return new RemoteBatch(b.path("id").asText(), b.path("status").asText(), text(b, "output_file_id"),
                text(b, "error_file_id"));
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.path(field);
        return v.isTextual() ? v.asText() : null;
    }
}
