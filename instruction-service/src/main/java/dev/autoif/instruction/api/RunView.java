package dev.autoif.instruction.api;

import dev.autoif.contracts.RunSpec;
import dev.autoif.platform.progress.UnitTallies;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run's status: queued, running, done, failed or cancelled; the funnel per stage with LLM usage; the spec.
 *
 * @param error why the run failed, when it did
 * @param cost the run's LLM spend so far, every stage of every service
 * @param tallies counts of another unit than a stage's own, shown apart: {@code functions} (the functions inside
 *     cross-validation's instructions, with their {@code function-*} drops)
 */
public record RunView(String runId, String name, String status, String error, Instant createdAt, Instant updatedAt,
        RunSpec spec, GenerationView generation, List<StageView> funnel, long llmCalls, long tokens, CostView cost,
        Map<String, UnitTallies.Tally> tallies) {
}
