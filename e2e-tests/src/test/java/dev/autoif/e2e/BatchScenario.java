package dev.autoif.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoif.e2e.FunnelChecks.Stage;
import dev.autoif.e2e.FunnelChecks.Totals;
import dev.autoif.llmsim.LlmSimulator;
import dev.autoif.llmsim.SimulatorOptions;
import dev.autoif.llmsim.Stats;
import dev.autoif.llmsim.prompt.PromptKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The seeded run's spec again with response sampling and judging in batch mode: query-service and judge-service are
 * restarted against a second simulator with the same seed (the same answers under another endpoint, so their LLM
 * caches miss), whose Batch API then answers every one of their requests; the other services answer from their
 * caches. judge-service is killed ({@code kill -9}) while a batch of its own is in progress and restarted: it takes
 * its saved batches back, and the simulator's counts show every sample asked for exactly once. The exports equal
 * the online run's. Afterwards both services go back to the first simulator.
 */
final class BatchScenario {

    private static final List<Service> BATCHED = List.of(Service.QUERY, Service.JUDGE);
    /** Batches a service saved and the provider created, not yet answered. */
    private static final String PENDING_SUBMITTED = "select count(*) from llm_batch where batch_id is not null";
    private static final List<String> EXPORTS = List.of("sft?format=messages", "dpo?level=query",
            "dpo?level=instruction");

    private BatchScenario() {
    }

    static void batchRunEqualsOnlineRun(Api api, Stack stack, String onlineRunId) {
        try (LlmSimulator twin = LlmSimulator.start(SimulatorOptions.defaults()
                .withSeed(WholePipelineIT.SIMULATOR_SEED).withApiKey(Stack.LLM_KEY))) {
            // long enough that the judge's batches are still in progress when it is killed below
            twin.settings().batchCompletionDelayMillis(1500);
            Map<String, String> toTwin = Map.of("AUTOIF_LLM_BASE_URL", twin.baseUrl(), "OPENAI_BASE_URL",
                    twin.baseUrl(), "AUTOIF_LLM_BATCH_MAX_WAIT", "300ms", "AUTOIF_LLM_BATCH_POLL_INTERVAL", "100ms");
            for (Service s : BATCHED) {
                stack.kill(s);
                stack.restart(s, Duration.ofMinutes(2), toTwin);
            }
            Stats.Snapshot firstBefore = stack.simulator().stats().snapshot();
            Instant t0 = Instant.now();
            String batchRunId = submit(api, stack);

            // kill -9 of judge-service while a batch of its own is in progress at the provider (its id saved)
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            long inProgress;
            while ((inProgress = stack.count(Service.JUDGE, PENDING_SUBMITTED)) == 0) {
                assertThat(Instant.now()).as("judge-service sent a batch").isBefore(deadline);
                Stack.sleep(100);
            }
            stack.kill(Service.JUDGE);
            long linesAtKill = twin.stats().snapshot().batch().lines();
            stack.restart(Service.JUDGE, Duration.ofMinutes(2), toTwin);
            System.out.printf("e2e: judge-service killed with %d batch(es) of its own in progress (%d lines answered"
                    + " at the simulator so far), restarted%n", inProgress, linesAtKill);
            awaitDone(api, stack, batchRunId);
            System.out.printf("e2e: batch-mode run %s done in %d s%n", batchRunId,
                    Duration.between(t0, Instant.now()).toSeconds());

            Stats.Snapshot t = twin.stats().snapshot();
            Stats.Snapshot first = stack.simulator().stats().snapshot();
            assertThat(t.batch().batches()).as("batches the second simulator got").isPositive();
            assertThat(t.batch().files()).as("files uploaded").isEqualTo(t.batch().batches());
            assertThat(t.total().requests()).as("requests the second simulator answered: all of them batch lines")
                    .isEqualTo(t.batch().lines());
            assertThat(t.kind(PromptKind.RESPONSE).requests() + t.kind(PromptKind.JUDGE).requests())
                    .as("response and judge lines").isEqualTo(t.batch().lines());
            // no request was sent twice, the kill notwithstanding: one line per sample asked for
            Map<Stage, Totals> st = FunnelChecks.stages(funnel(api, stack, batchRunId));
            assertThat(t.kind(PromptKind.JUDGE).requests()).as("judge lines = judged x judgeSamples")
                    .isEqualTo(st.get(Stage.JUDGE).in() * WholePipelineIT.JUDGE_SAMPLES);
            assertThat(t.kind(PromptKind.RESPONSE).requests()).as("response lines = pairs x responsesPerQuery")
                    .isEqualTo(st.get(Stage.QUERY_SAMPLING).out() * WholePipelineIT.RESPONSES);
            for (Service s : BATCHED) {
                assertThat(stack.count(s, "select count(*) from llm_batch")).as("batches %s still owes", s).isZero();
            }
            for (PromptKind k : List.of(PromptKind.RESPONSE, PromptKind.JUDGE)) {
                assertThat(first.kind(k).requests()).as("%s requests the first simulator saw", k)
                        .isEqualTo(firstBefore.kind(k).requests());
            }

            JsonNode online = funnel(api, stack, onlineRunId);
            JsonNode batch = funnel(api, stack, batchRunId);
            assertThat(batch.path("report")).as("report of the batch-mode run").isEqualTo(online.path("report"));
            assertThat(batch.path("export")).as("export rows of the batch-mode run").isEqualTo(online.path("export"));
            for (String path : EXPORTS) {
                assertThat(ExportReads.lines(api, stack, batchRunId, path)).as("%s of the batch-mode run", path)
                        .isEqualTo(ExportReads.lines(api, stack, onlineRunId, path));
            }
            System.out.printf("e2e: batch-mode run = online run: %d batches, %d lines, %d files at the second"
                    + " simulator; LLM usage batch %s vs online %s%n", t.batch().batches(), t.batch().lines(),
                    t.batch().files(), batch.path("llm"), online.path("llm"));
        } finally {
            for (Service s : BATCHED) {
                stack.kill(s);
                stack.restart(s, Duration.ofMinutes(2));
            }
        }
    }

    /** The seeded run's spec (WholePipelineIT's), with sampling and judging in batch mode. */
    private static String submit(Api api, Stack stack) {
        Map<String, Object> parameters = Map.of("selfInstructRounds", WholePipelineIT.ROUNDS,
                "functionsPerInstruction", WholePipelineIT.FUNCTIONS, "queriesPerInstruction", WholePipelineIT.QUERIES,
                "responsesPerQuery", WholePipelineIT.RESPONSES, "judgeSamples", WholePipelineIT.JUDGE_SAMPLES,
                "seed", 42, "llmModes", Map.of("QUERY_SAMPLING", "batch", "JUDGE", "batch"));
        return api.expect(api.submitRun(stack.url(Service.INSTRUCTION) + "/runs", Map.of("name", "e2e batch",
                "seedInstructions", WholePipelineIT.SEEDS, "parameters", parameters, "corpusId", "sample")), 201,
                "POST /runs (batch mode)").path("runId").asText();
    }

    private static void awaitDone(Api api, Stack stack, String runId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (true) {
            assertThat(stack.deadServices()).as("services that died during the batch-mode run").isEmpty();
            String status = api.expect(api.get(stack.url(Service.INSTRUCTION) + "/runs/" + runId), 200, "run")
                    .path("status").asText();
            if (!status.equals("queued") && !status.equals("running")) {
                assertThat(status).as("batch-mode run %s", runId).isEqualTo("done");
                return;
            }
            assertThat(Instant.now()).as("batch-mode run %s finished", runId).isBefore(deadline);
            Stack.sleep(1000);
        }
    }

    private static JsonNode funnel(Api api, Stack stack, String runId) {
        return api.expect(ExportReads.funnelOnceComplete(api, stack, runId), 200, "funnel of " + runId);
    }
}
