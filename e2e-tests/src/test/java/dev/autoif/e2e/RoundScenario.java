package dev.autoif.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoif.llmsim.prompt.PromptKind;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Online DPO rounds (paper 3.4) on the finished seeded run, with the simulator as the policy: {@code POST
 * /runs/{id}/rounds} on instruction-service, export picks the run's kept SFT prompts, query-service samples K
 * responses per prompt from the policy endpoint, the verifier scores them with each instruction's kept functions,
 * export pairs them. Every exported pair's chosen response passes (pass rate above one half) and its rejected one
 * fails every function when re-verified through {@code POST /verify}. A second round with the same settings asks the
 * policy again (nothing from the first round's cache entries).
 */
final class RoundScenario {

    /** The simulator recognises the tagged generation prompt only, so the policy gets the template form. */
    private static final String PROMPT_FORM = "template";

    private RoundScenario() {
    }

    static void onlineDpoRounds(Api api, Stack stack, String runId) {
        String export = stack.url(Service.EXPORT) + "/runs/" + runId;
        Map<String, String> labelByPrompt = new HashMap<>();
        for (JsonNode l : Api.jsonLines(api.download(export + "/export/rlvr").body())) {
            labelByPrompt.put(l.path("messages").path(0).path("content").asText(), l.path("ground_truth").asText());
        }
        int keptPrompts = labelByPrompt.size();
        assertThat(keptPrompts).as("kept SFT prompts (RLVR lines)").isPositive();

        long responsesBefore = stack.simulator().stats().snapshot().kind(PromptKind.RESPONSE).choices();
        long requestsBefore = stack.simulator().stats().snapshot().kind(PromptKind.RESPONSE).requests();
        JsonNode first = startRound(api, stack, runId, 202);
        assertThat(first.path("round").asInt()).as("first round's number").isEqualTo(1);
        assertThat(first.path("k").asInt()).as("default K").isEqualTo(8);
        assertThat(first.path("temperature").asDouble()).as("default temperature").isEqualTo(0.8);
        assertThat(first.path("policy").path("apiKeyEnv").asText()).isEqualTo("OPENAI_API_KEY");
        JsonNode round1 = awaitDone(api, export, 1);
        assertThat(round1.path("prompts").asInt()).as("prompts of round 1 = kept SFT prompts").isEqualTo(keptPrompts);
        assertThat(round1.path("responses").asInt()).as("responses of round 1 = prompts x K")
                .isEqualTo(keptPrompts * 8);
        long asked = stack.simulator().stats().snapshot().kind(PromptKind.RESPONSE).choices() - responsesBefore;
        assertThat(asked).as("responses the policy (simulator) gave in round 1").isEqualTo(keptPrompts * 8L);
        // the round's own spend: every request the policy (simulator) saw, with tokens and dollars
        long requests = stack.simulator().stats().snapshot().kind(PromptKind.RESPONSE).requests() - requestsBefore;
        assertThat(round1.path("llm").path("calls").asLong()).as("policy calls of round 1 = requests it saw")
                .isEqualTo(requests).isPositive();
        assertThat(round1.path("llm").path("completionTokens").asLong()).as("round 1 completion tokens").isPositive();
        // the policy model (autoif-sft-policy) is in no price table: its dollars are unknown, never a false 0
        assertThat(round1.path("llm").path("usd").isNull()).as("round 1 dollars of an unpriced policy").isTrue();
        assertThat(round1.path("llm").path("unknownPriceCalls").asLong()).as("round 1 calls of unknown price")
                .isEqualTo(requests);

        int pairs = 0;
        for (JsonNode l : Api.jsonLines(api.download(export + "/rounds/1/export/dpo?pairs-per-prompt=1").body())) {
            assertThat(l.size()).as("fields of %s", l).isEqualTo(3);
            String label = labelByPrompt.get(l.path("prompt").asText());
            assertThat(label).as("instruction of round prompt %s", l.path("prompt").asText()).isNotNull();
            JsonNode results = api.expect(api.post(stack.url(Service.VERIFIER) + "/verify", Map.of("instructionId",
                    label, "responses", List.of(l.path("chosen").asText(), l.path("rejected").asText()))), 200,
                    "verify").path("results");
            assertThat(results.path(0).path("passRate").asDouble()).as("chosen of round pair %s", l)
                    .isGreaterThan(0.5);
            assertThat(results.path(1).path("passRate").asDouble()).as("rejected of round pair %s", l).isZero();
            pairs++;
        }
        assertThat((long) pairs).as("round 1 pairs (one per prompt with pairs)")
                .isEqualTo(round1.path("promptsWithPairs").asLong()).isPositive();

        // a second round, same policy and settings: sampled again, not served from round 1's cache entries
        long before2 = stack.simulator().stats().snapshot().kind(PromptKind.RESPONSE).choices();
        assertThat(startRound(api, stack, runId, 202).path("round").asInt()).as("second round's number")
                .isEqualTo(2);
        JsonNode round2 = awaitDone(api, export, 2);
        assertThat(stack.simulator().stats().snapshot().kind(PromptKind.RESPONSE).choices() - before2)
                .as("responses the policy gave in round 2 (none from round 1's cache)").isEqualTo(keptPrompts * 8L);
        assertThat(round2.path("responses").asInt()).isEqualTo(keptPrompts * 8);

        JsonNode funnel = api.expect(api.get(export + "/funnel"), 200, "funnel");
        assertThat(funnel.path("rounds").size()).as("rounds in the funnel").isEqualTo(2);
        assertThat(funnel.path("report").size()).as("the run's own report next to the rounds").isPositive();
        assertThat(api.download(export + "/card").body()).as("dataset card").contains("## Online DPO rounds");
        assertThat(api.expect(api.get(stack.url(Service.INSTRUCTION) + "/runs/" + runId + "/rounds"), 200,
                "rounds on instruction-service").size()).isEqualTo(2);
        System.out.printf("e2e: online DPO rounds on run %s: %d prompts x 8 responses each round, round 1: %d prompts"
                + " with pairs, every pair re-verified (chosen > 0.5, rejected 0); round 2 sampled again%n", runId,
                keptPrompts, pairs);
    }

    private static JsonNode startRound(Api api, Stack stack, String runId, int status) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("baseUrl", stack.simulator().baseUrl());
        policy.put("model", "autoif-sft-policy");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("policy", policy);
        body.put("promptForm", PROMPT_FORM);
        return api.expect(api.post(stack.url(Service.INSTRUCTION) + "/runs/" + runId + "/rounds", body), status,
                "POST /runs/{id}/rounds");
    }

    private static JsonNode awaitDone(Api api, String export, int round) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode r : api.expect(api.get(export + "/rounds"), 200, "rounds")) {
                if (r.path("round").asInt() == round) {
                    last = r;
                    if (r.path("status").asText().equals("done")) {
                        return r;
                    }
                }
            }
            Stack.sleep(500);
        }
        throw new AssertionError("round " + round + " not done within 2 minutes: " + last);
    }
}
