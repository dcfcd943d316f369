package dev.autoif.judge.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.JudgeStatus;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseAccepted;
import dev.autoif.contracts.ResponseJudged;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Threshold;
import dev.autoif.contracts.Topics;
import dev.autoif.testinfra.SimulatorControl;
import dev.autoif.judge.domain.JudgePolicy;
import dev.autoif.judge.persistence.StoredJudgement;
import dev.autoif.platform.messaging.RunSpecs;
import dev.autoif.testinfra.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * responses.accepted -> responses.judged through the real broker, PostgreSQL and the LLM simulator playing the
 * judge. The simulator scores an on-topic response that keeps a recognised instruction 8-10 and an off-topic one
 * 1-3, so outcomes are asserted by range, and boundaries with the judge's own score.
 */
@QuarkusTest
class JudgeFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String INSTRUCTION = "Write everything in lowercase, without a single capital letter.";
    private static final String QUERY = "Describe the history of lighthouses.";
    private static final String ON_TOPIC = "lighthouses began as fires on hills; later towers with lamps and lenses"
            + " warned ships of rocks, and today most lighthouses run automatically.";
    private static final String OFF_TOPIC = "bread rises when yeast eats sugar and releases gas inside the dough.";

    @Inject
    RunSpecs runSpecs;

    @ConfigProperty(name = "autoif.llm.base-url")
    String llmBaseUrl;

    @ConfigProperty(name = "autoif.llm.max-concurrency", defaultValue = "8")
    int maxConcurrency;

    private SimulatorControl simulator;

    @BeforeEach
    void obedientJudge() {
        simulator = new SimulatorControl(llmBaseUrl);
        simulator.obedient();
    }

    @Test
    void keepsAGoodResponseDropsAnOffTopicOneAndReportsProgress() {
        String runId = startRun(Threshold.atLeast(8), 1);
        ResponseAccepted good = accepted(runId, fresh(ON_TOPIC));
        ResponseAccepted bad = accepted(runId, fresh(OFF_TOPIC));
        send(good);
        send(bad);

        ConsumerRecord<String, String> goodRecord = judgedRecords(good, 1).getFirst();
        ResponseJudged goodJudged = payload(goodRecord);
        ResponseJudged badJudged = judged(bad);

        assertThat(goodRecord.key()).isEqualTo(good.instructionId());
        assertThat(goodJudged.status()).isEqualTo(JudgeStatus.SCORED);
        assertThat(goodJudged.score()).isBetween(8.0, 10.0);
        assertThat(goodJudged.kept()).isTrue();
        assertThat(goodJudged.analysis()).contains("addresses the subject of the query").doesNotContain("Score:");
        assertThat(goodJudged.response()).isEqualTo(good.response());
        assertThat(goodJudged.passRate()).isEqualTo(good.passRate());
        assertThat(badJudged.score()).isBetween(1.0, 3.0);
        assertThat(badJudged.kept()).isFalse();
        assertThat(badJudged.analysis()).contains("something other than what the query asks");

        List<StageProgress> deltas = progress(runId, 2);
        assertThat(deltas).hasSize(2).allSatisfy(d -> {
            assertThat(d.stage()).isEqualTo(Stage.JUDGE);
            assertThat(d.itemsIn()).isEqualTo(1);
            assertThat(d.promptTokens()).isPositive();
            assertThat(d.completionTokens()).isPositive();
        });
        assertThat(deltas.stream().mapToLong(StageProgress::itemsOut).sum()).isEqualTo(1);
        assertThat(deltas.stream().mapToLong(StageProgress::llmCalls).sum()).isEqualTo(2);
        // the run's model (the default, gpt-4o-mini) has a price
        assertThat(deltas.stream().mapToLong(StageProgress::costMicroUsd).sum()).isPositive();
        assertThat(deltas.stream().mapToLong(StageProgress::unknownPriceCalls).sum()).isZero();
        assertThat(deltas).flatExtracting(d -> d.dropped().entrySet()).singleElement()
                .satisfies(e -> assertThat(e.getKey()).isEqualTo(JudgePolicy.BELOW_JUDGE_THRESHOLD))
                .satisfies(e -> assertThat(e.getValue()).isEqualTo(1L));

        StoredJudgement stored = stored(runId, bad.responseId());
        assertThat(stored.kept).isFalse();
        assertThat(stored.dropReason).isEqualTo(JudgePolicy.BELOW_JUDGE_THRESHOLD);
        assertThat(stored.score).isEqualTo(badJudged.score());
    }

    @Test
    void strictAndInclusiveThresholdsAtTheJudgesOwnScore() {
        String response = fresh(ON_TOPIC);
        String probeRun = startRun(Threshold.atLeast(0), 1);
        ResponseAccepted probe = accepted(probeRun, response);
        send(probe);
        double score = judged(probe).score();
        long judgeRequests = judgeRequests();

        String inclusiveRun = startRun(Threshold.atLeast(score), 1);
        String strictRun = startRun(Threshold.above(score), 1);
        ResponseAccepted inclusive = accepted(inclusiveRun, response);
        ResponseAccepted strict = accepted(strictRun, response);
        send(inclusive);
        send(strict);

        ResponseJudged kept = judged(inclusive);
        ResponseJudged dropped = judged(strict);
        assertThat(kept.score()).isEqualTo(score);
        assertThat(kept.kept()).as("score %s meets >= %s", score, score).isTrue();
        assertThat(dropped.score()).isEqualTo(score);
        assertThat(dropped.kept()).as("score %s does not pass > %s", score, score).isFalse();
        assertThat(stored(strictRun, strict.responseId()).dropReason).isEqualTo(JudgePolicy.BELOW_JUDGE_THRESHOLD);
        // Same prompt, model and seed: the judge's answer came from the LLM cache, no new request, nothing billed.
        assertThat(judgeRequests()).isEqualTo(judgeRequests);
        assertThat(progress(strictRun, 1)).singleElement().satisfies(d -> assertThat(d.llmCalls()).isZero());
    }

    @Test
    void anAnswerWithoutAScoreIsRetriedOnceThenUnscoredAndCounted() {
        simulator.fault("judge-no-score", 1.0);
        String runId = startRun(Threshold.atLeast(0), 1);
        ResponseAccepted r = accepted(runId, fresh(ON_TOPIC));
        long before = judgeRequests();
        long choicesBefore = simulator.choices("judge");
        send(r);

        ResponseJudged j = judged(r);

        assertThat(j.status()).isEqualTo(JudgeStatus.UNSCORED);
        assertThat(j.score()).isNull();
        assertThat(simulator.choices("judge") - choicesBefore).isEqualTo(2);
        assertThat(j.kept()).as("a threshold of >= 0 must not keep an unscored response").isFalse();
        assertThat(j.analysis()).contains("no 'Score:' line");
        assertThat(judgeRequests() - before).as("the first ask and exactly one retry").isEqualTo(2);
        StageProgress delta = progress(runId, 1).getFirst();
        assertThat(delta.dropped()).containsExactlyEntriesOf(java.util.Map.of(JudgePolicy.UNSCORED, 1L));
        assertThat(delta.itemsOut()).isZero();
        assertThat(delta.llmCalls()).isEqualTo(2);
        assertThat(stored(runId, r.responseId()).status).isEqualTo(JudgeStatus.UNSCORED);
    }

    @Test
    void outOfRangeScoresAreUnreadableToo() {
        simulator.fault("judge-out-of-range", 1.0);
        String runId = startRun(Threshold.atLeast(8), 3);
        ResponseAccepted r = accepted(runId, fresh(ON_TOPIC));
        long choicesBefore = simulator.choices("judge");
        send(r);

        ResponseJudged j = judged(r);

        assertThat(j.status()).isEqualTo(JudgeStatus.UNSCORED);
        assertThat(j.analysis()).contains("outside 0..10");
        StoredJudgement stored = stored(runId, r.responseId());
        assertThat(stored.samples).isEqualTo(3);
        assertThat(stored.scoredSamples).isZero();
        assertThat(simulator.choices("judge") - choicesBefore).as("three samples asked, three asked again")
                .isEqualTo(6);
    }

    @Test
    void severalJudgeSamplesAreAveraged() {
        String runId = startRun(Threshold.atLeast(8), 3);
        ResponseAccepted r = accepted(runId, fresh(ON_TOPIC));
        send(r);

        ResponseJudged j = judged(r);
        StoredJudgement stored = stored(runId, r.responseId());

        assertThat(stored.samples).isEqualTo(3);
        assertThat(stored.scoredSamples).isEqualTo(3);
        assertThat(j.analysis()).contains("[judge sample 1, score ", "[judge sample 3, score ");
        double mean = java.util.regex.Pattern.compile("score (\\d+)]").matcher(j.analysis()).results()
                .mapToDouble(m -> Double.parseDouble(m.group(1))).average().orElseThrow();
        assertThat(j.score()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void theSameRecordTwiceIsJudgedOnceAndBilledOnce() {
        String runId = startRun(Threshold.atLeast(8), 1);
        ResponseAccepted r = accepted(runId, fresh(ON_TOPIC));
        String messageId = "verifier:" + UUID.randomUUID();
        send(messageId, r);
        ResponseJudged first = judged(r);
        long requests = judgeRequests();

        send(messageId, r);
        send("verifier:" + UUID.randomUUID(), r);
        ResponseAccepted marker = accepted(runId, fresh(OFF_TOPIC), r.instructionId());
        send(marker);
        judged(marker);

        // The marker shares the instruction id (the key), so it sits behind the duplicates in the same partition.
        assertThat(judgedRecords(r, 2)).hasSize(1);
        assertThat(judgeRequests() - requests).as("only the marker was sent to the judge").isEqualTo(1);
        assertThat(progress(runId, 3)).hasSize(2);
        assertThat(stored(runId, r.responseId()).score).isEqualTo(first.score());
        assertThat(QuarkusTransaction.requiringNew().call(() -> StoredJudgement.count("runId", runId))).isEqualTo(2);
    }

    @Test
    void aCancelledRunsResponsesAreNotJudged() {
        String cancelled = startRun(Threshold.atLeast(8), 1);
        TopicProbe.send(Topics.RUNS, cancelled, EnvelopeCodec.encode(Envelope.random(cancelled, MessageType.RunSpec,
                spec(cancelled, Threshold.atLeast(8), 1).cancel())));
        await().atMost(WAIT).until(() -> runSpecs.isCancelled(cancelled));
        String live = startRun(Threshold.atLeast(8), 1);
        ResponseAccepted r = accepted(cancelled, fresh(ON_TOPIC));
        ResponseAccepted marker = accepted(live, fresh(ON_TOPIC), r.instructionId());
        long before = judgeRequests();
        send(r);
        send(marker);

        judged(marker);

        assertThat(judgedRecords(r, 1, Duration.ofSeconds(3))).isEmpty();
        assertThat(judgeRequests() - before).as("only the live run's response was judged").isEqualTo(1);
    }

    @Test
    void brokenRecordsGoToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String runId = startRun(Threshold.atLeast(8), 1);
        String brokenKey = "broken-" + UUID.randomUUID();
        String wrongTypeKey = "wrong-type-" + UUID.randomUUID();
        String incompleteKey = "incomplete-" + UUID.randomUUID();
        String unknownRunKey = "unknown-run-" + UUID.randomUUID();
        TopicProbe.send(Topics.RESPONSES_ACCEPTED, brokenKey, "{\"messageId\": ");
        TopicProbe.send(Topics.RESPONSES_ACCEPTED, wrongTypeKey, EnvelopeCodec.encode(
                Envelope.random(runId, MessageType.RunSpec, spec(runId, Threshold.atLeast(8), 1))));
        ResponseAccepted incomplete = new ResponseAccepted("resp-" + UUID.randomUUID(), "s", runId, incompleteKey,
                INSTRUCTION, "q", QUERY, QUERY, null, 1.0);
        TopicProbe.send(Topics.RESPONSES_ACCEPTED, incompleteKey,
                EnvelopeCodec.encode(Envelope.random(runId, MessageType.ResponseAccepted, incomplete)));
        ResponseAccepted orphan = accepted("no-such-run-" + UUID.randomUUID(), fresh(ON_TOPIC), unknownRunKey);
        send(orphan);
        ResponseAccepted good = accepted(runId, fresh(ON_TOPIC));
        send(good);

        List<String> keys = List.of(brokenKey, wrongTypeKey, incompleteKey, unknownRunKey);
        List<ConsumerRecord<String, String>> dead = TopicProbe.read(Topics.dlq(Topics.RESPONSES_ACCEPTED), 4,
                rec -> keys.contains(rec.key()), WAIT);

        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(reason(dead, brokenKey)).contains("broken JSON");
        assertThat(reason(dead, wrongTypeKey)).contains("expected type ResponseAccepted");
        assertThat(reason(dead, incompleteKey)).contains("without response");
        assertThat(reason(dead, unknownRunKey)).contains("unknown run " + orphan.runId());
        assertThat(judged(good).kept()).isTrue();
        assertThat(judgedRecords(orphan, 1, Duration.ofSeconds(3))).isEmpty();
    }

    /**
     * Responses are judged concurrently, up to the LLM client's limit: with the judge taking 400 ms a call, the
     * simulator's own count of requests in flight at once reaches the client's max-concurrency (8), where one record
     * at a time would never have more than one.
     */
    @Test
    void responsesAreJudgedConcurrentlyUpToTheLlmClientsLimit() {
        String runId = startRun(Threshold.atLeast(8), 1);
        simulator.latency("fixed:400");
        simulator.resetPeakInFlight();
        try {
            List<ResponseAccepted> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                ResponseAccepted r = accepted(runId, fresh(ON_TOPIC));
                batch.add(r);
                send(r);
            }
            for (ResponseAccepted r : batch) {
                judged(r);
            }
            long peak = simulator.peakInFlight("judge");
            System.out.printf("judge requests in flight at once: %d (client max-concurrency %d)%n", peak,
                    maxConcurrency);
            // serial consumers never had more than one. Not an upper-bound test (llm-client tests the client's own
            // bound): the simulator counts a request until its handler returns, a moment after the client has the
            // answer and may already have sent the next request, so the peak can read one above the limit.
            assertThat(peak).as("judge requests in flight at once").isGreaterThanOrEqualTo(maxConcurrency);
        } finally {
            simulator.latency("fixed:0");
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private String startRun(Threshold threshold, int judgeSamples) {
        String runId = "run-" + UUID.randomUUID();
        TopicProbe.send(Topics.RUNS, runId,
                EnvelopeCodec.encode(Envelope.random(runId, MessageType.RunSpec, spec(runId, threshold, judgeSamples))));
        assertThat(runSpecs.await(runId, WAIT)).isPresent();
        return runId;
    }

    private static RunSpec spec(String runId, Threshold threshold, int judgeSamples) {
        RunParameters d = RunParameters.defaults();
        RunParameters p = new RunParameters(d.selfInstructRounds(), d.functionsPerInstruction(),
                d.functionAccuracy(), d.caseAccuracy(), d.minFunctions(), d.minCases(),
                d.backTranslationsPerInstruction(), d.nliPolicy(), d.queriesPerInstruction(), d.responsesPerQuery(),
                d.responsePassRate(), d.resampleBudget(), threshold, judgeSamples, d.models(), d.seed());
        return new RunSpec(runId, "judge test", List.of(INSTRUCTION), p, RunSpec.DEFAULT_CORPUS, false,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /**
     * The text with a unique lowercase tag: the LLM cache is shared by the whole suite and keyed by the prompt, so
     * a test that wants the judge to be asked needs a response no other test used.
     */
    private static String fresh(String response) {
        return response + " (ref " + UUID.randomUUID() + ")";
    }

    private static ResponseAccepted accepted(String runId, String response) {
        return accepted(runId, response, "ins-" + UUID.randomUUID());
    }

    private static ResponseAccepted accepted(String runId, String response, String instructionId) {
        String sampleId = "sample-" + UUID.randomUUID();
        return new ResponseAccepted(sampleId + ":0", sampleId, runId, instructionId, INSTRUCTION, "query-1", QUERY,
                INSTRUCTION + "\n" + QUERY, response, 1.0);
    }

    private static void send(ResponseAccepted r) {
        send("verifier:" + r.responseId(), r);
    }

    private static void send(String messageId, ResponseAccepted r) {
        TopicProbe.send(Topics.RESPONSES_ACCEPTED, r.instructionId(),
                EnvelopeCodec.encode(Envelope.of(messageId, r.runId(), MessageType.ResponseAccepted, r)));
    }

    private static List<ConsumerRecord<String, String>> judgedRecords(ResponseAccepted r, int count) {
        return judgedRecords(r, count, count == 1 ? WAIT : Duration.ofSeconds(5));
    }

    private static List<ConsumerRecord<String, String>> judgedRecords(ResponseAccepted r, int count,
            Duration timeout) {
        return TopicProbe.read(Topics.RESPONSES_JUDGED, count, rec -> {
            ResponseJudged j = payload(rec);
            return j.runId().equals(r.runId()) && j.responseId().equals(r.responseId());
        }, timeout);
    }

    private static ResponseJudged judged(ResponseAccepted r) {
        List<ConsumerRecord<String, String>> found = judgedRecords(r, 1);
        assertThat(found).as("a judgement for %s", r.responseId()).isNotEmpty();
        return payload(found.getFirst());
    }

    private static ResponseJudged payload(ConsumerRecord<String, String> rec) {
        Envelope<ResponseJudged> e = EnvelopeCodec.decode(rec.value(), MessageType.ResponseJudged);
        return e.payload();
    }

    /** Reads up to {@code count} of the run's deltas; asking for more than exist waits a few seconds. */
    private static List<StageProgress> progress(String runId, int count) {
        return TopicProbe.read(Topics.RUNS_PROGRESS, count, rec -> runId.equals(rec.key()), Duration.ofSeconds(10))
                .stream().map(rec -> EnvelopeCodec.<StageProgress>decode(rec.value(), MessageType.StageProgress)
                        .payload())
                .toList();
    }

    private static StoredJudgement stored(String runId, String responseId) {
        return QuarkusTransaction.requiringNew().call(() -> StoredJudgement.find(runId, responseId).orElseThrow());
    }

    private long judgeRequests() {
        return simulator.requests("judge");
    }

    private static String reason(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key)).map(r -> TopicProbe.header(r, "dead-letter-reason"))
                .findFirst().orElseThrow();
    }
}
