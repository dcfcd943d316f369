package dev.autoif.verifier.messaging;

import dev.autoif.contracts.RunSpec;
import dev.autoif.platform.messaging.RunSpecs;
import dev.autoif.verifier.config.VerifierConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The run spec a record needs; records can overtake their run, so wait a while before giving up. */
@ApplicationScoped
public class RunSpecLookup {

    private final RunSpecs runSpecs;
    private final VerifierConfig config;

    public RunSpecLookup(RunSpecs runSpecs, VerifierConfig config) {
        this.runSpecs = runSpecs;
        this.config = config;
    }

    /** The spec, or an exception that sends the record to the dead-letter topic with the reason. */
    public RunSpec require(String runId) {
        return runSpecs.require(runId, config.runSpecWait());
    }
}
