package dev.autoif.verifier.sandbox;

import dev.autoif.contracts.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Future;
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

    public FunctionSandbox(SandboxLimits limits) {
        this.limits = limits;
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
                    Thread t = new Thread(null, r, SANDBOX_THREAD + n.incrementAndGet(), 64L << 20);
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

    /** Creates one context per sandbox thread now, so the first request does not pay for it. */
    public void warmUp() {
        evaluate(Collections.nCopies(limits.workers(), "def evaluate(response):\n    return True\n"), List.of(""));
    }

    /** Every function on every input: result i holds function i's verdicts in input order. */
    public List<FunctionResult> evaluate(List<String> functions, List<String> inputs) {
        List<Future<FunctionResult>> futures = new ArrayList<>(functions.size());
        for (String code : functions) {
            futures.add(workers.submit(() -> runFunction(code, inputs)));
        }
        List<FunctionResult> results = new ArrayList<>(functions.size());
        // a call the watchdog cancelled ends within milliseconds; this bound only matters when cancelling fails
        long budget = (inputs.size() + 2L) * (limits.wallTime().toNanos() + TimeUnit.SECONDS.toNanos(1))
                + TimeUnit.SECONDS.toNanos(10);
        for (Future<FunctionResult> f : futures) {
            try {
                results.add(f.get(budget, TimeUnit.NANOSECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("sandbox thread failed", e.getCause());
            } catch (TimeoutException e) {
                results.add(new FunctionResult("uncancellable", Collections.nCopies(inputs.size(), Verdict.TIMEOUT)));
                abandonThread();
            }
        }
        return results;
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

    private FunctionResult runFunction(String code, List<String> inputs) {
        if (code == null || code.isBlank()) {
            return rejected(Verdict.INVALID, "empty-function", inputs.size());
        }
        if (code.length() > limits.maxCodeChars()) {
            return rejected(Verdict.INVALID, "function-too-large", inputs.size());
        }
        SandboxContext ctx = context();
        Object fn = ctx.load(code);
        if (fn instanceof SandboxContext.Rejection r) {
            release(ctx);
            return rejected(r.verdict(), r.reason(), inputs.size());
        }
        List<Verdict> verdicts = new ArrayList<>(inputs.size());
        int strikes = 0;
        Verdict struck = null;
        for (String input : inputs) {
            if (struck != null) {
                verdicts.add(struck);
                continue;
            }
            if (input == null || input.length() > limits.maxInputChars()) {
                verdicts.add(Verdict.RESOURCE_EXHAUSTED);
                continue;
            }
            Verdict v = ctx.run((Value) fn, input);
            verdicts.add(v);
            if (v == Verdict.TIMEOUT || v == Verdict.RESOURCE_EXHAUSTED) {
                if (++strikes >= limits.strikes()) {
                    struck = v;
                }
            }
            if (!ctx.usable()) {
                discard(ctx);
                ctx = context();
                Object again = ctx.load(code);
                if (again instanceof SandboxContext.Rejection r) {
                    struck = r.verdict();
                } else {
                    fn = again;
                }
            }
        }
        release(ctx);
        return new FunctionResult(null, verdicts);
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

    /** End of a batch: keep the context only if it is provably as the prelude left it. */
    private void release(SandboxContext ctx) {
        if (!ctx.intact() || !ctx.usable()) {
            discard(ctx);
        }
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
