package dev.autoif.llmsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoif.llmsim.prompt.PromptKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Files and Batch APIs: shapes, status transitions, output and error files, counts. */
class BatchApiTest extends SimulatorTestBase {

    private static final String RESPONSE = Prompts.response("Answer with at most 40 words.", "How do volcanoes form?");
    private static final String OTHER = Prompts.response("Answer in all lowercase letters.", "What is rain?");

    @BeforeEach
    void fastBatches() {
        sim.settings().resetBatches().batchCompletionDelayMillis(20);
    }

    private static String line(String customId, ObjectNode body) {
        ObjectNode l = SimClient.JSON.createObjectNode();
        l.put("custom_id", customId);
        l.put("method", "POST");
        l.put("url", "/v1/chat/completions");
        l.set("body", body);
        return l.toString();
    }

    private static Map<String, ObjectNode> threeBodies() {
        Map<String, ObjectNode> bodies = new LinkedHashMap<>();
        bodies.put("a", SimClient.request(RESPONSE, 1, 5));
        bodies.put("b", SimClient.request(RESPONSE, 2, 9));
        bodies.put("c", SimClient.request(OTHER, 1, 5));
        return bodies;
    }

    private static String jsonl(Map<String, ObjectNode> bodies) {
        List<String> lines = new ArrayList<>();
        bodies.forEach((id, b) -> lines.add(line(id, b)));
        return String.join("\n", lines) + "\n";
    }

    private static JsonNode create(String fileId) throws Exception {
        ObjectNode req = SimClient.JSON.createObjectNode();
        req.put("input_file_id", fileId);
        req.put("endpoint", "/v1/chat/completions");
        req.put("completion_window", "24h");
        SimClient.Reply r = client.post("/v1/batches", req, null, Duration.ofSeconds(5));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode awaitEnd(String batchId) throws Exception {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            JsonNode b = client.get("/v1/batches/" + batchId).body();
            String status = b.path("status").asText();
            if (seen.isEmpty() || !seen.getLast().equals(status)) {
                seen.add(status);
            }
            if (List.of("completed", "failed", "expired", "cancelled").contains(status)) {
                return b;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("batch " + batchId + " never ended; statuses seen " + seen);
    }

    private static Map<String, JsonNode> lines(String fileId) throws Exception {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (String l : client.getText("/v1/files/" + fileId + "/content").split("\n")) {
            if (!l.isBlank()) {
                JsonNode n = SimClient.JSON.readTree(l);
                byId.put(n.path("custom_id").asText(), n);
            }
        }
        return byId;
    }

    private static String upload(String content) throws Exception {
        SimClient.Reply f = client.upload("batch", content);
        assertThat(f.status()).as(f.body().toString()).isEqualTo(200);
        return f.body().path("id").asText();
    }

    @Test
    void aBatchAnswersEachLineExactlyAsTheOnlineEndpointDoes() throws Exception {
        Map<String, ObjectNode> bodies = threeBodies();
        SimClient.Reply file = client.upload("batch", jsonl(bodies));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body().path("object").asText()).isEqualTo("file");
        assertThat(file.body().path("purpose").asText()).isEqualTo("batch");
        assertThat(file.body().path("bytes").asLong()).isEqualTo(jsonl(bodies).length());
        String fileId = file.body().path("id").asText();
        assertThat(client.get("/v1/files/" + fileId).body().path("filename").asText()).isEqualTo("in.jsonl");

        JsonNode created = create(fileId);
        assertThat(created.path("object").asText()).isEqualTo("batch");
        assertThat(created.path("status").asText()).isEqualTo("validating");
        assertThat(created.path("input_file_id").asText()).isEqualTo(fileId);
        assertThat(created.path("completion_window").asText()).isEqualTo("24h");
        assertThat(created.path("expires_at").asLong() - created.path("created_at").asLong()).isEqualTo(86_400);

        JsonNode done = awaitEnd(created.path("id").asText());
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("in_progress_at").isNumber()).isTrue();
        assertThat(done.path("finalizing_at").isNumber()).isTrue();
        assertThat(done.path("completed_at").isNumber()).isTrue();
        assertThat(done.path("error_file_id").isNull()).isTrue();
        assertThat(done.path("request_counts").toString()).isEqualTo("{\"total\":3,\"completed\":3,\"failed\":0}");

        Map<String, JsonNode> out = lines(done.path("output_file_id").asText());
        assertThat(out).containsOnlyKeys("a", "b", "c");
        var afterBatch = sim.stats().snapshot();
        for (var e : bodies.entrySet()) {
            JsonNode response = out.get(e.getKey()).path("response");
            assertThat(out.get(e.getKey()).path("error").isNull()).isTrue();
            assertThat(response.path("status_code").asInt()).isEqualTo(200);
            assertThat(response.path("request_id").asText()).startsWith("req_");
            SimClient.Reply online = client.post("/v1/chat/completions", e.getValue(), null, Duration.ofSeconds(10));
            assertThat(response.path("body").path("choices")).isEqualTo(online.body().path("choices"));
            assertThat(response.path("body").path("usage")).isEqualTo(online.body().path("usage"));
        }
        assertThat(afterBatch.batch()).isEqualTo(new Stats.BatchCounters(1, 1, 3));
        assertThat(afterBatch.kind(PromptKind.RESPONSE).requests()).isEqualTo(3);
        assertThat(afterBatch.kind(PromptKind.RESPONSE).choices()).isEqualTo(4);
    }

    @Test
    void anInvalidInputFileFailsTheBatchWithItsLineNumbers() throws Exception {
        String content = line("a", SimClient.request(RESPONSE, 1, 1)) + "\n{not json\n"
                + line("a", SimClient.request(RESPONSE, 1, 2)) + "\n"
                + line("d", SimClient.request(RESPONSE, 1, 3)).replace("/v1/chat/completions", "/v1/embeddings") + "\n";
        JsonNode done = awaitEnd(create(upload(content)).path("id").asText());
        assertThat(done.path("status").asText()).isEqualTo("failed");
        assertThat(done.path("failed_at").isNumber()).isTrue();
        assertThat(done.path("output_file_id").isNull()).isTrue();
        JsonNode errors = done.path("errors");
        assertThat(errors.path("object").asText()).isEqualTo("list");
        List<String> codes = new ArrayList<>();
        errors.path("data").forEach(e -> codes.add(e.path("code").asText() + "@" + e.path("line").asInt()));
        assertThat(codes).containsExactly("invalid_json_line@2", "duplicate_custom_id@3", "mismatched_endpoint@4");
        assertThat(sim.stats().snapshot().batch()).isEqualTo(new Stats.BatchCounters(1, 1, 0));
        assertThat(sim.stats().snapshot().total().requests()).isZero();
    }

    @Test
    void faultedLinesGoToTheErrorFileInTheProvidersShape() throws Exception {
        sim.settings().fault(Fault.HTTP_500, 1.0);
        JsonNode done = awaitEnd(create(upload(jsonl(threeBodies()))).path("id").asText());
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("output_file_id").isNull()).isTrue();
        assertThat(done.path("request_counts").toString()).isEqualTo("{\"total\":3,\"completed\":0,\"failed\":3}");
        Map<String, JsonNode> err = lines(done.path("error_file_id").asText());
        assertThat(err).containsOnlyKeys("a", "b", "c");
        JsonNode a = err.get("a");
        assertThat(a.path("response").path("status_code").asInt()).isEqualTo(500);
        assertThat(a.path("response").path("body").path("error").path("type").asText()).isEqualTo("server_error");
        assertThat(sim.stats().snapshot().total().fault(Fault.HTTP_500)).isEqualTo(3);
    }

    @Test
    void aBatchPastItsWindowExpiresWithEveryLineInTheErrorFile() throws Exception {
        sim.settings().batchCompletionDelayMillis(500).batchWindowMillis(30);
        JsonNode done = awaitEnd(create(upload(jsonl(threeBodies()))).path("id").asText());
        assertThat(done.path("status").asText()).isEqualTo("expired");
        assertThat(done.path("expired_at").isNumber()).isTrue();
        assertThat(done.path("request_counts").path("failed").asInt()).isEqualTo(3);
        Map<String, JsonNode> err = lines(done.path("error_file_id").asText());
        assertThat(err.values()).allSatisfy(l -> {
            assertThat(l.path("response").isNull()).isTrue();
            assertThat(l.path("error").path("code").asText()).isEqualTo("batch_expired");
        });
        assertThat(sim.stats().snapshot().total().requests()).isZero();
    }

    @Test
    void batchesAreListedNewestFirstPageByPage() throws Exception {
        sim.settings().batchCompletionDelayMillis(60_000); // in progress until cancelled: nothing answered
        String file = upload(jsonl(threeBodies()));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(create(file).path("id").asText());
        }
        JsonNode first = client.get("/v1/batches?limit=2").body();
        assertThat(first.path("object").asText()).isEqualTo("list");
        assertThat(List.of(first.path("data").path(0).path("id").asText(), first.path("data").path(1).path("id")
                .asText())).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.path("data").size()).isEqualTo(2);
        assertThat(first.path("first_id").asText()).isEqualTo(ids.get(2));
        assertThat(first.path("last_id").asText()).isEqualTo(ids.get(1));
        assertThat(first.path("has_more").asBoolean()).isTrue();
        JsonNode second = client.get("/v1/batches?limit=2&after=" + ids.get(1)).body();
        assertThat(second.path("data").path(0).path("id").asText()).isEqualTo(ids.get(0));
        assertThat(client.get("/v1/batches?limit=0").status()).isEqualTo(400);
        assertThat(client.get("/v1/batches?limit=x").status()).isEqualTo(400);
        for (String id : ids) {
            client.post("/v1/batches/" + id + "/cancel", SimClient.JSON.createObjectNode(), null, Duration.ofSeconds(5));
            assertThat(awaitEnd(id).path("status").asText()).isEqualTo("cancelled");
        }
    }

    @Test
    void aCancelledBatchAnswersNothing() throws Exception {
        sim.settings().batchCompletionDelayMillis(60_000);
        String id = create(upload(jsonl(threeBodies()))).path("id").asText();
        SimClient.Reply cancel = client.post("/v1/batches/" + id + "/cancel", SimClient.JSON.createObjectNode(), null,
                Duration.ofSeconds(5));
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.body().path("status").asText()).isEqualTo("cancelling");
        JsonNode done = awaitEnd(id);
        assertThat(done.path("status").asText()).isEqualTo("cancelled");
        assertThat(done.path("cancelling_at").isNumber()).isTrue();
        assertThat(done.path("cancelled_at").isNumber()).isTrue();
        assertThat(done.path("output_file_id").isNull()).isTrue();
        assertThat(sim.stats().snapshot().total().requests()).isZero();
        SimClient.Reply again = client.post("/v1/batches/" + id + "/cancel", SimClient.JSON.createObjectNode(), null,
                Duration.ofSeconds(5));
        assertThat(again.status()).isEqualTo(400);
    }

    @Test
    void badRequestsAreRefusedInTheProvidersShape() throws Exception {
        assertThat(client.upload("fine-tune", "{}").status()).isEqualTo(400);
        ObjectNode req = SimClient.JSON.createObjectNode().put("input_file_id", "file-nope")
                .put("endpoint", "/v1/chat/completions").put("completion_window", "24h");
        SimClient.Reply unknown = client.post("/v1/batches", req, null, Duration.ofSeconds(5));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("error").path("message").asText()).contains("file-nope");
        String fileId = upload(jsonl(threeBodies()));
        req.put("input_file_id", fileId).put("completion_window", "1h");
        assertThat(client.post("/v1/batches", req, null, Duration.ofSeconds(5)).status()).isEqualTo(400);
        assertThat(client.get("/v1/batches/batch_nope").status()).isEqualTo(404);
        assertThat(client.get("/v1/files/file-nope").status()).isEqualTo(404);
        assertThat(sim.stats().snapshot().batch()).isEqualTo(new Stats.BatchCounters(1, 0, 0));
    }

    @Test
    void theBatchSettingsAreAdministrableOverHttp() throws Exception {
        ObjectNode body = SimClient.JSON.createObjectNode().put("completionDelayMillis", 1234);
        SimClient.Reply r = client.post("/admin/batches", body, null, Duration.ofSeconds(5));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("completionDelayMillis").asLong()).isEqualTo(1234);
        assertThat(sim.settings().batchCompletionDelayMillis()).isEqualTo(1234);
        assertThat(client.post("/admin/batches", SimClient.JSON.createObjectNode().put("speed", 1), null,
                Duration.ofSeconds(5)).status()).isEqualTo(400);
        assertThat(client.get("/stats").body().path("batch").path("files").isNumber()).isTrue();
    }
}
