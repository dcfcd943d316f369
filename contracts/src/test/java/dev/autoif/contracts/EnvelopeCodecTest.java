package dev.autoif.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {

    @Test
    void roundTripsATypedPayload() {
        InstructionCandidate c = new InstructionCandidate("i1", "r1", "Answer in lowercase.", InstructionOrigin.SEED,
                List.of(new FunctionCandidate("f1", "def evaluate(response):\n    return response.islower()")),
                List.of(new TestCase("hello", true), new TestCase("Hello", false)), 5, 1);
        Envelope<InstructionCandidate> e = Envelope.of("m1", "r1", MessageType.InstructionCandidate, c);

        Envelope<InstructionCandidate> back = EnvelopeCodec.decode(EnvelopeCodec.encode(e),
                MessageType.InstructionCandidate);

        assertThat(back.payload()).isEqualTo(c);
        assertThat(back.messageId()).isEqualTo("m1");
        assertThat(back.schemaVersion()).isEqualTo(1);
    }

    @Test
    void ignoresUnknownFieldsSoAdditiveChangesStayReadable() {
        String json = """
                {"messageId":"m","runId":"r","type":"StageProgress","schemaVersion":1,"time":"2026-01-01T00:00:00Z",
                 "newField":42,
                 "payload":{"runId":"r","stage":"JUDGE","itemsIn":3,"itemsOut":2,"dropped":{"low-score":1},
                            "llmCalls":3,"promptTokens":10,"completionTokens":5,"complete":false,"extra":"x"}}""";
        Envelope<StageProgress> e = EnvelopeCodec.decode(json, MessageType.StageProgress);
        assertThat(e.payload().dropped()).containsEntry("low-score", 1L);
        assertThat(e.time()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void rejectsBrokenJsonUnknownVersionsAndWrongTypes() {
        assertThatThrownBy(() -> EnvelopeCodec.decode("{not json", MessageType.RunSpec))
                .isInstanceOf(InvalidMessageException.class).hasMessageStartingWith("broken JSON");
        assertThatThrownBy(() -> EnvelopeCodec.decode(
                "{\"messageId\":\"m\",\"type\":\"RunSpec\",\"schemaVersion\":99,\"payload\":{}}", MessageType.RunSpec))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("unknown schema version 99");
        assertThatThrownBy(() -> EnvelopeCodec.decode(
                "{\"messageId\":\"m\",\"type\":\"StageProgress\",\"schemaVersion\":1,\"payload\":{}}",
                MessageType.RunSpec))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("expected type RunSpec");
        assertThatThrownBy(() -> EnvelopeCodec.decode(
                "{\"messageId\":\"m\",\"type\":\"StageProgress\",\"schemaVersion\":1,\"payload\":{\"itemsIn\":\"many\"}}",
                MessageType.StageProgress))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("payload does not match");
    }
}
