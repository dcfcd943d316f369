package dev.autoif.verifier;

import static dev.autoif.verifier.RewardFixtures.LOWER;
import static dev.autoif.verifier.RewardFixtures.NO_DIGITS;
import static dev.autoif.verifier.RewardFixtures.SHORT;
import static dev.autoif.verifier.RewardFixtures.instruction;
import static dev.autoif.verifier.RewardFixtures.passRates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.EnvelopeCodec;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Python client shims in docs/examples (TRL reward function, verl compute_score), run by python3 against this
 * running service: their rewards equal the pass rates POST /verify computes for the same responses and labels.
 */
@QuarkusTest
class RewardShimsTest {

    @TestHTTPResource("/reward")
    URL reward;

    @Test
    void trlAndVerlShimsGetThePassRatesFromTheRewardServer() throws Exception {
        String a = instruction(LOWER, SHORT, NO_DIGITS);
        String b = instruction(NO_DIGITS);
        List<String> responses = List.of("two words", "Three Long Words 7", "fine", "x1", "all good here");
        List<String> labels = List.of(a, a, a, b, b);
        List<Float> expected = passRates(labels, responses);
        assertThat(expected).containsExactly(1.0f, 0.0f, 1.0f, 0.0f, 1.0f);
        Path cases = Files.createTempFile("autoif-shims", ".json");
        Files.writeString(cases, EnvelopeCodec.mapper().writeValueAsString(Map.of("responses", responses,
                "labels", labels, "expected", expected)));

        Path examples = Path.of("..", "docs", "examples").toAbsolutePath().normalize();
        Process python = new ProcessBuilder("python3", Path.of("src/test/python/check_shims.py").toString(),
                examples.toString(), reward.toString(), cases.toString()).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(out).isZero();
        assertThat(out).contains("trl: 5 rewards as expected", "trl-conversational: 5 rewards as expected",
                "verl: 5 rewards as expected");
    }
}
