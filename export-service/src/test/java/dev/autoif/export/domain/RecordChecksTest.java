package dev.autoif.export.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.JudgeStatus;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseJudged;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.VerifiedResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordChecksTest {

    private static Envelope<ResponseJudged> judged(String envelopeRun, double passRate, Double score,
            JudgeStatus status, boolean kept) {
        return Envelope.of("m", envelopeRun, MessageType.ResponseJudged, new ResponseJudged("r", "s", "run", "i",
                "instr", "q", "query", "prompt", "response", passRate, score, "why", status, kept));
    }

    @Test
    void aCompleteJudgementPasses() {
        assertThatCode(() -> RecordChecks.judged(judged("run", 1.0, 9.0, JudgeStatus.SCORED, true)))
                .doesNotThrowAnyException();
        assertThatCode(() -> RecordChecks.judged(judged("run", 0.6, null, JudgeStatus.UNSCORED, false)))
                .doesNotThrowAnyException();
    }

    @Test
    void contradictionsAndOutOfRangeValuesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> RecordChecks.judged(judged("run", 1.5, 9.0, JudgeStatus.SCORED, true)))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("passRate 1.5");
        assertThatThrownBy(() -> RecordChecks.judged(judged("run", Double.NaN, 9.0, JudgeStatus.SCORED, true)))
                .hasMessageContaining("passRate NaN");
        assertThatThrownBy(() -> RecordChecks.judged(judged("run", 1.0, 11.0, JudgeStatus.SCORED, true)))
                .hasMessageContaining("score 11.0");
        assertThatThrownBy(() -> RecordChecks.judged(judged("run", 1.0, null, JudgeStatus.SCORED, false)))
                .hasMessageContaining("needs a score");
        assertThatThrownBy(() -> RecordChecks.judged(judged("run", 1.0, null, JudgeStatus.UNSCORED, true)))
                .hasMessageContaining("cannot be kept");
        assertThatThrownBy(() -> RecordChecks.judged(judged("other", 1.0, 9.0, JudgeStatus.SCORED, true)))
                .hasMessageContaining("differs");
    }

    @Test
    void verifiedResponsesNeedTextsInRangeAndDistinctIndexes() {
        ResponseVerified ok = new ResponseVerified("s", "run", "i", "instr", "q", "query", "p", List.of(),
                List.of(new VerifiedResponse(0, "a", 1.0, List.of()), new VerifiedResponse(1, "b", 0.0, List.of())),
                0);
        assertThatCode(() -> RecordChecks.verified(Envelope.of("m", "run", MessageType.ResponseVerified, ok)))
                .doesNotThrowAnyException();
        ResponseVerified twice = new ResponseVerified("s", "run", "i", "instr", "q", "query", "p", List.of(),
                List.of(new VerifiedResponse(0, "a", 1.0, List.of()), new VerifiedResponse(0, "b", 0.0, List.of())),
                0);
        assertThatThrownBy(() -> RecordChecks.verified(Envelope.of("m", "run", MessageType.ResponseVerified,
                twice))).hasMessageContaining("index 0 appears twice");
        ResponseVerified noPrompt = new ResponseVerified("s", "run", "i", "instr", "q", "query", " ", List.of(),
                List.of(), 0);
        assertThatThrownBy(() -> RecordChecks.verified(Envelope.of("m", "run", MessageType.ResponseVerified,
                noPrompt))).hasMessageContaining("missing prompt");
    }
}
