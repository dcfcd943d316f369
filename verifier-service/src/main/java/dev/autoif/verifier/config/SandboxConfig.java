package dev.autoif.verifier.config;

import dev.autoif.verifier.sandbox.SandboxLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Sandbox limits, {@code autoif.sandbox.*}; defaults match {@link SandboxLimits#defaults()}. */
@ConfigMapping(prefix = "autoif.sandbox")
public interface SandboxConfig {

    /** Wall time per call. */
    @WithDefault("5s")
    Duration wallTime();

    /** CPU time per call. */
    @WithDefault("5s")
    Duration cpuTime();

    /** Bytes one call may allocate (our memory cap). */
    @WithDefault("268435456")
    long maxAllocatedBytes();

    @WithDefault("1000")
    int recursionLimit();

    @WithDefault("65536")
    int maxInputChars();

    @WithDefault("20000")
    int maxCodeChars();

    @WithDefault("65536")
    int maxOutputChars();

    /** Sandbox threads (one context each); default: one per core. */
    Optional<Integer> workers();

    @WithDefault("100000")
    int maxCallsPerContext();

    @WithDefault("2")
    int strikes();

    @WithDefault("5ms")
    Duration watchdogInterval();

    /** Import allow-list; default: {@link SandboxLimits#DEFAULT_MODULES}. */
    Optional<List<String>> allowedModules();

    /**
     * Make every sandbox thread's context when the service starts, before it reports ready, instead of on the first
     * record or reward request (a context takes seconds to build interpreted: the first instructions of every run
     * waited for it on the pipeline's critical path).
     */
    @WithDefault("true")
    boolean warmUp();

    /**
     * The sandbox threads' nice value on Linux, 0-19 (0, the default: the same priority as the service's other
     * threads). The sandbox is the pipeline's CPU-bound work; on a machine it shares with the other services a higher
     * value lets their short bursts run first while the sandbox still gets every cycle nobody else wants. Opt-in:
     * ThroughputBenchmark's "nice" part measured no consistent gain for the LLM stages on two cores (see
     * docs/operations.md). Ignored where the platform has no per-thread nice value.
     */
    @WithDefault("0")
    int nice();

    default SandboxLimits limits() {
        return new SandboxLimits(wallTime(), cpuTime(), maxAllocatedBytes(), recursionLimit(), maxInputChars(),
                maxCodeChars(), maxOutputChars(),
                workers().orElse(Math.max(1, Runtime.getRuntime().availableProcessors())), maxCallsPerContext(),
                strikes(), watchdogInterval(), allowedModules().orElse(SandboxLimits.DEFAULT_MODULES));
    }
}
