package dev.autoif.export.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.Threshold;
import dev.autoif.export.persistence.SampleQuery.Row;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Why a sample was not kept, from its judgement (when it has one) and the run's pass-rate threshold. */
class SampleReasonTest {

    private static final Optional<Threshold> ABOVE_HALF = Optional.of(Threshold.above(0.5));

    private static Row row(double passRate, String responseId, Double score, String status, Boolean kept) {
        return new Row("i|q|a0", 0, 2, "i", "q", "instruction", "query", "prompt", "response", passRate, responseId, score, "analysis",
                status, kept);
    }

    @Test
    void aJudgedSampleIsKeptOrBelowTheJudgeThresholdOrUnscored() {
        assertThat(SampleResource.view(row(1.0, "i|q|a0|r2", 9.0, "SCORED", true), ABOVE_HALF).reason())
                .isEqualTo("kept");
        assertThat(SampleResource.view(row(1.0, "i|q|a0|r2", 5.0, "SCORED", false), ABOVE_HALF).reason())
                .isEqualTo("below-judge-threshold");
        assertThat(SampleResource.view(row(1.0, "i|q|a0|r2", null, "UNSCORED", false), ABOVE_HALF).reason())
                .isEqualTo("unscored");
    }

    @Test
    void anUnjudgedSampleFailedThePassRateOrWaitsForTheJudge() {
        assertThat(SampleResource.view(row(0.5, null, null, null, null), ABOVE_HALF).reason())
                .isEqualTo("below-pass-rate");
        assertThat(SampleResource.view(row(0.75, null, null, null, null), ABOVE_HALF).reason())
                .isEqualTo("not-judged-yet");
        assertThat(SampleResource.view(row(0.0, null, null, null, null), Optional.empty()).reason())
                .as("no spec: the threshold is unknown").isEqualTo("not-judged-yet");
    }

    @Test
    void theResponseIdIsTheOneQueryServiceGaveIt() {
        assertThat(SampleResource.view(row(1.0, null, null, null, null), ABOVE_HALF).responseId())
                .isEqualTo("i|q|a0|r2");
    }
}
