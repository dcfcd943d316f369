package dev.autoif.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenRLHF's remote reward model protocol end to end, the way a trainer uses it: the RLVR export gives prompts and
 * labels ({@code ground_truth} = instruction id), the trainer samples responses (here: the run's own kept and
 * rejected responses), decodes prompt + response through a chat template and posts {@code query}/{@code prompts}/
 * {@code labels} to the verifier's {@code POST /reward}. Each reward must equal the pass rate computed two other
 * ways: the one stored when the pipeline verified the response (export's {@code autoif_pass_rate}) and the one
 * {@code POST /verify} gives for the same instruction and response.
 */
final class RewardScenario {

    private static final String USER = "<|im_start|>user\n";
    private static final String ASSISTANT = "<|im_end|>\n<|im_start|>assistant\n";
    private static final String END = "<|im_end|>";

    private RewardScenario() {
    }

    private record Sample(String prompt, String response, String label, Double storedPassRate) {
    }

    static void rlvrLabelsScoreLikeVerify(Api api, Stack stack, String runId) {
        String export = stack.url(Service.EXPORT) + "/runs/" + runId + "/export/";
        Map<String, String> labelByPrompt = new HashMap<>();
        for (JsonNode l : lines(api, export + "rlvr")) {
            assertThat(l.path("dataset").asText()).as("dataset of %s", l).isEqualTo("autoif");
            assertThat(l.path("messages").size()).as("messages of %s", l).isEqualTo(1);
            labelByPrompt.put(l.path("messages").path(0).path("content").asText(), l.path("ground_truth").asText());
        }
        assertThat(labelByPrompt).as("RLVR prompts").isNotEmpty();

        List<Sample> samples = new ArrayList<>();
        for (JsonNode l : lines(api, export + "sft?format=messages&metadata=true")) {
            String prompt = l.path("messages").path(0).path("content").asText();
            String label = labelByPrompt.get(prompt);
            assertThat(label).as("RLVR label of the kept SFT prompt %s", prompt)
                    .isEqualTo(l.path("autoif_instruction_id").asText());
            samples.add(new Sample(prompt, l.path("messages").path(1).path("content").asText(), label,
                    l.path("autoif_pass_rate").asDouble()));
        }
        int kept = samples.size();
        // rejected responses of query-level pairs (pass rate 0) whose prompt the RLVR export also holds
        for (JsonNode l : lines(api, export + "dpo?level=query")) {
            String label = labelByPrompt.get(l.path("prompt").asText());
            if (label != null) {
                samples.add(new Sample(l.path("prompt").asText(), l.path("rejected").asText(), label, 0.0));
            }
        }
        assertThat(samples.size()).as("rejected responses on RLVR prompts").isGreaterThan(kept);
        samples.add(new Sample(samples.getFirst().prompt(), samples.getFirst().response(), "ins-unknown", null));

        List<Double> verified = verifyEach(api, stack, samples);
        List<String> query = new ArrayList<>();
        List<String> prompts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Sample s : samples) {
            prompts.add(USER + s.prompt() + ASSISTANT);
            query.add(USER + s.prompt() + ASSISTANT + s.response() + END);
            labels.add(s.label());
        }
        // with prompts (the response follows the prompt) and without (it follows the chat template's marker)
        for (boolean withPrompts : List.of(true, false)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", query);
            if (withPrompts) {
                body.put("prompts", prompts);
            }
            body.put("labels", labels);
            JsonNode reply = api.expect(api.post(stack.url(Service.VERIFIER) + "/reward", body), 200, "POST /reward");
            JsonNode rewards = reply.path("rewards");
            assertThat(rewards.size()).as("rewards").isEqualTo(samples.size());
            assertThat(reply.path("scores")).as("scores = rewards").isEqualTo(rewards);
            for (int i = 0; i < samples.size(); i++) {
                Sample s = samples.get(i);
                double reward = rewards.path(i).asDouble();
                if (s.storedPassRate() == null) {
                    assertThat(reward).as("reward of an unknown label").isZero();
                    assertThat(reply.path("errors").path(i).asText()).as("error of an unknown label")
                            .startsWith("unknown-instruction");
                    assertThat(reply.path("extra_logs").path("unscored").path(i).asDouble()).isEqualTo(1.0);
                    continue;
                }
                assertThat(reward).as("reward of sample %d (prompts given: %s) vs the stored pass rate", i, withPrompts)
                        .isCloseTo(s.storedPassRate(), within(1e-9));
                assertThat(reward).as("reward of sample %d vs POST /verify", i).isCloseTo(verified.get(i), within(1e-9));
                assertThat(reply.path("errors").path(i).isNull()).as("error of sample %d", i).isTrue();
            }
        }
        System.out.printf("e2e: POST /reward on %d RLVR samples (%d kept, %d rejected, 1 unknown label) = stored"
                + " pass rates = POST /verify%n", samples.size(), kept, samples.size() - kept - 1);
    }

    /** Each known sample's pass rate by {@code POST /verify} (one call per sample); null for an unknown label. */
    private static List<Double> verifyEach(Api api, Stack stack, List<Sample> samples) {
        List<Double> rates = new ArrayList<>();
        for (Sample s : samples) {
            if (s.storedPassRate() == null) {
                rates.add(null);
                continue;
            }
            JsonNode results = api.expect(api.post(stack.url(Service.VERIFIER) + "/verify", Map.of(
                    "instructionId", s.label(), "responses", List.of(s.response()))), 200, "verify").path("results");
            rates.add(results.path(0).path("passRate").asDouble());
        }
        return rates;
    }

    private static List<JsonNode> lines(Api api, String url) {
        Api.Reply r = api.download(url);
        assertThat(r.status()).as("GET %s", url).isEqualTo(200);
        return Api.jsonLines(r.body());
    }
}
