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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** RPM and TPM per API key with OpenAI's headers and 429s, and the in-flight counts of /stats, over HTTP. */
class RateLimitsTest extends SimulatorTestBase {

    private static final String PROMPT = Prompts.response("Answer with at most 40 words.", "How do tides work?");

    private static SimClient.Reply chat(String key, Integer maxTokens) throws Exception {
        ObjectNode body = SimClient.request(PROMPT, 1, 0);
        if (maxTokens != null) {
            body.put("max_tokens", maxTokens);
        }
        return client.post("/v1/chat/completions", body, key, Duration.ofSeconds(10));
    }

    private static String header(SimClient.Reply r, String name) {
        return r.raw().headers().firstValue(name).orElse(null);
    }

    @Test
    void noLimitsByDefaultAndNoHeaders() throws Exception {
        SimClient.Reply r = chat("key-a", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().map().keySet()).noneMatch(h -> h.startsWith("x-ratelimit"));
    }

    @Test
    void everyAnswerCarriesTheBudgetOfItsKey() throws Exception {
        sim.settings().rateLimits(600, 100_000);
        SimClient.Reply first = chat("key-a", 100);
        SimClient.Reply second = chat("key-a", 100);
        assertThat(first.status()).isEqualTo(200);
        assertThat(header(first, "x-ratelimit-limit-requests")).isEqualTo("600");
        assertThat(header(first, "x-ratelimit-remaining-requests")).isEqualTo("599");
        assertThat(header(second, "x-ratelimit-remaining-requests")).isEqualTo("598");
        assertThat(header(first, "x-ratelimit-limit-tokens")).isEqualTo("100000");
        // prompt tokens plus max_tokens, taken at admission
        long cost = first.body().path("usage").path("prompt_tokens").asLong() + 100;
        assertThat(Long.parseLong(header(first, "x-ratelimit-remaining-tokens"))).isEqualTo(100_000 - cost);
        // One request refills in 100 ms at 600 rpm; two in at most 200 ms (time passed between them).
        assertThat(header(first, "x-ratelimit-reset-requests")).matches("(9\\d|100)ms");
        assertThat(header(second, "x-ratelimit-reset-requests")).matches("\\d+ms");
        assertThat(Integer.parseInt(header(second, "x-ratelimit-reset-requests").replace("ms", ""))).isBetween(1, 200);
        assertThat(header(first, "x-ratelimit-reset-tokens")).matches("\\d+ms");
    }

    @Test
    void overTheRequestLimitIs429WithRetryAfterAndTheOtherKeyIsUntouched() throws Exception {
        sim.settings().rateLimits(3, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(chat("key-a", null).status()).isEqualTo(200);
        }
        SimClient.Reply refused = chat("key-a", null);
        WireTest.assertError(refused, 429, "requests");
        assertThat(refused.body().path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(refused.body().path("error").path("message").asText())
                .contains("requests per min (RPM): Limit 3, Used 3, Requested 1");
        // 3 rpm: one request back every 20 s
        assertThat(Long.parseLong(header(refused, "retry-after-ms"))).isBetween(19_000L, 20_000L);
        assertThat(header(refused, "Retry-After")).isEqualTo("20");
        assertThat(header(refused, "x-ratelimit-remaining-requests")).isEqualTo("0");
        assertThat(header(refused, "x-ratelimit-reset-requests")).matches("(59\\.\\d+|1m0)s");
        assertThat(header(refused, "x-ratelimit-limit-tokens")).as("TPM off").isNull();

        SimClient.Reply other = chat("key-b", null);
        assertThat(other.status()).isEqualTo(200);
        assertThat(header(other, "x-ratelimit-remaining-requests")).isEqualTo("2");

        Stats.Snapshot s = sim.stats().snapshot();
        assertThat(s.total().requests()).isEqualTo(5);
        assertThat(s.total().rateLimited()).isEqualTo(1);
        assertThat(s.kind(PromptKind.RESPONSE).rateLimited()).isEqualTo(1);
        assertThat(s.total().faultsTotal()).as("a limit is not a fault").isZero();
        assertThat(s.total().choices()).isEqualTo(4);
        assertThat(client.get("/stats").body().path("total").path("rateLimited").asLong()).isEqualTo(1);
    }

    @Test
    void overTheTokenLimitIs429OfTypeTokensAndTooLargeNeverPasses() throws Exception {
        sim.settings().rateLimits(0, 1_000);
        assertThat(chat("key-a", 600).status()).isEqualTo(200);
        SimClient.Reply refused = chat("key-a", 600);
        WireTest.assertError(refused, 429, "tokens");
        assertThat(refused.body().path("error").path("message").asText()).contains("tokens per min (TPM)");
        assertThat(header(refused, "retry-after-ms")).isNotNull();
        assertThat(header(refused, "x-ratelimit-limit-requests")).as("RPM off").isNull();

        SimClient.Reply tooLarge = chat("key-b", 5_000);
        WireTest.assertError(tooLarge, 429, "tokens");
        assertThat(tooLarge.body().path("error").path("message").asText()).startsWith("Request too large");
        assertThat(header(tooLarge, "Retry-After")).isNull();
    }

    @Test
    void adminEndpointReadsSetsAndClearsTheLimits() throws Exception {
        assertThat(client.get("/admin/rate-limits").body().path("requestsPerMinute").asLong()).isZero();
        ObjectNode body = SimClient.JSON.createObjectNode().put("requestsPerMinute", 1);
        JsonNode set = client.post("/admin/rate-limits", body, null, Duration.ofSeconds(5)).body();
        assertThat(set.path("requestsPerMinute").asLong()).isEqualTo(1);
        assertThat(set.path("tokensPerMinute").asLong()).isZero();
        assertThat(client.post("/admin/rate-limits", SimClient.JSON.createObjectNode().put("tokensPerMinute", 9_000),
                null, Duration.ofSeconds(5)).body().path("requestsPerMinute").asLong()).as("merged").isEqualTo(1);
        assertThat(chat("key-a", null).status()).isEqualTo(200);
        assertThat(chat("key-a", null).status()).isEqualTo(429);

        for (ObjectNode bad : List.of(SimClient.JSON.createObjectNode().put("requestsPerMinute", -1),
                SimClient.JSON.createObjectNode().put("requestsPerMinute", "lots"),
                SimClient.JSON.createObjectNode().put("requestsPerMinute", 1.5),
                SimClient.JSON.createObjectNode().put("rpm", 5))) {
            WireTest.assertError(client.post("/admin/rate-limits", bad, null, Duration.ofSeconds(5)), 400,
                    "invalid_request_error");
        }
        assertThat(sim.settings().rateLimits()).isEqualTo(new RateLimits(1, 9_000));

        SimClient.Reply cleared = client.send(HttpRequest.newBuilder(URI.create(sim.rootUrl() + "/admin/rate-limits"))
                .DELETE().build());
        assertThat(cleared.body().path("requestsPerMinute").asLong()).isZero();
        assertThat(chat("key-a", null).status()).isEqualTo(200);
    }

    @Test
    void aNewLimitStartsEveryKeyWithAFullBudget() throws Exception {
        sim.settings().rateLimits(1, 0);
        assertThat(chat("key-a", null).status()).isEqualTo(200);
        assertThat(chat("key-a", null).status()).isEqualTo(429);
        sim.settings().rateLimits(2, 0);
        assertThat(header(chat("key-a", null), "x-ratelimit-remaining-requests")).isEqualTo("1");
    }

    @Test
    void statsCountRequestsInFlightAndTheirPeak() throws Exception {
        sim.settings().latency(Latency.parse("fixed:400"));
        int parallel = 5;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SimClient.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                long seed = i;
                replies.add(pool.submit(() -> client.chat(PROMPT, 1, seed)));
            }
            Thread.sleep(200);
            JsonNode during = client.get("/stats").body();
            assertThat(during.path("total").path("inFlight").asLong()).isEqualTo(parallel);
            assertThat(during.path("byKind").path("response").path("inFlight").asLong()).isEqualTo(parallel);
            assertThat(during.path("byKind").path("judge").path("inFlight").asLong()).isZero();
            for (Future<SimClient.Reply> f : replies) {
                assertThat(f.get().status()).isEqualTo(200);
            }
        }
        // The client can read its answer a moment before the server's handler returns.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sim.stats().snapshot().total().inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Stats.Snapshot after = sim.stats().snapshot();
        assertThat(after.total().inFlight()).isZero();
        assertThat(after.total().peakInFlight()).isEqualTo(parallel);
        assertThat(after.kind(PromptKind.RESPONSE).peakInFlight()).isEqualTo(parallel);

        SimClient.Reply reset = client.send(HttpRequest.newBuilder(URI.create(sim.rootUrl() + "/stats/reset-peak"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(reset.status()).isEqualTo(204);
        Stats.Snapshot peakReset = sim.stats().snapshot();
        assertThat(peakReset.total().peakInFlight()).isZero();
        assertThat(peakReset.total().requests()).as("only the peak is reset").isEqualTo(parallel);
    }
}
