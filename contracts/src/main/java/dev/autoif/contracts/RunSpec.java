package dev.autoif.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A run as every service sees it, published compacted on {@link Topics#RUNS} keyed by run id. The latest record
 * for a run wins; {@code cancelled} tells the stages to stop taking its work.
 *
 * @param runId the run's id
 * @param name a human name
 * @param seedInstructions the seed instructions (never empty once the instruction service stored the run)
 * @param parameters every parameter, defaults filled in
 * @param corpusId the query corpus the query service samples from
 * @param cancelled true once the run was cancelled
 * @param createdAt when the run was submitted
 * @param maxCostUsd the run's budget in US dollars; null: none (added later as an optional field)
 * @param budgetExhausted true while the run is paused because its spend reached {@code maxCostUsd}: the stages
 *     that spend on the LLM hold its records (nothing dropped) until a spec with a higher budget clears the flag
 */
public record RunSpec(String runId, String name, List<String> seedInstructions, RunParameters parameters,
        String corpusId, boolean cancelled, Instant createdAt, Double maxCostUsd, boolean budgetExhausted) {

    public static final String DEFAULT_CORPUS = "sample";

    /** A spec without a budget. */
    public RunSpec(String runId, String name, List<String> seedInstructions, RunParameters parameters,
            String corpusId, boolean cancelled, Instant createdAt) {
        this(runId, name, seedInstructions, parameters, corpusId, cancelled, createdAt, null, false);
    }

    public RunSpec cancel() {
        return new RunSpec(runId, name, seedInstructions, parameters, corpusId, true, createdAt, maxCostUsd,
                budgetExhausted);
    }

    /** The spec with another budget and pause flag. */
    public RunSpec withBudget(Double newMaxCostUsd, boolean exhausted) {
        return new RunSpec(runId, name, seedInstructions, parameters, corpusId, cancelled, createdAt, newMaxCostUsd,
                exhausted);
    }
}
