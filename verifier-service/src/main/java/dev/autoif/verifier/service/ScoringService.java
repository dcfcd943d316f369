package dev.autoif.verifier.service;

import dev.autoif.contracts.Verdict;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.verifier.domain.ResponseExtractor;
import dev.autoif.verifier.domain.ResponseScorer;
import dev.autoif.verifier.persistence.VerifiedInstructions;
import dev.autoif.verifier.sandbox.FunctionResult;
import dev.autoif.verifier.sandbox.FunctionSandbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores responses with verification functions for the synchronous endpoints: many instructions per call, all of
 * them in one pass over the sandbox workers. Pure: the same request always gets the same answer and changes
 * nothing, so a trainer may retry freely.
 */
@ApplicationScoped
public class ScoringService {

    private final FunctionSandbox sandbox;
    private final VerifiedInstructions instructions;

    public ScoringService(FunctionSandbox sandbox, VerifiedInstructions instructions) {
        this.sandbox = sandbox;
        this.instructions = instructions;
    }

    /** What to score: given functions, or a stored instruction's kept functions; and the responses. */
    public record Job(List<String> functions, String instructionId, List<String> responses) {
    }

    /** One job's outcome: one scored response per response, or why none could be scored. */
    public record Scored(List<VerifiedResponse> responses, String error) {
    }

    /** Every job, in order; an unknown instruction id is that job's error, not the whole call's. */
    public List<Scored> score(List<Job> jobs) {
        List<String> ids = jobs.stream().map(Job::instructionId).filter(id -> id != null).distinct().toList();
        Map<String, List<String>> known = instructions.keptFunctions(ids);
        List<FunctionSandbox.Batch> batches = new ArrayList<>();
        List<Integer> batchOf = new ArrayList<>();
        for (Job job : jobs) {
            List<String> functions = job.functions() != null ? job.functions() : known.get(job.instructionId());
            if (functions == null || functions.isEmpty() || job.responses().isEmpty()) {
                batchOf.add(-1);
            } else {
                batchOf.add(batches.size());
                batches.add(new FunctionSandbox.Batch(functions, job.responses()));
            }
        }
        List<List<FunctionResult>> results = sandbox.evaluateAll(batches);
        List<Scored> out = new ArrayList<>(jobs.size());
        for (int j = 0; j < jobs.size(); j++) {
            Job job = jobs.get(j);
            int b = batchOf.get(j);
            if (b >= 0) {
                out.add(new Scored(ResponseScorer.score(job.responses(), results.get(b)), null));
            } else if (job.functions() == null && !known.containsKey(job.instructionId())) {
                out.add(new Scored(unscored(job.responses()), "unknown-instruction: no verified instruction '"
                        + job.instructionId() + "'"));
            } else if (job.responses().isEmpty()) {
                out.add(new Scored(List.of(), null));
            } else {
                out.add(new Scored(unscored(job.responses()), "no-functions: the instruction has no kept functions"));
            }
        }
        return out;
    }

    /** One sample of an RL trainer's batch, scored: its reward (the pass rate), verdicts, or why it has none. */
    public record Reward(double reward, List<Verdict> verdicts, String error) {
    }

    /**
     * OpenRLHF's remote reward model call: sample i is {@code queries[i]} (prompt + response as decoded),
     * {@code prompts[i]} (may be null) and {@code labels[i]} (the instruction id). Samples of one instruction are
     * scored together; a sample whose label is unknown or whose response cannot be found gets reward 0 and an error.
     */
    public List<Reward> rewards(List<String> queries, List<String> prompts, List<String> labels) {
        int n = queries.size();
        Reward[] out = new Reward[n];
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        Map<Integer, String> responses = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String label = labels.get(i) == null ? "" : labels.get(i).strip();
            Optional<String> response = ResponseExtractor.extract(queries.get(i), prompts == null ? null
                    : prompts.get(i));
            if (label.isEmpty()) {
                out[i] = failed("no-label: labels[" + i + "] is empty");
            } else if (response.isEmpty()) {
                out[i] = failed("no-response: the prompt does not occur in query[" + i
                        + "] and it has no assistant marker of a known chat template");
            } else {
                byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(i);
                responses.put(i, response.get());
            }
        }
        List<Job> jobs = new ArrayList<>();
        List<List<Integer>> samples = new ArrayList<>(byLabel.values());
        for (Map.Entry<String, List<Integer>> e : byLabel.entrySet()) {
            jobs.add(new Job(null, e.getKey(), e.getValue().stream().map(responses::get).toList()));
        }
        List<Scored> scored = score(jobs);
        for (int j = 0; j < jobs.size(); j++) {
            List<Integer> indices = samples.get(j);
            Scored s = scored.get(j);
            for (int k = 0; k < indices.size(); k++) {
                out[indices.get(k)] = s.error() != null ? failed(s.error())
                        : new Reward(s.responses().get(k).passRate(), s.responses().get(k).verdicts(), null);
            }
        }
        return List.of(out);
    }

    private static Reward failed(String error) {
        return new Reward(0.0, List.of(), error);
    }

    private static List<VerifiedResponse> unscored(List<String> responses) {
        List<VerifiedResponse> out = new ArrayList<>(responses.size());
        for (int r = 0; r < responses.size(); r++) {
            out.add(new VerifiedResponse(r, responses.get(r), 0.0, Collections.emptyList()));
        }
        return out;
    }
}
