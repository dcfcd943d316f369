package dev.autoif.llmsim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone start: {@code java -jar llm-simulator-*.jar --port 8090 --seed 7 --fault http-429=0.05 ...}.
 * Every flag has an environment variable (flags win); see the module README.
 */
public final class Main {

    private static final String USAGE = """
            usage: java -jar llm-simulator.jar [options]
              --host HOST              bind address (LLM_SIM_HOST, default 127.0.0.1)
              --port PORT              port, 0 = free (LLM_SIM_PORT, default 8090)
              --seed N                 simulator seed (LLM_SIM_SEED, default 0)
              --api-key KEY            require Authorization: Bearer KEY (LLM_SIM_API_KEY, default none)
              --latency SPEC           MS | fixed:MS | uniform:MIN:MAX | lognormal:MEDIAN:SIGMA (LLM_SIM_LATENCY)
              --fault NAME=RATE        repeatable; or LLM_SIM_FAULTS=name=rate,name=rate
              --behaviour NAME=RATE    repeatable; or LLM_SIM_BEHAVIOUR=name=rate,...
              --perfect                all behaviour rates 0 (LLM_SIM_PERFECT=true)
              --diverse                self-instruct draws from the wide catalogue (LLM_SIM_DIVERSE=true)
              --slow-ms MS             delay of the 'slow' fault (LLM_SIM_SLOW_MS, default 30000)
              --retry-after S          Retry-After of the 'http-429' fault (LLM_SIM_RETRY_AFTER, default 1)
              --rpm N                  requests per minute per API key, 429 beyond (LLM_SIM_RPM, default 0 = off)
              --tpm N                  tokens per minute per API key, 429 beyond (LLM_SIM_TPM, default 0 = off)
              --batch-delay-ms MS      how long a batch stays in_progress (LLM_SIM_BATCH_DELAY_MS, default 200)
            """;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        LlmSimulator sim;
        try {
            sim = fromArgs(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (sim == null) {
            System.out.print(USAGE);
            return;
        }
        RateLimits limits = sim.settings().rateLimits();
        System.out.println("autoif LLM simulator listening on " + sim.baseUrl()
                + " (stats: " + sim.rootUrl() + "/stats)" + (limits.enabled() ? ", per API key: "
                + limits.requestsPerMinute() + " rpm, " + limits.tokensPerMinute() + " tpm (0 = off)" : ""));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }));
        stop.await();
    }

    /** Starts a simulator from flags and environment; null when only help was asked for. */
    static LlmSimulator fromArgs(String[] args, Map<String, String> env) {
        String host = env.getOrDefault("LLM_SIM_HOST", "127.0.0.1");
        int port = parseInt(env.getOrDefault("LLM_SIM_PORT", "8090"), "port");
        long seed = parseLong(env.getOrDefault("LLM_SIM_SEED", "0"), "seed");
        String apiKey = env.get("LLM_SIM_API_KEY");
        String latency = env.get("LLM_SIM_LATENCY");
        boolean perfect = Boolean.parseBoolean(env.getOrDefault("LLM_SIM_PERFECT", "false"));
        boolean diverse = Boolean.parseBoolean(env.getOrDefault("LLM_SIM_DIVERSE", "false"));
        Long slow = env.containsKey("LLM_SIM_SLOW_MS") ? parseLong(env.get("LLM_SIM_SLOW_MS"), "slow-ms") : null;
        Integer retry = env.containsKey("LLM_SIM_RETRY_AFTER") ? parseInt(env.get("LLM_SIM_RETRY_AFTER"), "retry-after") : null;
        long rpm = parseLong(env.getOrDefault("LLM_SIM_RPM", "0"), "rpm");
        long tpm = parseLong(env.getOrDefault("LLM_SIM_TPM", "0"), "tpm");
        long batchDelay = parseLong(env.getOrDefault("LLM_SIM_BATCH_DELAY_MS",
                Long.toString(Settings.DEFAULT_BATCH_DELAY_MILLIS)), "batch-delay-ms");
        List<String> faults = new ArrayList<>(splitList(env.get("LLM_SIM_FAULTS")));
        List<String> behaviours = new ArrayList<>(splitList(env.get("LLM_SIM_BEHAVIOUR")));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--perfect" -> perfect = true;
                case "--diverse" -> diverse = true;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value after " + a);
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--host" -> host = v;
                        case "--port" -> port = parseInt(v, "port");
                        case "--seed" -> seed = parseLong(v, "seed");
                        case "--api-key" -> apiKey = v;
                        case "--latency" -> latency = v;
                        case "--fault" -> faults.add(v);
                        case "--behaviour", "--behavior" -> behaviours.add(v);
                        case "--slow-ms" -> slow = parseLong(v, "slow-ms");
                        case "--retry-after" -> retry = parseInt(v, "retry-after");
                        case "--rpm" -> rpm = parseLong(v, "rpm");
                        case "--tpm" -> tpm = parseLong(v, "tpm");
                        case "--batch-delay-ms" -> batchDelay = parseLong(v, "batch-delay-ms");
                        default -> throw new IllegalArgumentException("unknown option " + a);
                    }
                }
            }
        }
        // Validate all settings before binding the port.
        Settings probe = new Settings();
        RateLimits limits = new RateLimits(rpm, tpm);
        apply(probe, latency, perfect, slow, retry, faults, behaviours);
        probe.batchCompletionDelayMillis(batchDelay);
        LlmSimulator sim = LlmSimulator.start(new SimulatorOptions(host, port, seed,
                apiKey == null || apiKey.isBlank() ? null : apiKey, SimulatorOptions.DEFAULT_MODELS));
        apply(sim.settings(), latency, perfect, slow, retry, faults, behaviours);
        sim.settings().rateLimits(limits);
        sim.settings().diverseInstructions(diverse);
        sim.settings().batchCompletionDelayMillis(batchDelay);
        return sim;
    }

    private static void apply(Settings s, String latency, boolean perfect, Long slow, Integer retry,
            List<String> faults, List<String> behaviours) {
        if (latency != null) {
            s.latency(Latency.parse(latency));
        }
        if (perfect) {
            s.perfectModel();
        }
        if (slow != null) {
            s.slowMillis(slow);
        }
        if (retry != null) {
            s.retryAfterSeconds(retry);
        }
        for (String f : faults) {
            String[] kv = pair(f);
            s.fault(Fault.byWireName(kv[0]).orElseThrow(() -> new IllegalArgumentException("unknown fault " + kv[0])),
                    parseRate(kv[1]));
        }
        for (String b : behaviours) {
            String[] kv = pair(b);
            s.behaviour(Behaviour.byWireName(kv[0])
                    .orElseThrow(() -> new IllegalArgumentException("unknown behaviour " + kv[0])), parseRate(kv[1]));
        }
    }

    private static List<String> splitList(String v) {
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return List.of(v.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String[] pair(String s) {
        int eq = s.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected NAME=RATE, got " + s);
        }
        return new String[] {s.substring(0, eq).strip(), s.substring(eq + 1).strip()};
    }

    private static double parseRate(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a rate: " + v);
        }
    }

    private static int parseInt(String v, String what) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be an integer, got " + v);
        }
    }

    private static long parseLong(String v, String what) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be an integer, got " + v);
        }
    }
}
