package dev.autoif.platform.messaging.step;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.platform.messaging.Progress;
import dev.autoif.platform.messaging.RunSpecs;
import dev.autoif.testinfra.KafkaResource;
import dev.autoif.testinfra.PostgresResource;
import dev.autoif.testinfra.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The guarantees of the one consumer step, through the real broker and PostgreSQL: exactly-once effect under
 * redelivery, bounded concurrency, dead-lettering, the cancelled-run policy, and the outbox sweep that sends what a
 * crash left committed but unsent.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class ConsumerStepTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ConsumerStep step;

    @Inject
    OutboxRelay relay;

    @Inject
    RunSpecs runSpecs;

    @Inject
    DatabaseOutage outage;

    @AfterEach
    void openGate() {
        StepTestConsumer.gate.countDown();
        StepTestConsumer.gate = new CountDownLatch(0);
    }

    @Test
    void aRecordDeliveredManyTimesTakesEffectOnce() {
        String runId = run(false);
        String messageId = "m-" + UUID.randomUUID();
        CountDownLatch gate = new CountDownLatch(1);
        StepTestConsumer.gate = gate;
        // two copies in flight at once, and a third after the first committed
        send(runId, messageId, delta(runId));
        send(runId, messageId, delta(runId));
        await().atMost(WAIT).until(() -> step.inFlight("step-test") == 2);
        gate.countDown();
        assertThat(outputs(runId, 1, WAIT)).hasSize(1);
        send(runId, messageId, delta(runId));
        String marker = "marker-" + UUID.randomUUID();
        send(runId, marker, delta(runId));

        List<ConsumerRecord<String, String>> out = outputs(runId, 3, Duration.ofSeconds(10));
        assertThat(out).extracting(r -> EnvelopeCodec.decode(r.value(), MessageType.StageProgress).messageId())
                .containsExactlyInAnyOrder("out:" + messageId, "out:" + marker);
        assertThat(out).allSatisfy(r -> assertThat(r.key()).isEqualTo(runId));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> OutboxRecord.count("messageId like ?1", "out:%") == 0));
    }

    @Test
    void recordsRunConcurrentlyUpToThePoolBound() {
        String runId = run(false);
        CountDownLatch gate = new CountDownLatch(1);
        StepTestConsumer.gate = gate;
        AtomicInteger peak = new AtomicInteger();
        for (int i = 0; i < 12; i++) {
            send(runId, "c-" + i + "-" + UUID.randomUUID(), delta(runId));
        }
        await().atMost(WAIT).until(() -> {
            peak.accumulateAndGet(step.inFlight("step-test"), Math::max);
            return step.inFlight("step-test") == 8;
        });
        for (int i = 0; i < 20; i++) {
            peak.accumulateAndGet(step.inFlight("step-test"), Math::max);
        }
        assertThat(peak.get()).as("max-concurrency of pool step-test").isEqualTo(8);
        gate.countDown();
        assertThat(outputs(runId, 12, WAIT)).hasSize(12);
    }

    @Test
    void rowsACrashLeftInTheOutboxAreSentByTheSweep() {
        String runId = run(false);
        StageProgress payload = delta(runId);
        Envelope<StageProgress> env = Envelope.of("orphan-" + UUID.randomUUID(), runId, MessageType.StageProgress,
                payload);
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxRecord r = new OutboxRecord();
            r.topic = StepTestConsumer.OUT;
            r.key = runId;
            r.messageId = env.messageId();
            r.payload = EnvelopeCodec.encode(env);
            r.createdAt = Instant.now().minusSeconds(60);
            r.persist();
        });

        assertThat(relay.sweep(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(1);

        assertThat(outputs(runId, 1, WAIT)).singleElement().satisfies(r -> {
            assertThat(EnvelopeCodec.decode(r.value(), MessageType.StageProgress).messageId())
                    .isEqualTo(env.messageId());
            assertThat(new String(r.headers().lastHeader("autoif-message-id").value(), StandardCharsets.UTF_8))
                    .isEqualTo(env.messageId());
        });
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> OutboxRecord.count("messageId", env.messageId()) == 0));
    }

    @Test
    void aCancelledRunsRecordsGetTheCancelledOutcomeOnly() {
        String runId = run(true);
        send(runId, "x-" + UUID.randomUUID(), delta(runId));
        List<ConsumerRecord<String, String>> out = outputs(runId, 1, WAIT);
        assertThat(out).singleElement().satisfies(r -> assertThat(
                EnvelopeCodec.decode(r.value(), MessageType.StageProgress).messageId()).startsWith("cancelled:"));
        assertThat(outputs(runId, 2, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void aBudgetExhaustedRunsRecordsWaitAndAreProcessedOnceTheBudgetIsRaised() {
        String runId = run(false);
        RunSpec spec = runSpecs.find(runId).orElseThrow();
        publish(spec.withBudget(0.01, true), "run:" + runId + ":paused");
        await().atMost(WAIT).until(() -> runSpecs.find(runId).map(RunSpec::budgetExhausted).orElse(false));
        String messageId = "p-" + UUID.randomUUID();
        send(runId, messageId, delta(runId));

        await().atMost(WAIT).until(() -> step.inFlight("step-test") == 1);
        assertThat(outputs(runId, 1, Duration.ofSeconds(3))).isEmpty();
        assertThat(TopicProbe.read("step.test.dlq", 1, r -> runId.equals(r.key()), Duration.ofSeconds(1))).isEmpty();
        assertThat(step.inFlight("step-test")).isEqualTo(1);

        publish(spec.withBudget(1.0, false), "run:" + runId + ":resumed");
        assertThat(outputs(runId, 1, WAIT)).singleElement().satisfies(r -> assertThat(
                EnvelopeCodec.decode(r.value(), MessageType.StageProgress).messageId()).isEqualTo("out:" + messageId));
    }

    @Test
    void aRecordWaitsOutADatabaseOutageWithTheServiceNotReadyAndIsDeadLetteredOnlyPastTheLimit() {
        // more failures than the step once retried (4) before dead-lettering; backoff 50 ms doubling to 200 ms here
        String runId = run(false);
        StepTestConsumer.databaseDown.put(runId, new AtomicInteger(12));
        String messageId = "db-" + UUID.randomUUID();
        send(runId, messageId, delta(runId));
        await().atMost(WAIT).until(() -> outage.check().getStatus() == HealthCheckResponse.Status.DOWN);
        assertThat(outage.check().getData().orElseThrow().get("step-test")).isEqualTo(1L);
        assertThat(outputs(runId, 1, WAIT)).singleElement().satisfies(r -> assertThat(
                EnvelopeCodec.decode(r.value(), MessageType.StageProgress).messageId()).isEqualTo("out:" + messageId));
        assertThat(StepTestConsumer.databaseDown.get(runId).get()).isNegative();
        await().atMost(WAIT).until(() -> outage.check().getStatus() == HealthCheckResponse.Status.UP);
        assertThat(TopicProbe.read("step.test.dlq", 1, r -> runId.equals(r.key()), Duration.ofSeconds(1))).isEmpty();

        // an outage longer than database-outage-limit (4 s here): the record goes to the dead-letter topic after all
        String longer = run(false);
        StepTestConsumer.databaseDown.put(longer, new AtomicInteger(Integer.MAX_VALUE));
        long sent = System.nanoTime();
        send(longer, "db-long-" + UUID.randomUUID(), delta(longer));
        List<ConsumerRecord<String, String>> dead = TopicProbe.read("step.test.dlq", 1,
                r -> longer.equals(r.key()), WAIT);
        assertThat(dead).singleElement().satisfies(r -> assertThat(new String(r.headers()
                .lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)).contains("storing failed"));
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        StepTestConsumer.databaseDown.remove(longer);
        assertThat(outputs(longer, 1, Duration.ofSeconds(1))).isEmpty();
        await().atMost(WAIT).until(() -> outage.check().getStatus() == HealthCheckResponse.Status.UP);
    }

    @Test
    void unreadableRecordsAndUnknownRunsAreDeadLetteredWithTheReason() {
        String broken = "broken-" + UUID.randomUUID();
        String unknown = "unknown-" + UUID.randomUUID();
        TopicProbe.send("step.test", broken, "{not json");
        send(unknown, "u-" + UUID.randomUUID(), delta(unknown));

        List<ConsumerRecord<String, String>> dead = TopicProbe.read("step.test.dlq", 2,
                r -> broken.equals(r.key()) || unknown.equals(r.key()), WAIT);
        assertThat(dead).hasSize(2);
        assertThat(dead).extracting(r -> new String(r.headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8)).anySatisfy(reason -> assertThat(reason).contains("broken JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("unknown run " + unknown));
    }

    @Test
    void deadLetteredRecordsAreListedAndReplayedOnceTheirCauseIsMended() {
        // a record whose run's spec has not arrived: dead-lettered after run-spec-wait (3 s here); and an unreadable one
        String late = "late-" + UUID.randomUUID();
        String messageId = "dl-" + UUID.randomUUID();
        send(late, messageId, delta(late));
        String broken = "broken-" + UUID.randomUUID();
        TopicProbe.send("step.test", broken, "{not json");
        await().atMost(WAIT).until(() -> waitingKeys().containsAll(List.of(late, broken)));

        Map<String, Object> entry = given().get("/admin/dead-letters/step.test.dlq?limit=500").then().statusCode(200)
                .body("source", equalTo("step.test")).extract().jsonPath()
                .getMap("entries.find { it.key == '" + late + "' }");
        assertThat((String) entry.get("reason")).contains("unknown run " + late);
        assertThat(entry.get("sourceTopic")).isEqualTo("step.test");
        assertThat(entry.get("sourceOffset")).isNotNull();
        assertThat((String) entry.get("value")).contains(messageId);
        List<Map<String, Object>> topics = given().get("/admin/dead-letters").then().statusCode(200).extract()
                .jsonPath().getList("$");
        assertThat(topics).anySatisfy(t -> {
            assertThat(t.get("topic")).isEqualTo("step.test.dlq");
            assertThat(t.get("source")).isEqualTo("step.test");
            assertThat(((Number) t.get("waiting")).longValue()).isGreaterThanOrEqualTo(2);
        }).anySatisfy(t -> assertThat(t.get("topic")).isEqualTo("runs.dlq"));

        // mend the cause (the spec arrives), replay: the record takes effect, once
        run(late, false);
        Map<String, Object> replay = given().post("/admin/dead-letters/step.test.dlq/replay").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        assertThat(((Number) replay.get("replayed")).intValue()).isGreaterThanOrEqualTo(2);
        assertThat(((Map<?, ?>) replay.get("reasons")).keySet()).anySatisfy(
                reason -> assertThat((String) reason).contains("unknown run " + late));
        assertThat(outputs(late, 1, WAIT)).singleElement().satisfies(r -> assertThat(
                EnvelopeCodec.decode(r.value(), MessageType.StageProgress).messageId()).isEqualTo("out:" + messageId));
        // the unreadable one fails again and waits again, past the cursor; the mended one no longer waits
        await().atMost(WAIT).until(() -> waitingKeys().contains(broken));
        assertThat(waitingKeys()).doesNotContain(late);
        given().post("/admin/dead-letters/step.test.dlq/replay").then().statusCode(200);
        assertThat(outputs(late, 2, Duration.ofSeconds(3))).hasSize(1);

        // bad input: a clear problem, nothing replayed
        given().get("/admin/dead-letters/step.test").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("step.test.dlq"));
        given().post("/admin/dead-letters/step.test.dlq/replay?limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().get("/admin/dead-letters/step.test.dlq?limit=lots").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    private static List<String> waitingKeys() {
        return given().get("/admin/dead-letters/step.test.dlq?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("entries.key");
    }

    private String run(boolean cancelled) {
        return run("run-" + UUID.randomUUID(), cancelled);
    }

    private String run(String runId, boolean cancelled) {
        RunSpec spec = new RunSpec(runId, "step test", List.of("Answer in one sentence."), RunParameters.defaults(),
                "sample", false, Instant.now());
        if (cancelled) {
            spec = spec.cancel();
        }
        TopicProbe.send(Topics.RUNS, runId, EnvelopeCodec.encode(Envelope.of("run:" + runId, runId,
                MessageType.RunSpec, spec)));
        await().atMost(WAIT).until(() -> runSpecs.find(runId).map(s -> s.cancelled() == cancelled).orElse(false));
        return runId;
    }

    private static void publish(RunSpec spec, String messageId) {
        TopicProbe.send(Topics.RUNS, spec.runId(), EnvelopeCodec.encode(Envelope.of(messageId, spec.runId(),
                MessageType.RunSpec, spec)));
    }

    private static StageProgress delta(String runId) {
        return Progress.delta(runId, Stage.EXPORT, 1, 1, Map.of());
    }

    private static void send(String runId, String messageId, StageProgress p) {
        TopicProbe.send("step.test", runId, EnvelopeCodec.encode(Envelope.of(messageId, runId,
                MessageType.StageProgress, p)));
    }

    private static List<ConsumerRecord<String, String>> outputs(String runId, int count, Duration timeout) {
        return TopicProbe.read(StepTestConsumer.OUT, count, r -> runId.equals(r.key()), timeout);
    }
}
