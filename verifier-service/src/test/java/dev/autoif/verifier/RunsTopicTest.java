package dev.autoif.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Topics;
import dev.autoif.platform.messaging.KnownRun;
import dev.autoif.platform.messaging.RunSpecs;
import dev.autoif.testinfra.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The runs topic through the real broker into PostgreSQL, and bad records into the dead-letter topic. */
@QuarkusTest
class RunsTopicTest {

    @Inject
    RunSpecs runSpecs;

    private static RunSpec spec(String runId) {
        return new RunSpec(runId, "demo", List.of("Answer in lowercase letters only."), RunParameters.defaults(),
                RunSpec.DEFAULT_CORPUS, false, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static String envelope(RunSpec spec) {
        return EnvelopeCodec.encode(Envelope.random(spec.runId(), MessageType.RunSpec, spec));
    }

    @Test
    void aRunSpecTravelsThroughTheBrokerIntoTheDatabase() {
        String runId = "run-" + UUID.randomUUID();
        TopicProbe.send(Topics.RUNS, runId, envelope(spec(runId)));

        Optional<RunSpec> stored = runSpecs.await(runId, Duration.ofSeconds(30));

        assertThat(stored).contains(spec(runId));
    }

    @Test
    void applyingTheSameSpecTwiceLeavesOneRow() {
        String runId = "run-" + UUID.randomUUID();
        String record = envelope(spec(runId));
        TopicProbe.send(Topics.RUNS, runId, record);
        TopicProbe.send(Topics.RUNS, runId, envelope(spec(runId).cancel()));
        TopicProbe.send(Topics.RUNS, runId, record.replace("\"cancelled\":false", "\"cancelled\":true"));

        await().atMost(Duration.ofSeconds(30)).until(() -> runSpecs.isCancelled(runId));
        assertThat(countRows(runId)).isEqualTo(1);
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithAReasonAndTheConsumerKeepsGoing() {
        String brokenKey = "broken-" + UUID.randomUUID();
        String futureKey = "future-" + UUID.randomUUID();
        String invalidKey = "invalid-" + UUID.randomUUID();
        String goodRun = "run-" + UUID.randomUUID();
        TopicProbe.send(Topics.RUNS, brokenKey, "{this is not json");
        TopicProbe.send(Topics.RUNS, futureKey, envelope(spec(futureKey)).replace("\"schemaVersion\":1",
                "\"schemaVersion\":7"));
        TopicProbe.send(Topics.RUNS, invalidKey, envelope(new RunSpec(invalidKey, "", List.of(),
                RunParameters.defaults(), "sample", false, Instant.now())));
        TopicProbe.send(Topics.RUNS, goodRun, envelope(spec(goodRun)));

        List<ConsumerRecord<String, String>> dead = TopicProbe.read(Topics.dlq(Topics.RUNS), 3,
                r -> List.of(brokenKey, futureKey, invalidKey).contains(r.key()), Duration.ofSeconds(60));

        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(brokenKey, futureKey, invalidKey);
        assertThat(dead).allSatisfy(r -> assertThat(TopicProbe.header(r, "dead-letter-reason")).isNotBlank());
        assertThat(reason(dead, brokenKey)).contains("broken JSON");
        assertThat(reason(dead, futureKey)).contains("unknown schema version 7");
        assertThat(reason(dead, invalidKey)).contains("name must not be blank");
        assertThat(runSpecs.await(goodRun, Duration.ofSeconds(30))).isPresent();
        assertThat(runSpecs.find(brokenKey)).isEmpty();
    }

    private static String reason(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key)).map(r -> TopicProbe.header(r, "dead-letter-reason"))
                .findFirst().orElseThrow();
    }

    @Transactional
    long countRows(String runId) {
        return KnownRun.count("runId", runId);
    }
}
