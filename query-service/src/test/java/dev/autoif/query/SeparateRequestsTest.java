package dev.autoif.query;

import static dev.autoif.query.Fixtures.instruction;
import static dev.autoif.query.Fixtures.params;
import static dev.autoif.query.Fixtures.progress;
import static dev.autoif.query.Fixtures.publishRun;
import static dev.autoif.query.Fixtures.sum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.ResponseSampled;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.platform.messaging.RunSpecs;
import dev.autoif.testinfra.SimulatorControl;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With an endpoint that does not honour n, the K responses of a pair come from K separate requests. */
@QuarkusTest
@TestProfile(SeparateRequestsTest.NoN.class)
class SeparateRequestsTest {

    public static class NoN implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("autoif.llm.n-supported", "false");
        }
    }

    @Inject
    RunSpecs runSpecs;

    @ConfigProperty(name = "autoif.llm.base-url")
    String llmUrl;

    @Test
    void kResponsesAreKRequests() {
        String runId = SamplingTest.newRun();
        publishRun(runSpecs, runId, params(3, 4, 0, 4321), "sample");
        SimulatorControl sim = new SimulatorControl(llmUrl);
        long requestsBefore = sim.requests("response");
        long choicesBefore = sim.choices("response");

        SamplingTest.send(instruction(runId, runId + "-i", SamplingTest.LOWERCASE), "acc-" + runId);
        List<ResponseSampled> samples = SamplingTest.sampled(runId, 3, Duration.ofSeconds(60));
        StageProgress qs = sum(runId, Stage.QUERY_SAMPLING, progress(runId, Stage.QUERY_SAMPLING, 1,
                Duration.ofSeconds(60)));

        assertThat(samples).hasSize(3).allSatisfy(s -> assertThat(s.responses()).hasSize(4));
        assertThat(qs.llmCalls()).isEqualTo(12);
        assertThat(sim.requests("response") - requestsBefore).isEqualTo(12);
        assertThat(sim.choices("response") - choicesBefore).isEqualTo(12);
    }
}
