package dev.autoif.verifier.config;

import dev.autoif.verifier.sandbox.FunctionSandbox;
import dev.autoif.verifier.sandbox.ThreadNice;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** One sandbox (one engine, one context per sandbox thread) for the whole service. */
public class SandboxProducer {

    private static final Logger LOG = Logger.getLogger(SandboxProducer.class);

    @Produces
    @Singleton
    FunctionSandbox sandbox(SandboxConfig config) {
        if (config.nice() != 0 && !ThreadNice.supported()) {
            LOG.infof("sandbox: autoif.sandbox.nice=%d ignored (no per-thread nice value on this platform)",
                    config.nice());
        }
        return new FunctionSandbox(config.limits(), true, config.nice());
    }

    /** See {@link SandboxConfig#warmUp()}: the contexts are made before the service starts consuming or serving. */
    void onStart(@Observes StartupEvent event, SandboxConfig config, FunctionSandbox sandbox) {
        if (config.warmUp()) {
            long start = System.nanoTime();
            sandbox.warmUp();
            LOG.infof("sandbox: %d contexts ready in %d ms", sandbox.contextsCreated(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    void close(@Disposes FunctionSandbox sandbox) {
        sandbox.close();
    }
}
