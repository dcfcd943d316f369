package dev.autoif.platform.messaging.step;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunSpec;

/**
 * What one consumer does with one record. Everything else (decoding, de-duplication, waiting for the run spec,
 * the cancelled-run policy, retries, the transaction, the outbox, dead-lettering) is {@link ConsumerStep}'s, written
 * once for every service.
 *
 * @param <I> the payload type consumed
 */
public interface StepWork<I> {

    /** The idempotency name of this consumer: one {@code processed_message} row per (name, message id). */
    String name();

    /** The payload type this consumer reads. */
    MessageType input();

    /**
     * Checks a decoded record and returns its payload; a record that can never be processed throws
     * {@link InvalidMessageException} and is dead-lettered with the reason.
     */
    I validate(Envelope<I> in);

    /** The run the record belongs to. */
    String runId(I payload);

    /** False for consumers that need no run spec (progress ledgers): the record is processed as it arrives. */
    default boolean needsRunSpec() {
        return true;
    }

    /**
     * The slow part (LLM calls, sandbox runs), outside any transaction; {@code spec} is null when
     * {@link #needsRunSpec()} is false. It must not write to the database or send anything itself: what it wants
     * written and sent goes into the returned {@link StepOutcome}, committed atomically with the idempotency marker.
     * Redelivered records run this again (the LLM cache makes that free), so it must be deterministic.
     */
    StepOutcome process(Envelope<I> in, RunSpec spec);

    /**
     * True for consumers that spend on the LLM: a record of a run paused by its budget ({@code budgetExhausted})
     * waits, holding its worker, until a higher budget resumes the run (or it is cancelled); it is never dropped or
     * dead-lettered. False by default: work that costs nothing goes on, so what is in flight drains.
     */
    default boolean pausesOnBudget() {
        return false;
    }

    /**
     * True for work that only stores what the record says (progress ledgers, export's rows): cheap writes that build
     * what they store inside the commit, no LLM, no sandbox. For such work the step
     * <ul>
     * <li>does not look for the record's marker in a transaction of its own before the work (the marker written with
     * the effect still drops a redelivery; the look was a third of a progress delta's cost), and
     * <li>groups commits: records whose commits arrive while another of this consumer's commits runs are committed
     * together in one transaction ({@link GroupCommit}); each record's marker and writes stay atomic, and when a group
     * fails each of its records is committed again alone, so its writes must be safe to run twice after a rollback.
     * </ul>
     * False (the default) for work worth skipping on a redelivery (LLM calls, sandbox runs).
     */
    default boolean storesOnly() {
        return false;
    }

    /** What a record of a cancelled run leaves behind: nothing by default (the record is marked consumed). */
    default StepOutcome cancelled(Envelope<I> in) {
        return StepOutcome.none();
    }

    /**
     * Inside the commit transaction: true when the effect of this record already exists under another message id
     * (for example the same response judged from an earlier copy of it), so nothing is written or sent.
     */
    default boolean alreadyApplied(I payload) {
        return false;
    }
}
