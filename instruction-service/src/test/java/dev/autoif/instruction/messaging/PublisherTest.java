package dev.autoif.instruction.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoif.contracts.InstructionCandidate;
import dev.autoif.contracts.InstructionOrigin;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.instruction.config.InstructionConfig;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A broker that acknowledges late (starved on a loaded machine): a run's own records wait the long pipeline timeout,
 * a client's request (a run spec) the short one, which a 503 answers.
 */
class PublisherTest {

    /** Acknowledges every record after a fixed delay. */
    static final class SlowBroker implements Emitter<String> {
        final List<Message<?>> sent = new CopyOnWriteArrayList<>();
        private final long ackAfterMs;
        private final ScheduledExecutorService timer;

        SlowBroker(long ackAfterMs, ScheduledExecutorService timer) {
            this.ackAfterMs = ackAfterMs;
            this.timer = timer;
        }

        @Override
        public CompletionStage<Void> send(String msg) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            send(Message.of(msg).withAck(() -> {
                f.complete(null);
                return CompletableFuture.completedFuture(null);
            }));
            return f;
        }

        @Override
        public <M extends Message<? extends String>> void send(M msg) {
            sent.add(msg);
            timer.schedule(() -> msg.ack(), ackAfterMs, TimeUnit.MILLISECONDS);
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private static InstructionConfig config(Duration publish, Duration pipeline) {
        return (InstructionConfig) Proxy.newProxyInstance(InstructionConfig.class.getClassLoader(),
                new Class<?>[] {InstructionConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "publishTimeout" -> publish;
                    case "pipelinePublishTimeout" -> pipeline;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aRunsOwnRecordsWaitForALateAcknowledgementAndAClientRequestDoesNot() {
        SlowBroker broker = new SlowBroker(400, timer);
        Publisher publisher = new Publisher(broker, broker, broker,
                config(Duration.ofMillis(100), Duration.ofSeconds(10)));

        publisher.progress("p-1", new StageProgress("run-1", Stage.FUNCTION_GENERATION, 1, 1, Map.of(), 1, 10, 20,
                false));
        assertThat(broker.sent).hasSize(1);

        RunSpec spec = new RunSpec("run-1", "late broker", List.of("Answer in English."), null, null, false, null);
        assertThatThrownBy(() -> publisher.runSpec(spec)).isInstanceOf(PublishException.class)
                .hasMessageContaining("within PT0.1S");
    }

    @Test
    void aRunsOwnRecordStillFailsOnceThePipelineTimeoutPasses() {
        SlowBroker broker = new SlowBroker(2_000, timer);
        Publisher publisher = new Publisher(broker, broker, broker,
                config(Duration.ofMillis(100), Duration.ofMillis(300)));
        assertThatThrownBy(() -> publisher.progress("p-2", new StageProgress("run-2", Stage.FUNCTION_GENERATION, 1,
                1, Map.of(), 1, 10, 20, false))).isInstanceOf(PublishException.class)
                .hasMessageContaining("within PT0.3S");
    }

    @Test
    void anInstructionsCandidateAndProgressAreBothSentBeforeEitherIsAcknowledged() throws Exception {
        SlowBroker broker = new SlowBroker(60_000, timer);
        Publisher publisher = new Publisher(broker, broker, broker,
                config(Duration.ofMillis(100), Duration.ofSeconds(30)));
        InstructionCandidate candidate = new InstructionCandidate("i-1", "run-1", "Answer in English.",
                InstructionOrigin.SEED, List.of(), List.of(), 1, 0);
        Thread publishing = Thread.ofVirtual().start(() -> publisher.generated(Optional.of(candidate), "p-3",
                new StageProgress("run-1", Stage.FUNCTION_GENERATION, 1, 1, Map.of(), 1, 10, 20, false)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (broker.sent.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        // sent one after the other, the second would wait for the first's acknowledgement (a minute away here)
        assertThat(broker.sent).hasSize(2);
        assertThat(publishing.isAlive()).isTrue();
        broker.sent.forEach(Message::ack);
        publishing.join(10_000);
        assertThat(publishing.isAlive()).isFalse();
    }
}
