package dev.autoif.query;

import static dev.autoif.query.Fixtures.envelope;
import static dev.autoif.query.Fixtures.params;
import static dev.autoif.query.Fixtures.publishRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.PolicyEndpoint;
import dev.autoif.contracts.ResponseSampled;
import dev.autoif.contracts.RoundPrompt;
import dev.autoif.contracts.Topics;
import dev.autoif.platform.messaging.RunSpecs;
import dev.autoif.testinfra.SimulatorControl;
import dev.autoif.testinfra.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** rounds.prompts -> K responses from the round's policy endpoint -> responses.sampled of that round. */
@QuarkusTest
class RoundSamplingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String POLICY_PROMPT = "Answer the query.\n<instruction>Answer in lowercase letters only."
            + "</instruction>\n<query>\nWhat is Java?\n</query>";

    @Inject
    RunSpecs runSpecs;

    @ConfigProperty(name = "autoif.llm.base-url")
    String llmUrl;

    private RoundPrompt prompt(String runId, int round, String keyVariable) {
        return prompt(runId, round, keyVariable, 99);
    }

    private RoundPrompt prompt(String runId, int round, String keyVariable, long seed) {
        return new RoundPrompt(runId, round, runId + "-i1|q1|round" + round, runId + "-i1",
                "Answer in lowercase letters only.", "q1", "What is Java?", "stored template prompt", POLICY_PROMPT,
                new PolicyEndpoint(llmUrl, "policy-model", keyVariable), 4, 0.8, seed);
    }

    private static void send(RoundPrompt p, String messageId) {
        TopicProbe.send(Topics.ROUNDS_PROMPTS, p.instructionId(), envelope(messageId, p.runId(),
                MessageType.RoundPrompt, p));
    }

    private static ResponseSampled sampled(String sampleId) {
        return sampled(sampleId, 1).getFirst();
    }

    private static List<ResponseSampled> sampled(String sampleId, int count) {
        List<ResponseSampled> found = TopicProbe.read(Topics.RESPONSES_SAMPLED, count,
                r -> sampleId.equals(Fixtures.<ResponseSampled>payload(r, MessageType.ResponseSampled).sampleId()),
                WAIT).stream().map(r -> Fixtures.<ResponseSampled>payload(r, MessageType.ResponseSampled)).toList();
        assertThat(found).as("responses.sampled records of %s", sampleId).hasSize(count);
        return found;
    }

    @Test
    void eachRoundAsksThePolicyAgainAndARedeliveredPromptHitsTheCache() {
        String runId = SamplingTest.newRun();
        publishRun(runSpecs, runId, params(1, 2, 0, 7), "sample");
        SimulatorControl sim = new SimulatorControl(llmUrl);
        long before = sim.choices("response");

        send(prompt(runId, 1, "OPENAI_API_KEY"), "round-1-" + runId);
        ResponseSampled first = sampled(runId + "-i1|q1|round1");
        assertThat(first.round()).isEqualTo(1);
        assertThat(first.responses()).hasSize(4).allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(first.functions()).as("the verifier looks the kept functions up").isEmpty();
        assertThat(first.prompt()).as("the stored prompt, for export's prompt forms").isEqualTo("stored template prompt");
        assertThat(first.attempt()).isZero();
        assertThat(sim.choices("response") - before).as("choices the policy gave").isEqualTo(4);
        // what the policy's answers cost travels with the sample (the run's own funnel does not count round calls)
        assertThat(first.policySpend().calls()).as("policy requests").isPositive();
        assertThat(first.policySpend().completionTokens()).isPositive();
        assertThat(first.policySpend().cacheHits()).isZero();

        // the same prompt of the same round under another message id: answered from the cache
        send(prompt(runId, 1, "OPENAI_API_KEY"), "round-1-again-" + runId);
        ResponseSampled again = sampled(runId + "-i1|q1|round1", 2).get(1);
        assertThat(again.responses()).as("the redelivery's responses").isEqualTo(first.responses());
        assertThat(again.policySpend().calls()).as("requests for the redelivery").isZero();
        assertThat(again.policySpend().cacheHits()).isEqualTo(4);
        // round 2 of the same prompt, same endpoint and model: asked again (the seed derives from the round)
        send(prompt(runId, 2, "OPENAI_API_KEY"), "round-2-" + runId);
        ResponseSampled second = sampled(runId + "-i1|q1|round2");
        assertThat(second.round()).isEqualTo(2);
        assertThat(second.responses()).hasSize(4);
        assertThat(sim.choices("response") - before).as("choices after the redelivery and round 2").isEqualTo(8);
    }

    @Test
    void aPolicyWithoutItsKeyGivesAnEmptySampleSoTheRoundCanFinish() {
        String runId = SamplingTest.newRun();
        publishRun(runSpecs, runId, params(1, 2, 0, 7), "sample");
        // a seed of its own: the cache (keyed without the key) would otherwise answer what another test asked
        send(prompt(runId, 1, "AUTOIF_UNSET_TEST_API_KEY", System.nanoTime()), "round-nokey-" + runId);
        ResponseSampled s = sampled(runId + "-i1|q1|round1");
        assertThat(s.round()).isEqualTo(1);
        assertThat(s.responses()).isEmpty();
        assertThat(s.policySpend().calls()).as("no key: nothing was sent").isZero();
    }
}
