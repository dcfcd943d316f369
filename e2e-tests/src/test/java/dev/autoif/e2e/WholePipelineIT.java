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

        Api.Reply funnelReply = api.get(stack.url(Service.EXPORT) + "/runs/" + runId + "/funnel");
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
        exactCounts(runId, funnel, st);
        List<JsonNode> sft = sftLines(runId);
        assertThat((long) sft.size()).as("SFT lines (identical texts once) vs kept").isBetween(1L, exportKept);
        dpoPairs(runId);
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
        if (bt < verified || bt > verified * 3) {
            wrong.add("back-translation choices " + bt + " not within [" + verified + ", " + verified * 3
                    + "] for " + verified + " cross-validated instructions");
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
        Map<String, String> instructionByPrompt = new HashMap<>();
        for (JsonNode p : api.expect(api.get(stack.url(Service.QUERY) + "/runs/" + runId + "/preferences"), 200,
                "preferences")) {
            instructionByPrompt.put(p.path("prompt").asText(), p.path("instructionId").asText());
        }
        for (int page = 0; ; page++) {
            JsonNode items = api.expect(api.get(stack.url(Service.INSTRUCTION) + "/runs/" + runId
                    + "/instructions?page=" + page + "&size=100"), 200, "instructions");
            items.forEach(i -> instructionByPrompt.put(i.path("text").asText(), i.path("instructionId").asText()));
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
                String instructionId = instructionByPrompt.get(prompt);
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

    private String submit() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("selfInstructRounds", ROUNDS);
        parameters.put("functionsPerInstruction", FUNCTIONS);
        parameters.put("queriesPerInstruction", QUERIES);
        parameters.put("responsesPerQuery", RESPONSES);
        parameters.put("judgeSamples", JUDGE_SAMPLES);
        parameters.put("seed", 42);
        JsonNode created = api.expect(api.post(stack.url(Service.INSTRUCTION) + "/runs", Map.of(
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
