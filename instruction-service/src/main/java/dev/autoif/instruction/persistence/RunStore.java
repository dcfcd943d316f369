package dev.autoif.instruction.persistence;

import dev.autoif.contracts.InstructionOrigin;
import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.StageProgress;
import dev.autoif.instruction.domain.Instruction;
import dev.autoif.instruction.domain.RunState;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs and their instructions. Every state change names the states it may start from, so races stay harmless. */
@ApplicationScoped
public class RunStore {

    @Transactional
    public StoredRun create(RunSpec spec) {
        RunEntity e = new RunEntity();
        e.runId = spec.runId();
        e.name = spec.name();
        e.spec = spec;
        e.state = RunState.QUEUED;
        e.createdAt = spec.createdAt();
        e.updatedAt = Instant.now();
        e.persist();
        return toStored(e);
    }

    /** Removes a run that never got published (and so has no instructions yet). */
    @Transactional
    public void delete(String runId) {
        RunEntity.deleteById(runId);
    }

    @Transactional
    public Optional<StoredRun> find(String runId) {
        return RunEntity.<RunEntity>findByIdOptional(runId).map(RunStore::toStored);
    }

    /** Newest first. */
    @Transactional
    public List<StoredRun> page(int page, int size) {
        return RunEntity.<RunEntity>findAll(Sort.descending("createdAt").and("runId"))
                .page(Page.of(page, size)).list().stream().map(RunStore::toStored).toList();
    }

    @Transactional
    public long count() {
        return RunEntity.count();
    }

    @Transactional
    public List<String> resumableRunIds() {
        return RunEntity.<RunEntity>list("state in ?1", Sort.ascending("createdAt"),
                List.of(RunState.QUEUED, RunState.RUNNING)).stream().map(r -> r.runId).toList();
    }

    /** Marks the run cancelled (its spec too); returns the run as it is now, empty when unknown. */
    @Transactional
    public Optional<StoredRun> cancel(String runId) {
        RunEntity e = RunEntity.findById(runId);
        if (e == null) {
            return Optional.empty();
        }
        e.spec = e.spec.cancel();
        e.state = RunState.CANCELLED;
        e.updatedAt = Instant.now();
        return Optional.of(toStored(e));
    }

    /** Replaces the stored spec (a new budget or pause flag); empty when unknown. */
    @Transactional
    public Optional<StoredRun> updateSpec(RunSpec spec) {
        RunEntity e = RunEntity.findById(spec.runId());
        if (e == null) {
            return Optional.empty();
        }
        e.spec = spec;
        e.updatedAt = Instant.now();
        return Optional.of(toStored(e));
    }

    /** QUEUED -> RUNNING; true when the run may be worked on (it was queued or already running). */
    @Transactional
    public boolean start(String runId) {
        return transition(runId, EnumSet.of(RunState.QUEUED, RunState.RUNNING), RunState.RUNNING, null);
    }

    @Transactional
    public boolean generated(String runId) {
        return transition(runId, EnumSet.of(RunState.RUNNING), RunState.GENERATED, null);
    }

    @Transactional
    public boolean fail(String runId, String error) {
        String message = error == null ? "failed" : error.length() > 1000 ? error.substring(0, 1000) : error;
        return transition(runId, EnumSet.of(RunState.QUEUED, RunState.RUNNING), RunState.FAILED, message);
    }

    @Transactional
    public boolean isCancelled(String runId) {
        RunEntity e = RunEntity.findById(runId);
        return e == null || e.state == RunState.CANCELLED;
    }

    /**
     * Stores the outcome of self-instruct once; a second call (a resumed run that redid the work) keeps the first
     * outcome. Returns the stored progress delta.
     */
    @Transactional
    public StageProgress saveInstructions(String runId, List<Instruction> instructions, StageProgress delta) {
        RunEntity run = RunEntity.findById(runId);
        if (run.selfInstructProgress != null) {
            return run.selfInstructProgress;
        }
        int ordinal = 0;
        for (Instruction i : instructions) {
            InstructionEntity e = new InstructionEntity();
            e.instructionId = i.instructionId();
            e.runId = runId;
            e.ordinal = ordinal++;
            e.text = i.text();
            e.origin = i.origin();
            e.persist();
        }
        run.selfInstructProgress = delta;
        run.updatedAt = Instant.now();
        return delta;
    }

    @Transactional
    public Optional<StageProgress> selfInstructProgress(String runId) {
        RunEntity run = RunEntity.findById(runId);
        return run == null ? Optional.empty() : Optional.ofNullable(run.selfInstructProgress);
    }

    /** Instructions whose candidate was not published yet, in order. */
    @Transactional
    public List<Instruction> pendingInstructions(String runId) {
        return InstructionEntity.<InstructionEntity>list("runId = ?1 and generated = false", Sort.ascending("ordinal"),
                runId).stream().map(e -> new Instruction(e.instructionId, e.text, e.origin)).toList();
    }

    @Transactional
    public List<InstructionEntity> instructions(String runId, int page, int size) {
        return InstructionEntity.<InstructionEntity>find("runId", Sort.ascending("ordinal"), runId)
                .page(Page.of(page, size)).list();
    }

    @Transactional
    public void markGenerated(String instructionId, int requested, int unparsable, int functions, int cases,
            List<String> answerKeys) {
        InstructionEntity e = InstructionEntity.findById(instructionId);
        e.generated = true;
        e.answersRequested = requested;
        e.answersUnparsable = unparsable;
        e.functions = functions;
        e.cases = cases;
        e.answerKeys = String.join(",", answerKeys);
    }

    @Transactional
    public InstructionStats stats(String runId) {
        Object[] row = InstructionEntity.getEntityManager().createQuery("""
                select count(i), sum(case when i.origin = :seed then 1 else 0 end),
                       sum(case when i.generated then 1 else 0 end), sum(i.answersRequested),
                       sum(i.answersUnparsable), sum(i.functions), sum(i.cases)
                from InstructionEntity i where i.runId = :run""", Object[].class)
                .setParameter("seed", InstructionOrigin.SEED).setParameter("run", runId).getSingleResult();
        long total = n(row[0]);
        if (total == 0) {
            return InstructionStats.NONE;
        }
        long seeds = n(row[1]);
        return new InstructionStats(total, seeds, total - seeds, n(row[2]), n(row[3]), n(row[4]), n(row[5]),
                n(row[6]));
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static boolean transition(String runId, Set<RunState> from, RunState to, String error) {
        RunEntity e = RunEntity.findById(runId);
        if (e == null || !from.contains(e.state)) {
            return false;
        }
        e.state = to;
        if (error != null) {
            e.error = error;
        }
        e.updatedAt = Instant.now();
        return true;
    }

    private static StoredRun toStored(RunEntity e) {
        return new StoredRun(e.spec, e.state, e.error, e.createdAt, e.updatedAt);
    }

}
