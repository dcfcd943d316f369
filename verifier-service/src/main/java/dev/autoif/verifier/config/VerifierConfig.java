package dev.autoif.verifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Service knobs outside the sandbox, {@code autoif.verifier.*}. */
@ConfigMapping(prefix = "autoif.verifier")
public interface VerifierConfig {

    /** Most functions one POST /verify may carry. */
    @WithDefault("32")
    int maxFunctions();

    /** Most responses one POST /verify may carry. */
    @WithDefault("64")
    int maxResponses();
}
