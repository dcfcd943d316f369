package dev.autoif.instruction.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InstructionCandidate;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.StageProgress;
import dev.autoif.instruction.config.InstructionConfig;
import dev.autoif.platform.messaging.KafkaMessages;
import dev.autoif.platform.messaging.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Everything this service writes to Kafka. Each send waits for the broker's acknowledgement, so the caller only
 * records "published" for what the broker really has; a crash in between means a re-publish under the same message
 * id, which consumers drop.
 */
@ApplicationScoped
public class Publisher {

    private final Emitter<String> runs;
    private final Emitter<String> progress;
    private final Emitter<String> candidates;
    private final InstructionConfig config;

    public Publisher(@Channel(Channels.RUNS_OUT) Emitter<String> runs,
            @Channel(Channels.PROGRESS_OUT) Emitter<String> progress,
            @Channel(Channels.CANDIDATES) Emitter<String> candidates, InstructionConfig config) {
        this.runs = runs;
        this.progress = progress;
        this.candidates = candidates;
        this.config = config;
    }

    /** The latest spec of a run, keyed by run id (the topic is compacted: the latest wins). */
    public void runSpec(RunSpec spec) {
        String messageId = "run:" + spec.runId() + (spec.cancelled() ? ":cancelled" : "")
                // each budget change is news to every consumer (a redelivery of one is still dropped)
                + (spec.maxCostUsd() == null ? "" : ":budget:" + spec.maxCostUsd() + ":" + spec.budgetExhausted()
                        + ":" + System.currentTimeMillis());
        await(KafkaMessages.send(runs, spec.runId(), Envelope.of(messageId, spec.runId(), MessageType.RunSpec, spec)));
    }

    /** A pipeline record: waits up to {@code pipeline-publish-timeout} (no client waits on it). */
    public void progress(String messageId, StageProgress delta) {
        await(Progress.send(progress, messageId, delta), config.pipelinePublishTimeout());
    }

    /** Keyed by instruction id; the message id is derived from it, so a re-publish is recognisable. */
    private CompletionStage<Void> send(InstructionCandidate c) {
        return KafkaMessages.send(candidates, c.instructionId(), Envelope.of("candidate:" + c.instructionId(),
                c.runId(), MessageType.InstructionCandidate, c));
    }

    /**
     * One instruction's functions: its candidate (when any function parsed) and its progress delta, sent together and
     * both awaited (one round trip to the broker, not two). A pipeline record: waits up to
     * {@code pipeline-publish-timeout}.
     */
    public void generated(Optional<InstructionCandidate> candidate, String progressId, StageProgress delta) {
        CompletionStage<Void> sent = candidate.map(this::send).orElse(null);
        await(Progress.send(progress, progressId, delta), config.pipelinePublishTimeout());
        if (sent != null) {
            await(sent, config.pipelinePublishTimeout());
        }
    }

    private void await(CompletionStage<Void> sent) {
        await(sent, config.publishTimeout());
    }

    private static void await(CompletionStage<Void> sent, java.time.Duration timeout) {
        try {
            sent.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw new PublishException("the broker refused a record: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new PublishException("the broker did not acknowledge a record within " + timeout, e);
        }
    }

    @jakarta.inject.Inject
    @Channel(Channels.ROUNDS)
    Emitter<String> rounds;

    /** An online DPO round, keyed by run id; the message id names the run and the round. */
    public void round(dev.autoif.contracts.RoundRequested r) {
        await(KafkaMessages.send(rounds, r.runId(), Envelope.of("round:" + r.runId() + ":" + r.round(), r.runId(),
                MessageType.RoundRequested, r)));
    }
}
