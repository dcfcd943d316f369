package dev.autoif.llmsim;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One simulator per test class on a free port; each test starts from a perfect model, no faults, zero stats. */
abstract class SimulatorTestBase {

    static LlmSimulator sim;
    static SimClient client;

    @BeforeAll
    static void startSimulator() {
        sim = LlmSimulator.start(SimulatorOptions.defaults().withSeed(42));
        client = new SimClient(sim);
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void cleanSlate() {
        sim.settings().clearFaults().perfectModel().latency(Latency.NONE).slowMillis(30_000).retryAfterSeconds(1)
                .rateLimits(RateLimits.OFF).releaseHeld();
        sim.resetStats();
    }
}
