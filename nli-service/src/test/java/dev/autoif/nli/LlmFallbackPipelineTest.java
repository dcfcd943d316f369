package dev.autoif.nli;

import static dev.autoif.nli.Fixtures.NO_COMMAS_CHECK;
import static dev.autoif.nli.Fixtures.unknownCheck;
import static dev.autoif.nli.Fixtures.fn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.autoif.contracts.InstructionAccepted;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.NliJudgement;
import dev.autoif.contracts.NliLabel;
import dev.autoif.contracts.NliPolicy;
import dev.autoif.contracts.StageProgress;
import dev.autoif.platform.messaging.RunSpecs;
import dev.autoif.platform.messaging.step.ConsumerStep;
import dev.autoif.testinfra.SimulatorControl;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No model configured: the LLM (the simulator) labels each pair. The simulator calls two readings of the same
 * constraint entailment, a negated reading contradiction, and unrelated ones neutral.
 */
@QuarkusTest
class LlmFallbackPipelineTest {

    private static final String NO_COMMAS = "Do not use any commas in your response.";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "autoif.llm.base-url")
    String llmBaseUrl;

    @Inject
    RunSpecs runSpecs;

    @Inject
    ConsumerStep step;

    private SimulatorControl simulator;

    @BeforeEach
    void obedientModel() {
        simulator = new SimulatorControl(llmBaseUrl);
        simulator.obedient();
    }

    @AfterEach
    void obedientAgain() {
        simulator.obedient();
    }

    @Test
    void faithfulBackTranslationsAreAcceptedWithTheLlmLabels() {
        String runId = Fixtures.newRun(NliPolicy.ANY_CONTRADICTION, "sim-llm-faithful");
        InstructionVerified commas = Fixtures.verified(runId, NO_COMMAS, fn("f-c1", NO_COMMAS_CHECK),
                fn("f-c2", unknownCheck(4)));
        Fixtures.send(commas);

        List<ConsumerRecord<String, String>> out = Fixtures.accepted(List.of(commas.instructionId()), 1, WAIT);
        List<StageProgress> deltas = Fixtures.progress(runId, 1, WAIT);

        InstructionAccepted a = Fixtures.acceptedOne(out, commas.instructionId());
        assertThat(a.nliMode()).isEqualTo("llm");
        assertThat(a.nli()).extracting(NliJudgement::label)
                .containsExactly(NliLabel.ENTAILMENT, NliLabel.NEUTRAL);
        assertThat(a.nli().getFirst()).satisfies(j -> {
            assertThat(j.entailment()).isEqualTo(1.0);
            assertThat(j.contradiction()).isEqualTo(0.0);
            assertThat(j.backTranslation()).isNotBlank().isNotEqualTo(NO_COMMAS_CHECK);
        });
        // two back-translations and two NLI questions
        assertThat(deltas).singleElement().satisfies(d -> {
            assertThat(d.itemsOut()).isEqualTo(1);
            assertThat(d.llmCalls()).isEqualTo(4);
            // the run's model (sim-llm-faithful) has no price: its calls are counted apart, not as free
            assertThat(d.unknownPriceCalls()).isEqualTo(4);
            assertThat(d.costMicroUsd()).isZero();
        });
    }

    @Test
    void aNegatedBackTranslationIsAContradictionAndDropsTheInstruction() {
        simulator.behaviour("back-translation-contradiction", 1.0);
        String runId = Fixtures.newRun(NliPolicy.ANY_CONTRADICTION, "sim-llm-negated");
        InstructionVerified commas = Fixtures.verified(runId, NO_COMMAS, fn("f-n1", NO_COMMAS_CHECK));
        Fixtures.send(commas);

        List<StageProgress> deltas = Fixtures.progress(runId, 1, WAIT);

        assertThat(deltas).singleElement().satisfies(d -> {
            assertThat(d.itemsIn()).isEqualTo(1);
            assertThat(d.itemsOut()).isZero();
            assertThat(d.dropped()).isEqualTo(Map.of("nli-contradiction", 1L));
            assertThat(d.llmCalls()).isEqualTo(2);
        });
        assertThat(Fixtures.accepted(List.of(commas.instructionId()), 1, Duration.ofSeconds(3))).isEmpty();
        // the dropped instruction's back-translation is kept with its label, listed by run, instruction and label
        given().when().get("/runs/" + runId + "/back-translations?instruction=" + commas.instructionId()
                + "&label=contradiction").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].functionId", equalTo("f-n1"))
                .body("items[0].label", equalTo("CONTRADICTION"))
                .body("items[0].outcome", equalTo("nli-contradiction"))
                .body("items[0].mode", equalTo("llm"));
        given().when().get("/runs/" + runId + "/back-translations?label=entailment").then().statusCode(200)
                .body("total", equalTo(0));
        given().when().get("/runs/" + runId + "/back-translations?label=maybe&limit=0").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("label", "limit"));
    }

    @Test
    void aCancelledRunsInstructionIsTakenButNotWorkedOn() {
        String runId = Fixtures.newRun(NliPolicy.ANY_CONTRADICTION, "sim-llm-cancelled", true);
        await().atMost(WAIT).until(() -> runSpecs.isCancelled(runId));
        InstructionVerified commas = Fixtures.verified(runId, NO_COMMAS, fn("f-x1", NO_COMMAS_CHECK));
        Fixtures.send(commas);

        await().atMost(WAIT).until(() -> step.consumed("nli-service.instructions-verified", "cv:" + commas.instructionId()));

        assertThat(Fixtures.accepted(List.of(commas.instructionId()), 1, Duration.ofSeconds(2))).isEmpty();
        assertThat(Fixtures.progress(runId, 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void theModeEndpointSaysLlm() {
        given().when().get("/api/nli/mode").then().statusCode(200)
                .body("mode", equalTo("llm")).body("modelPath", nullValue());
    }
}
