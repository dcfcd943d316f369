package dev.autoif.llm;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts the loopback OpenAI fake for a @QuarkusTest and points {@code autoif.llm.base-url} at it. */
public class FakeOpenAiResource implements QuarkusTestResourceLifecycleManager {

    static volatile FakeOpenAi server;

    @Override
    public Map<String, String> start() {
        try {
            server = new FakeOpenAi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("autoif.llm.base-url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
