package dev.autoif.dashboard.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Where the proxy finds each service; the keys are the names in {@code /api/{service}/...}. */
@ConfigMapping(prefix = "autoif.dashboard")
public interface DashboardConfig {

    /** Service name (instruction, verifier, nli, query, judge, export) to its base URL. */
    Map<String, URI> services();

    /** How long the proxy waits for a service to accept the connection before answering 502. */
    @WithDefault("PT3S")
    Duration connectTimeout();

    /** How long a proxied exchange may stay silent (no bytes either way) before it is abandoned. */
    @WithDefault("PT120S")
    Duration idleTimeout();
}
