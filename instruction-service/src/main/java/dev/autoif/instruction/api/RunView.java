package dev.autoif.instruction.api;

import dev.autoif.contracts.RunSpec;
import java.time.Instant;
import java.util.List;

/**
 * A run's status: queued, running, done, failed or cancelled; the funnel per stage with LLM usage; the spec.
 *
 * @param error why the run failed, when it did
 * @param cost the run's LLM spend so far, every stage of every service
 */
public record RunView(String runId, String name, String status, String error, Instant createdAt, Instant updatedAt,
        RunSpec spec, GenerationView generation, List<StageView> funnel, long llmCalls, long tokens, CostView cost) {
}
