package dev.autoif.nli.messaging;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InstructionAccepted;
import dev.autoif.contracts.InstructionVerified;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.contracts.Topics;
import dev.autoif.nli.domain.Outcome;
import dev.autoif.platform.messaging.Idempotency;
import dev.autoif.platform.messaging.KafkaMessages;
import dev.autoif.platform.messaging.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Records a consumed message and sends what it produced in one transaction: if a send fails the marker rolls
 * back and the redelivery is processed again; once committed, a redelivery sends nothing. A copy processed at the
 * same time (records are handled unordered) loses the race on the marker before it sends anything. Output message ids derive
 * from the input's, so a re-send after a crash between send and commit is de-duplicated downstream.
 */
@ApplicationScoped
public class OutcomePublisher {

    static final String CONSUMER = "nli-service.instructions-verified";

    private final Idempotency idempotency;
    private final EntityManager em;
    private final Emitter<String> accepted;
    private final Emitter<String> progress;

    public OutcomePublisher(Idempotency idempotency, EntityManager em,
            @Channel(Topics.INSTRUCTIONS_ACCEPTED) Emitter<String> accepted,
            @Channel(Topics.RUNS_PROGRESS) Emitter<String> progress) {
        this.idempotency = idempotency;
        this.em = em;
        this.accepted = accepted;
        this.progress = progress;
    }

    @Transactional
    public boolean seen(String messageId) {
        return idempotency.seen(CONSUMER, messageId);
    }

    /** A cancelled run's record: remembered, nothing produced. */
    @Transactional
    public void skip(String messageId) {
        idempotency.firstDelivery(CONSUMER, messageId);
    }

    @Transactional
    public void publish(String messageId, InstructionVerified in, Outcome o) {
        if (!idempotency.firstDelivery(CONSUMER, messageId)) {
            return;
        }
        // Claim the message before sending: a concurrent copy of it blocks on the marker's key here and then fails,
        // instead of sending its results too and failing only at commit.
        em.flush();
        CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);
        if (o.accepted()) {
            InstructionAccepted out = new InstructionAccepted(in.instructionId(), in.runId(), in.text(), in.origin(),
                    in.functions(), o.judgements(), o.mode());
            sent = KafkaMessages.send(accepted, in.instructionId(),
                    Envelope.of("nli:" + messageId, in.runId(), MessageType.InstructionAccepted, out))
                    .toCompletableFuture();
        }
        StageProgress delta = new StageProgress(in.runId(), Stage.BACK_TRANSLATION, 1, o.accepted() ? 1 : 0,
                o.accepted() ? Map.of() : Map.of(o.dropReason(), 1L), o.cost().calls(), o.cost().promptTokens(),
                o.cost().completionTokens(), false, Map.of(o.mode(), 1L));
        CompletableFuture<Void> counted = Progress.send(progress, "nli-progress:" + messageId, delta)
                .toCompletableFuture();
        // Wait inside the transaction: an unsent record must not leave a committed marker behind.
        CompletableFuture.allOf(sent, counted).join();
    }
}
