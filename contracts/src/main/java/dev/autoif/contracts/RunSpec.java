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
 */
public record RunSpec(String runId, String name, List<String> seedInstructions, RunParameters parameters,
        String corpusId, boolean cancelled, Instant createdAt) {

    public static final String DEFAULT_CORPUS = "sample";

    public RunSpec cancel() {
        return new RunSpec(runId, name, seedInstructions, parameters, corpusId, true, createdAt);
    }
}
