package dev.autoif.instruction.api;

import dev.autoif.contracts.PolicyEndpoint;
import dev.autoif.contracts.RoundRequested;

/** A requested online DPO round, every value explicit (the key's variable name, never the key). */
public record RoundView(String runId, int round, PolicyEndpoint policy, int k, double temperature, Integer prompts,
        String promptForm, long seed) {

    static RoundView of(RoundRequested r) {
        return new RoundView(r.runId(), r.round(), r.policy(), r.k(), r.temperature(), r.prompts(), r.promptForm(),
                r.seed());
    }
}
