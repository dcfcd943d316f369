package dev.autoif.verifier.sandbox;

import dev.autoif.contracts.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.jboss.logging.Logger;

/**
 * Runs LLM-written {@code evaluate(response)} functions on inputs under GraalPy, each call with its limits, and
 * answers a {@link Verdict} per function and input, never an exception.
 *
 * <p>One engine is shared (compiled code is shared between contexts); each sandbox thread owns one context, reused
 * across functions as long as {@link SandboxContext#intact()} proves nothing shared was tampered with. A function is
 * compiled once per context and then called for all its inputs.
 *
 * <p>Work waits in one queue of chunks. A worker that takes a chunk also takes chunks of other calls waiting behind it
 * (up to {@link #MAX_CHUNK} functions in all), so that under load one integrity check covers the functions of several
 * concurrent calls (records, requests) instead of one check per call: the check costs tens of milliseconds
 * interpreted, more than loading and running a typical function. Verdicts never depend on how work was merged.
 */
public final class FunctionSandbox implements AutoCloseable {

    private static final String SANDBOX_THREAD = "sandbox-";
    private static final Logger LOG = Logger.getLogger(FunctionSandbox.class);

    private final SandboxLimits limits;
    private final Engine engine;
    private final Source prelude;
    private final Watchdog watchdog;
    private final ThreadPoolExecutor workers;
    private final AtomicInteger lostThreads = new AtomicInteger();
    private final ThreadLocal<SandboxContext> contexts = new ThreadLocal<>();
    private final List<SandboxContext> all = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger contextsCreated = new AtomicInteger();
    /** Chunks waiting for a worker, oldest first; guarded by itself. */
    private final Deque<Job> pending = new ArrayDeque<>();
    private final AtomicInteger mergedChunks = new AtomicInteger();
    private final boolean mergeCalls;

    public FunctionSandbox(SandboxLimits limits) {
        this(limits, true);
    }

    /** {@code mergeCalls}: false runs each call's chunks on their own (one integrity check each), for comparison. */
    public FunctionSandbox(SandboxLimits limits, boolean mergeCalls) {
        this(limits, mergeCalls, 0);
    }

    /**
     * {@code nice}: the sandbox threads' nice value (0 leaves them as they are; see {@link ThreadNice}: CPU-bound
     * sandbox work yields to the LLM-bound services sharing the machine).
     */
    public FunctionSandbox(SandboxLimits limits, boolean mergeCalls, int nice) {
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("autoif.sandbox.nice must be 0-19, was " + nice);
        }
        this.limits = limits;
        this.mergeCalls = mergeCalls;
        this.engine = Engine.newBuilder("python")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        this.prelude = Source.create("python", readPrelude());
        this.watchdog = new Watchdog(Math.max(1, limits.watchdogInterval().toMillis()));
        AtomicInteger n = new AtomicInteger();
        // deep enough for the recursion limit, so Python's RecursionError comes before the JVM's StackOverflowError
        this.workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), r -> {
                    Runnable body = nice == 0 ? r : () -> {
                        ThreadNice.set(nice);
                        r.run();
                    };
                    Thread t = new Thread(null, body, SANDBOX_THREAD + n.incrementAndGet(), 64L << 20);
                    t.setDaemon(true);
                    return t;
                });
    }

    public SandboxLimits limits() {
        return limits;
    }

    /** How many contexts were made so far (a new one replaces each discarded one). */
    public int contextsCreated() {
        return contextsCreated.get();
    }

    /** How many chunks ran merged with an earlier waiting chunk of another call, sharing its integrity check. */
    public int mergedChunks() {
        return mergedChunks.get();
    }

    /** Creates one context per sandbox thread now, so the first request does not pay for it. */
    public void warmUp() {
        evaluate(Collections.nCopies(limits.workers(), "def evaluate(response):\n    return True\n"), List.of(""));
    }

    /**
     * Every function on every input: result i holds function i's verdicts in input order. The functions are split
     * into one chunk per worker (at most {@link #MAX_CHUNK} functions each); see {@link #runChunk}.
     */
    public List<FunctionResult> evaluate(List<String> functions, List<String> inputs) {
        return evaluateAll(List.of(new Batch(functions, inputs))).getFirst();
    }

    /** Functions and the inputs they all run on. */
    public record Batch(List<String> functions, List<String> inputs) {
        public Batch {
            // null entries stay: a null function is invalid, a null input exhausted, as one by one
            functions = Collections.unmodifiableList(new ArrayList<>(functions));
            inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
        }
    }

    /** One function on its inputs: the unit a chunk is made of. */
    private record Task(String code, List<String> inputs) {
    }

    /**
     * Several batches at once (many instructions, each with its functions and responses), sharing the workers:
     * result b holds batch b's results as {@link #evaluate} would answer them.
     */
    public List<List<FunctionResult>> evaluateAll(List<Batch> batches) {
        List<Task> tasks = new ArrayList<>();
        for (Batch b : batches) {
            for (String code : b.functions()) {
                for (int from = 0; from == 0 || from < b.inputs().size(); from += MAX_TASK_INPUTS) {
                    tasks.add(new Task(code, b.inputs().subList(from,
                            Math.min(b.inputs().size(), from + MAX_TASK_INPUTS))));
                }
            }
        }
        int chunk = chunkSize(tasks.size(), idleWorkers());
        Object call = new Object();
        List<Job> jobs = new ArrayList<>();
        for (int from = 0; from < tasks.size(); from += chunk) {
            Job job = new Job(call, List.copyOf(tasks.subList(from, Math.min(tasks.size(), from + chunk))));
            jobs.add(job);
            synchronized (pending) {
                pending.addLast(job);
            }
            workers.execute(this::runPending);
        }
        List<FunctionResult> flat = new ArrayList<>(tasks.size());
        for (Job job : jobs) {
            flat.addAll(collect(job));
        }
        List<List<FunctionResult>> results = new ArrayList<>(batches.size());
        int at = 0;
        for (Batch b : batches) {
            List<FunctionResult> perFunction = new ArrayList<>(b.functions().size());
            for (int f = 0; f < b.functions().size(); f++) {
                int slices = Math.max(1, (b.inputs().size() + MAX_TASK_INPUTS - 1) / MAX_TASK_INPUTS);
                perFunction.add(join(flat.subList(at, at + slices)));
                at += slices;
            }
            results.add(perFunction);
        }
        return results;
    }

    /** Most inputs one task runs, so one function over many responses still spreads over the workers. */
    static final int MAX_TASK_INPUTS = 64;

    /** One function's slices back into one result: the first rejection, the verdicts in input order. */
    private static FunctionResult join(List<FunctionResult> slices) {
        if (slices.size() == 1) {
            return slices.getFirst();
        }
        String rejection = slices.stream().map(FunctionResult::rejection).filter(r -> r != null).findFirst()
                .orElse(null);
        List<Verdict> verdicts = new ArrayList<>();
        slices.forEach(r -> verdicts.addAll(r.verdicts()));
        return new FunctionResult(rejection, verdicts, slices.getFirst().normalForm());
    }

    /** {@code progress} of a run not started yet. */
    private static final int NOT_STARTED = -1;

    /**
     * A chunk of one call, waiting or running; {@code run} is set when a worker takes it, {@code offset} is where its
     * tasks start in that run.
     */
    private static final class Job {
        final Object call;
        final List<Task> tasks;
        final CompletableFuture<List<FunctionResult>> result = new CompletableFuture<>();
        volatile Merged run;
        volatile int offset;

        Job(Object call, List<Task> tasks) {
            this.call = call;
            this.tasks = tasks;
        }
    }

    /**
     * What one worker runs in one go, under one integrity check: one or more jobs' tasks in a row. {@code progress}:
     * the index of the task it is running ({@link #NOT_STARTED} before); {@code abandoned}: its thread was written off.
     */
    private record Merged(List<Task> tasks, AtomicInteger progress, AtomicBoolean abandoned) {
        Merged(List<Task> tasks) {
            this(tasks, new AtomicInteger(NOT_STARTED), new AtomicBoolean());
        }
    }

    /**
     * On a sandbox thread: takes the oldest waiting job and the jobs of other calls waiting behind it that fit in
     * {@link #MAX_CHUNK} functions (one job per call, so one call's chunks still spread over idle workers), runs them
     * as one chunk and hands each job its results. Nothing to do when other workers took the work already.
     */
    private void runPending() {
        List<Job> taken = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        synchronized (pending) {
            Job first = pending.pollFirst();
            if (first == null) {
                return;
            }
            taken.add(first);
            tasks.addAll(first.tasks);
            for (Iterator<Job> it = pending.iterator(); mergeCalls && it.hasNext() && tasks.size() < MAX_CHUNK; ) {
                Job next = it.next();
                if (tasks.size() + next.tasks.size() <= MAX_CHUNK
                        && taken.stream().noneMatch(j -> j.call == next.call)) {
                    it.remove();
                    taken.add(next);
                    tasks.addAll(next.tasks);
                }
            }
        }
        mergedChunks.addAndGet(taken.size() - 1);
        Merged run = new Merged(List.copyOf(tasks));
        int offset = 0;
        for (Job job : taken) {
            job.offset = offset;
            job.run = run;
            offset += job.tasks.size();
        }
        List<FunctionResult> results;
        try {
            results = runChunk(run.tasks(), run.progress());
        } catch (RuntimeException | Error e) {
            taken.forEach(job -> job.result.completeExceptionally(e));
            throw e;
        }
        for (Job job : taken) {
            job.result.complete(List.copyOf(results.subList(job.offset, job.offset + job.tasks.size())));
        }
    }

    /**
     * A job's results. When the thread running it does not come back (guest code that ignored cancellation), the
     * thread is written off and the function it was stuck in gets {@code timeout} ("uncancellable"); the job's other
     * functions (all of them when the stuck one belongs to another job it ran with) run again one at a time, each
     * checked, on another thread.
     */
    private List<FunctionResult> collect(Job job) {
        try {
            int seen = NOT_STARTED;
            long since = System.nanoTime();
            while (true) {
                try {
                    return job.result.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException notYet) {
                    Merged run = job.run;
                    int now = run == null ? NOT_STARTED : run.progress().get();
                    // a job still queued behind other requests' chunks is not stuck: only a started one can be
                    if (now == NOT_STARTED || now != seen) {
                        seen = now;
                        since = System.nanoTime();
                    } else if (System.nanoTime() - since > stuckAfter(run.tasks())) {
                        throw notYet;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sandbox thread failed", e.getCause());
        } catch (TimeoutException e) {
            Merged run = job.run;
            if (run.abandoned().compareAndSet(false, true)) {
                abandonThread();
            }
            int stuck = run.progress().get() - job.offset;
            boolean own = stuck >= 0 && stuck < job.tasks.size();
            List<Task> others = new ArrayList<>(job.tasks);
            if (own) {
                others.remove(stuck);
            }
            List<FunctionResult> out = new ArrayList<>();
            if (!others.isEmpty()) {
                Job again = new Job(new Object(), List.copyOf(others));
                again.run = new Merged(again.tasks);
                workers.execute(() -> {
                    try {
                        List<FunctionResult> r = new ArrayList<>(Collections.nCopies(others.size(), null));
                        rerunChecked(others, r, 0, others.size(), again.run.progress());
                        again.result.complete(r);
                    } catch (RuntimeException | Error failure) {
                        again.result.completeExceptionally(failure);
                    }
                });
                out.addAll(collect(again));
            }
            if (own) {
                out.add(stuck, new FunctionResult("uncancellable",
                        Collections.nCopies(job.tasks.get(stuck).inputs().size(), Verdict.TIMEOUT)));
            }
            return out;
        }
    }

    /**
     * How long a run may stay on one function before its thread counts as stuck. A call the watchdog cancelled ends
     * within milliseconds; this bound only matters when cancelling fails. A function's inputs run as one batched
     * call first and, when that hits a limit, one call each: hence the extra call's worth.
     */
    private long stuckAfter(List<Task> tasks) {
        int inputs = tasks.stream().mapToInt(t -> t.inputs().size()).max().orElse(0);
        return (inputs + 3L) * (limits.wallTime().toNanos() + TimeUnit.SECONDS.toNanos(1))
                + TimeUnit.SECONDS.toNanos(10);
    }

    /** Most functions one integrity check covers. */
    static final int MAX_CHUNK = 16;

    /** One chunk per idle worker, so a small batch (cross-validation's 5 functions) still uses every worker. */
    static int chunkSize(int functions, int workers) {
        return Math.max(1, Math.min(MAX_CHUNK, (functions + workers - 1) / workers));
    }

    /**
     * Workers with nothing to do now (at least 1). A call splits its work over these only: alone, it uses every
     * worker (latency); under load (concurrent requests), fewer and larger chunks, so fewer integrity checks, each
     * covering more work (throughput). Verdicts never depend on the split.
     */
    private int idleWorkers() {
        int busy = workers.getActiveCount() + workers.getQueue().size();
        // an abandoned thread stays active forever and the pool grew by one for it: the two cancel out
        return Math.max(1, workers.getCorePoolSize() - busy);
    }

    /** Sandbox threads lost to guest code that ignored cancellation (see README, known limits). */
    public int lostThreads() {
        return lostThreads.get();
    }

    /**
     * Some guest code does not reach a safepoint after cancellation (seen: a recursion that catches RecursionError
     * and recurses again). Its thread cannot be stopped on a modern JDK, so it is written off and the pool grows by
     * one thread to keep its capacity.
     */
    private synchronized void abandonThread() {
        int lost = lostThreads.incrementAndGet();
        LOG.errorf("a sandbox thread ignored cancellation and is abandoned (%d so far)", lost);
        workers.setMaximumPoolSize(limits.workers() + lost);
        workers.setCorePoolSize(limits.workers() + lost);
    }

    /**
     * Runs a chunk of functions one after the other in this thread's context and checks the context's integrity
     * ({@link SandboxContext#intact()}, the costly part: milliseconds interpreted) once for the chunk instead of
     * once per function. A verdict is only returned once the context it was computed in is proven untampered:
     * <ul>
     * <li>the check at the end fails: the chunk's functions since the last proof are run again one at a time, each
     * checked, from a fresh context (functions are deterministic, so this finds the tamperer and recomputes what ran
     * after it);</li>
     * <li>function j's context breaks (a limit hit, cancelled: it cannot be checked any more): the functions before
     * j since the last proof are run again one at a time, checked; if none of them tampers, j ran in a clean context
     * and its verdicts stand, otherwise j is run again too.</li>
     * </ul>
     */
    private List<FunctionResult> runChunk(List<Task> tasks, AtomicInteger progress) {
        List<FunctionResult> results = new ArrayList<>(tasks.size());
        int unproven = 0;
        for (int j = 0; j < tasks.size(); j++) {
            progress.set(j);
            Run run = runUnchecked(tasks.get(j));
            results.add(run.result());
            if (!run.sameContext()) {
                // the context j ended in was made after the break: check what j did to it before reusing it
                SandboxContext current = contexts.get();
                if (current != null) {
                    release(current);
                }
                if (!rerunChecked(tasks, results, unproven, j, progress)) {
                    progress.set(j);
                    results.set(j, runChecked(tasks.get(j)).result());
                }
                unproven = j + 1;
            }
        }
        if (unproven < tasks.size()) {
            SandboxContext ctx = contexts.get();
            if (ctx == null || !release(ctx)) {
                rerunChecked(tasks, results, unproven, tasks.size(), progress);
            }
        }
        return results;
    }

    /** Runs tasks[from, to) again one at a time, each checked; true when none of them tampered with its context. */
    private boolean rerunChecked(List<Task> tasks, List<FunctionResult> results, int from, int to,
            AtomicInteger progress) {
        // callers leave no context or a checked one: the context these functions shared is gone
        boolean allIntact = true;
        for (int i = from; i < to; i++) {
            progress.set(i);
            Run run = runChecked(tasks.get(i));
            results.set(i, run.result());
            allIntact &= run.sameContext();
        }
        return allIntact;
    }

    /** A function run; {@code sameContext}: it ran start to end in one context, still usable (and, if checked, intact). */
    private record Run(FunctionResult result, boolean sameContext) {
    }

    /** One function, then the integrity check: the context is kept only if it is provably as the prelude left it. */
    private Run runChecked(Task task) {
        Run run = runUnchecked(task);
        SandboxContext ctx = contexts.get();
        boolean intact = ctx != null && release(ctx);
        return new Run(run.result(), run.sameContext() && intact);
    }

    private Run runUnchecked(Task task) {
        String code = task.code();
        List<String> inputs = task.inputs();
        if (code == null || code.isBlank()) {
            return new Run(rejected(Verdict.INVALID, "empty-function", inputs.size()), true);
        }
        if (code.length() > limits.maxCodeChars()) {
            return new Run(rejected(Verdict.INVALID, "function-too-large", inputs.size()), true);
        }
        SandboxContext ctx = context();
        Object fn = ctx.load(code);
        if (fn instanceof SandboxContext.Rejection r) {
            // loading ran the function's module code: a broken context is gone, the caller checks a live one
            boolean same = ctx.usable();
            if (!same) {
                discard(ctx);
            }
            return new Run(rejected(r.verdict(), r.reason(), inputs.size()), same);
        }
        String normalForm = ((SandboxContext.Loaded) fn).normalForm();
        List<Verdict> batched = runBatched(ctx, ((SandboxContext.Loaded) fn).evaluate(), inputs);
        if (batched != null) {
            boolean same = ctx.usable();
            if (!same) {
                discard(ctx);
            }
            return new Run(new FunctionResult(null, batched, normalForm), same);
        }
        // the batch hit a limit: every input again, one call each under its own limits
        boolean same = true;
        List<Verdict> verdicts = new ArrayList<>(inputs.size());
        int strikes = 0;
        Verdict struck = null;
        for (String input : inputs) {
            if (struck == null && !ctx.usable()) {
                // the batch's (or the last call's) context broke: go on in a fresh one
                same = false;
                discard(ctx);
                ctx = context();
                Object again = ctx.load(code);
                if (again instanceof SandboxContext.Rejection r) {
                    struck = r.verdict();
                } else {
                    fn = again;
                }
            }
            if (struck != null) {
                verdicts.add(struck);
                continue;
            }
            if (!runnable(input)) {
                verdicts.add(Verdict.RESOURCE_EXHAUSTED);
                continue;
            }
            Verdict v = ctx.run(((SandboxContext.Loaded) fn).evaluate(), input);
            verdicts.add(v);
            if (v == Verdict.TIMEOUT || v == Verdict.RESOURCE_EXHAUSTED) {
                if (++strikes >= limits.strikes()) {
                    struck = v;
                }
            }
        }
        if (!ctx.usable()) {
            same = false;
            discard(ctx);
        }
        return new Run(new FunctionResult(null, verdicts, normalForm), same);
    }

    private boolean runnable(String input) {
        return input != null && input.length() <= limits.maxInputChars();
    }

    /**
     * The function over all its runnable inputs in one guest call (inputs too large or null get
     * {@code resource-exhausted} unrun, as one call each would); null when that call did not complete.
     */
    private List<Verdict> runBatched(SandboxContext ctx, Value fn, List<String> inputs) {
        List<String> runnable = inputs.stream().filter(this::runnable).toList();
        List<Verdict> ran = runnable.isEmpty() ? List.of() : ctx.runAll(fn, runnable);
        if (ran == null) {
            return null;
        }
        List<Verdict> verdicts = new ArrayList<>(inputs.size());
        int next = 0;
        for (String input : inputs) {
            verdicts.add(runnable(input) ? ran.get(next++) : Verdict.RESOURCE_EXHAUSTED);
        }
        return verdicts;
    }

    private static FunctionResult rejected(Verdict v, String reason, int n) {
        return new FunctionResult(reason, Collections.nCopies(n, v));
    }

    private SandboxContext context() {
        SandboxContext ctx = contexts.get();
        if (ctx == null) {
            ctx = new SandboxContext(engine, prelude, limits, watchdog);
            contextsCreated.incrementAndGet();
            contexts.set(ctx);
            all.add(ctx);
        }
        return ctx;
    }

    /** After a check: keep the context only if it is provably as the prelude left it; true when kept. */
    private boolean release(SandboxContext ctx) {
        if (!ctx.intact() || !ctx.usable()) {
            discard(ctx);
            return false;
        }
        return true;
    }

    private void discard(SandboxContext ctx) {
        contexts.remove();
        all.remove(ctx);
        ctx.close();
    }

    private static String readPrelude() {
        try (InputStream in = FunctionSandbox.class.getResourceAsStream("/sandbox/prelude.py")) {
            if (in == null) {
                throw new IllegalStateException("sandbox/prelude.py missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        synchronized (pending) {
            pending.forEach(job -> job.result.completeExceptionally(new IllegalStateException("sandbox closed")));
            pending.clear();
        }
        watchdog.close();
        List<SandboxContext> open;
        synchronized (all) {
            open = new ArrayList<>(all);
            all.clear();
        }
        // an abandoned thread may still be inside its context, and closing would wait for it forever
        Thread closer = new Thread(() -> {
            open.forEach(SandboxContext::close);
            engine.close(true);
        }, "sandbox-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
