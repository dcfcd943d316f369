package dev.autoif.instruction.messaging;

import dev.autoif.contracts.Topics;

/**
 * Outgoing channel names. This service also reads runs (platform consumer) and runs.progress (funnel), so its
 * writers to those topics use the "-out" channels mapped onto the same topics in application.properties.
 */
public final class Channels {

    public static final String RUNS_OUT = Topics.RUNS + "-out";
    public static final String PROGRESS_OUT = Topics.RUNS_PROGRESS + "-out";
    public static final String CANDIDATES = Topics.INSTRUCTIONS_CANDIDATES;
    public static final String ROUNDS = Topics.ROUNDS;

    private Channels() {
    }
}
