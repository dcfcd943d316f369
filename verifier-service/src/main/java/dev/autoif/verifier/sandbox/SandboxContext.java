package dev.autoif.verifier.sandbox;

import dev.autoif.contracts.Verdict;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.jboss.logging.Logger;

/**
 * One GraalPy context, owned by one sandbox thread, with the prelude loaded and the functions it has compiled.
 * It is thrown away when a call was cancelled, hit a limit, or left the shared modules or builtins different from
 * how the prelude found them ({@link #intact()}).
 */
final class SandboxContext implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SandboxContext.class);

    /** Compiled functions kept per context, by code hash: more than a fixed bank of 1,000 functions needs. */
    static final int LOADED_FUNCTIONS = 2048;
    private static final long SETUP_CPU_MILLIS = 60_000;
    private static final AtomicBoolean CPU_LIMIT_OPTION = new AtomicBoolean(true);
    /** Imported when the context is made, since most functions use them; other allowed modules load on demand. */
    private static final String PRELOADED = "re,string,json,math,collections,itertools,functools";

    private final Context context;
    private final SandboxLimits limits;
    private final Watchdog watchdog;
    private final Value load;
    private final Value run;
    private final Value runAll;
    private final MessageDigest sha256;
    private final Value intact;
    private final Value tidy;
    private final Map<String, Object> loaded = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > LOADED_FUNCTIONS;
        }
    };
    private boolean broken;
    /** The watchdog is closing this context already; closing it again from here would only wait on that. */
    private boolean cancelled;
    private int calls;

    SandboxContext(Engine engine, Source prelude, SandboxLimits limits, Watchdog watchdog) {
        this.limits = limits;
        this.watchdog = watchdog;
        this.context = build(engine, limits);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        try {
            context.eval(prelude);
            Value globals = context.getBindings("python");
            globals.getMember("_configure").execute(String.join(",", limits.allowedModules()),
                    limits.maxOutputChars(), limits.recursionLimit(), PRELOADED);
            load = globals.getMember("_load");
            run = globals.getMember("_run");
            runAll = globals.getMember("_run_all");
            intact = globals.getMember("_intact");
            tidy = globals.getMember("_tidy");
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    private static Context.Builder base(Engine engine) {
        return Context.newBuilder("python")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .in(InputStream.nullInputStream())
                .allowIO(IOAccess.NONE)
                .allowHostClassLookup(name -> false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE);
    }

    private static Context build(Engine engine, SandboxLimits limits) {
        Context.Builder b = base(engine);
        if (CPU_LIMIT_OPTION.get()) {
            // a backstop over the whole context (reset before each call); it also covers building the context,
            // which can take seconds interpreted, so the per-call CPU limit is the watchdog's
            try {
                return b.option("sandbox.MaxCPUTime", Math.max(limits.cpuTime().toMillis(), SETUP_CPU_MILLIS) + "ms")
                        .build();
            } catch (IllegalArgumentException e) {
                // polyglot 25.0.x community has no sandbox.MaxCPUTime; the watchdog's CPU limit still applies
                LOG.warnf("sandbox.MaxCPUTime is not available (%s); relying on the watchdog", e.getMessage());
                CPU_LIMIT_OPTION.set(false);
                b = base(engine);
            }
        }
        return b.build();
    }

    /**
     * The function's evaluate as a {@link Loaded}, or a {@link Rejection}; compiled once per context: later loads of the same code (by
     * SHA-256) answer what the first one did.
     */
    Object load(String code) {
        String key = HexFormat.of().formatHex(sha256.digest(code.getBytes(StandardCharsets.UTF_8)));
        Object cached = loaded.get(key);
        if (cached != null) {
            return cached;
        }
        Value[] result = new Value[1];
        Verdict v = guarded(1, () -> {
            result[0] = load.execute(code);
            return result[0].getArrayElement(0).canExecute() ? 1 : result[0].getArrayElement(0).asInt();
        });
        Object outcome;
        if (v == Verdict.PASS) {
            String form = result[0].getArrayElement(1).asString();
            outcome = new Loaded(result[0].getArrayElement(0),
                    HexFormat.of().formatHex(sha256.digest(form.getBytes(StandardCharsets.UTF_8))));
        } else if (!broken && result[0] != null && result[0].hasArrayElements()) {
            // (a broken context may be closed already: its values can no longer be read)
            int status = result[0].getArrayElement(0).asInt();
            outcome = new Rejection(status < 0 ? Verdict.INVALID : verdictOf(status),
                    result[0].getArrayElement(1).asString());
        } else {
            outcome = new Rejection(v, "load-" + v.wire());
        }
        if (!broken) {
            loaded.put(key, outcome);
        }
        return outcome;
    }

    Verdict run(Value evaluate, String input) {
        return guarded(1, () -> run.execute(evaluate, input).asInt());
    }

    /**
     * One function over all inputs in one guest call, under one call's limits (wall time, CPU time, allocation) for
     * the whole batch. Null when the batch did not complete (a limit hit, cancelled): the caller then runs the
     * inputs one call each, with each call's own limits, so no verdict depends on batching.
     */
    List<Verdict> runAll(Value evaluate, List<String> inputs) {
        Object[] args = new Object[inputs.size() + 1];
        args[0] = evaluate;
        for (int i = 0; i < inputs.size(); i++) {
            args[i + 1] = inputs.get(i);
        }
        String[] statuses = new String[1];
        Verdict done = guarded(inputs.size(), () -> {
            statuses[0] = runAll.execute(args).asString();
            return 1;
        });
        if (done != Verdict.PASS || statuses[0] == null || statuses[0].length() != inputs.size()) {
            return null;
        }
        List<Verdict> verdicts = new ArrayList<>(inputs.size());
        for (int i = 0; i < statuses[0].length(); i++) {
            verdicts.add(verdictOf(statuses[0].charAt(i) - '0'));
        }
        return verdicts;
    }

    /** After a batch: forget shared caches, and report whether any shared module or builtin was tampered with. */
    boolean intact() {
        if (broken) {
            return false;
        }
        // guarded: the check reads attributes of objects a function may have planted, which can run its code
        String[] changed = new String[1];
        Verdict v = guarded(1, () -> {
            changed[0] = intact.execute().asString();
            return changed[0].isEmpty() ? 1 : 0;
        });
        if (v != Verdict.PASS) {
            LOG.debugf("discarding a sandbox context: %s", changed[0] == null ? v.wire() : changed[0] + " changed");
            broken = true;
            return false;
        }
        return guarded(1, () -> {
            tidy.executeVoid();
            return 1;
        }) == Verdict.PASS;
    }

    boolean usable() {
        return !broken && calls < limits.maxCallsPerContext();
    }

    /** {@code weight}: how many calls this counts as towards {@code maxCallsPerContext}. */
    private Verdict guarded(int weight, Supplier<Integer> call) {
        calls += weight;
        Watchdog.Watch watch;
        try {
            context.resetLimits();
            watch = watchdog.start(context, limits.wallTime().toNanos(), limits.cpuTime().toNanos(),
                    limits.maxAllocatedBytes());
        } catch (IllegalStateException e) {
            broken = true;
            return Verdict.ERROR;
        }
        Verdict outcome;
        try {
            outcome = verdictOf(call.get());
        } catch (PolyglotException e) {
            outcome = classify(e);
        } catch (IllegalStateException e) {
            // the watchdog closed the context under us
            broken = true;
            outcome = Verdict.TIMEOUT;
        } catch (OutOfMemoryError | StackOverflowError e) {
            broken = true;
            outcome = Verdict.RESOURCE_EXHAUSTED;
        } catch (RuntimeException e) {
            // anything else (a value of an unexpected type, ...) must still stop the watch below, or the watchdog
            // would later cancel this context under another function
            broken = true;
            outcome = Verdict.ERROR;
        }
        Verdict imposed = watchdog.stop(watch);
        if (imposed != null) {
            broken = true;
            cancelled = true;
            return imposed;
        }
        return outcome;
    }

    private Verdict classify(PolyglotException e) {
        if (e.isCancelled() || e.isResourceExhausted() || e.isInternalError() || e.isExit()) {
            broken = true;
        }
        String message = String.valueOf(e.getMessage());
        if (e.isResourceExhausted()) {
            return message.contains("CPU time") ? Verdict.TIMEOUT : Verdict.RESOURCE_EXHAUSTED;
        }
        if (e.isCancelled()) {
            return Verdict.TIMEOUT;
        }
        if (message.contains("not allowed") || message.contains("SecurityException")) {
            return Verdict.FORBIDDEN;
        }
        if (message.contains("OutOfMemoryError") || message.contains("StackOverflowError")) {
            broken = true;
            return Verdict.RESOURCE_EXHAUSTED;
        }
        return Verdict.ERROR;
    }

    static Verdict verdictOf(int status) {
        return switch (status) {
            case 1 -> Verdict.PASS;
            case 0 -> Verdict.FAIL;
            case 3 -> Verdict.FORBIDDEN;
            case 4 -> Verdict.RESOURCE_EXHAUSTED;
            case -1 -> Verdict.INVALID;
            default -> Verdict.ERROR;
        };
    }

    @Override
    public void close() {
        if (cancelled) {
            return;
        }
        try {
            context.close(true);
        } catch (RuntimeException e) {
            // already closed by the watchdog
        }
    }

    /** A loaded function: its evaluate, and the SHA-256 of its normal form (syntax tree without positions: layout and comments aside). */
    record Loaded(Value evaluate, String normalForm) {
    }

    /** A function that never runs: its verdict for every input, and why. */
    record Rejection(Verdict verdict, String reason) {
    }
}
