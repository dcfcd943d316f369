package dev.autoif.llmsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autoif.llmsim.prompt.PromptKind;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAI wire shape, n choices, determinism, errors, /stats and /admin. */
class WireTest extends SimulatorTestBase {

    private static final String PROMPT = Prompts.response("Answer with at most 40 words.", "How do volcanoes form?");

    @Test
    void aHeldKindWaitsUncountedUntilReleasedAndOtherKindsAnswer() throws Exception {
        sim.settings().hold(PromptKind.JUDGE);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            String judge = Prompts.judge("Answer with at most 40 words.", "How do volcanoes form?", "Magma rises.");
            var held = List.of(pool.submit(() -> client.chat(judge, 1, 1)), pool.submit(() -> client.chat(judge, 1, 2)));
            // a kind that is not held answers meanwhile
            assertThat(client.chat(PROMPT, 1, 3).status()).isEqualTo(200);
            Thread.sleep(300);
            assertThat(held).noneMatch(java.util.concurrent.Future::isDone);
            assertThat(sim.stats().snapshot().kind(PromptKind.JUDGE).requests()).isZero();
            assertThat(sim.settings().waitingHeld()).isEqualTo(2);
            sim.settings().releaseHeld();
            for (var f : held) {
                assertThat(f.get(20, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            assertThat(sim.stats().snapshot().kind(PromptKind.JUDGE).requests()).isEqualTo(2);
            assertThat(sim.stats().snapshot().kind(PromptKind.RESPONSE).requests()).isEqualTo(1);
            assertThat(sim.settings().waitingHeld()).isZero();
        } finally {
            sim.settings().releaseHeld();
            pool.shutdownNow();
        }
    }

    @Test
    void responseHasTheOpenAiShape() throws Exception {
        SimClient.Reply r = client.chat(PROMPT, 2, 7);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type")).contains("application/json");
        JsonNode b = r.body();
        assertThat(b.path("id").asText()).startsWith("chatcmpl-");
        assertThat(b.path("object").asText()).isEqualTo("chat.completion");
        assertThat(b.path("created").asLong()).isGreaterThan(1_700_000_000L);
        assertThat(b.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(b.path("choices")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode c = b.path("choices").get(i);
            assertThat(c.path("index").asInt()).isEqualTo(i);
            assertThat(c.path("message").path("role").asText()).isEqualTo("assistant");
            assertThat(c.path("message").path("content").asText()).isNotBlank();
            assertThat(c.path("finish_reason").asText()).isEqualTo("stop");
        }
        JsonNode u = b.path("usage");
        int completion = r.contents().stream().mapToInt(s -> (s.length() + 3) / 4).sum();
        assertThat(u.path("completion_tokens").asInt()).isEqualTo(completion);
        assertThat(u.path("prompt_tokens").asInt()).isEqualTo(3 + 4 + (PROMPT.length() + 3) / 4);
        assertThat(u.path("total_tokens").asInt())
                .isEqualTo(u.path("prompt_tokens").asInt() + u.path("completion_tokens").asInt());
    }

    @Test
    void nChoicesEqualSeparateRequestsWithIndexedSeeds() throws Exception {
        List<String> batch = client.chat(PROMPT, 5, 100).contents();
        List<String> single = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            single.add(client.chat(PROMPT, 1, 100 + i).content());
        }
        assertThat(batch).hasSize(5).containsExactlyElementsOf(single);
        assertThat(batch.stream().distinct().count()).isGreaterThan(1);
        var s = sim.stats().snapshot().kind(PromptKind.RESPONSE);
        assertThat(s.requests()).isEqualTo(6);
        assertThat(s.choices()).isEqualTo(10);
    }

    @Test
    void sameRequestSameAnswerOtherSeedOrSimulatorSeedOtherAnswer() throws Exception {
        String a = client.chat(PROMPT, 1, 3).content();
        assertThat(client.chat(PROMPT, 1, 3).content()).isEqualTo(a);
        assertThat(client.chat(PROMPT, 1, 4).content()).isNotEqualTo(a);
        try (LlmSimulator other = LlmSimulator.start(SimulatorOptions.defaults().withSeed(43))) {
            other.settings().perfectModel();
            assertThat(new SimClient(other).chat(PROMPT, 1, 3).content()).isNotEqualTo(a);
        }
        try (LlmSimulator same = LlmSimulator.start(SimulatorOptions.defaults().withSeed(42))) {
            same.settings().perfectModel();
            assertThat(new SimClient(same).chat(PROMPT, 1, 3).content()).isEqualTo(a);
        }
    }

    @Test
    void systemAndArrayContentMessagesAreRead() throws Exception {
        ObjectNode body = SimClient.request("", 1, 0);
        body.putArray("messages").addObject().put("role", "system").put("content", "You are helpful.");
        ObjectNode user = ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("messages")).addObject();
        user.put("role", "user");
        user.putArray("content").addObject().put("type", "text").put("text", PROMPT);
        SimClient.Reply r = client.post("/v1/chat/completions", body, null, Duration.ofSeconds(5));
        assertThat(r.status()).isEqualTo(200);
        assertThat(sim.stats().snapshot().kind(PromptKind.RESPONSE).requests()).isEqualTo(1);
    }

    @Test
    void maxTokensCutsTheAnswerWithFinishReasonLength() throws Exception {
        ObjectNode body = SimClient.request(Prompts.response("Answer with at least 200 words.", "How do volcanoes form?"), 1, 0);
        body.put("max_tokens", 10);
        SimClient.Reply r = client.post("/v1/chat/completions", body, null, Duration.ofSeconds(5));
        assertThat(r.content()).hasSize(40);
        assertThat(r.body().path("choices").get(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(r.body().path("usage").path("completion_tokens").asInt()).isEqualTo(10);
    }

    @Test
    void badRequestsGetOpenAiErrors() throws Exception {
        HttpRequest broken = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build();
        assertError(client.send(broken), 400, "invalid_request_error");
        ObjectNode n0 = SimClient.request(PROMPT, 1, 0);
        n0.put("n", 0);
        assertError(client.post("/v1/chat/completions", n0, null, Duration.ofSeconds(5)), 400, "invalid_request_error");
        ObjectNode stream = SimClient.request(PROMPT, 1, 0);
        stream.put("stream", true);
        assertError(client.post("/v1/chat/completions", stream, null, Duration.ofSeconds(5)), 400, "invalid_request_error");
        ObjectNode noMessages = SimClient.request(PROMPT, 1, 0);
        noMessages.remove("messages");
        assertError(client.post("/v1/chat/completions", noMessages, null, Duration.ofSeconds(5)), 400, "invalid_request_error");
        assertError(client.get("/v1/chat/completions"), 405, "invalid_request_error");
    }

    @Test
    void apiKeyIsCheckedWhenConfigured() throws Exception {
        try (LlmSimulator locked = LlmSimulator.start(SimulatorOptions.defaults().withApiKey("sk-test"))) {
            SimClient c = new SimClient(locked);
            SimClient.Reply none = c.post("/v1/chat/completions", SimClient.request(PROMPT, 1, 0), null, Duration.ofSeconds(5));
            assertError(none, 401, "invalid_request_error");
            assertThat(none.body().path("error").path("code").asText()).isEqualTo("invalid_api_key");
            assertError(c.post("/v1/chat/completions", SimClient.request(PROMPT, 1, 0), "wrong", Duration.ofSeconds(5)),
                    401, "invalid_request_error");
            assertThat(c.post("/v1/chat/completions", SimClient.request(PROMPT, 1, 0), "sk-test", Duration.ofSeconds(5))
                    .status()).isEqualTo(200);
            assertThat(locked.stats().snapshot().total().requests()).isEqualTo(1);
        }
    }

    @Test
    void modelsAreListed() throws Exception {
        SimClient.Reply r = client.get("/v1/models");
        assertThat(r.body().path("object").asText()).isEqualTo("list");
        List<String> ids = new ArrayList<>();
        r.body().path("data").forEach(m -> {
            ids.add(m.path("id").asText());
            assertThat(m.path("object").asText()).isEqualTo("model");
        });
        assertThat(ids).containsAll(SimulatorOptions.DEFAULT_MODELS);
    }

    @Test
    void theSimulatorsOwnTimeLeavesOutTheLatencyItSlept() throws Exception {
        sim.settings().latency(Latency.parse("fixed:400"));
        try {
            long t0 = System.nanoTime();
            assertThat(client.chat(PROMPT, 2, 7).status()).isEqualTo(200);
            long wall = System.nanoTime() - t0;
            Stats.Counters c = sim.stats().snapshot().kind(PromptKind.RESPONSE);
            assertThat(c.handled()).isEqualTo(1);
            // the exchange took at least the 400 ms it slept; what the simulator did besides is the rest at most
            assertThat(wall).isGreaterThanOrEqualTo(Duration.ofMillis(400).toNanos());
            assertThat(c.handlingNanos()).isPositive().isLessThanOrEqualTo(wall - Duration.ofMillis(400).toNanos());
        } finally {
            sim.settings().latency(Latency.NONE);
        }
    }

    @Test
    void statsCountByKindAndReset() throws Exception {
        client.chat(PROMPT, 3, 0);
        client.chat(Prompts.nli("Answer with at most 50 words.", "Answer with at most 50 words."), 1, 0);
        JsonNode stats = client.get("/stats").body();
        assertThat(stats.path("total").path("requests").asLong()).isEqualTo(2);
        assertThat(stats.path("total").path("choices").asLong()).isEqualTo(4);
        assertThat(stats.path("byKind").path("response").path("choices").asLong()).isEqualTo(3);
        assertThat(stats.path("byKind").path("nli-classify").path("requests").asLong()).isEqualTo(1);
        assertThat(stats.path("byKind").path("nli-classify").path("completionTokens").asLong()).isEqualTo(3);
        assertThat(stats.path("total").path("totalTokens").asLong()).isEqualTo(
                stats.path("total").path("promptTokens").asLong() + stats.path("total").path("completionTokens").asLong());
        var snap = sim.stats().snapshot();
        assertThat(snap.total().promptTokens()).isEqualTo(stats.path("total").path("promptTokens").asLong());
        assertThat(client.post("/stats/reset", SimClient.JSON.createObjectNode(), null, Duration.ofSeconds(5)).status())
                .isEqualTo(204);
        assertThat(client.get("/stats").body().path("total").path("requests").asLong()).isZero();
    }

    @Test
    void adminEndpointsReadMergeAndReset() throws Exception {
        ObjectNode body = SimClient.JSON.createObjectNode();
        body.putObject("rates").put("http-429", 0.25).put("syntax-error", 0.5);
        body.put("retryAfterSeconds", 3);
        JsonNode after = client.post("/admin/faults", body, null, Duration.ofSeconds(5)).body();
        assertThat(after.path("rates").path("http-429").asDouble()).isEqualTo(0.25);
        assertThat(after.path("retryAfterSeconds").asInt()).isEqualTo(3);
        assertThat(sim.settings().fault(Fault.SYNTAX_ERROR)).isEqualTo(0.5);

        ObjectNode bad = SimClient.JSON.createObjectNode();
        bad.put("http-500", 0.5).put("no-such-fault", 0.1);
        assertError(client.post("/admin/faults", bad, null, Duration.ofSeconds(5)), 400, "invalid_request_error");
        assertThat(sim.settings().fault(Fault.HTTP_500)).as("a bad request changes nothing").isZero();
        ObjectNode outOfRange = SimClient.JSON.createObjectNode();
        outOfRange.put("http-500", 1.5);
        assertError(client.post("/admin/faults", outOfRange, null, Duration.ofSeconds(5)), 400, "invalid_request_error");

        HttpRequest delete = HttpRequest.newBuilder(URI.create(sim.rootUrl() + "/admin/faults")).DELETE().build();
        assertThat(client.send(delete).body().path("rates").path("http-429").asDouble()).isZero();
        assertThat(client.get("/admin/faults").body().path("rates").size()).isEqualTo(Fault.values().length);

        ObjectNode beh = SimClient.JSON.createObjectNode();
        beh.put("response-violation", 0.5).put("latency", "uniform:1:3");
        JsonNode b = client.post("/admin/behaviour", beh, null, Duration.ofSeconds(5)).body();
        assertThat(b.path("rates").path("response-violation").asDouble()).isEqualTo(0.5);
        assertThat(b.path("latency").asText()).isEqualTo("uniform:1:3");
        assertThat(sim.settings().latency()).isEqualTo(Latency.parse("uniform:1:3"));
        assertThat(client.chat(PROMPT, 1, 0).status()).isEqualTo(200);
    }

    @Test
    void latencySpecsParseAndSampleDeterministically() {
        assertThat(Latency.parse("25").sampleMillis(new java.util.SplittableRandom(1))).isEqualTo(25);
        Latency u = Latency.parse("uniform:10:20");
        for (int i = 0; i < 50; i++) {
            assertThat(u.sampleMillis(new java.util.SplittableRandom(i))).isBetween(10L, 20L)
                    .isEqualTo(u.sampleMillis(new java.util.SplittableRandom(i)));
        }
        assertThat(Latency.parse("lognormal:100:0.5").sampleMillis(new java.util.SplittableRandom(3))).isPositive();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> Latency.parse("uniform:5:1"));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> Latency.parse("soon"));
    }

    static void assertError(SimClient.Reply r, int status, String type) {
        assertThat(r.status()).isEqualTo(status);
        JsonNode e = r.body().path("error");
        assertThat(e.path("message").asText()).isNotBlank();
        assertThat(e.path("type").asText()).isEqualTo(type);
        assertThat(e.has("param")).isTrue();
        assertThat(e.has("code")).isTrue();
    }
}
