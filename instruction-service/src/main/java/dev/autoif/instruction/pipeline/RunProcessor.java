package dev.autoif.instruction.pipeline;

import dev.autoif.contracts.InstructionCandidate;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.contracts.StageProgress;
import dev.autoif.instruction.ai.FunctionWriter;
import dev.autoif.instruction.ai.GeneratedFunctions;
import dev.autoif.instruction.ai.SelfInstructor;
import dev.autoif.instruction.config.InstructionConfig;
import dev.autoif.instruction.domain.CandidateAssembler;
import dev.autoif.instruction.domain.Instruction;
import dev.autoif.instruction.domain.RunState;
import dev.autoif.instruction.domain.SelfInstructMerge;
import dev.autoif.instruction.messaging.Publisher;
import dev.autoif.instruction.persistence.RunStore;
import dev.autoif.instruction.persistence.StoredRun;
import dev.autoif.llm.LlmUsage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * This service's part of one run: self-instruct, then functions and cases per instruction, each step stored before
 * the next. Running it again for the same run continues where it stopped: self-instruct is not redone once stored,
 * instructions already published are skipped, and anything redone is served from the LLM cache and re-published
 * under the same message ids.
 */
@ApplicationScoped
public class RunProcessor {

    private static final Logger LOG = Logger.getLogger(RunProcessor.class);

    private final RunStore store;
    private final Publisher publisher;
    private final SelfInstructor selfInstructor;
    private final FunctionWriter functionWriter;
    private final InstructionConfig config;
    private final RunLeaseKeeper leases;
    private final MeterRegistry meters;

    public RunProcessor(RunStore store, Publisher publisher, SelfInstructor selfInstructor,
            FunctionWriter functionWriter, InstructionConfig config, RunLeaseKeeper leases, MeterRegistry meters) {
        this.meters = meters;
        this.store = store;
        this.publisher = publisher;
        this.selfInstructor = selfInstructor;
        this.functionWriter = functionWriter;
        this.config = config;
        this.leases = leases;
    }

    public void process(String runId) {
        if (!store.start(runId)) {
            return;
        }
        StoredRun run = store.find(runId).orElseThrow();
        RunSpec spec = run.spec();
        StageProgress selfInstruct = store.selfInstructProgress(runId).orElse(null);
        if (selfInstruct == null) {
            if (!mayGoOnWithinBudget(runId)) {
                return;
            }
            SelfInstructor.Outcome outcome = selfInstructor.run(spec);
            if (!mayGoOn(runId)) {
                return;
            }
            SelfInstructMerge.Result r = outcome.result();
            selfInstruct = store.saveInstructions(runId, r.instructions(), progress(runId, Stage.SELF_INSTRUCT,
                    r.itemsIn(), r.instructions().size(), r.dropped(), outcome.usage(), true));
            LOG.infof("run %s: %d instructions after self-instruct (%d in, dropped %s)", runId,
                    r.instructions().size(), r.itemsIn(), r.dropped());
        }
        publisher.progress("self-instruct:" + runId, selfInstruct);
        generateAll(spec, store.pendingInstructions(runId));
        if (!store.isCancelled(runId) && store.pendingInstructions(runId).isEmpty()) {
            store.generated(runId);
            LOG.infof("run %s: every instruction has its candidate published", runId);
        }
    }

    /**
     * Several instructions at once; the first failure stops the rest and is rethrown. {@code instructions-in-flight}
     * bounds the instructions between their budget check and their LLM answer (so a run paused by its budget makes
     * at most that many calls more); publishing and storing an answered instruction happen outside that bound, on
     * as many threads again, so the LLM client is asked for the next instruction while the last one is published
     * (with the two bounded together, the broker's and the database's round trips left the client's slots idle).
     */
    private void generateAll(RunSpec spec, List<Instruction> pending) {
        int parallel = Math.max(1, config.worker().instructionsInFlight());
        Semaphore asking = new Semaphore(parallel);
        try (ExecutorService pool = Executors.newFixedThreadPool(2 * parallel, Thread.ofVirtual().factory())) {
            List<Future<?>> futures = new ArrayList<>();
            for (Instruction i : pending) {
                futures.add(pool.submit(() -> generate(spec, i, asking)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    // no interrupts: a thread interrupted inside JDBC can kill an embedded database's file channel;
                    // instructions not started are dropped, running ones finish their instruction
                    futures.forEach(other -> other.cancel(false));
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunInterruptedException(e);
        }
    }

    /**
     * Checked between instructions: the run was not cancelled and this replica still holds its lease (another replica
     * takes a run over when its owner's lease expires, see RunWorker).
     */
    private boolean mayGoOn(String runId) {
        return !store.isCancelled(runId) && leases.holds(runId);
    }

    private static final long BUDGET_POLL_MS = 250;

    /**
     * Before each LLM step: {@link #mayGoOn}, and holds the step while the run is budget-exhausted (calls already
     * made finish); true once it may spend, false when it was cancelled or its lease lost meanwhile. One read of the
     * run per step (it was three, each parsing the run's spec, for every instruction of a paper-size run).
     */
    private boolean mayGoOnWithinBudget(String runId) {
        while (true) {
            if (!leases.holds(runId)) {
                return false;
            }
            StoredRun run = store.find(runId).orElse(null);
            if (run == null || run.state() == RunState.CANCELLED || run.spec().cancelled()) {
                return false;
            }
            if (!run.spec().budgetExhausted()) {
                return true;
            }
            try {
                Thread.sleep(BUDGET_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunInterruptedException(e);
            }
        }
    }

    private void generate(RunSpec spec, Instruction instruction, Semaphore asking) {
        GeneratedFunctions g;
        asking.acquireUninterruptibly();
        try {
            long t = System.nanoTime();
            if (!mayGoOnWithinBudget(spec.runId())) {
                return;
            }
            t = phase("budget_check", t);
            g = functionWriter.write(spec, instruction);
            phase("functions", t);
        } finally {
            asking.release();
        }
        long t = System.nanoTime();
        Map<String, Long> dropped = g.candidate().isPresent() ? Map.of()
                : Map.of(CandidateAssembler.NO_PARSABLE_FUNCTION, 1L);
        publisher.generated(g.candidate(), "function-generation:" + instruction.instructionId(),
                progress(spec.runId(), Stage.FUNCTION_GENERATION, 1, g.candidate().isPresent() ? 1 : 0, dropped,
                        g.usage(), false));
        t = phase("publish", t);
        store.markGenerated(instruction.instructionId(), g.requested(), g.unparsable(),
                g.candidate().map(c -> c.functions().size()).orElse(0),
                g.candidate().map(InstructionCandidate::cases).map(List::size).orElse(0), g.answerKeys());
        phase("store", t);
    }

    /**
     * Records how long one instruction's function-generation phase took since {@code start} (meter
     * {@code autoif.instruction.generation}, tag {@code phase}: budget_check, functions, publish, store); returns now.
     */
    private long phase(String phase, long start) {
        long now = System.nanoTime();
        meters.timer("autoif.instruction.generation", "phase", phase).record(now - start, TimeUnit.NANOSECONDS);
        return now;
    }

    private static StageProgress progress(String runId, Stage stage, long in, long out, Map<String, Long> dropped,
            LlmUsage usage, boolean complete) {
        return usage.costInto(new StageProgress(runId, stage, in, out, dropped, usage.calls(),
                usage.promptTokens(), usage.completionTokens(), complete));
    }
}
