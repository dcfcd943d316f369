package dev.autoif.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-stage LLM mode of a run: optional, online by default, batch only where it pays. */
class LlmModesTest {

    private static RunSpec spec(RunParameters p) {
        return new RunSpec("r", "demo", List.of("Answer in lowercase."), p, "sample", false, Instant.now());
    }

    @Test
    void aRunSpecWrittenBeforeTheFieldIsOnlineEverywhere() {
        RunSpec old = spec(RunParameters.defaults());
        String json = EnvelopeCodec.encode(Envelope.of("m", "r", MessageType.RunSpec, old))
                .replace(",\"llmModes\":{}", "");
        assertThat(json).doesNotContain("llmModes");
        RunParameters back = EnvelopeCodec.<RunSpec>decode(json, MessageType.RunSpec).payload().parameters();
        assertThat(back.llmModes()).isEmpty();
        for (Stage s : Stage.values()) {
            assertThat(back.llmMode(s)).isEqualTo(LlmMode.ONLINE);
        }
    }

    @Test
    void modesTravelInTheRunSpecInTheirWireSpelling() {
        RunParameters p = RunParameters.defaults().withLlmModes(Map.of(Stage.JUDGE, LlmMode.BATCH,
                Stage.QUERY_SAMPLING, LlmMode.BATCH));
        String json = EnvelopeCodec.encode(Envelope.of("m", "r", MessageType.RunSpec, spec(p)));
        assertThat(json).contains("\"JUDGE\":\"batch\"");
        RunParameters back = EnvelopeCodec.<RunSpec>decode(json, MessageType.RunSpec).payload().parameters();
        assertThat(back).isEqualTo(p);
        assertThat(back.llmMode(Stage.JUDGE)).isEqualTo(LlmMode.BATCH);
        assertThat(back.llmMode(Stage.FUNCTION_GENERATION)).isEqualTo(LlmMode.ONLINE);
        assertThat(RunParameters.withDefaults(back)).isEqualTo(p);
    }

    @Test
    void onlyTheCostlyStagesMayBeBatch() {
        RunParameters ok = RunParameters.defaults().withLlmModes(Map.of(Stage.JUDGE, LlmMode.BATCH,
                Stage.QUERY_SAMPLING, LlmMode.BATCH, Stage.FUNCTION_GENERATION, LlmMode.BATCH,
                Stage.SELF_INSTRUCT, LlmMode.ONLINE));
        assertThat(RunSpecValidator.validate(spec(ok))).isEmpty();
        RunParameters bad = RunParameters.defaults().withLlmModes(Map.of(Stage.SELF_INSTRUCT, LlmMode.BATCH));
        assertThat(RunSpecValidator.validate(spec(bad))).extracting(Violation::field)
                .containsExactly("parameters.llmModes.SELF_INSTRUCT");
    }
}
