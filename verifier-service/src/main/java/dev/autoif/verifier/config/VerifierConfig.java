package dev.autoif.verifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Service knobs outside the sandbox, {@code autoif.verifier.*}. */
@ConfigMapping(prefix = "autoif.verifier")
public interface VerifierConfig {

    /** How long a consumer waits for the run spec of a record that overtook it; then the record is dead-lettered. */
    @WithDefault("30s")
    Duration runSpecWait();

    /** Most functions one POST /verify may carry. */
    @WithDefault("32")
    int maxFunctions();

    /** Most responses one POST /verify may carry. */
    @WithDefault("64")
    int maxResponses();
}
