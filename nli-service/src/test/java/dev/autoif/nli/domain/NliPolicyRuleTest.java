package dev.autoif.nli.domain;

import static dev.autoif.contracts.NliLabel.CONTRADICTION;
import static dev.autoif.contracts.NliLabel.ENTAILMENT;
import static dev.autoif.contracts.NliLabel.NEUTRAL;
import static dev.autoif.contracts.NliPolicy.ANY_CONTRADICTION;
import static dev.autoif.contracts.NliPolicy.MAJORITY_CONTRADICTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NliPolicyRuleTest {

    @Test
    void anyContradictionDropsOnOne() {
        assertThat(NliPolicyRule.drops(ANY_CONTRADICTION, List.of(ENTAILMENT, NEUTRAL, CONTRADICTION))).isTrue();
        assertThat(NliPolicyRule.drops(ANY_CONTRADICTION, List.of(ENTAILMENT, NEUTRAL, NEUTRAL))).isFalse();
    }

    @Test
    void majorityNeedsMoreThanHalf() {
        assertThat(NliPolicyRule.drops(MAJORITY_CONTRADICTION, List.of(ENTAILMENT, CONTRADICTION))).isFalse();
        assertThat(NliPolicyRule.drops(MAJORITY_CONTRADICTION, List.of(NEUTRAL, CONTRADICTION, CONTRADICTION)))
                .isTrue();
        assertThat(NliPolicyRule.drops(MAJORITY_CONTRADICTION, List.of(CONTRADICTION))).isTrue();
    }
}
