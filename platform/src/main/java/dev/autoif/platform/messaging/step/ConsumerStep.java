package dev.autoif.platform.messaging.step;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.EnvelopeCodec;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.RunSpec;
import dev.autoif.platform.messaging.Idempotency;
import dev.autoif.platform.messaging.RunSpecs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one consume path of every service: decode and validate (an unreadable record throws
 * {@link InvalidMessageException}, and the channel's dead-letter strategy moves it aside with the reason), drop a
 * record already consumed, wait for its run spec, apply the cancelled-run policy, run the work outside any
 * transaction, then commit the idempotency marker, the consumer's writes and its outgoing records (as outbox rows)
 * in one short transaction. The outbox relay sends the records after the commit, so no transaction waits for the
 * broker and a crash at any point loses nothing: before the commit the record is redelivered and processed again
 * (the LLM cache answers), after it the redelivery is dropped and the outbox still holds what must be sent.
 *
 * <p>Concurrency is the channel's: consumers are {@code @Blocking(value = pool, ordered = false)} with the pool's
 * {@code max-concurrency} from configuration, and the Kafka connector's throttled commit strategy commits an offset
 * only once every record before it is done. Two copies of one record processed at once both do the work; one wins
 * the marker and the other changes nothing. Work that only stores what a record says ({@link StepWork#storesOnly()})
 * has its concurrent records' commits grouped into shared transactions ({@link GroupCommit}).
 */
@ApplicationScoped
public class ConsumerStep {

    private static final Logger LOG = Logger.getLogger(ConsumerStep.class);

    private final Idempotency idempotency;
    private final RunSpecs runSpecs;
    private final Outbox outbox;
    private final MessagingConfig config;
    private final MeterRegistry meters;
    private final DatabaseOutage outage;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, GroupCommit> groups = new ConcurrentHashMap<>();

    /** The most records one grouped commit takes (their writes share one persistence context). */
    static final int MAX_GROUP = 64;

    public ConsumerStep(Idempotency idempotency, RunSpecs runSpecs, Outbox outbox, MessagingConfig config,
            MeterRegistry meters, DatabaseOutage outage) {
        this.outage = outage;
        this.idempotency = idempotency;
        this.runSpecs = runSpecs;
        this.outbox = outbox;
        this.config = config;
        this.meters = meters;
    }

    /**
     * Processes one record of {@code work}'s topic and returns its payload (processed, or a duplicate); throws to
     * dead-letter it (counted per consumer).
     */
    public <I> I handle(StepWork<I> work, String json) {
        AtomicInteger current = inFlight.computeIfAbsent(work.name(), this::register);
        try {
            Envelope<I> in = EnvelopeCodec.decode(json, work.input());
            if (in.payload() == null) {
                throw new InvalidMessageException(work.input().name() + " without payload");
            }
            I payload = work.validate(in);
            current.incrementAndGet();
            Timer.Sample timer = Timer.start(meters);
            String outcome = "failed";
            try {
                outcome = processRetryingTransientFailures(work, in, payload);
            } finally {
                current.decrementAndGet();
                timer.stop(meters.timer("autoif.consumer.record", "consumer", work.name(), "outcome", outcome));
            }
            return payload;
        } catch (RuntimeException e) {
            meters.counter(DEAD_LETTERED, "consumer", work.name()).increment();
            throw e;
        }
    }

    /** Records a consumer threw for, which its channel's failure strategy sends to the dead-letter topic. */
    static final String DEAD_LETTERED = "autoif.consumer.dead.lettered";

    /**
     * A database that is unreachable (connections exhausted, a fail-over, a restart) is not a reason to dead-letter a
     * record: it is processed again, with a backoff doubling up to {@code database-retry-max-backoff}, until the
     * database answers or {@code database-outage-limit} has passed, and the service reports not ready meanwhile
     * ({@link DatabaseOutage}). Redoing the work is safe (idempotent; the LLM cache answers what was already asked).
     */
    private <I> String processRetryingTransientFailures(StepWork<I> work, Envelope<I> in, I payload) {
        Long firstFailure = null; // the first transient failure's System.nanoTime(), while the outage lasts
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return process(work, in, payload);
                } catch (RuntimeException e) {
                    if (!transientDatabaseFailure(e)) {
                        throw e;
                    }
                    long now = System.nanoTime();
                    if (firstFailure == null) {
                        firstFailure = now;
                        outage.enter(work.name());
                    }
                    if (now - firstFailure >= config.databaseOutageLimit().toNanos()) {
                        LOG.errorf("%s: the database stayed unavailable for %s, dead-lettering %s: %s", work.name(),
                                config.databaseOutageLimit(), in.messageId(), e.toString());
                        throw e;
                    }
                    Duration backoff = backoff(attempt);
                    if (attempt <= 3 || attempt % 10 == 0) {
                        LOG.warnf("%s: %s on %s, trying again in %s (attempt %d)", work.name(), e.toString(),
                                in.messageId(), backoff, attempt);
                    }
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        } finally {
            if (firstFailure != null) {
                outage.leave(work.name());
            }
        }
    }

    private Duration backoff(int attempt) {
        Duration max = config.databaseRetryMaxBackoff();
        Duration d = config.databaseRetryBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(max) > 0 ? max : d;
    }

    static boolean transientDatabaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidMessageException) {
                return false;
            }
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException
                    || (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("53")
                                    || sql.getSQLState().startsWith("57P")))
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
                    || (t.getMessage() != null && t.getMessage().contains("Unable to acquire JDBC Connection"))) {
                return true;
            }
        }
        return false;
    }

    /** Records of this consumer being processed in this process right now. */
    public int inFlight(String consumer) {
        AtomicInteger n = inFlight.get(consumer);
        return n == null ? 0 : n.get();
    }

    private <I> String process(StepWork<I> work, Envelope<I> in, I payload) {
        String consumer = work.name();
        String messageId = in.messageId();
        if (!work.storesOnly() && seen(consumer, messageId)) {
            return "duplicate";
        }
        StepOutcome outcome;
        String result;
        if (work.needsRunSpec()) {
            RunSpec spec = runSpecs.require(work.runId(payload), config.runSpecWait());
            if (spec.budgetExhausted() && !spec.cancelled() && work.pausesOnBudget()) {
                spec = awaitBudget(work, spec);
            }
            result = spec.cancelled() ? "cancelled" : "processed";
            outcome = spec.cancelled() ? work.cancelled(in) : work.process(in, spec);
        } else {
            result = "processed";
            outcome = work.process(in, null);
        }
        List<OutboxRelay.Pending> committed;
        try {
            Supplier<List<OutboxRelay.Pending>> commit = () -> commit(work, messageId, payload, outcome);
            committed = work.storesOnly() ? groups.computeIfAbsent(consumer, this::group).commit(commit)
                    : QuarkusTransaction.requiringNew().call(commit::get);
        } catch (RuntimeException e) {
            if (seen(consumer, messageId)) {
                LOG.debugf("%s: a concurrent copy of %s committed first", consumer, messageId);
                return "duplicate";
            }
            throw e;
        }
        if (committed == null) {
            return "duplicate";
        }
        outbox.relay(committed);
        return result;
    }

    /**
     * The paused-run policy: waits while the run is budget-exhausted and returns its spec once it is not (or is
     * cancelled). The record holds its worker meanwhile, so the pool's bound also bounds what waits; the throttled
     * commit keeps the offset, so a restart redelivers it (mp.messaging...unprocessed-record-max-age.ms bounds the
     * wait before the channel reports unhealthy).
     */
    private <I> RunSpec awaitBudget(StepWork<I> work, RunSpec paused) {
        LOG.debugf("%s: run %s is budget-exhausted, holding its record", work.name(), paused.runId());
        meters.counter("autoif.consumer.budget.paused", "consumer", work.name()).increment();
        RunSpec spec = paused;
        while (spec.budgetExhausted() && !spec.cancelled()) {
            try {
                Thread.sleep(BUDGET_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while run " + paused.runId() + " was paused", e);
            }
            spec = runSpecs.find(paused.runId()).orElse(spec);
        }
        return spec;
    }

    private static final long BUDGET_POLL_MS = 250;

    /** Inside the transaction; null when another delivery of this record, or of its effect, got here first. */
    private <I> List<OutboxRelay.Pending> commit(StepWork<I> work, String messageId, I payload,
            StepOutcome outcome) {
        if (!idempotency.firstDelivery(work.name(), messageId) || work.alreadyApplied(payload)) {
            return null;
        }
        outcome.writes().forEach(Runnable::run);
        // flushed inside, so a constraint violation (a concurrent copy's marker) fails this call, not the commit
        return outbox.write(outcome.records());
    }

    /** Each group's transactions: new ones, as every commit of this step. */
    private static final GroupCommit.Transactions NEW_TRANSACTIONS = new GroupCommit.Transactions() {
        @Override
        public <T> T inNew(Supplier<T> work) {
            return QuarkusTransaction.requiringNew().call(work::get);
        }
    };

    private GroupCommit group(String consumer) {
        return new GroupCommit(NEW_TRANSACTIONS, MAX_GROUP);
    }

    /** Records committed, and the transactions they took (fewer than the records when commits were grouped). */
    public record Grouped(long commits, long transactions) {
    }

    /**
     * For a consumer whose work {@linkplain StepWork#storesOnly() only stores}: its commits so far in this process;
     * none for others.
     */
    public Grouped groupedCommits(String consumer) {
        GroupCommit g = groups.get(consumer);
        return g == null ? new Grouped(0, 0) : new Grouped(g.committed(), g.transactions());
    }

    /** Whether {@code consumer} has consumed (committed) the record with this message id. */
    public boolean consumed(String consumer, String messageId) {
        return seen(consumer, messageId);
    }

    private boolean seen(String consumer, String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> idempotency.seen(consumer, messageId));
    }

    /** The consumer's meters, registered with its first record so a dashboard finds them before any failure. */
    private AtomicInteger register(String consumer) {
        AtomicInteger n = new AtomicInteger();
        meters.gauge("autoif.consumer.in.flight", List.of(io.micrometer.core.instrument.Tag.of("consumer",
                consumer)), n, AtomicInteger::get);
        meters.counter(DEAD_LETTERED, "consumer", consumer);
        return n;
    }
}
