package dev.autoif.query;

import static dev.autoif.query.Fixtures.envelope;
import static dev.autoif.query.Fixtures.instruction;
import static dev.autoif.query.Fixtures.params;
import static dev.autoif.query.Fixtures.payload;
import static dev.autoif.query.Fixtures.progress;
import static dev.autoif.query.Fixtures.publishRun;
import static dev.autoif.query.Fixtures.sum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.FunctionRef;
import dev.autoif.contracts.InstructionAccepted;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseSampled;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.platform.messaging.RunSpecs;
import dev.autoif.query.domain.SampleIds;
import dev.autoif.testinfra.SimulatorControl;
import dev.autoif.testinfra.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** instructions.accepted -> responses.sampled through the real broker, PostgreSQL and the LLM simulator. */
@QuarkusTest
class SamplingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    static final String LOWERCASE = "Answer in lowercase letters only.";

    @Inject
    RunSpecs runSpecs;

    @ConfigProperty(name = "autoif.llm.base-url")
    String llmUrl;

    static String newRun() {
        return "run-" + UUID.randomUUID();
    }

    static List<ResponseSampled> sampled(String runId, int count, Duration timeout) {
        return TopicProbe.read(Topics.RESPONSES_SAMPLED, count,
                r -> runId.equals(Fixtures.<ResponseSampled>payload(r, MessageType.ResponseSampled).runId()), timeout)
                .stream().map(r -> Fixtures.<ResponseSampled>payload(r, MessageType.ResponseSampled)).toList();
    }

    static void send(InstructionAccepted a, String messageId) {
        TopicProbe.send(Topics.INSTRUCTIONS_ACCEPTED, a.instructionId(),
                envelope(messageId, a.runId(), MessageType.InstructionAccepted, a));
    }

    @Test
    void eachInstructionGetsSeededQueriesAndKResponsesFromOneNRequestPerPair() {
        String runId = newRun();
        publishRun(runSpecs, runId, params(3, 4, 0, 1234), "sample");
        SimulatorControl sim = new SimulatorControl(llmUrl);
        long requestsBefore = sim.requests("response");
        long choicesBefore = sim.choices("response");

        // two different instructions (the same text would pick the same queries and seeds: one instruction)
        for (int i = 0; i < 2; i++) {
            send(instruction(runId, runId + "-i" + i, LOWERCASE + (i == 0 ? "" : " Keep it short.")),
                    "acc-" + runId + "-" + i);
        }
        List<ResponseSampled> samples = sampled(runId, 6, WAIT);
        StageProgress qs = sum(runId, Stage.QUERY_SAMPLING, progress(runId, Stage.QUERY_SAMPLING, 2, WAIT));

        assertThat(samples).hasSize(6).allSatisfy(s -> {
            assertThat(s.responses()).hasSize(4).allSatisfy(r -> assertThat(r).isNotBlank());
            assertThat(s.attempt()).isZero();
            assertThat(s.queryId()).startsWith("sample:");
            assertThat(s.sampleId()).isEqualTo(SampleIds.sampleId(s.instructionId(), s.queryId(), 0));
            assertThat(s.prompt()).contains(LOWERCASE).contains(s.query());
            assertThat(s.functions()).containsExactly(new FunctionRef(s.instructionId() + "-f0", Fixtures.FUNCTION));
        });
        Map<String, List<String>> queriesPerInstruction = samples.stream().collect(Collectors.groupingBy(
                ResponseSampled::instructionId, Collectors.mapping(ResponseSampled::queryId, Collectors.toList())));
        assertThat(queriesPerInstruction).hasSize(2)
                .allSatisfy((id, queries) -> assertThat(queries).hasSize(3).doesNotHaveDuplicates());
        assertThat(qs.itemsIn()).isEqualTo(2);
        assertThat(qs.itemsOut()).isEqualTo(6);
        assertThat(qs.dropped()).isEmpty();
        // n supported: one request per pair, four choices each
        assertThat(qs.llmCalls()).isEqualTo(6);
        assertThat(sim.requests("response") - requestsBefore).isEqualTo(6);
        assertThat(sim.choices("response") - choicesBefore).isEqualTo(24);
        assertThat(qs.promptTokens()).isPositive();
        assertThat(qs.completionTokens()).isPositive();
        assertThat(qs.costMicroUsd()).isPositive();
    }

    @Test
    void theSameSeedPicksTheSameQueriesAndAnotherSeedOthers() {
        String instructionId = "repro-" + UUID.randomUUID();
        String a = newRun();
        String b = newRun();
        String c = newRun();
        publishRun(runSpecs, a, params(5, 2, 0, 99), "sample");
        publishRun(runSpecs, b, params(5, 2, 0, 99), "sample");
        publishRun(runSpecs, c, params(5, 2, 0, 100), "sample");

        for (String run : List.of(a, b, c)) {
            send(instruction(run, instructionId, LOWERCASE), "acc-" + run);
        }

        assertThat(picks(a)).hasSize(5).isEqualTo(picks(b)).isNotEqualTo(picks(c));
        // same seed, same prompts: the same responses (the second run is served from the LLM cache)
        assertThat(responses(a)).isEqualTo(responses(b));
    }

    private static List<String> picks(String runId) {
        return sampled(runId, 5, WAIT).stream().map(ResponseSampled::queryId).sorted().toList();
    }

    private static List<List<String>> responses(String runId) {
        return sampled(runId, 5, WAIT).stream().sorted(java.util.Comparator.comparing(ResponseSampled::queryId))
                .map(ResponseSampled::responses).toList();
    }

    @Test
    void aRedeliveredInstructionChangesNothing() {
        String runId = newRun();
        publishRun(runSpecs, runId, params(2, 1, 0, 5), "sample");
        InstructionAccepted a = instruction(runId, runId + "-i", LOWERCASE);

        send(a, "acc-" + runId);
        assertThat(sampled(runId, 2, WAIT)).hasSize(2);
        assertThat(progress(runId, Stage.QUERY_SAMPLING, 1, WAIT)).hasSize(1);
        send(a, "acc-" + runId);

        // the redelivery would add records here; give it the time to do so
        assertThat(sampled(runId, 3, Duration.ofSeconds(8))).hasSize(2);
        assertThat(progress(runId, Stage.QUERY_SAMPLING, 2, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void anUnknownCorpusAndAnUnreachableModelAreCountedDrops() {
        String noCorpus = newRun();
        publishRun(runSpecs, noCorpus, params(2, 3, 0, 11), "no-such-corpus");
        send(instruction(noCorpus, noCorpus + "-i", LOWERCASE), "acc-" + noCorpus);

        StageProgress d = progress(noCorpus, Stage.QUERY_SAMPLING, 1, WAIT).getFirst();
        assertThat(d.itemsIn()).isEqualTo(1);
        assertThat(d.itemsOut()).isZero();
        assertThat(d.dropped()).containsExactly(Map.entry("unknown-corpus", 1L));

        String down = newRun();
        // a seed no other test uses: the LLM cache (shared by this suite's runs) must not answer for the endpoint
        publishRun(runSpecs, down, params(2, 3, 0, 12), "sample");
        SimulatorControl sim = new SimulatorControl(llmUrl);
        sim.fault("http-500", 1.0);
        try {
            send(instruction(down, down + "-i", LOWERCASE), "acc-" + down);
            StageProgress failed = progress(down, Stage.QUERY_SAMPLING, 1, WAIT).getFirst();
            assertThat(failed.itemsOut()).isZero();
            assertThat(failed.dropped()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("no-response", 2L, "failed-response", 6L));
            assertThat(failed.llmCalls()).isPositive();
        } finally {
            sim.clearFaults();
        }
        assertThat(sampled(down, 1, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aCancelledRunGetsNoSamples() {
        String runId = newRun();
        RunSpec spec = publishRun(runSpecs, runId, params(2, 1, 0, 13), "sample");
        TopicProbe.send(Topics.RUNS, runId, envelope("cancel-" + runId, runId, MessageType.RunSpec, spec.cancel()));
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> runSpecs.isCancelled(runId));

        send(instruction(runId, runId + "-i", LOWERCASE), "acc-" + runId);
        String after = newRun();
        publishRun(runSpecs, after, params(1, 1, 0, 14), "sample");
        send(instruction(after, runId + "-i", LOWERCASE), "acc-" + after);

        // the next instruction on the same key is processed, so the cancelled one was passed over
        assertThat(sampled(after, 1, WAIT)).hasSize(1);
        assertThat(sampled(runId, 1, Duration.ofSeconds(2))).isEmpty();
        assertThat(progress(runId, Stage.QUERY_SAMPLING, 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void unreadableInstructionsGoToTheDeadLetterTopic() {
        String runId = newRun();
        publishRun(runSpecs, runId, params(1, 1, 0, 15), "sample");
        String brokenKey = "broken-" + UUID.randomUUID();
        String noFunctionsKey = "nofn-" + UUID.randomUUID();
        TopicProbe.send(Topics.INSTRUCTIONS_ACCEPTED, brokenKey, "{not json");
        InstructionAccepted noFunctions = new InstructionAccepted(noFunctionsKey, runId, LOWERCASE, null, List.of(),
                List.of(), "onnx");
        TopicProbe.send(Topics.INSTRUCTIONS_ACCEPTED, noFunctionsKey,
                envelope("m-" + noFunctionsKey, runId, MessageType.InstructionAccepted, noFunctions));
        send(instruction(runId, runId + "-good", LOWERCASE), "acc-" + runId);

        List<ConsumerRecord<String, String>> dead = TopicProbe.read(Topics.dlq(Topics.INSTRUCTIONS_ACCEPTED), 2,
                r -> List.of(brokenKey, noFunctionsKey).contains(r.key()), WAIT);

        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(brokenKey, noFunctionsKey);
        assertThat(dead).allSatisfy(r -> assertThat(TopicProbe.header(r, "dead-letter-reason")).isNotBlank());
        assertThat(dead.stream().filter(r -> r.key().equals(noFunctionsKey)).findFirst().orElseThrow())
                .satisfies(r -> assertThat(TopicProbe.header(r, "dead-letter-reason")).contains("has no functions"));
        // the consumer keeps going
        assertThat(sampled(runId, 1, WAIT)).hasSize(1);
    }
}
