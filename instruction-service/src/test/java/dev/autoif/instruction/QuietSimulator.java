package dev.autoif.instruction;

import static org.awaitility.Awaitility.await;

import dev.autoif.instruction.persistence.RunStore;
import dev.autoif.instruction.pipeline.RunWorker;
import dev.autoif.testinfra.SimulatorControl;
import java.time.Duration;

/** The simulator for a test that counts its calls or sets its faults: reset once no earlier run is still working. */
final class QuietSimulator {

    private QuietSimulator() {
    }

    static SimulatorControl settle(String llmBaseUrl, RunStore store, RunWorker worker, Duration timeout) {
        SimulatorControl sim = new SimulatorControl(llmBaseUrl);
        await().atMost(timeout).until(() -> store.resumableRunIds().isEmpty() && worker.idle());
        sim.reset();
        return sim;
    }
}
