package dev.autoif.verifier.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoif.contracts.FunctionCandidate;
import dev.autoif.contracts.InstructionCandidate;
import dev.autoif.contracts.InstructionOrigin;
import dev.autoif.contracts.RunParameters;
import dev.autoif.contracts.TestCase;
import dev.autoif.verifier.domain.CrossValidator;
import dev.autoif.verifier.domain.ResponseScorer;
import dev.autoif.verifier.sandbox.FunctionResult;
import dev.autoif.verifier.sandbox.FunctionSandbox;
import dev.autoif.verifier.sandbox.SandboxLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The sandbox against the research code's way (CPython {@code exec} + {@code signal.alarm} in one process) on the
 * same workload, then a full cross-validation and the reward endpoint's latency. Run with bench/run.sh; prints
 * figures, asserts nothing.
 */
public final class SandboxBenchmark {

    public static void main(String[] args) throws Exception {
        int functions = Integer.getInteger("bench.functions", 300);
        int inputs = Integer.getInteger("bench.inputs", 100);
        int instructions = Integer.getInteger("bench.instructions", 1000);
        int workers = Integer.getInteger("bench.workers", Runtime.getRuntime().availableProcessors());
        List<String> fs = Workload.functions(functions);
        List<String> in = Workload.inputs(inputs, 7);
        long execs = (long) fs.size() * in.size();

        double cpython = cpython(fs, in);
        System.out.printf("CPython exec+alarm (1 process): %d execs in %.2f s = %.0f exec/s%n", execs,
                execs / cpython, cpython);

        try (FunctionSandbox sandbox = new FunctionSandbox(SandboxLimits.defaults().withWorkers(workers))) {
            long t0 = System.nanoTime();
            sandbox.warmUp();
            System.out.printf("sandbox: %d contexts ready in %.2f s, runtime: %s%n", workers,
                    (System.nanoTime() - t0) / 1e9, org.graalvm.polyglot.Engine.create("python")
                            .getImplementationName());
            double best = 0;
            for (int round = 1; round <= Integer.getInteger("bench.rounds", 4); round++) {
                long start = System.nanoTime();
                List<FunctionResult> results = sandbox.evaluate(fs, in);
                double seconds = (System.nanoTime() - start) / 1e9;
                long errors = results.stream().flatMap(r -> r.verdicts().stream())
                        .filter(v -> v.ordinal() > 1).count();
                double rate = execs / seconds;
                best = Math.max(best, rate);
                System.out.printf("sandbox round %d (%d workers): %.2f s = %.0f exec/s (%d non pass/fail verdicts)%n",
                        round, workers, seconds, rate, errors);
            }
            System.out.printf("RATIO sandbox/CPython (best round): %.2f (goal >= 0.5)%n", best / cpython);
            System.out.printf("contexts created: %d%n", sandbox.contextsCreated());

            crossValidation(sandbox, instructions);
            verifyLatency(sandbox);
        }
        concurrentCrossValidation(Integer.getInteger("bench.cvInstructions", 200), workers);
    }

    /**
     * Cross-validation as the service runs it: several records at once ({@code bench.callers}, default 8), each one
     * instruction's 5 functions x 15 cases, with and without merging concurrent calls' chunks under one integrity
     * check, alternating, in this one process (the machine is shared: compare the two, not the absolute figures).
     */
    static void concurrentCrossValidation(int instructions, int workers) throws Exception {
        int callers = Integer.getInteger("bench.callers", 8);
        List<String> in = Workload.inputs(15, 11);
        double[] best = new double[2];
        for (int round = 0; round < Integer.getInteger("bench.cvRounds", 2); round++) {
            for (int m = 0; m < 2; m++) {
                boolean merge = m == 1;
                // fresh functions every time: cross-validation loads each function once
                List<String> fs = Workload.functions((round * 2 + m + 2) * instructions * 5).subList(
                        (round * 2 + m + 1) * instructions * 5, (round * 2 + m + 2) * instructions * 5);
                try (FunctionSandbox sandbox = new FunctionSandbox(SandboxLimits.defaults().withWorkers(workers),
                        merge)) {
                    sandbox.warmUp();
                    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                            callers);
                    long start = System.nanoTime();
                    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                    for (int i = 0; i < instructions; i++) {
                        List<String> mine = fs.subList(i * 5, i * 5 + 5);
                        done.add(pool.submit(() -> sandbox.evaluate(mine, in)));
                    }
                    for (var f : done) {
                        f.get();
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    pool.shutdown();
                    best[m] = Math.max(best[m], instructions / seconds);
                    System.out.printf("cross-validation, %d callers, %s: %d instructions in %.2f s = %.1f instr/s"
                            + " (%d chunks merged)%n", callers, merge ? "merged" : "one check per call",
                            instructions, seconds, instructions / seconds, sandbox.mergedChunks());
                }
            }
        }
        System.out.printf("RATIO cross-validation merged / one check per call (best rounds): %.2fx%n",
                best[1] / best[0]);
    }

    /** Runs the same functions and inputs through CPython in one process, as the research code does. */
    static double cpython(List<String> fs, List<String> in) throws Exception {
        Path dir = Files.createTempDirectory("autoif-bench");
        Path data = dir.resolve("workload.json");
        new ObjectMapper().writeValue(data.toFile(), Map.of("functions", fs, "inputs", in));
        Path script = Path.of(System.getProperty("bench.script", "bench/cpython_baseline.py"));
        Process p = new ProcessBuilder("python3", script.toString(), data.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("CPython baseline failed: " + out);
        }
        String[] lines = out.split("\n");
        return Double.parseDouble(lines[lines.length - 1].trim());
    }

    static void crossValidation(FunctionSandbox sandbox, int instructions) {
        List<String> fs = Workload.functions(instructions * 5);
        List<String> in = Workload.inputs(15, 11);
        long start = System.nanoTime();
        int kept = 0;
        for (int i = 0; i < instructions; i++) {
            List<FunctionCandidate> candidates = new ArrayList<>();
            for (int f = 0; f < 5; f++) {
                candidates.add(new FunctionCandidate("f" + f, fs.get(i * 5 + f)));
            }
            List<TestCase> cases = new ArrayList<>();
            for (int c = 0; c < 15; c++) {
                cases.add(new TestCase(in.get(c), c % 2 == 0));
            }
            InstructionCandidate candidate = new InstructionCandidate("i" + i, "bench", "x", InstructionOrigin.SEED,
                    candidates, cases, 5, 0);
            List<FunctionResult> results = sandbox.evaluate(candidates.stream().map(FunctionCandidate::code).toList(),
                    in);
            kept += CrossValidator.validate(candidate, RunParameters.defaults(), results).kept() ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("cross-validation: %d instructions x 5 functions x 15 cases in %.2f s (%.1f instr/s, "
                + "%d kept)%n", instructions, seconds, instructions / seconds, kept);
    }

    static void verifyLatency(FunctionSandbox sandbox) {
        List<String> fs = Workload.functions(5);
        List<String> in = Workload.inputs(8, 13);
        int n = Integer.getInteger("bench.verifyCalls", 400);
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            ResponseScorer.score(in, sandbox.evaluate(fs, in));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("verify 8 responses x 5 functions (in process, no HTTP): p50 %.2f ms, p99 %.2f ms%n",
                nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6);
    }

    private SandboxBenchmark() {
    }
}
