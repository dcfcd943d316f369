package dev.autoif.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.testinfra.ServiceEndpointsContract;
import dev.autoif.verifier.config.SandboxConfig;
import dev.autoif.verifier.sandbox.FunctionSandbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest extends ServiceEndpointsContract {

    @Inject
    FunctionSandbox sandbox;

    @Inject
    SandboxConfig config;

    /** The sandbox threads' contexts were made when the service started, not by the first record or request. */
    @Test
    void theSandboxIsWarmWhenTheServiceHasStarted() {
        assertThat(config.warmUp()).isTrue();
        assertThat(sandbox.contextsCreated()).as("contexts made at start").isEqualTo(sandbox.limits().workers());
    }
}
