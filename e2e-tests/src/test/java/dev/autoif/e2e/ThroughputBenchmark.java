package dev.autoif.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autoif.llmsim.Latency;
import dev.autoif.llmsim.Stats;
import dev.autoif.llmsim.prompt.PromptKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The LLM-concurrency benchmark of issue 13, on the whole system (six packaged services, the standalone broker,
 * PostgreSQL, the simulator answering every request after a fixed 500 ms). Not part of the build; run it with
 * <pre>./mvnw -B -pl e2e-tests -am verify -Dit.test=ThroughputBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false</pre>
 * It submits the run {@code deploy/local/run.sh} submits by default (40 default seeds, 1 self-instruct round, 3
 * functions, 2 queries, 4 responses), once to warm the services up (not measured), then twice: first as the services
 * are configured, then, as the baseline of the same
 * invocation, with every consumer's worker pool at one record at a time (what every stage but nli did before the
 * platform consumer step). It prints, for each: wall time, LLM calls, effective LLM concurrency (calls x latency /
 * wall time) and per LLM stage the ratio calls/s / (max-concurrency / latency), from the stage's first to its last
 * request as the simulator counted them (and the most in flight at once), the CPU seconds each service used; and
 * writes the same to {@code target/benchmark/throughput.txt}. In that run a stage's rate is also bounded by how fast
 * its input arrives, so between the two it runs the same spec once per LLM stage with that stage's calls held at the
 * simulator until the stage before it is done, and prints each stage's rate at its own limit after the release; and
 * the stages whose output the sandbox works on (function generation, back-translation, response sampling) held once
 * more with the verifier's sandbox threads at {@code autoif.sandbox.nice=10} (opt-in; default 0), the sandbox's
 * interpreted Python yielding the two cores to the services that wait on the LLM; and function generation and
 * sampling held once more with the verifier stopped (SIGSTOP) until the stage is done, the stage alone on the cores.
 * Per held stage it prints the requests in flight second by second, the simulator's own time per request, the
 * stage's service's timers (where a call's time went) and the cores each process used. {@code -Dbench.parts=}
 * {@code whole,held,isolated,nice} picks parts (default all), {@code -Dbench.stages=FUNCTION_GENERATION,...} stages,
 * {@code -Dbench.latency-ms=} the simulator's latency (default 500).
 */
class ThroughputBenchmark {

    /** The simulator's fixed latency; {@code -Dbench.latency-ms=1500} measures at a real provider's pace. */
    static final long LATENCY_MS = Long.getLong("bench.latency-ms", 500);
    static final int MAX_CONCURRENCY = 8;
    /** How often the run is polled: GET /runs/{id} costs the instruction-service CPU, so not too often. */
    static final long POLL_MS = 500;
    static final Map<PromptKind, String> STAGE_OF = Map.of(PromptKind.SELF_INSTRUCT, "SELF_INSTRUCT",
            PromptKind.VERIFICATION_FUNCTION, "FUNCTION_GENERATION", PromptKind.BACK_TRANSLATION, "BACK_TRANSLATION",
            PromptKind.NLI_CLASSIFY, "BACK_TRANSLATION", PromptKind.RESPONSE, "QUERY_SAMPLING",
            PromptKind.JUDGE, "JUDGE");
    static final List<Service> LLM_CONSUMERS = List.of(Service.VERIFIER, Service.NLI, Service.QUERY, Service.JUDGE);

    final Api api = new Api();

    @Test
    void llmStagesAgainstTheClientsLimit() throws Exception {
        Path root = Path.of(System.getProperty("autoif.root", Path.of("").toAbsolutePath().getParent().toString()));
        Path work = root.resolve("e2e-tests/target/bench");
        // -Dbench.parts=whole,held,isolated,nice (default all): the whole run against its baseline, each LLM stage at its own
        // limit, and the stages before the sandbox held again with the sandbox threads at nice 10
        List<String> parts = List.of(System.getProperty("bench.parts", "whole,held,isolated,nice").split(","));
        // -Dbench.stages=FUNCTION_GENERATION,... (default all): which stages the held and nice parts measure
        List<String> stages = List.of(System.getProperty("bench.stages", "").split(","));
        List<Held> held = HELD.stream().filter(h -> stages.contains("") || stages.contains(h.stage())).toList();
        try (Stack stack = Stack.start(root, work, 7, Duration.ofMinutes(4))) {
            stack.simulator().settings().latency(Latency.parse("fixed:" + LATENCY_MS));
            // a first run warms every service's JIT, connection pools and topics up; not measured (the baseline runs
            // on warm instruction and export services too, so without it the concurrent run alone paid for start-up)
            Result warmUp = run(stack, 41);
            System.out.printf("warm-up run: %.1f s, %d LLM calls%n", warmUp.wallSeconds(), warmUp.llmCalls());
            StringBuilder report = new StringBuilder();
            Result concurrent = parts.contains("whole") ? run(stack, 42) : null;
            long seed = 50;
            List<StageRate> atLimit = new ArrayList<>();
            if (parts.contains("held")) {
                for (Held h : held) {
                    atLimit.add(held(stack, h, seed++));
                }
                // the clients' static ceilings (200,000 tokens and 500 requests a minute, a small provider tier's)
                // are a limit of their own, below max-concurrency / latency at 500 ms (960 requests a minute): function
                // generation (3 answers of ~250 tokens a call) and response sampling (4 answers) may meet the tokens,
                // and the judge the requests, once the runs before it (each held run goes through the judge) have
                // drained its bucket; once more without them
                Map<String, Service> lift = new LinkedHashMap<>();
                lift.put("FUNCTION_GENERATION", Service.INSTRUCTION);
                lift.put("QUERY_SAMPLING", Service.QUERY);
                lift.put("JUDGE", Service.JUDGE);
                lift.keySet().retainAll(held.stream().map(Held::stage).toList());
                for (Map.Entry<String, Service> e : lift.entrySet()) {
                    stack.stop(e.getValue());
                    stack.restart(e.getValue(), Duration.ofMinutes(2), Map.of("AUTOIF_LLM_TOKENS_PER_MINUTE", "0",
                            "AUTOIF_LLM_REQUESTS_PER_MINUTE", "0"));
                    Held stage = HELD.stream().filter(h -> h.stage().equals(e.getKey())).findFirst().orElseThrow();
                    StageRate lifted = held(stack, stage, seed++);
                    atLimit.add(new StageRate(lifted.stage() + " (no static TPM/RPM)", lifted.calls(),
                            lifted.seconds(), lifted.peakInFlight(), lifted.tokens()));
                    stack.stop(e.getValue());
                    stack.restart(e.getValue(), Duration.ofMinutes(2));
                }
                report.append(report("each LLM stage at its own limit (its calls held at the simulator until the"
                        + " stage before it was done, then released)", atLimit));
            }
            if (parts.contains("isolated")) {
                // the stages whose output the verifier works on, held again with the verifier stopped (SIGSTOP)
                // until the stage is done: the stage alone on the two cores, against the same stage sharing them
                // with the sandbox (the held part's figures)
                List<StageRate> isolated = new ArrayList<>();
                for (Held h : held.stream().filter(h -> h.stage().equals("FUNCTION_GENERATION")
                        || h.stage().equals("QUERY_SAMPLING")).toList()) {
                    StageRate r = held(stack, h, seed++, Service.VERIFIER);
                    isolated.add(new StageRate(r.stage() + " (verifier stopped)", r.calls(), r.seconds(),
                            r.peakInFlight(), r.tokens()));
                }
                report.append(report("the stages the verifier works after, held, with the verifier stopped until"
                        + " the stage was done", isolated));
            }
            if (parts.contains("nice")) {
                // the sandbox's CPU-bound work below everything else (autoif.sandbox.nice=10, opt-in): the stages
                // whose output the sandbox works on, held again, in the same invocation
                List<StageRate> niced = new ArrayList<>();
                List<StageRate> level = new ArrayList<>();
                List<Held> upstream = held.stream().filter(h -> !h.stage().equals("JUDGE")).toList();
                for (Held h : upstream) {
                    // the held part's figures are the default's; measured here only when that part did not run
                    StageRate measured = atLimit.stream().filter(r -> r.stage().equals(h.stage())).findFirst()
                            .orElse(null);
                    niced.add(measured != null ? measured : held(stack, h, seed++));
                }
                stack.stop(Service.VERIFIER);
                stack.restart(Service.VERIFIER, Duration.ofMinutes(2), Map.of("AUTOIF_SANDBOX_NICE", "10"));
                for (Held h : upstream) {
                    StageRate r = held(stack, h, seed++);
                    level.add(new StageRate(r.stage() + " (sandbox nice 10)", r.calls(), r.seconds(),
                            r.peakInFlight(), r.tokens()));
                }
                stack.stop(Service.VERIFIER);
                stack.restart(Service.VERIFIER, Duration.ofMinutes(2));
                List<StageRate> both = new ArrayList<>();
                for (int i = 0; i < niced.size(); i++) {
                    both.add(niced.get(i));
                    both.add(level.get(i));
                }
                report.append(report("the stages before the sandbox, held, with the sandbox threads at nice "
                        + "0 (default) and at nice 10", both));
            }
            if (concurrent != null) {
                Map<String, String> serial = new LinkedHashMap<>();
                for (String pool : List.of("JUDGE", "QUERY_SAMPLING", "REJECTION", "NLI", "CROSS_VALIDATION",
                        "RESPONSE_VERIFICATION", "EXPORT")) {
                    serial.put("SMALLRYE_MESSAGING_WORKER_" + pool + "_MAX_CONCURRENCY", "1");
                }
                for (Service s : LLM_CONSUMERS) {
                    // not kill: a killed member keeps its partitions for the broker's session timeout (45 s), which
                    // would stall the baseline's first records
                    stack.stop(s);
                    stack.restart(s, Duration.ofMinutes(2), serial);
                }
                Result baseline = run(stack, 43);
                report.insert(0, report(concurrent, baseline));
            }
            System.out.println(report);
            Path out = root.resolve("e2e-tests/target/benchmark/throughput.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    /** {@code peakInFlight}: the most requests of the stage the simulator had in flight at once. */
    record StageRate(String stage, long calls, double seconds, long peakInFlight, long tokens) {
        StageRate(String stage, long calls, double seconds, long peakInFlight) {
            this(stage, calls, seconds, peakInFlight, 0);
        }

        double tokensPerSecond() {
            return seconds <= 0 ? 0 : tokens / seconds;
        }

        double callsPerSecond() {
            return seconds <= 0 ? 0 : calls / seconds;
        }

        double ratio() {
            return callsPerSecond() / (MAX_CONCURRENCY * 1000.0 / LATENCY_MS);
        }
    }

    /**
     * A stage measured at its own limit: its prompt kinds held at the simulator until the funnel says stage
     * {@code after} is done (so that the stage's whole input is queued and its service's calls wait at the
     * simulator), then released. {@code rounds}: the run's self-instruct rounds (enough uncached calls for a rate).
     */
    record Held(String stage, List<PromptKind> kinds, String after, int rounds) {
        Held(String stage, List<PromptKind> kinds, String after) {
            this(stage, kinds, after, HELD_ROUNDS);
        }
    }

    static final List<Held> HELD = List.of(
            new Held("FUNCTION_GENERATION", List.of(PromptKind.VERIFICATION_FUNCTION), "SELF_INSTRUCT"),
            // only new instructions' functions are back-translated uncached (the seeds' come from the LLM cache):
            // 6-11 calls at 4 rounds, too few for a rate
            new Held("BACK_TRANSLATION", List.of(PromptKind.BACK_TRANSLATION, PromptKind.NLI_CLASSIFY),
                    "CROSS_VALIDATION", 16),
            new Held("QUERY_SAMPLING", List.of(PromptKind.RESPONSE), "BACK_TRANSLATION"),
            new Held("JUDGE", List.of(PromptKind.JUDGE), "REJECTION"));

    /** The LLM client's default static ceilings (autoif.llm.tokens-per-minute, requests-per-minute). */
    static final long CLIENT_TPM = 200_000;
    static final long CLIENT_RPM = 500;

    /** Held requests wait in their client's 60 s timeout: release before it, whatever the funnel says. */
    static final long MAX_HOLD_MS = 40_000;

    /**
     * One run (the same spec) with {@code h}'s kinds held until its input is queued and its client full; the stage's
     * rate from the release to its last request (+ one latency, the last call's own time), from the simulator's
     * counts polled every 20 ms.
     */
    private StageRate held(Stack stack, Held h, long seed) {
        return held(stack, h, seed, null);
    }

    /**
     * As {@link #held(Stack, Held, long)}; with {@code paused} stopped (SIGSTOP) from the release until the funnel
     * says the stage is done, so that the stage does not share the cores with the service that works on its output.
     */
    private StageRate held(Stack stack, Held h, long seed, Service paused) {
        String url = stack.url(Service.INSTRUCTION) + "/runs";
        Stats stats = stack.simulator().stats();
        Service service = SERVICE_OF.get(h.stage());
        Map<String, double[]> timersBefore = timers(stack, service);
        stack.simulator().settings().hold(h.kinds().toArray(PromptKind[]::new));
        long heldFor;
        String runId;
        try {
            runId = api.expect(api.submitRun(url, Map.of("name", "bench-held-" + seed, "parameters",
                    heldSpec(seed, h.rounds()), "corpusId", "sample")), 201, "POST /runs").path("runId").asText();
            long t0 = System.nanoTime();
            // until the stage before is done and the stage's client is full (max-concurrency requests waiting at
            // the simulator): with only the first condition, a stage whose service was still starting its work at
            // the release (function generation, released 1.1 s after self-instruct) was measured ramping up
            while ((!stageDone(api.expect(api.get(url + "/" + runId), 200, "run"), h.after())
                    || stack.simulator().settings().waitingHeld() < MAX_CONCURRENCY)
                    && (System.nanoTime() - t0) / 1_000_000 < MAX_HOLD_MS) {
                Stack.sleep(POLL_MS);
            }
            heldFor = (System.nanoTime() - t0) / 1_000_000;
        } finally {
            stats.resetPeaks();
            if (paused != null) {
                stack.pause(paused);
            }
            stack.simulator().settings().releaseHeld();
        }
        long release = System.nanoTime();
        Stats.Snapshot base = stats.snapshot();
        Map<Service, Duration> cpuAtRelease = stack.cpu();
        double busyAtRelease = machineBusySeconds();
        Map<Service, Duration> cpuAtLast = cpuAtRelease;
        double busyAtLast = busyAtRelease;
        long calls = 0;
        long last = release;
        long nextRunPoll = release;
        // the stage's requests in flight at the simulator, sampled at each poll: per second after the release, the
        // mean in flight and the requests that arrived (a client that stays full shows 8s; gaps show its input)
        List<long[]> series = new ArrayList<>();
        while (true) {
            Stats.Snapshot now = stats.snapshot();
            long c = h.kinds().stream().mapToLong(k -> now.kind(k).requests() - base.kind(k).requests()).sum();
            long inFlight = h.kinds().stream().mapToLong(k -> now.kind(k).inFlight()).sum();
            int second = (int) ((System.nanoTime() - release) / 1_000_000_000);
            while (series.size() <= second) {
                series.add(new long[3]);
            }
            series.get(second)[0] += inFlight;
            series.get(second)[1]++;
            series.get(second)[2] = c;
            if (c > calls) {
                calls = c;
                last = System.nanoTime();
                cpuAtLast = stack.cpu();
                busyAtLast = machineBusySeconds();
            }
            if (System.nanoTime() - nextRunPoll >= 0) {
                JsonNode run = api.expect(api.get(url + "/" + runId), 200, "run");
                if (paused != null && stageDone(run, h.stage())) {
                    stack.resume(paused);
                    paused = null;
                }
                String status = run.path("status").asText();
                if (!status.equals("queued") && !status.equals("running")) {
                    if (!status.equals("done")) {
                        throw new AssertionError("run " + runId + " ended " + status + ": " + run.path("error"));
                    }
                    break;
                }
                if ((System.nanoTime() - release) / 1_000_000_000 > 1200) {
                    throw new AssertionError("run " + runId + " still " + status + " after 20 min");
                }
                nextRunPoll = System.nanoTime() + POLL_MS * 1_000_000;
            }
            Stack.sleep(20);
        }
        Stats.Snapshot end = stats.snapshot();
        long peak = h.kinds().stream().mapToLong(k -> end.kind(k).peakInFlight()).max().orElse(0);
        long tokens = h.kinds().stream().mapToLong(k -> end.kind(k).totalTokens() - base.kind(k).totalTokens())
                .sum();
        StageRate r = new StageRate(h.stage() + (heldFor >= MAX_HOLD_MS ? " (hold cut)" : ""), calls,
                (last - release) / 1e9 + LATENCY_MS / 1000.0, peak, tokens);
        System.out.printf("held %s for %.1f s (until %s done): %d calls in %.1f s, ratio %.2f, peak %d, %.0f"
                + " tokens/s%n", h.stage(), heldFor / 1000.0, h.after(), calls, r.seconds(), r.ratio(), peak,
                r.tokensPerSecond());
        StringBuilder perSecond = new StringBuilder();
        long before = 0;
        for (int i = 0; i < series.size() && i <= r.seconds(); i++) {
            long[] b = series.get(i);
            perSecond.append(String.format(" %d:%.1f/%d", i, b[1] == 0 ? 0.0 : (double) b[0] / b[1], b[2] - before));
            before = b[2];
        }
        System.out.printf("  per second after the release, mean in flight / requests:%s%n", perSecond);
        // where the stage's service spent its calls' time in this run (its timers' deltas): what keeps a client
        // that is not full from being fed
        Map<String, double[]> timersAfter = timers(stack, service);
        StringBuilder phases = new StringBuilder();
        timersAfter.forEach((timer, after) -> {
            double[] start = timersBefore.getOrDefault(timer, new double[2]);
            double n = after[1] - start[1];
            if (n > 0) {
                phases.append(String.format("%n    %-90s %6.0f x %8.1f ms", timer, n,
                        1000 * (after[0] - start[0]) / n));
            }
        });
        long handled = h.kinds().stream().mapToLong(k -> end.kind(k).handled() - base.kind(k).handled()).sum();
        long handlingNanos = h.kinds().stream().mapToLong(k -> end.kind(k).handlingNanos()
                - base.kind(k).handlingNanos()).sum();
        System.out.printf("  the simulator's own time per request (beyond the latency): %.1f ms over %d requests%n",
                handled == 0 ? 0.0 : handlingNanos / 1e6 / handled, handled);
        System.out.printf("  %s, mean time per record:%s%n", service, phases);
        // who had the two cores from the release to the stage's last request
        double window = (last - release) / 1e9;
        StringBuilder cpu = new StringBuilder();
        double services = 0;
        for (Map.Entry<Service, Duration> e : cpuAtLast.entrySet()) {
            Duration atRelease = cpuAtRelease.get(e.getKey());
            double used = atRelease == null ? 0 : (e.getValue().toMillis() - atRelease.toMillis()) / 1000.0;
            services += used;
            cpu.append(String.format(" %s %.0f%%", e.getKey(), 100 * used / window));
        }
        double busy = busyAtLast - busyAtRelease;
        System.out.printf("  cores used over the %.1f s to the last request (100%% = one core):%s, everything else"
                + " (simulator, broker, PostgreSQL) %.0f%%, machine %.0f%% of %d%n", window, cpu,
                100 * (busy - services) / window, 100 * busy / window, Runtime.getRuntime().availableProcessors());
        return r;
    }

    /** CPU seconds the whole machine has been busy (not idle, not waiting for I/O), from /proc/stat; 0 elsewhere. */
    private static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    static final Map<String, Service> SERVICE_OF = Map.of("FUNCTION_GENERATION", Service.INSTRUCTION,
            "BACK_TRANSLATION", Service.NLI, "QUERY_SAMPLING", Service.QUERY, "JUDGE", Service.JUDGE);

    /**
     * The service's timers that say where an LLM stage's time goes, from its Prometheus metrics: per series, its
     * sum (s) and count. The LLM client's requests and phases, the consumer step's records and instruction-service's
     * generation phases.
     */
    private Map<String, double[]> timers(Stack stack, Service service) {
        Map<String, double[]> out = new java.util.TreeMap<>();
        Api.Reply r = api.getText(stack.url(service) + "/q/metrics");
        if (r.status() != 200) {
            return out;
        }
        for (String line : r.body().split("\n")) {
            if (line.startsWith("#") || !(line.startsWith("autoif_llm_request_seconds_")
                    || line.startsWith("autoif_llm_phase_seconds_") || line.startsWith("autoif_consumer_record_seconds_")
                    || line.startsWith("autoif_instruction_generation_seconds_"))) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            boolean sum = series.contains("_seconds_sum");
            boolean count = series.contains("_seconds_count");
            if (!sum && !count) {
                continue;
            }
            String key = series.replace("_seconds_sum", "").replace("_seconds_count", "");
            out.computeIfAbsent(key, k -> new double[2])[sum ? 0 : 1] = Double.parseDouble(line.substring(space + 1));
        }
        return out;
    }

    private static boolean stageDone(JsonNode run, String stage) {
        for (JsonNode s : run.path("funnel")) {
            if (s.path("stage").asText().equals(stage)) {
                return s.path("done").asBoolean();
            }
        }
        return false;
    }

    private static String report(String title, List<StageRate> atLimit) {
        StringBuilder b = new StringBuilder(String.format("%n%s:%n%-40s %6s %6s %8s %6s %5s %9s %7s %7s%n", title,
                "stage", "calls", "s", "calls/s", "ratio", "peak", "tokens/s", "of TPM", "of RPM"));
        for (StageRate s : atLimit) {
            b.append(String.format("%-40s %6d %6.1f %8.2f %6.2f %5d %9.0f %6.0f%% %6.0f%%%n", s.stage(), s.calls(),
                    s.seconds(), s.callsPerSecond(), s.ratio(), s.peakInFlight(), s.tokensPerSecond(),
                    100 * s.tokensPerSecond() / (CLIENT_TPM / 60.0), 100 * s.callsPerSecond() / (CLIENT_RPM / 60.0)));
        }
        b.append("s = from the release to the stage's last request, + one latency; of TPM / RPM: against the LLM"
                + " client's default static ceilings (" + CLIENT_TPM + " tokens, " + CLIENT_RPM + " requests a"
                + " minute; the simulator's tokens, which the client's estimate follows)\n");
        return b.toString();
    }

    /**
     * {@code cpuSeconds}: CPU time each service used during the run (simulator, broker and database not counted);
     * {@code load}: the machine's 1-minute load average at the end.
     */
    record Result(String runId, double wallSeconds, long llmCalls, List<StageRate> stages,
            Map<Service, Double> cpuSeconds, double load) {
        double effectiveConcurrency() {
            return llmCalls * (LATENCY_MS / 1000.0) / wallSeconds;
        }

        double totalCpu() {
            return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** The spec {@code deploy/local/run.sh} submits by default, with the given seed. */
    private static Map<String, Object> spec(long seed) {
        return Map.of("selfInstructRounds", 1, "functionsPerInstruction", 3, "queriesPerInstruction", 2,
                "responsesPerQuery", 4, "seed", seed);
    }

    /**
     * The held runs' spec: {@link #spec}'s with {@code rounds} self-instruct rounds ({@value #HELD_ROUNDS} unless a
     * stage needs more). With one round only ~4
     * instructions a run reach back-translation uncached (the seeds' own come from the LLM cache), too few calls
     * for a rate: the stage's 8 calls took two latencies whatever its concurrency.
     */
    private static Map<String, Object> heldSpec(long seed, int rounds) {
        Map<String, Object> spec = new LinkedHashMap<>(spec(seed));
        spec.put("selfInstructRounds", rounds);
        return spec;
    }

    static final int HELD_ROUNDS = 4;

    private Result run(Stack stack, long seed) {
        Map<String, Object> parameters = spec(seed);
        Map<Service, Duration> cpuBefore = stack.cpu();
        Instant t0 = Instant.now();
        JsonNode created = api.expect(api.submitRun(stack.url(Service.INSTRUCTION) + "/runs", Map.of("name", "bench-" + seed,
                "parameters", parameters, "corpusId", "sample")), 201, "POST /runs");
        String runId = created.path("runId").asText();
        Map<String, Double> first = new LinkedHashMap<>();
        Map<String, Double> last = new LinkedHashMap<>();
        Map<String, Long> calls = new LinkedHashMap<>();
        // the simulator's own count of requests per prompt kind: when each stage's requests arrived, with no lag
        // (the funnel's counts arrive as progress deltas folded by instruction-service, later under load)
        Stats.Snapshot simStart = stack.simulator().stats().snapshot();
        stack.simulator().stats().resetPeaks();
        JsonNode run;
        while (true) {
            run = api.expect(api.get(stack.url(Service.INSTRUCTION) + "/runs/" + runId), 200, "run");
            double t = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
            Stats.Snapshot sim = stack.simulator().stats().snapshot();
            for (PromptKind k : PromptKind.values()) {
                long c = sim.kind(k).requests() - simStart.kind(k).requests();
                String stage = STAGE_OF.get(k);
                if (stage == null || c <= 0) {
                    continue;
                }
                first.putIfAbsent(stage, t);
                if (c > calls.getOrDefault(stage, 0L)) {
                    calls.put(stage, c);
                    last.put(stage, t);
                }
            }
            String status = run.path("status").asText();
            if (!status.equals("queued") && !status.equals("running")) {
                break;
            }
            if (t > 1200) {
                throw new AssertionError("run " + runId + " still " + status + " after 20 min");
            }
            Stack.sleep(POLL_MS);
        }
        double wall = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
        Map<Service, Double> cpu = new LinkedHashMap<>();
        stack.cpu().forEach((s, d) -> cpu.put(s, d.minus(cpuBefore.getOrDefault(s, Duration.ZERO)).toMillis() / 1000.0));
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (!run.path("status").asText().equals("done")) {
            throw new AssertionError("run " + runId + " ended " + run.path("status") + ": " + run.path("error"));
        }
        Stats.Snapshot simEnd = stack.simulator().stats().snapshot();
        Map<String, Long> peaks = new LinkedHashMap<>();
        STAGE_OF.forEach((k, stage) -> peaks.merge(stage, simEnd.kind(k).peakInFlight(), Math::max));
        List<StageRate> stages = new ArrayList<>();
        // a stage's first poll with calls already counts the calls made since the previous poll: widen by one poll
        calls.forEach((stage, c) -> stages.add(new StageRate(stage, c,
                last.get(stage) - first.get(stage) + POLL_MS / 1000.0 + LATENCY_MS / 1000.0, peaks.get(stage))));
        return new Result(runId, wall, run.path("llmCalls").asLong(), stages, cpu, load);
    }

    private static String report(Result concurrent, Result baseline) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("LLM concurrency benchmark: simulator fixed %d ms, max-concurrency %d per service%n",
                LATENCY_MS, MAX_CONCURRENCY));
        b.append(String.format("%-28s %10s %10s %10s%n", "", "wall s", "LLM calls", "eff. conc."));
        for (var e : Map.of("consumer step (concurrent)", concurrent, "baseline (1 record at a time)", baseline)
                .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Result r = e.getValue();
            b.append(String.format("%-28s %10.1f %10d %10.2f%n", e.getKey(), r.wallSeconds(), r.llmCalls(),
                    r.effectiveConcurrency()));
        }
        b.append(String.format("speed-up (baseline wall / concurrent wall): %.2fx%n",
                baseline.wallSeconds() / concurrent.wallSeconds()));
        b.append(String.format("%n%-22s %8s %8s %10s %8s %6s   %8s %10s %8s%n", "stage (simulator)", "calls", "s",
                "calls/s", "ratio", "peak", "base s", "calls/s", "ratio"));
        for (StageRate s : concurrent.stages()) {
            StageRate base = baseline.stages().stream().filter(x -> x.stage().equals(s.stage())).findFirst()
                    .orElse(new StageRate(s.stage(), 0, 0, 0));
            b.append(String.format("%-22s %8d %8.1f %10.2f %8.2f %6d   %8.1f %10.2f %8.2f%n", s.stage(), s.calls(),
                    s.seconds(), s.callsPerSecond(), s.ratio(), s.peakInFlight(), base.seconds(),
                    base.callsPerSecond(), base.ratio()));
        }
        b.append("ratio = calls/s / (max-concurrency / latency), from the stage's first to its last request as the"
                + " simulator saw them; peak = most of its requests in flight at once; stages with a handful of calls"
                + " (self-instruct) say little\n");
        int cores = Runtime.getRuntime().availableProcessors();
        b.append(String.format("%nCPU seconds per service during the run (%d cores):%n%-22s %10s %10s%n", cores,
                "service", "concurrent", "baseline"));
        for (Service s : Service.values()) {
            b.append(String.format("%-22s %10.1f %10.1f%n", s.module, concurrent.cpuSeconds().getOrDefault(s, 0.0),
                    baseline.cpuSeconds().getOrDefault(s, 0.0)));
        }
        for (var e : List.of(Map.entry("concurrent", concurrent), Map.entry("baseline", baseline))) {
            Result r = e.getValue();
            b.append(String.format("%s: services used %.1f CPU-s in %.1f s = %.0f%% of %d cores (load average at the"
                    + " end %.1f)%n", e.getKey(), r.totalCpu(), r.wallSeconds(),
                    100 * r.totalCpu() / (cores * r.wallSeconds()), cores, r.load()));
        }
        return b.toString();
    }
}
