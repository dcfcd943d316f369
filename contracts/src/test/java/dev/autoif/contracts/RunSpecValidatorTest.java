package dev.autoif.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSpecValidatorTest {

    private static RunSpec spec(RunParameters p) {
        return new RunSpec("r", "demo", List.of("Answer in lowercase."), p, "sample", false, Instant.now());
    }

    @Test
    void defaultsAreValidAndMatchThePaper() {
        RunParameters d = RunParameters.defaults();
        assertThat(RunSpecValidator.validate(spec(d))).isEmpty();
        assertThat(d.functionsPerInstruction()).isEqualTo(5);
        assertThat(d.functionAccuracy().accepts(0.5)).isFalse();
        assertThat(d.functionAccuracy().accepts(0.51)).isTrue();
        assertThat(d.queriesPerInstruction()).isEqualTo(16);
        assertThat(d.responsesPerQuery()).isEqualTo(8);
        assertThat(d.judgeThreshold().accepts(8)).isTrue();
    }

    @Test
    void theOriginalCodesStricterRulesAreExpressible() {
        RunParameters d = RunParameters.defaults();
        RunParameters strict = new RunParameters(d.selfInstructRounds(), 5, Threshold.atLeast(0.8),
                Threshold.atLeast(0.8), 3, 10, 3, NliPolicy.ANY_CONTRADICTION, 16, 8, Threshold.above(0.5), 0,
                Threshold.above(8), 1, Models.defaults(), 7);
        assertThat(RunSpecValidator.validate(spec(strict))).isEmpty();
        assertThat(strict.judgeThreshold().accepts(8)).isFalse();
        assertThat(strict.functionAccuracy().accepts(0.8)).isTrue();
    }

    @Test
    void partialParametersGetDefaults() {
        RunParameters partial = new RunParameters(2, 0, null, null, 0, 0, 0, null, 4, 0, null, 0, null, 0, null, 0);
        RunParameters p = RunParameters.withDefaults(partial);
        assertThat(p.selfInstructRounds()).isEqualTo(2);
        assertThat(p.queriesPerInstruction()).isEqualTo(4);
        assertThat(p.functionsPerInstruction()).isEqualTo(5);
        assertThat(p.models().judge()).isEqualTo(Models.DEFAULT_MODEL);
    }

    @Test
    void namesEveryBadField() {
        RunParameters d = RunParameters.defaults();
        RunParameters bad = new RunParameters(-1, 2, new Threshold(1.5, false), d.caseAccuracy(), 4, 1, 3,
                d.nliPolicy(), 0, 100, d.responsePassRate(), 0, new Threshold(11, true), 1, d.models(), 1);
        RunSpec s = new RunSpec("r", " ", List.of("ok", ""), bad, "bad corpus!", false, Instant.now());
        assertThat(RunSpecValidator.validate(s)).extracting(Violation::field).containsExactlyInAnyOrder(
                "name", "seedInstructions[1]", "corpusId", "parameters.selfInstructRounds",
                "parameters.functionsPerInstruction", "parameters.functionAccuracy", "parameters.minFunctions",
                "parameters.queriesPerInstruction", "parameters.responsesPerQuery", "parameters.judgeThreshold");
    }
}
