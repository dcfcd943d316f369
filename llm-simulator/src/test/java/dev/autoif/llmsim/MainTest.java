package dev.autoif.llmsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void flagsAndEnvironmentConfigureTheServer() throws Exception {
        Map<String, String> env = Map.of("LLM_SIM_SEED", "9", "LLM_SIM_FAULTS", "http-503=0.5, syntax-error=0.25",
                "LLM_SIM_API_KEY", "from-env", "LLM_SIM_RPM", "5", "LLM_SIM_TPM", "90000");
        try (LlmSimulator sim = Main.fromArgs(new String[] {"--port", "0", "--api-key", "k", "--fault", "http-429=0.1",
                "--behaviour", "response-violation=0.4", "--latency", "uniform:0:1", "--retry-after", "4", "--rpm", "600"},
                env)) {
            assertThat(sim.port()).isPositive();
            assertThat(sim.options().seed()).isEqualTo(9);
            assertThat(sim.options().apiKey()).isEqualTo("k");
            assertThat(sim.settings().fault(Fault.HTTP_503)).isEqualTo(0.5);
            assertThat(sim.settings().fault(Fault.SYNTAX_ERROR)).isEqualTo(0.25);
            assertThat(sim.settings().fault(Fault.HTTP_429)).isEqualTo(0.1);
            assertThat(sim.settings().behaviour(Behaviour.RESPONSE_VIOLATION)).isEqualTo(0.4);
            assertThat(sim.settings().latency().spec()).isEqualTo("uniform:0:1");
            assertThat(sim.settings().retryAfterSeconds()).isEqualTo(4);
            assertThat(sim.settings().rateLimits()).isEqualTo(new RateLimits(600, 90_000));
            assertThat(new SimClient(sim).get("/v1/models").status()).as("key required").isEqualTo(401);
        }
    }

    @Test
    void badFlagsAreRejectedBeforeBinding() {
        assertThatIllegalArgumentException().isThrownBy(() -> Main.fromArgs(new String[] {"--fault", "nope=1"}, Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> Main.fromArgs(new String[] {"--port"}, Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> Main.fromArgs(new String[] {"--fault", "slow=2"}, Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> Main.fromArgs(new String[] {"--bogus", "1"}, Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> Main.fromArgs(new String[] {"--rpm", "-1"}, Map.of()));
        assertThat(Main.fromArgs(new String[] {"--help"}, Map.of())).isNull();
    }
}
