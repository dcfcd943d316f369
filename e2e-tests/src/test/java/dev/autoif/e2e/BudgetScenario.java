package dev.autoif.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The budget cap on the whole pipeline (issue 17): a spec with a seed of its own and a {@code maxCostUsd} of a fifth
 * of what the seeded run cost is submitted; it pauses ({@code budget-exhausted}) mid-run; its spend and the simulator's
 * requests stop within one in-flight window and then stay put; {@code PATCH /runs/{id}} raises the cap and the run
 * finishes; the same spec without a cap (answered from the LLM cache) exports the same data. Before the capped run,
 * its dry run (from this service's history by then: the seeded run) is printed against what the run then cost.
 */
final class BudgetScenario {

    /** A seed no other scenario uses, so the capped run pays for its calls instead of reading the cache. */
    static final long SEED = 5151;

    /**
     * One in-flight window: the LLM calls that may still start once the run is paused. instruction-service lets
     * {@code worker.instructions-in-flight} (32) instructions past their budget check (its client runs 8 of them at
     * once, the rest start after it); each of the other three services that call the LLM (nli, query, judge) lets
     * at most {@code autoif.llm.max-concurrency} (8, the default) calls run at once, and a paused run holds every
     * record and instruction it has not started.
     */
    static final int IN_FLIGHT_WINDOW = 32 + 3 * 8;

    /** How long spend must stay unchanged to count as stopped. */
    static final Duration QUIET = Duration.ofSeconds(5);

    private BudgetScenario() {
    }

    /** @param seededRun the finished seeded run: its spec with another seed is the capped one, its cost sizes the cap */
    static void capPausesAndResumes(Api api, Stack stack, String seededRun) {
        String runs = stack.url(Service.INSTRUCTION) + "/runs";
        JsonNode seeded = api.expect(api.get(runs + "/" + seededRun), 200, "seeded run");
        double seededCost = seeded.path("cost").path("usd").asDouble();
        assertThat(seededCost).as("the seeded run's cost").isPositive();
        // a fifth: about what self-instruct and function generation cost, so every later stage is still to come
        // (with a half, the pause came late in judging and the run finished while paused)
        double cap = seededCost / 5;

        Map<String, Object> p = new LinkedHashMap<>();
        for (String knob : List.of("selfInstructRounds", "functionsPerInstruction", "queriesPerInstruction",
                "responsesPerQuery", "judgeSamples")) {
            p.put(knob, seeded.path("spec").path("parameters").path(knob).asInt());
        }
        p.put("seed", SEED);
        List<String> seeds = new ArrayList<>();
        seeded.path("spec").path("seedInstructions").forEach(s -> seeds.add(s.asText()));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", "e2e-budget");
        spec.put("seedInstructions", seeds);
        spec.put("parameters", p);
        spec.put("corpusId", "sample");
        Map<String, Object> dry = new LinkedHashMap<>(spec);
        dry.put("dryRun", true);
        JsonNode estimate = api.expect(api.submitRun(runs, dry), 200, "dry run");
        Map<String, Object> capped = new LinkedHashMap<>(spec);
        capped.put("maxCostUsd", cap);
        String runId = api.expect(api.submitRun(runs, capped), 201, "POST /runs with maxCostUsd").path("runId")
                .asText();

        JsonNode paused = awaitStatus(api, stack, runs + "/" + runId, "budget-exhausted", Duration.ofMinutes(5));
        long requestsAtPause = stack.simulator().stats().snapshot().total().requests();
        double costAtPause = paused.path("cost").path("usd").asDouble();
        System.out.printf("e2e: budget: run %s paused at $%.6f (cap $%.6f, seeded run $%.6f), %d LLM requests so far%n",
                runId, costAtPause, cap, seededCost, requestsAtPause);
        assertThat(costAtPause).as("spend when the run paused vs its cap $%s", cap).isGreaterThanOrEqualTo(cap);

        // spending stopped: requests and cost settle within one in-flight window, then stay put for QUIET
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        long requests = requestsAtPause;
        double cost = costAtPause;
        Instant since = Instant.now();
        while (Duration.between(since, Instant.now()).compareTo(QUIET) < 0) {
            assertThat(Instant.now()).as("spend of paused run %s settles", runId).isBefore(deadline);
            Stack.sleep(500);
            JsonNode run = api.expect(api.get(runs + "/" + runId), 200, "paused run");
            assertThat(run.path("status").asText()).as("status of run %s while paused", runId)
                    .isEqualTo("budget-exhausted");
            long r = stack.simulator().stats().snapshot().total().requests();
            double c = run.path("cost").path("usd").asDouble();
            if (r != requests || c != cost) {
                requests = r;
                cost = c;
                since = Instant.now();
            }
        }
        long after = requests - requestsAtPause;
        System.out.printf("e2e: budget: %d LLM requests after the pause (window %d), then none for %d s at $%.6f%n",
                after, IN_FLIGHT_WINDOW, QUIET.toSeconds(), cost);
        assertThat(after).as("LLM requests after run %s paused", runId).isLessThanOrEqualTo(IN_FLIGHT_WINDOW);
        assertThat(judgedAll(api.expect(api.get(runs + "/" + runId), 200, "paused run")))
                .as("run %s paused mid-run (not every stage done)", runId).isFalse();

        JsonNode raised = api.expect(api.patch(runs + "/" + runId, Map.of("maxCostUsd", seededCost * 10)), 200,
                "PATCH /runs/{id}");
        assertThat(raised.path("status").asText()).as("status once the cap is raised").isNotEqualTo(
                "budget-exhausted");
        JsonNode done = awaitStatus(api, stack, runs + "/" + runId, "done", Duration.ofMinutes(5));
        printEstimate(estimate, done);

        long requestsBefore = stack.simulator().stats().snapshot().total().requests();
        String uncapped = api.expect(api.submitRun(runs, spec), 201, "POST /runs without a cap").path("runId")
                .asText();
        awaitStatus(api, stack, runs + "/" + uncapped, "done", Duration.ofMinutes(5));
        assertThat(stack.simulator().stats().snapshot().total().requests())
                .as("requests of the uncapped run (all cached)").isEqualTo(requestsBefore);
        JsonNode a = api.expect(ExportReads.funnelOnceComplete(api, stack, runId), 200, "funnel");
        JsonNode b = api.expect(ExportReads.funnelOnceComplete(api, stack, uncapped), 200, "funnel");
        assertThat(a.path("report")).as("report of the capped and resumed run").isEqualTo(b.path("report"));
        assertThat(a.path("export")).as("export rows of the capped and resumed run").isEqualTo(b.path("export"));
        for (String path : List.of("sft?format=messages", "sft?format=alpaca", "dpo?level=query",
                "dpo?level=instruction")) {
            List<String> resumed = ExportReads.lines(api, stack, runId, path);
            assertThat(resumed).as("%s of the capped and resumed run", path)
                    .isEqualTo(ExportReads.lines(api, stack, uncapped, path));
        }
        System.out.printf("e2e: budget: capped and resumed run %s exports = uncapped run %s (%s)%n", runId, uncapped,
                a.path("report"));
    }

    /**
     * The dry run's expectation next to what the run cost, per stage, printed (estimated/actual). The estimate is of
     * a run from scratch, so the actual dollars count what the LLM cache saved as spent (answers of the seeded run's
     * requests that carry no seed, such as back-translation). Printed, not asserted: the history is one run of one
     * self-instruct round, whose kept instructions differ from this seed's (14 against 10) and scale every stage after.
     */
    private static void printEstimate(JsonNode estimate, JsonNode run) {
        Map<String, JsonNode> actual = new LinkedHashMap<>();
        run.path("funnel").forEach(s -> actual.put(s.path("stage").asText(), s));
        List<String> rows = new ArrayList<>();
        for (JsonNode e : estimate.path("funnel")) {
            JsonNode a = actual.get(e.path("stage").asText());
            if (a == null || e.path("llmCalls").asLong() == 0 && a.path("llmCalls").asLong() == 0) {
                continue;
            }
            rows.add(String.format("%s (%s): items in %d/%d, calls %d/%d, prompt %d/%d, completion %d/%d,"
                    + " usd %.6f/%.6f", e.path("stage").asText(), e.path("basis").asText(), e.path("itemsIn").asLong(),
                    a.path("itemsIn").asLong(), e.path("llmCalls").asLong(), a.path("llmCalls").asLong(),
                    e.path("promptTokens").asLong(), a.path("promptTokens").asLong(),
                    e.path("completionTokens").asLong(), a.path("completionTokens").asLong(),
                    e.path("usd").asDouble(), fromScratch(a.path("cost"))));
        }
        double estimated = estimate.path("usd").asDouble();
        double spent = fromScratch(run.path("cost"));
        System.out.printf("e2e: budget: estimate vs actual (estimated/actual, actual dollars with the cache's savings)"
                + " %s; in all %d/%d calls, $%.6f/$%.6f (%+.1f%%)%n", rows, estimate.path("llmCalls").asLong(),
                run.path("llmCalls").asLong(), estimated, spent, 100 * (estimated - spent) / spent);
    }

    private static double fromScratch(JsonNode cost) {
        return cost.path("usd").asDouble() + cost.path("savedUsd").asDouble();
    }

    private static boolean judgedAll(JsonNode run) {
        for (JsonNode s : run.path("funnel")) {
            if (s.path("stage").asText().equals("JUDGE")) {
                return s.path("done").asBoolean();
            }
        }
        return false;
    }

    private static JsonNode awaitStatus(Api api, Stack stack, String url, String status, Duration within) {
        Instant deadline = Instant.now().plus(within);
        JsonNode run = null;
        while (Instant.now().isBefore(deadline)) {
            assertThat(stack.deadServices()).as("services that died").isEmpty();
            run = api.expect(api.get(url), 200, "run");
            String s = run.path("status").asText();
            if (s.equals(status)) {
                return run;
            }
            assertThat(s).as("status of %s while waiting for %s", url, status).isIn("queued", "running",
                    "budget-exhausted");
            Stack.sleep(100);
        }
        throw new AssertionError(url + " not " + status + " within " + within + ": " + run);
    }
}
