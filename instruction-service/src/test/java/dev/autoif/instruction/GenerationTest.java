package dev.autoif.instruction;

import dev.autoif.testinfra.SimulatorControl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.InstructionCandidate;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.Topics;
import dev.autoif.instruction.domain.InstructionText;
import dev.autoif.instruction.domain.RunState;
import dev.autoif.instruction.persistence.InstructionEntity;
import dev.autoif.instruction.persistence.RunEntity;
import dev.autoif.instruction.persistence.RunStore;
import dev.autoif.instruction.pipeline.RunWorker;
import dev.autoif.testinfra.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Self-instruct and function generation end to end: HTTP in, the LLM simulator as the model, candidates out on the
 * real broker, state in PostgreSQL. Simulator stats are compared only after every earlier run of this JVM settled.
 */
@QuarkusTest
class GenerationTest {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

    @Inject
    RunStore store;

    @Inject
    RunWorker worker;

    /** Function generations past their budget (and cancel) check at once. */
    @ConfigProperty(name = "autoif.instruction.worker.instructions-in-flight")
    long inFlight;

    @ConfigProperty(name = "autoif.llm.base-url")
    String llmBaseUrl;

    private SimulatorControl sim;

    @BeforeEach
    void quietSimulator() {
        sim = QuietSimulator.settle(llmBaseUrl, store, worker, RUN_TIMEOUT);
    }

    @AfterEach
    void resetSimulator() {
        sim.reset();
    }

    @Test
    void theDefaultSeedsGiveDeduplicatedInstructionsAndOneCandidatePerInstruction() {
        sim.behaviour("self-instruct-duplicate", 0.5);
        String runId = RunApiTest.submit("""
                {"name": "default seeds", "parameters": {"selfInstructRounds": 2, "functionsPerInstruction": 3}}
                """);
        JsonPath run = awaitGenerated(runId);

        List<Map<String, Object>> instructions = instructions(runId);
        int seeds = run.getInt("spec.seedInstructions.size()");
        assertThat(seeds).isGreaterThanOrEqualTo(36);
        assertThat(run.getLong("generation.seeds")).isEqualTo(seeds);
        assertThat(run.getLong("generation.augmented")).isPositive();
        assertThat(instructions).hasSize(run.getInt("generation.instructions"));
        Set<String> keys = instructions.stream().map(i -> InstructionText.comparisonKey((String) i.get("text")))
                .collect(Collectors.toSet());
        assertThat(keys).hasSameSizeAs(instructions);

        Map<String, Object> selfInstruct = stage(run, "SELF_INSTRUCT");
        Map<String, Integer> dropped = dropped(selfInstruct);
        assertThat(dropped.getOrDefault("duplicate", 0) + dropped.getOrDefault("near-duplicate", 0)).isPositive();
        assertThat(num(selfInstruct, "itemsIn")).isEqualTo(num(selfInstruct, "itemsOut") + sum(dropped));
        assertThat(num(selfInstruct, "itemsOut")).isEqualTo(instructions.size());
        assertThat(num(selfInstruct, "llmCalls")).isPositive();
        assertThat((Boolean) selfInstruct.get("done")).isTrue();

        Map<String, Object> functions = stage(run, "FUNCTION_GENERATION");
        List<InstructionCandidate> candidates = candidates(runId, (int) num(functions, "itemsOut"));
        assertThat(num(functions, "itemsIn")).isEqualTo(instructions.size());
        assertThat(num(functions, "itemsOut")).isEqualTo(candidates.size());
        assertThat(num(functions, "itemsOut") + sum(dropped(functions))).isEqualTo(instructions.size());
        assertThat(num(functions, "llmCalls")).isPositive();
        assertThat((Boolean) functions.get("done")).isTrue();
        assertThat(candidates).isNotEmpty();
        assertThat(candidates.stream().map(InstructionCandidate::instructionId).distinct()).hasSameSizeAs(candidates);
        Set<String> ids = instructions.stream().map(i -> (String) i.get("instructionId")).collect(Collectors.toSet());
        assertThat(candidates).allSatisfy(c -> {
            assertThat(ids).contains(c.instructionId());
            assertThat(c.runId()).isEqualTo(runId);
            assertThat(c.answersRequested()).isEqualTo(3);
            assertThat(c.functions()).isNotEmpty().allSatisfy(f -> assertThat(f.code()).contains("def evaluate("));
            assertThat(c.cases()).isNotEmpty();
        });
    }

    @Test
    void badFunctionAnswersAreCountedAndDroppedNotFatal() {
        sim.fault("unparsable-json", 0.3);
        sim.fault("missing-keys", 0.2);
        sim.fault("wrong-function-name", 0.2);
        long brokenBefore = functionFaults("unparsable-json") + functionFaults("wrong-function-name");
        long missingKeysBefore = functionFaults("missing-keys");
        String runId = RunApiTest.submit("""
                {"name": "bad answers", "seedInstructions": ["Answer with at most 40 words.",
                  "Do not use any commas.", "End your response with a question mark.",
                  "Your entire response must be in lowercase letters.", "Include exactly 3 bullet points."],
                 "parameters": {"selfInstructRounds": 1, "functionsPerInstruction": 3, "seed": 7}}
                """);
        JsonPath run = awaitGenerated(runId);
        long broken = functionFaults("unparsable-json") + functionFaults("wrong-function-name") - brokenBefore;
        // Half of the simulator's missing-keys answers only rename the keys ("function", "tests"), which the parser
        // accepts on purpose; the other half lack the cases and are dropped.
        long missingKeys = functionFaults("missing-keys") - missingKeysBefore;
        long unparsable = run.getLong("generation.answersUnparsable");
        assertThat(broken).isPositive();
        assertThat(unparsable).isBetween(broken, broken + missingKeys);
        assertThat(run.getLong("generation.answersRequested")).isEqualTo(3L * run.getLong("generation.instructions"));
        Map<String, Object> functions = stage(run, "FUNCTION_GENERATION");
        assertThat(num(functions, "itemsOut") + dropped(functions).getOrDefault("no-parsable-function", 0))
                .isEqualTo(run.getLong("generation.instructions"));
        List<InstructionCandidate> candidates = candidates(runId, (int) num(functions, "itemsOut"));
        assertThat(candidates.stream().mapToLong(InstructionCandidate::answersUnparsable).sum()
                + 3L * dropped(functions).getOrDefault("no-parsable-function", 0)).isEqualTo(unparsable);
        assertThat(candidates).allSatisfy(c -> assertThat(c.functions()).hasSize(3 - c.answersUnparsable()));
    }

    @Test
    void a429StormIsSurvived() {
        sim.fault("http-429", 0.3);
        sim.retryAfterSeconds(1);
        long requestsBefore = sim.requests();
        long stormBefore = sim.faults("total", "http-429");
        String runId = RunApiTest.submit("""
                {"name": "storm", "seedInstructions": ["Answer with at most 40 words.", "Do not use any commas.",
                  "End your response with a question mark."],
                 "parameters": {"selfInstructRounds": 1, "functionsPerInstruction": 3, "seed": 11}}
                """);
        JsonPath run = awaitGenerated(runId);
        assertThat(sim.faults("total", "http-429") - stormBefore).isPositive();
        assertThat(run.getString("status")).isEqualTo("running");
        assertThat(run.getString("error")).isNull();
        assertThat(run.getLong("generation.generated")).isEqualTo(run.getLong("generation.instructions"));
        long reportedCalls = num(stage(run, "SELF_INSTRUCT"), "llmCalls")
                + num(stage(run, "FUNCTION_GENERATION"), "llmCalls");
        assertThat(reportedCalls).isEqualTo(sim.requests() - requestsBefore);
    }

    @Test
    void resubmittingTheSameRunIsServedFromTheCache() {
        String spec = """
                {"name": "cached", "seedInstructions": ["Answer with at most 60 words.", "Use no commas at all.",
                  "Wrap your entire response in double quotes."],
                 "parameters": {"selfInstructRounds": 2, "functionsPerInstruction": 3, "seed": 23}}
                """;
        String first = RunApiTest.submit(spec);
        JsonPath firstRun = awaitGenerated(first);
        long requestsAfterFirst = sim.requests();

        String second = RunApiTest.submit(spec);
        JsonPath secondRun = awaitGenerated(second);

        assertThat(sim.requests()).isEqualTo(requestsAfterFirst);
        assertThat(num(stage(secondRun, "SELF_INSTRUCT"), "llmCalls")).isZero();
        assertThat(num(stage(secondRun, "FUNCTION_GENERATION"), "llmCalls")).isZero();
        assertThat(num(stage(firstRun, "FUNCTION_GENERATION"), "llmCalls")).isPositive();
        assertThat(instructions(second).stream().map(i -> i.get("text")).toList())
                .isEqualTo(instructions(first).stream().map(i -> i.get("text")).toList());
        assertThat(secondRun.getLong("generation.functions")).isEqualTo(firstRun.getLong("generation.functions"));
    }

    @Test
    void cancellingARunStopsItsFunctionGeneration() {
        sim.latency("fixed:1500");
        // more instructions than instructions-in-flight, so that some were never started when the cancel landed
        String runId = RunApiTest.submit("""
                {"name": "cancelled midway", "seedInstructions": ["Answer with at most 70 words.",
                  "Do not use the letter q.", "End your response with an exclamation mark."],
                 "parameters": {"selfInstructRounds": 12, "functionsPerInstruction": 3, "seed": 47}}
                """);
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> get(runId).getLong("generation.instructions") > 0);
        given().when().post("/runs/" + runId + "/cancel").then().statusCode(200);
        await().atMost(RUN_TIMEOUT).until(worker::idle);

        JsonPath run = get(runId);
        assertThat(run.getString("status")).isEqualTo("cancelled");
        // At most the instructions already in flight when the cancel landed were finished.
        assertThat(run.getLong("generation.instructions")).isGreaterThan(inFlight);
        assertThat(run.getLong("generation.generated")).isLessThanOrEqualTo(inFlight);
        assertThat(store.resumableRunIds()).doesNotContain(runId);
    }

    @Test
    void aRunLeftRunningResumesFromTheCacheWithoutNewCallsOrDoubleCounting() {
        String runId = RunApiTest.submit("""
                {"name": "resumed", "seedInstructions": ["Answer with at most 30 words.",
                  "Do not use the letter z.", "Start your response with the word Yes."],
                 "parameters": {"selfInstructRounds": 1, "functionsPerInstruction": 3, "seed": 31}}
                """);
        JsonPath before = awaitGenerated(runId);
        List<Object> ids = instructions(runId).stream().map(i -> i.get("instructionId")).toList();
        long requests = sim.requests();

        forgetProgress(runId);
        worker.submit(runId);
        JsonPath after = awaitGenerated(runId);

        assertThat(sim.requests()).isEqualTo(requests);
        assertThat(instructions(runId).stream().map(i -> i.get("instructionId")).toList()).isEqualTo(ids);
        assertThat(after.getLong("generation.functions")).isEqualTo(before.getLong("generation.functions"));
        assertThat(num(stage(after, "FUNCTION_GENERATION"), "itemsIn")).isEqualTo(ids.size());
        assertThat(num(stage(after, "SELF_INSTRUCT"), "itemsOut")).isEqualTo(ids.size());
        long published = num(stage(after, "FUNCTION_GENERATION"), "itemsOut");
        List<ConsumerRecord<String, String>> records = TopicProbe.read(Topics.INSTRUCTIONS_CANDIDATES,
                (int) published * 2, r -> r.value().contains(runId), Duration.ofSeconds(30));
        assertThat(records).hasSize((int) published * 2);
        assertThat(records.stream().map(r -> EnvelopeCodec.decode(r.value(), MessageType.InstructionCandidate)
                .messageId()).distinct()).hasSize((int) published);
    }

    /** What a crash mid-run leaves behind, at its worst: state running and nothing of this service's work stored. */
    @Transactional
    void forgetProgress(String runId) {
        RunEntity run = RunEntity.findById(runId);
        run.state = RunState.RUNNING;
        run.selfInstructProgress = null;
        InstructionEntity.delete("runId", runId);
    }

    private static JsonPath awaitGenerated(String runId) {
        await().atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonPath p = get(runId);
            if ("failed".equals(p.getString("status"))) {
                throw new AssertionError("run failed: " + p.getString("error"));
            }
            Map<String, Object> f = stage(p, "FUNCTION_GENERATION");
            return p.getLong("generation.instructions") > 0
                    && p.getLong("generation.generated") == p.getLong("generation.instructions")
                    && Boolean.TRUE.equals(f.get("done"));
        });
        return get(runId);
    }

    private static JsonPath get(String runId) {
        return given().when().get("/runs/" + runId).then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> instructions(String runId) {
        return given().queryParam("size", 100).when().get("/runs/" + runId + "/instructions").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private static List<InstructionCandidate> candidates(String runId, int expected) {
        List<ConsumerRecord<String, String>> records = TopicProbe.read(Topics.INSTRUCTIONS_CANDIDATES, expected + 1,
                r -> r.value().contains(runId), Duration.ofSeconds(expected == 0 ? 2 : 5));
        List<InstructionCandidate> out = records.stream()
                .map(r -> EnvelopeCodec.<InstructionCandidate>decode(r.value(), MessageType.InstructionCandidate)
                        .payload())
                .filter(c -> c.runId().equals(runId)).toList();
        assertThat(records).allSatisfy(r -> assertThat(r.key()).startsWith("ins-"));
        Set<String> messageKeys = new HashSet<>();
        records.forEach(r -> messageKeys.add(r.key()));
        assertThat(messageKeys).as("one record per instruction").hasSize(out.size());
        return out;
    }

    private long functionFaults(String fault) {
        return sim.faults("verification-function", fault);
    }

    private static Map<String, Object> stage(JsonPath run, String stage) {
        return run.getMap("funnel.find { it.stage == '" + stage + "' }");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> dropped(Map<String, Object> stage) {
        return (Map<String, Integer>) stage.get("dropped");
    }

    private static long num(Map<String, Object> stage, String key) {
        return ((Number) stage.get(key)).longValue();
    }

    private static long sum(Map<String, Integer> m) {
        return m.values().stream().mapToLong(Integer::longValue).sum();
    }
}
