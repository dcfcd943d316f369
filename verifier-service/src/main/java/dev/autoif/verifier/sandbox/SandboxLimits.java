package dev.autoif.verifier.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * Every limit the sandbox enforces, per call of a verification function.
 *
 * @param wallTime wall-clock time per call (and per loading of a function's module code)
 * @param cpuTime CPU time per call ({@code sandbox.MaxCPUTime})
 * @param maxAllocatedBytes bytes a call may allocate in total; our proxy for memory, since the community edition
 *        cannot cap a context's heap
 * @param recursionLimit Python recursion limit (stack depth)
 * @param maxInputChars longest response a function is given
 * @param maxCodeChars longest function source accepted
 * @param maxOutputChars characters a call may print
 * @param workers sandbox threads, each with its own context
 * @param maxCallsPerContext a context is replaced after this many calls (bounds what a context can accumulate)
 * @param strikes after this many timeouts or exhaustions of one function in one batch, its remaining inputs get
 *        the same verdict without running
 * @param watchdogInterval how often the watchdog looks at running calls
 * @param allowedModules the import allow-list: pure standard-library modules
 */
public record SandboxLimits(Duration wallTime, Duration cpuTime, long maxAllocatedBytes, int recursionLimit,
        int maxInputChars, int maxCodeChars, int maxOutputChars, int workers, int maxCallsPerContext, int strikes,
        Duration watchdogInterval, List<String> allowedModules) {

    public static final List<String> DEFAULT_MODULES = List.of("re", "string", "json", "math", "cmath",
            "collections", "itertools", "functools", "operator", "unicodedata", "statistics", "textwrap", "datetime",
            "calendar", "random", "heapq", "bisect", "fractions", "decimal", "difflib", "typing", "enum", "copy",
            "html", "numbers", "keyword");

    public SandboxLimits {
        allowedModules = List.copyOf(allowedModules);
        if (workers < 1 || strikes < 1 || maxCallsPerContext < 1) {
            throw new IllegalArgumentException("workers, strikes and maxCallsPerContext must be >= 1");
        }
    }

    public static SandboxLimits defaults() {
        return new SandboxLimits(Duration.ofSeconds(5), Duration.ofSeconds(5), 256L << 20, 1000, 65_536, 20_000,
                65_536, Math.max(1, Runtime.getRuntime().availableProcessors()), 100_000, 2, Duration.ofMillis(5),
                DEFAULT_MODULES);
    }

    public SandboxLimits withWorkers(int n) {
        return new SandboxLimits(wallTime, cpuTime, maxAllocatedBytes, recursionLimit, maxInputChars, maxCodeChars,
                maxOutputChars, n, maxCallsPerContext, strikes, watchdogInterval, allowedModules);
    }

    public SandboxLimits withWallTime(Duration wall, Duration cpu) {
        return new SandboxLimits(wall, cpu, maxAllocatedBytes, recursionLimit, maxInputChars, maxCodeChars,
                maxOutputChars, workers, maxCallsPerContext, strikes, watchdogInterval, allowedModules);
    }
}
