package dev.autoif.instruction.ai;

/** The run's seed (a long in the spec) as the int the OpenAI wire format takes; the same run gives the same int. */
final class LlmSeeds {

    private LlmSeeds() {
    }

    static int of(long runSeed) {
        return Long.hashCode(runSeed);
    }
}
