package dev.autoif.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link PostgresResource}'s fresh database, reached through a {@link TcpProxy} so a test can take the database away
 * and bring it back while the service runs. The proxy is injected into the test's field of type {@link TcpProxy}.
 * Use it in a test profile in place of the service's global PostgreSQL resource.
 */
public class ProxiedPostgresResource extends PostgresResource {

    private TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        String url = config.get("quarkus.datasource.jdbc.url");
        URI server = URI.create(url.substring("jdbc:".length()));
        try {
            proxy = new TcpProxy(server.getHost(), server.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the database proxy", e);
        }
        config.put("quarkus.datasource.jdbc.url", url.replace("//" + server.getHost() + ":" + server.getPort() + "/",
                "//127.0.0.1:" + proxy.port() + "/"));
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(proxy, new TestInjector.MatchesType(TcpProxy.class));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        super.stop();
    }
}
