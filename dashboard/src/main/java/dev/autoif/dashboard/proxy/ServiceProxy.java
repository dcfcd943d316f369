package dev.autoif.dashboard.proxy;

import dev.autoif.dashboard.config.DashboardConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * {@code /api/{service}/rest} to {@code <service base URL>/rest}: method, query, headers (the user's
 * {@code Authorization} included) and body go up, status, headers and body come back, both bodies streamed so a large
 * export never sits in this JVM. A service that cannot be reached answers 502 problem+json naming it.
 */
@ApplicationScoped
public class ServiceProxy {

    static final String PREFIX = "/api/";
    static final String PROBLEM = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    /** Headers about one hop (RFC 9110 7.6.1), not about the message; never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final DashboardConfig config;
    private final HttpClient client;

    public ServiceProxy(DashboardConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(32));
    }

    void routes(@Observes Router router) {
        router.route(PREFIX + "*").handler(this::forward);
    }

    void stop(@Observes ShutdownEvent e) {
        client.close();
    }

    private void forward(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        String rest = in.uri().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String service = slash < 0 ? stripQuery(rest) : rest.substring(0, slash);
        URI base = config.services().get(service);
        if (base == null) {
            problem(ctx.response(), 404, "Unknown service", "no service named '" + service + "'; known: "
                    + String.join(", ", config.services().keySet()));
            return;
        }
        String path = slash < 0 ? "/" : rest.substring(slash);
        in.pause();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setAbsoluteURI(base.toString().replaceAll("/+$", "") + path)
                .setIdleTimeout(config.idleTimeout().toMillis());
        client.request(options)
                .onSuccess(out -> send(ctx, service, in, out))
                .onFailure(err -> unreachable(ctx, service, base, err));
    }

    private void send(RoutingContext ctx, String service, HttpServerRequest in, HttpClientRequest out) {
        copyHeaders(in.headers(), out.headers());
        boolean hasBody = in.headers().contains(HttpHeaders.CONTENT_LENGTH)
                || in.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        (hasBody ? out.send(in) : out.send())
                .onSuccess(resp -> relay(ctx, resp))
                .onFailure(err -> unreachable(ctx, service, URI.create(out.absoluteURI()), err));
        if (!hasBody) {
            in.resume();
        }
    }

    private static void relay(RoutingContext ctx, HttpClientResponse resp) {
        HttpServerResponse r = ctx.response();
        if (r.headWritten() || r.closed()) {
            resp.request().reset();
            return;
        }
        r.setStatusCode(resp.statusCode());
        if (resp.statusMessage() != null) {
            r.setStatusMessage(resp.statusMessage());
        }
        copyHeaders(resp.headers(), r.headers());
        if (!resp.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            r.setChunked(true);
        }
        // a browser that goes away mid-download stops the upstream read too (pipeTo resets the upstream stream)
        resp.pipeTo(r).onFailure(err -> LOG.debugf("proxied body cut short: %s", err.getMessage()));
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        from.forEach((name, value) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                to.add(name, value);
            }
        });
    }

    private static void unreachable(RoutingContext ctx, String service, URI target, Throwable err) {
        LOG.warnf("%s service at %s: %s", service, target, err.toString());
        ctx.request().resume();
        HttpServerResponse r = ctx.response();
        if (r.headWritten()) {
            r.reset();
            return;
        }
        problem(r, 502, "Service unavailable", "the " + service + " service (" + target.getScheme() + "://"
                + target.getAuthority() + ") did not answer: " + err.getMessage());
    }

    private static void problem(HttpServerResponse r, int status, String title, String detail) {
        if (r.closed()) {
            return;
        }
        r.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM)
                .end(new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                        .put("detail", detail).encode());
    }

    private static String stripQuery(String s) {
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }
}
