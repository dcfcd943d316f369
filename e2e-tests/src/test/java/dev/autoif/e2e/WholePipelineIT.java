package dev.autoif.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoif.e2e.FunnelChecks.Stage;
import dev.autoif.e2e.FunnelChecks.Totals;
import dev.autoif.llmsim.Stats;
import dev.autoif.llmsim.prompt.PromptKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole pipeline on real parts: the six packaged services as processes, the standalone KRaft broker,
 * PostgreSQL (a fresh database per service) and the LLM simulator with a fixed seed. One small run is submitted
 * over HTTP like a user would, and everything the system reports about it is checked against everything else it
 * reports: the funnel's own arithmetic, the simulator's count of what it was asked, the exported files, and the
 * verifier re-running the functions on every DPO pair.
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class WholePipelineIT {

    static final long SIMULATOR_SEED = 7;
    static final List<String> SEEDS = List.of(
            "Answer with at most 50 words.",
            "Do not use any commas in your response.",
            "Include the keyword 'balance' in your response.",
            "Your entire response must be in lowercase letters; no capital letters are allowed.");
    static final int ROUNDS = 1;
    static final int FUNCTIONS = 3;
    static final int QUERIES = 2;
    static final int RESPONSES = 4;
    static final int JUDGE_SAMPLES = 1;

    /**
     * The seeded run's funnel (paper-shaped report: seeds, after dedup, with functions, after cross-validation, after
     * NLI, instruction x query samples, responses verified, pairs after verification, after judging), its drop
     * reasons and its LLM calls. Every random choice derives from the simulator seed, the run seed and the texts, so
     * these are exact; a change to the simulator's catalogue or to a prompt changes them on purpose: update them from
     * the funnel table the test prints.
     */
    static final List<Long> EXPECTED_REPORT = List.of(4L, 14L, 14L, 14L, 13L, 26L, 26L, 93L, 86L);
    static final Map<String, Long> EXPECTED_DROPS = Map.of("function-constant", 3L, "function-duplicate", 25L,
            "nli-contradiction", 1L, "below-pass-rate", 11L, "below-judge-threshold", 7L);
    static final long EXPECTED_LLM_CALLS = 161;
    static final long EXPECTED_QUERY_PAIR_PROMPTS = 8;
    static final long EXPECTED_INSTRUCTION_CASE_PAIRS = 244;

    static Path work;
    static Stack stack;
    static Thread stopOnExit;
    final Api api = new Api();

    @BeforeAll
    static void startSystem() {
        Path root = Path.of(System.getProperty("autoif.root", Path.of("").toAbsolutePath().getParent().toString()));
        work = root.resolve("e2e-tests/target/e2e");
        Instant t0 = Instant.now();
        stack = Stack.start(root, work, SIMULATOR_SEED, Duration.ofMinutes(4));
        // A killed test JVM (failsafe timeout, Ctrl-C) still stops the services, broker and databases.
        stopOnExit = new Thread(() -> stack.close(), "e2e-stack-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        System.out.printf("e2e: system up in %d s (logs in %s)%n", Duration.between(t0, Instant.now()).toSeconds(),
                work.resolve("logs"));
    }

    @AfterAll
    static void stopSystem() {
        if (stack != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already stopping the stack; close() below waits for it
            }
            stack.close();
        }
    }

    @Test
    void aSeededRunGoesThroughEveryStageAndExportsConsistentData() {
        Instant t0 = Instant.now();
        String runId = submit();
        JsonNode finished = awaitFinished(runId, Duration.ofMinutes(5));
        String status = finished.path("status").asText();
        System.out.printf("e2e: run %s %s in %d s%n", runId, status, Duration.between(t0, Instant.now()).toSeconds());
        if (!status.equals("done")) {
            throw new AssertionError("run " + runId + " ended " + status + ": " + finished.path("error")
                    + "\ndead letters: " + DeadLetters.read(stack.kafkaBootstrap()) + "\nlogs in "
                    + work.resolve("logs"));
        }

        Api.Reply funnelReply = ExportReads.funnelOnceComplete(api, stack, runId);
        JsonNode funnel = api.expect(funnelReply, 200, "export funnel");
        System.out.println(api.getText(stack.url(Service.EXPORT) + "/runs/" + runId + "/funnel?format=text").body());
        assertThat(funnelReply.header("X-Autoif-Run-Complete")).isEqualTo("true");
        assertThat(funnel.path("complete").asBoolean()).isTrue();

        Map<Stage, Totals> st = FunnelChecks.stages(funnel);
        long exportKept = funnel.path("export").path("kept").asLong();
        List<String> violations = new ArrayList<>();
        violations.addAll(FunnelChecks.complete(st));
        violations.addAll(FunnelChecks.accounted(st));
        violations.addAll(FunnelChecks.monotonic(st, exportKept, QUERIES, RESPONSES));
        assertThat(violations).as("funnel %s", funnel.path("stages")).isEmpty();

        // The run got far enough to mean something: instructions survived, responses were judged and kept.
        assertThat(st.get(Stage.BACK_TRANSLATION).out()).as("instructions after NLI").isPositive();
        assertThat(st.get(Stage.JUDGE).in()).as("responses judged").isPositive();
        assertThat(exportKept).as("kept samples").isPositive();

        assertThat(DeadLetters.read(stack.kafkaBootstrap())).as("dead-lettered records (no faults were injected)")
                .isEmpty();
        pinnedCounts(funnel);
        exactCounts(runId, funnel, st);
        List<JsonNode> sft = sftLines(runId);
        assertThat((long) sft.size()).as("SFT lines (identical texts once) vs kept").isBetween(1L, exportKept);
        dpoPairs(runId);
        RewardScenario.rlvrLabelsScoreLikeVerify(api, stack, runId);
        RoundScenario.onlineDpoRounds(api, stack, runId);
        resubmittedSpecReproducesTheRun(runId, funnel, st);
        BudgetScenario.capPausesAndResumes(api, stack, runId);
        killedServicesLoseNothing();
        BatchScenario.batchRunEqualsOnlineRun(api, stack, runId);
        anotherEndpointGetsNothingFromTheFirstOnesCache();
    }

    /**
     * The LLM cache is keyed by endpoint: instruction-service restarted against a second simulator (another seed)
     * and given a spec every one of whose requests the first simulator already answered asks the second one, instead
     * of serving it the first one's answers.
     */
    private void anotherEndpointGetsNothingFromTheFirstOnesCache() {
        try (dev.autoif.llmsim.LlmSimulator other = dev.autoif.llmsim.LlmSimulator.start(
                dev.autoif.llmsim.SimulatorOptions.defaults().withSeed(SIMULATOR_SEED + 1).withApiKey(Stack.LLM_KEY))) {
            stack.kill(Service.INSTRUCTION);
            stack.restart(Service.INSTRUCTION, Duration.ofMinutes(2), Map.of("AUTOIF_LLM_BASE_URL", other.baseUrl(),
                    "OPENAI_BASE_URL", other.baseUrl()));
            long firstBefore = stack.simulator().stats().snapshot().kind(PromptKind.SELF_INSTRUCT).requests();
            String runId = submit();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (other.stats().snapshot().kind(PromptKind.VERIFICATION_FUNCTION).requests() == 0) {
                assertThat(Instant.now()).as("instruction-service asked the second endpoint for functions")
                        .isBefore(deadline);
                Stack.sleep(200);
            }
            assertThat(other.stats().snapshot().kind(PromptKind.SELF_INSTRUCT).requests())
                    .as("self-instruct requests the second endpoint answered (the spec is cached for the first)")
                    .isPositive();
            assertThat(stack.simulator().stats().snapshot().kind(PromptKind.SELF_INSTRUCT).requests())
                    .as("self-instruct requests the first endpoint saw").isEqualTo(firstBefore);
            System.out.printf("e2e: run %s against a second endpoint: %d requests there, none served from the"
                    + " first one's cache%n", runId, other.stats().snapshot().total().requests());
            api.post(stack.url(Service.INSTRUCTION) + "/runs/" + runId + "/cancel", Map.of());
        }
    }

    /**
     * {@code kill -9} of query-service and judge-service in the middle of a run (records in flight, outbox rows
     * committed and not yet sent, offsets not yet committed), then a restart: the run finishes with the same funnel and
     * the same exports as an undisturbed run of the same spec, and nothing is dead-lettered.
     */
    private void killedServicesLoseNothing() {
        stack.simulator().settings().latency(dev.autoif.llmsim.Latency.parse("fixed:150"));
        long seed = 4343;
        String disturbed;
        try {
            disturbed = submit(seed);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (judgedSoFar(disturbed) < 1) {
                assertThat(Instant.now()).as("the judge started on run %s", disturbed).isBefore(deadline);
                Stack.sleep(100);
            }
            long judged = judgedSoFar(disturbed);
            stack.kill(Service.QUERY);
            stack.kill(Service.JUDGE);
            System.out.printf("e2e: killed query-service and judge-service (kill -9) after %d judged%n", judged);
            Stack.sleep(1000);
            stack.restart(Service.QUERY, Duration.ofMinutes(2));
            stack.restart(Service.JUDGE, Duration.ofMinutes(2));
            JsonNode finished = awaitFinished(disturbed, Duration.ofMinutes(5));
            assertThat(finished.path("status").asText()).as("disturbed run %s", disturbed).isEqualTo("done");
        } finally {
            stack.simulator().settings().latency(dev.autoif.llmsim.Latency.NONE);
        }
        String undisturbed = submit(seed);
        JsonNode finished = awaitFinished(undisturbed, Duration.ofMinutes(5));
        assertThat(finished.path("status").asText()).as("undisturbed run %s", undisturbed).isEqualTo("done");

        JsonNode a = api.expect(ExportReads.funnelOnceComplete(api, stack, disturbed), 200,
                "funnel of the run killed mid-way");
        JsonNode b = api.expect(ExportReads.funnelOnceComplete(api, stack, undisturbed), 200,
                "funnel of the undisturbed run");
        Map<Stage, Totals> sa = FunnelChecks.stages(a);
        Map<Stage, Totals> sb = FunnelChecks.stages(b);
        for (Stage stage : Stage.values()) {
            assertThat(List.of(sa.get(stage).in(), sa.get(stage).out(), sa.get(stage).dropped()))
                    .as("%s of the run killed mid-way vs undisturbed", stage)
                    .isEqualTo(List.of(sb.get(stage).in(), sb.get(stage).out(), sb.get(stage).dropped()));
        }
        assertThat(a.path("report")).as("report of the run killed mid-way").isEqualTo(b.path("report"));
        assertThat(a.path("export")).as("export rows of the run killed mid-way").isEqualTo(b.path("export"));
        for (String path : List.of("sft?format=messages", "dpo?level=query", "dpo?level=instruction")) {
            assertThat(ExportReads.lines(api, stack, disturbed, path)).as("%s of the run killed mid-way", path)
                    .isEqualTo(ExportReads.lines(api, stack, undisturbed, path));
        }
        assertThat(DeadLetters.read(stack.kafkaBootstrap())).as("dead-lettered records after the kills").isEmpty();
        System.out.printf("e2e: run killed mid-way %s = undisturbed run %s (%s)%n", disturbed, undisturbed,
                a.path("report"));
    }

    private long judgedSoFar(String runId) {
        JsonNode run = api.expect(api.get(stack.url(Service.INSTRUCTION) + "/runs/" + runId), 200, "run");
        for (JsonNode stage : run.path("funnel")) {
            if (stage.path("stage").asText().equals("JUDGE")) {
                return stage.path("itemsIn").asLong();
            }
        }
        return 0;
    }

    /**
     * The same spec and seed submitted again is a new run (new id) with the same funnel and the same dataset, and it
     * costs no LLM request: every prompt and seed is derived from the spec and the texts, never from ids, so every
     * request hits the services' LLM caches.
     */
    private void resubmittedSpecReproducesTheRun(String runId, JsonNode funnel, Map<Stage, Totals> st) {
        long requestsBefore = stack.simulator().stats().snapshot().total().requests();
        Instant t0 = Instant.now();
        String again = submit();
        assertThat(again).isNotEqualTo(runId);
        JsonNode finished = awaitFinished(again, Duration.ofMinutes(5));
        System.out.printf("e2e: resubmitted run %s %s in %d s%n", again, finished.path("status").asText(),
                Duration.between(t0, Instant.now()).toSeconds());
        assertThat(finished.path("status").asText()).as("resubmitted run %s", again).isEqualTo("done");
        JsonNode funnel2 = api.expect(ExportReads.funnelOnceComplete(api, stack, again), 200, "export funnel of the resubmitted run");

        Map<Stage, Totals> st2 = FunnelChecks.stages(funnel2);
        for (Stage stage : Stage.values()) {
            Totals a = st.get(stage);
            Totals b = st2.get(stage);
            assertThat(List.of(b.in(), b.out(), b.dropped())).as("%s of the resubmitted run", stage)
                    .isEqualTo(List.of(a.in(), a.out(), a.dropped()));
        }
        assertThat(funnel2.path("report")).as("paper-shaped report").isEqualTo(funnel.path("report"));
        assertThat(funnel2.path("export")).as("export rows").isEqualTo(funnel.path("export"));
        assertThat(funnel2.path("llm").path("calls").asLong()).as("LLM calls of the resubmitted run").isZero();
        assertThat(stack.simulator().stats().snapshot().total().requests()).as("requests the simulator saw")
                .isEqualTo(requestsBefore);

        for (String path : List.of("sft?format=messages", "sft?format=alpaca", "dpo?level=query",
                "dpo?level=instruction")) {
            assertThat(ExportReads.lines(api, stack, again, path)).as("%s of the resubmitted run", path)
                    .isEqualTo(ExportReads.lines(api, stack, runId, path));
        }
    }

    /** The seeded run's own numbers, fixed in {@link #EXPECTED_REPORT} and next to it. */
    private static void pinnedCounts(JsonNode funnel) {
        List<Long> counts = new ArrayList<>();
        Map<String, Long> drops = new TreeMap<>();
        for (JsonNode step : funnel.path("report")) {
            counts.add(step.path("count").asLong());
            step.path("dropped").properties().forEach(e -> drops.merge(e.getKey(), e.getValue().asLong(), Long::sum));
        }
        // function drops are the functions' own tally, apart from the instructions' report steps
        funnel.path("tallies").path("functions").path("dropped").properties()
                .forEach(e -> drops.merge(e.getKey(), e.getValue().asLong(), Long::sum));
        assertThat(counts).as("report counts of the seeded run").isEqualTo(EXPECTED_REPORT);
        assertThat(drops).as("drop reasons of the seeded run").isEqualTo(new TreeMap<>(EXPECTED_DROPS));
        assertThat(funnel.path("llm").path("calls").asLong()).as("LLM calls of the seeded run")
                .isEqualTo(EXPECTED_LLM_CALLS);
        assertThat(funnel.path("export").path("queryPairPrompts").asLong()).as("prompts with query-level DPO pairs")
                .isEqualTo(EXPECTED_QUERY_PAIR_PROMPTS);
        assertThat(funnel.path("export").path("instructionCasePairs").asLong()).as("instruction-level case pairs")
                .isEqualTo(EXPECTED_INSTRUCTION_CASE_PAIRS);
    }

    /** What each stage reported against what the simulator was asked and what export holds. */
    private void exactCounts(String runId, JsonNode funnel, Map<Stage, Totals> st) {
        Stats.Snapshot sim = stack.simulator().stats().snapshot();
        Map<String, Long[]> pairs = new LinkedHashMap<>();
        pairs.put("seed instructions (funnel) = submitted", new Long[] {
                funnel.path("report").path(0).path("count").asLong(), (long) SEEDS.size()});
        pairs.put("self-instruct choices = rounds", new Long[] {
                sim.kind(PromptKind.SELF_INSTRUCT).choices(), (long) ROUNDS});
        pairs.put("function choices = instructions x functionsPerInstruction", new Long[] {
                sim.kind(PromptKind.VERIFICATION_FUNCTION).choices(),
                st.get(Stage.FUNCTION_GENERATION).in() * FUNCTIONS});
        pairs.put("instruction x query pairs = instructions after NLI x queriesPerInstruction", new Long[] {
                st.get(Stage.QUERY_SAMPLING).out(), st.get(Stage.BACK_TRANSLATION).out() * QUERIES});
        pairs.put("response choices = pairs x responsesPerQuery", new Long[] {
                sim.kind(PromptKind.RESPONSE).choices(), st.get(Stage.QUERY_SAMPLING).out() * RESPONSES});
        pairs.put("judge choices = judged x judgeSamples", new Long[] {
                sim.kind(PromptKind.JUDGE).choices(), st.get(Stage.JUDGE).in() * JUDGE_SAMPLES});
        pairs.put("judged (export rows) = judged (JUDGE stage)", new Long[] {
                funnel.path("export").path("judged").asLong(), st.get(Stage.JUDGE).in()});
        pairs.put("kept (export rows) = kept (JUDGE stage)", new Long[] {
                funnel.path("export").path("kept").asLong(), st.get(Stage.JUDGE).out()});
        pairs.put("LLM requests (simulator) = LLM calls (funnel)", new Long[] {
                sim.total().requests(), funnel.path("llm").path("calls").asLong()});
        JsonNode run = api.expect(api.get(stack.url(Service.INSTRUCTION) + "/runs/" + runId), 200, "run");
        pairs.put("LLM calls (run status) = LLM calls (funnel)", new Long[] {
                run.path("llmCalls").asLong(), funnel.path("llm").path("calls").asLong()});
        pairs.put("unrecognised prompts", new Long[] {sim.kind(PromptKind.UNKNOWN).requests(), 0L});

        List<String> wrong = new ArrayList<>();
        pairs.forEach((what, v) -> {
            if (!v[0].equals(v[1])) {
                wrong.add(what + ": " + v[0] + " != " + v[1]);
            }
        });
        long bt = sim.kind(PromptKind.BACK_TRANSLATION).choices();
        long verified = st.get(Stage.CROSS_VALIDATION).out();
        // at most backTranslationsPerInstruction (3) per instruction; fewer when two instructions share a function
        // (the same back-translation prompt is answered once, from the cache)
        if (bt < 1 || bt > verified * 3) {
            wrong.add("back-translation choices " + bt + " not within [1, " + verified * 3 + "] for " + verified
                    + " cross-validated instructions");
        }
        System.out.println("e2e: counts " + pairs.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()[0]).toList());
        assertThat(wrong).as("simulator stats %s", sim).isEmpty();
    }

    private List<JsonNode> sftLines(String runId) {
        Api.Reply r = api.download(stack.url(Service.EXPORT) + "/runs/" + runId + "/export/sft?format=messages");
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> lines = Api.jsonLines(r.body());
        for (JsonNode l : lines) {
            JsonNode m = l.path("messages");
            assertThat(m.size()).as("messages of %s", l).isEqualTo(2);
            assertThat(m.path(0).path("role").asText()).isEqualTo("user");
            assertThat(m.path(1).path("role").asText()).isEqualTo("assistant");
            assertThat(m.path(0).path("content").asText()).as("prompt of %s", l).isNotBlank();
            assertThat(m.path(1).path("content").asText()).as("response of %s", l).isNotBlank();
        }
        return lines;
    }

    /**
     * Every DPO line is a valid TRL preference record with chosen != rejected, and the verifier, re-running the
     * instruction's kept functions, passes the chosen text on more of them than the rejected one.
     */
    private void dpoPairs(String runId) {
        Map<String, String> instructionByText = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode items = api.expect(api.get(stack.url(Service.INSTRUCTION) + "/runs/" + runId
                    + "/instructions?page=" + page + "&size=100"), 200, "instructions");
            items.forEach(i -> instructionByText.put(i.path("text").asText(), i.path("instructionId").asText()));
            if (items.size() < 100) {
                break;
            }
        }
        int checked = 0;
        for (String level : List.of("query", "instruction")) {
            Api.Reply r = api.download(stack.url(Service.EXPORT) + "/runs/" + runId + "/export/dpo?level=" + level);
            assertThat(r.status()).as("DPO %s export", level).isEqualTo(200);
            for (JsonNode l : Api.jsonLines(r.body())) {
                String prompt = l.path("prompt").asText();
                String chosen = l.path("chosen").asText();
                String rejected = l.path("rejected").asText();
                assertThat(prompt).as("prompt of %s", l).isNotBlank();
                assertThat(chosen).as("chosen of %s", l).isNotBlank().isNotEqualTo(rejected);
                // an instruction-level rejected text may be empty: the case "" that fails a non-empty check
                // (export's dpo.schema.json allows it; TRL accepts it)
                assertThat(l.path("rejected").isTextual()).as("rejected of %s is a string", l).isTrue();
                assertThat(l.size()).as("fields of %s", l).isEqualTo(3);
                String instructionId = instructionOf(prompt, instructionByText);
                assertThat(instructionId).as("instruction of DPO prompt %s", prompt).isNotNull();
                JsonNode results = api.expect(api.post(stack.url(Service.VERIFIER) + "/verify", Map.of(
                        "instructionId", instructionId, "responses", List.of(chosen, rejected))), 200, "verify")
                        .path("results");
                double chosenRate = results.path(0).path("passRate").asDouble();
                double rejectedRate = results.path(1).path("passRate").asDouble();
                assertThat(chosenRate).as("%s-level pair for %s: chosen pass rate vs rejected", level, prompt)
                        .isGreaterThan(rejectedRate);
                checked++;
            }
        }
        System.out.println("e2e: DPO pairs re-verified: " + checked);
        assertThat(checked).as("DPO pairs").isPositive();
    }

    /**
     * The instruction a DPO prompt was built from: an instruction-level prompt is the instruction itself, a
     * query-level one contains it (in whatever prompt form); the longest instruction text it contains wins.
     */
    private static String instructionOf(String prompt, Map<String, String> instructionByText) {
        String lower = prompt.toLowerCase(java.util.Locale.ROOT);
        return instructionByText.entrySet().stream()
                .filter(e -> lower.contains(e.getKey().toLowerCase(java.util.Locale.ROOT).replaceAll("[.!?]+$", "")))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue).orElse(null);
    }

    private String submit() {
        return submit(42);
    }

    private String submit(long seed) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("selfInstructRounds", ROUNDS);
        parameters.put("functionsPerInstruction", FUNCTIONS);
        parameters.put("queriesPerInstruction", QUERIES);
        parameters.put("responsesPerQuery", RESPONSES);
        parameters.put("judgeSamples", JUDGE_SAMPLES);
        parameters.put("seed", seed);
        JsonNode created = api.expect(api.submitRun(stack.url(Service.INSTRUCTION) + "/runs", Map.of(
                "name", "e2e", "seedInstructions", SEEDS, "parameters", parameters, "corpusId", "sample")),
                201, "POST /runs");
        return created.path("runId").asText();
    }

    /** Polls the run's status until it leaves queued/running; a dead service or the deadline fails it. */
    private JsonNode awaitFinished(String runId, Duration within) {
        Instant deadline = Instant.now().plus(within);
        String status = "";
        Instant lastPrint = Instant.EPOCH;
        while (Instant.now().isBefore(deadline)) {
            List<String> dead = stack.deadServices();
            assertThat(dead).as("services that died during the run").isEmpty();
            JsonNode run = api.expect(api.get(stack.url(Service.INSTRUCTION) + "/runs/" + runId), 200, "run");
            status = run.path("status").asText();
            if (!status.equals("queued") && !status.equals("running")) {
                return run;
            }
            if (Duration.between(lastPrint, Instant.now()).toSeconds() >= 20) {
                lastPrint = Instant.now();
                System.out.println("e2e: " + status + " " + compact(run.path("funnel")));
            }
            Stack.sleep(2000);
        }
        throw new AssertionError("run " + runId + " still " + status + " after " + within + "; funnel: "
                + api.getText(stack.url(Service.EXPORT) + "/runs/" + runId + "/funnel?format=text").body()
                + "\ndead letters: " + DeadLetters.read(stack.kafkaBootstrap()) + "\nlogs in " + work.resolve("logs"));
    }

    private static String compact(JsonNode funnel) {
        List<String> parts = new ArrayList<>();
        funnel.forEach(s -> parts.add(s.path("stage").asText() + " " + s.path("itemsIn").asLong() + ">"
                + s.path("itemsOut").asLong()));
        funnel.properties().forEach(e -> parts.add(e.getKey() + " " + e.getValue().path("itemsIn").asLong() + ">"
                + e.getValue().path("itemsOut").asLong()));
        return String.join(", ", parts);
    }
}
