package dev.autoif.verifier.config;

import dev.autoif.verifier.sandbox.FunctionSandbox;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One sandbox (one engine, one context per sandbox thread) for the whole service. */
public class SandboxProducer {

    @Produces
    @Singleton
    FunctionSandbox sandbox(SandboxConfig config) {
        return new FunctionSandbox(config.limits());
    }

    void close(@Disposes FunctionSandbox sandbox) {
        sandbox.close();
    }
}
