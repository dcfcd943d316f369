package dev.autoif.query;

import static dev.autoif.query.Fixtures.envelope;
import static dev.autoif.query.Fixtures.params;
import static dev.autoif.query.Fixtures.payload;
import static dev.autoif.query.Fixtures.publishRun;
import static dev.autoif.query.Fixtures.sum;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.autoif.contracts.FunctionRef;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.ResponseAccepted;
import dev.autoif.contracts.ResponseSampled;
import dev.autoif.contracts.ResponseVerified;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.contracts.Verdict;
import dev.autoif.contracts.VerifiedResponse;
import dev.autoif.platform.messaging.RunSpecs;
import dev.autoif.query.domain.SampleIds;
import dev.autoif.query.persistence.ResampleBudget;
import dev.autoif.testinfra.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * responses.verified -> responses.accepted, resampling and giving up, with exact counts: the verified records are
 * made by hand with chosen pass rates.
 */
@QuarkusTest
class RejectionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    RunSpecs runSpecs;

    @Inject
    ResampleBudget budget;

    private static VerifiedResponse r(int index, double passRate) {
        return new VerifiedResponse(index, "response " + index + " passing " + passRate, passRate,
                List.of(passRate > 0 ? Verdict.PASS : Verdict.FAIL));
    }

    private static ResponseVerified verified(String runId, String instructionId, String queryId, int attempt,
            VerifiedResponse... responses) {
        return new ResponseVerified(SampleIds.sampleId(instructionId, queryId, attempt), runId, instructionId,
                SamplingTest.LOWERCASE, queryId, "How do I boil an egg? (" + queryId + ")", "prompt " + queryId,
                List.of(new FunctionRef(instructionId + "-f0", Fixtures.FUNCTION)), List.of(responses), attempt);
    }

    private static void send(ResponseVerified v) {
        TopicProbe.send(Topics.RESPONSES_VERIFIED, v.instructionId(),
                envelope("verified:" + v.sampleId(), v.runId(), MessageType.ResponseVerified, v));
    }

    private static List<ResponseAccepted> accepted(String runId, int count, Duration timeout) {
        return TopicProbe.read(Topics.RESPONSES_ACCEPTED, count,
                r -> runId.equals(Fixtures.<ResponseAccepted>payload(r, MessageType.ResponseAccepted).runId()),
                timeout).stream().map(r -> Fixtures.<ResponseAccepted>payload(r, MessageType.ResponseAccepted))
                .toList();
    }

    @Test
    void forwardResampleAndGiveUpWithExactCounts() {
        String runId = "run-" + UUID.randomUUID();
        publishRun(runSpecs, runId, params(4, 3, 1, 77), "sample");
        String i1 = runId + "-i1";
        String i2 = runId + "-i2";

        ResponseVerified forward = verified(runId, i1, "sample:1", 0, r(0, 1.0), r(1, 0.0), r(2, 0.75));
        ResponseVerified resample = verified(runId, i2, "sample:2", 0, r(0, 0.0), r(1, 0.5));
        ResponseVerified noBudget = verified(runId, i2, "sample:3", 0, r(0, 0.25));
        ResponseVerified secondTry = verified(runId, i1, "sample:4", 1, r(0, 0.0));
        // records run concurrently, so either of the two first attempts with nothing passing gets the budget of 1;
        // the other is given up (the second try of i1 may not be resampled at all)
        send(forward);
        send(resample);
        send(noBudget);
        send(secondTry);

        List<StageProgress> rejection = Fixtures.progress(runId, Stage.REJECTION, 4, WAIT);
        List<ResponseSampled> resampled = SamplingTest.sampled(runId, 1, WAIT);
        assertThat(resampled).hasSize(1);
        ResponseSampled again = resampled.getFirst();
        ResponseVerified granted = again.queryId().equals("sample:2") ? resample : noBudget;
        assertThat(again.sampleId()).isIn(SampleIds.sampleId(i2, "sample:2", 1), SampleIds.sampleId(i2, "sample:3", 1))
                .isEqualTo(SampleIds.sampleId(i2, granted.queryId(), 1));
        assertThat(again.attempt()).isEqualTo(1);
        assertThat(again.responses()).hasSize(3);
        assertThat(again.query()).isEqualTo(granted.query());
        assertThat(again.functions()).isEqualTo(granted.functions());

        // the resample, verified, recovers one response
        ResponseVerified recovered = verified(runId, i2, granted.queryId(), 1, r(0, 0.8), r(1, 0.2), r(2, 0.0));
        send(recovered);

        rejection = Fixtures.progress(runId, Stage.REJECTION, 5, WAIT);
        StageProgress total = sum(runId, Stage.REJECTION, rejection);
        assertThat(total.itemsIn()).isEqualTo(5);
        assertThat(total.itemsOut()).isEqualTo(3);
        assertThat(total.dropped()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "below-pass-rate", 1L + 2L + 1L + 1L + 2L,
                "resampled", 1L,
                "no-passing-response", 2L));
        assertThat(total.modes()).as("a recovered pair is a tally, not a loss")
                .containsExactly(Map.entry("recovered-by-resample", 1L));
        assertThat(budget.used(runId)).isEqualTo(1);

        List<ResponseAccepted> out = accepted(runId, 3, WAIT);
        assertThat(out).extracting(ResponseAccepted::responseId).containsExactlyInAnyOrder(
                SampleIds.responseId(forward.sampleId(), 0), SampleIds.responseId(forward.sampleId(), 2),
                SampleIds.responseId(recovered.sampleId(), 0));
        assertThat(out).filteredOn(a -> a.sampleId().equals(forward.sampleId())).allSatisfy(a -> {
            assertThat(a.instructionId()).isEqualTo(i1);
            assertThat(a.prompt()).isEqualTo(forward.prompt());
            assertThat(a.passRate()).isGreaterThan(0.5);
        });
    }

    @Test
    void theResampleIsCountedAsSamplingOutputBeforeTheRejectionThatCausedIt() {
        String runId = "run-" + UUID.randomUUID();
        publishRun(runSpecs, runId, params(4, 2, 5, 78), "sample");
        ResponseVerified none = verified(runId, runId + "-i", "sample:9", 0, r(0, 0.0));

        send(none);

        List<ConsumerRecord<String, String>> deltas = TopicProbe.read(Topics.RUNS_PROGRESS, 2,
                r -> runId.equals(r.key()), WAIT);
        assertThat(deltas).hasSize(2);
        StageProgress first = payload(deltas.get(0), MessageType.StageProgress);
        StageProgress second = payload(deltas.get(1), MessageType.StageProgress);
        assertThat(deltas.get(0).offset()).isLessThan(deltas.get(1).offset());
        assertThat(first.stage()).isEqualTo(Stage.QUERY_SAMPLING);
        assertThat(first.itemsIn()).isZero();
        assertThat(first.itemsOut()).isEqualTo(1);
        assertThat(first.llmCalls()).isPositive();
        assertThat(second.stage()).isEqualTo(Stage.REJECTION);
        assertThat(second.dropped()).containsEntry("resampled", 1L);
    }

    @Test
    void aRedeliveredVerifiedSampleForwardsNothingTwiceAndSpendsNoMoreBudget() {
        String runId = "run-" + UUID.randomUUID();
        publishRun(runSpecs, runId, params(4, 2, 1, 79), "sample");
        ResponseVerified pass = verified(runId, runId + "-i", "sample:5", 0, r(0, 1.0), r(1, 0.9));
        ResponseVerified none = verified(runId, runId + "-i", "sample:6", 0, r(0, 0.0));

        for (int i = 0; i < 2; i++) {
            send(pass);
            send(none);
        }

        assertThat(Fixtures.progress(runId, Stage.REJECTION, 2, WAIT)).hasSize(2);
        assertThat(accepted(runId, 3, Duration.ofSeconds(8))).hasSize(2);
        assertThat(Fixtures.progress(runId, Stage.REJECTION, 3, Duration.ofSeconds(3))).hasSize(2);
        assertThat(SamplingTest.sampled(runId, 2, Duration.ofSeconds(3))).hasSize(1);
        assertThat(budget.used(runId)).isEqualTo(1);
    }

    @Test
    void unreadableVerifiedSamplesGoToTheDeadLetterTopic() {
        String runId = "run-" + UUID.randomUUID();
        publishRun(runSpecs, runId, params(4, 2, 0, 80), "sample");
        ResponseVerified badRate = verified(runId, "bad-" + UUID.randomUUID(), "sample:7", 0, r(0, 1.7));
        String brokenKey = "broken-" + UUID.randomUUID();
        List<String> keys = new ArrayList<>(List.of(badRate.instructionId(), brokenKey));
        send(badRate);
        TopicProbe.send(Topics.RESPONSES_VERIFIED, brokenKey, "[]");
        ResponseVerified good = verified(runId, runId + "-i", "sample:8", 0, r(0, 1.0));
        send(good);

        List<ConsumerRecord<String, String>> dead = TopicProbe.read(Topics.dlq(Topics.RESPONSES_VERIFIED), 2,
                r -> keys.contains(r.key()), WAIT);

        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(dead.stream().filter(r -> r.key().equals(badRate.instructionId())).findFirst().orElseThrow())
                .satisfies(r -> assertThat(TopicProbe.header(r, "dead-letter-reason")).contains("pass rate"));
        assertThat(accepted(runId, 1, WAIT)).hasSize(1);
    }
}
