package dev.autoif.testinfra;

import dev.autoif.llmsim.LlmSimulator;
import dev.autoif.llmsim.SimulatorOptions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points the application's LLM clients at the in-JVM LLM simulator, started on a free loopback port on first use
 * and stopped when the JVM exits, so every test class of a suite shares it. Each suite starts with no faults and
 * zeroed stats; the simulated model keeps its default (realistic) imperfections. The LLM key reaches llm-client
 * through the environment (OPENAI_API_KEY=test-key, set for every test JVM by the root pom). Tests read stats and
 * switch faults with {@link SimulatorControl} over HTTP: a static accessor seen from a test class can belong to
 * another class loader than the resource's.
 */
public class LlmSimulatorResource implements QuarkusTestResourceLifecycleManager {

    /** The key the services are configured with; the simulator checks it like OpenAI would. */
    public static final String API_KEY = "test-key";

    private static LlmSimulator simulator;

    /** The running simulator (started if needed): {@code simulator().stats()}, {@code simulator().settings()}. */
    public static synchronized LlmSimulator simulator() {
        if (simulator == null) {
            simulator = LlmSimulator.start(SimulatorOptions.defaults().withApiKey(API_KEY));
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "llm-simulator-stop"));
        }
        return simulator;
    }

    @Override
    public Map<String, String> start() {
        LlmSimulator sim = simulator();
        sim.settings().clearFaults();
        sim.resetStats();
        String url = sim.baseUrl();
        return Map.of(
                "autoif.llm.base-url", url,
                "quarkus.langchain4j.openai.base-url", url,
                "quarkus.langchain4j.openai.api-key", API_KEY);
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; stopped at JVM exit
    }
}
