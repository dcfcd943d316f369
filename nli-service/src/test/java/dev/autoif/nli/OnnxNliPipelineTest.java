package dev.autoif.nli;

import static dev.autoif.nli.Fixtures.notEmptyCheck;
import static dev.autoif.nli.Fixtures.unknownCheck;
import static dev.autoif.nli.Fixtures.fn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.autoif.contracts.InstructionAccepted;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.NliJudgement;
import dev.autoif.contracts.NliLabel;
import dev.autoif.contracts.NliPolicy;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.testinfra.SimulatorControl;
import dev.autoif.testinfra.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The filter end to end with the tiny int8 ONNX model: records through the real broker, back-translations from the
 * LLM simulator, NLI by the model. The model calls a pair a contradiction when the back-translation has a different
 * number of negation words than the instruction, which is what the expectations below follow from.
 */
@QuarkusTest
@TestProfile(OnnxModelProfile.class)
class OnnxNliPipelineTest {

    private static final String NOT_EMPTY = "Your response must not be empty.";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "autoif.llm.base-url")
    String llmBaseUrl;

    @BeforeEach
    void obedientModel() {
        new SimulatorControl(llmBaseUrl).obedient();
    }

    @Test
    void acceptsAndDropsExactlyAsTheModelDictates() {
        String anyRun = Fixtures.newRun(NliPolicy.ANY_CONTRADICTION, "sim-onnx-any");
        String majorityRun = Fixtures.newRun(NliPolicy.MAJORITY_CONTRADICTION, "sim-onnx-majority");
        // "must not be empty" back: same negations as the instruction -> entailment, twice
        InstructionVerified agreeing = Fixtures.verified(anyRun, NOT_EMPTY, fn("f-a1", notEmptyCheck("a1")),
                fn("f-a2", notEmptyCheck("a2")));
        // the unknown function comes back without "not" -> contradiction; one of two pairs
        InstructionVerified mixed = Fixtures.verified(anyRun, NOT_EMPTY, fn("f-m1", notEmptyCheck("m1")),
                fn("f-m2", unknownCheck(1)));
        InstructionVerified mixedMajority = Fixtures.verified(majorityRun, NOT_EMPTY, fn("f-j1", notEmptyCheck("j1")),
                fn("f-j2", unknownCheck(2)));
        // no negation on either side -> entailment
        InstructionVerified plain = Fixtures.verified(anyRun, "Write a haiku about the sea.",
                fn("f-p1", unknownCheck(3)));
        List.of(agreeing, mixed, mixedMajority, plain).forEach(Fixtures::send);

        List<StageProgress> anyDeltas = Fixtures.progress(anyRun, 3, WAIT);
        List<StageProgress> majorityDeltas = Fixtures.progress(majorityRun, 1, WAIT);
        List<ConsumerRecord<String, String>> out = Fixtures.accepted(List.of(agreeing.instructionId(),
                mixed.instructionId(), mixedMajority.instructionId(), plain.instructionId()), 4, Duration.ofSeconds(5));

        assertThat(out).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(agreeing.instructionId(),
                mixedMajority.instructionId(), plain.instructionId());
        InstructionAccepted a = Fixtures.acceptedOne(out, agreeing.instructionId());
        assertThat(a.nliMode()).isEqualTo("onnx");
        assertThat(a.text()).isEqualTo(NOT_EMPTY);
        assertThat(a.functions()).isEqualTo(agreeing.functions());
        assertThat(a.nli()).extracting(NliJudgement::functionId, NliJudgement::backTranslation, NliJudgement::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("f-a1", NOT_EMPTY, NliLabel.ENTAILMENT),
                        org.assertj.core.groups.Tuple.tuple("f-a2", NOT_EMPTY, NliLabel.ENTAILMENT));
        assertThat(a.nli()).allSatisfy(j -> {
            assertThat(j.entailment()).isGreaterThan(j.neutral()).isGreaterThan(0.5);
            assertThat(j.entailment() + j.neutral() + j.contradiction()).isCloseTo(1.0,
                    org.assertj.core.data.Offset.offset(1e-6));
        });
        InstructionAccepted m = Fixtures.acceptedOne(out, mixedMajority.instructionId());
        assertThat(m.nli()).extracting(NliJudgement::label)
                .containsExactly(NliLabel.ENTAILMENT, NliLabel.CONTRADICTION);

        assertThat(anyDeltas).allSatisfy(d -> {
            assertThat(d.stage()).isEqualTo(Stage.BACK_TRANSLATION);
            assertThat(d.itemsIn()).isEqualTo(1);
        });
        assertThat(anyDeltas.stream().mapToLong(StageProgress::itemsOut).sum()).isEqualTo(2);
        assertThat(anyDeltas).filteredOn(d -> !d.dropped().isEmpty()).singleElement()
                .satisfies(d -> assertThat(d.dropped()).isEqualTo(Map.of("nli-contradiction", 1L)));
        // one back-translation request per function; the ONNX judge costs no LLM call
        assertThat(anyDeltas.stream().mapToLong(StageProgress::llmCalls).sum()).isEqualTo(5);
        assertThat(anyDeltas).allSatisfy(d -> assertThat(d.promptTokens()).isPositive());
        assertThat(majorityDeltas).singleElement().satisfies(d -> assertThat(d.itemsOut()).isEqualTo(1));
    }

    @Test
    void theSameMessageTwiceProducesOneOutputAndOneProgressDelta() {
        String runId = Fixtures.newRun(NliPolicy.ANY_CONTRADICTION, "sim-onnx-twice");
        InstructionVerified twice = Fixtures.verified(runId, NOT_EMPTY, fn("f-t1", notEmptyCheck("t1")));
        InstructionVerified after = Fixtures.verified(runId, NOT_EMPTY, fn("f-t2", notEmptyCheck("t2")));
        Fixtures.send(twice);
        Fixtures.send(twice);
        Fixtures.send(after);

        assertThat(Fixtures.accepted(List.of(twice.instructionId(), after.instructionId()), 2, WAIT)).hasSize(2);
        // give a late duplicate every chance to show up before counting
        List<ConsumerRecord<String, String>> out = Fixtures.accepted(List.of(twice.instructionId()), 2,
                Duration.ofSeconds(8));
        List<StageProgress> deltas = Fixtures.progress(runId, 3, Duration.ofSeconds(3));

        assertThat(out).hasSize(1);
        assertThat(deltas).hasSize(2);
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithAReason() {
        String runId = Fixtures.newRun(NliPolicy.ANY_CONTRADICTION, "sim-onnx-dlq");
        String broken = "broken-" + UUID.randomUUID();
        String wrongType = "wrong-type-" + UUID.randomUUID();
        InstructionVerified noText = Fixtures.verified(runId, " ", fn("f-x", notEmptyCheck("x")));
        InstructionVerified noRun = new InstructionVerified("instr-" + UUID.randomUUID(), "run-never-announced",
                NOT_EMPTY, noText.origin(), noText.functions(), List.of(), List.of(), List.of(), List.of(), List.of());
        InstructionVerified good = Fixtures.verified(runId, NOT_EMPTY, fn("f-g", notEmptyCheck("g")));
        TopicProbe.send(Topics.INSTRUCTIONS_VERIFIED, broken, "{not json");
        TopicProbe.send(Topics.INSTRUCTIONS_VERIFIED, wrongType, Fixtures.envelope(good)
                .replace("\"type\":\"InstructionVerified\"", "\"type\":\"InstructionAccepted\""));
        Fixtures.send(noText);
        Fixtures.send(noRun);
        Fixtures.send(good);

        List<ConsumerRecord<String, String>> dead = TopicProbe.read(Topics.dlq(Topics.INSTRUCTIONS_VERIFIED), 4,
                r -> List.of(broken, wrongType, noText.instructionId(), noRun.instructionId()).contains(r.key()),
                Duration.ofSeconds(120));

        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(broken, wrongType,
                noText.instructionId(), noRun.instructionId());
        assertThat(reason(dead, broken)).contains("broken JSON");
        assertThat(reason(dead, wrongType)).contains("expected type InstructionVerified");
        assertThat(reason(dead, noText.instructionId())).contains("has no text");
        assertThat(reason(dead, noRun.instructionId())).contains("unknown run run-never-announced");
        assertThat(Fixtures.accepted(List.of(good.instructionId()), 1, WAIT)).hasSize(1);
    }

    @Test
    void theModeEndpointSaysOnnx() {
        given().when().get("/api/nli/mode").then().statusCode(200).body("mode", equalTo("onnx"));
    }

    private static String reason(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key))
                .map(r -> TopicProbe.header(r, "dead-letter-reason")).findFirst().orElseThrow();
    }
}
