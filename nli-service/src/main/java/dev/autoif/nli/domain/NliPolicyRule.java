package dev.autoif.nli.domain;

import dev.autoif.contracts.NliLabel;
import dev.autoif.contracts.NliPolicy;
import java.util.Collection;

/** Whether an instruction's NLI labels drop it under the run's policy (paper 3.2: any contradiction). */
public final class NliPolicyRule {

    private NliPolicyRule() {
    }

    public static boolean drops(NliPolicy policy, Collection<NliLabel> labels) {
        long contradictions = labels.stream().filter(l -> l == NliLabel.CONTRADICTION).count();
        return switch (policy) {
            case ANY_CONTRADICTION -> contradictions > 0;
            case MAJORITY_CONTRADICTION -> contradictions * 2 > labels.size();
        };
    }
}
