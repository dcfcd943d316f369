package dev.autoif.platform.messaging.step;

import dev.autoif.contracts.Envelope;
import dev.autoif.contracts.InvalidMessageException;
import dev.autoif.contracts.MessageType;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.platform.messaging.Progress;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer as a service writes one: StageProgress records in (any record type would do), one output record per
 * input on {@code step.test.out}, keyed by run id. Its work can be held on a latch to observe concurrency.
 */
@ApplicationScoped
public class StepTestConsumer implements StepWork<StageProgress> {

    static final String OUT = "step.test.out";

    // static: the test holds a client proxy, whose fields are not the bean's
    static volatile CountDownLatch gate = new CountDownLatch(0);

    /** Per run id: how many more times its records' work meets an unavailable database. */
    static final Map<String, AtomicInteger> databaseDown = new ConcurrentHashMap<>();

    private final ConsumerStep step;

    public StepTestConsumer(ConsumerStep step) {
        this.step = step;
    }

    @Incoming("step.test")
    @Blocking(value = "step-test", ordered = false)
    public void consume(String json) {
        step.handle(this, json);
    }

    @Override
    public String name() {
        return "step-test";
    }

    @Override
    public MessageType input() {
        return MessageType.StageProgress;
    }

    @Override
    public StageProgress validate(Envelope<StageProgress> in) {
        if (in.payload().runId() == null) {
            throw new InvalidMessageException("no runId");
        }
        return in.payload();
    }

    @Override
    public String runId(StageProgress p) {
        return p.runId();
    }

    /** As an LLM stage: a budget-exhausted run's records wait. */
    @Override
    public boolean pausesOnBudget() {
        return true;
    }

    @Override
    public StepOutcome cancelled(Envelope<StageProgress> in) {
        return StepOutcome.none().send(OUT, in.payload().runId(), "cancelled:" + in.messageId(), in.payload().runId(),
                MessageType.StageProgress, Progress.delta(in.payload().runId(), Stage.EXPORT, 1, 0,
                        Map.of("run-cancelled", 1L)));
    }

    @Override
    public StepOutcome process(Envelope<StageProgress> in, RunSpec spec) {
        AtomicInteger down = databaseDown.get(in.payload().runId());
        if (down != null && down.getAndDecrement() > 0) {
            throw new IllegalStateException("storing failed", new SQLTransientConnectionException(
                    "Unable to acquire JDBC Connection (test)"));
        }
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        StageProgress p = in.payload();
        return StepOutcome.none().send(OUT, p.runId(), "out:" + in.messageId(), p.runId(), MessageType.StageProgress,
                p);
    }
}
