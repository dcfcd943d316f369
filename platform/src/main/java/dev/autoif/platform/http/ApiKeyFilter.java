package dev.autoif.platform.http;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * When {@code AUTOIF_API_KEY} is set, every HTTP route but health and metrics needs
 * {@code Authorization: Bearer <key>}. A route filter (not a JAX-RS filter) so /q/openapi and the Swagger UI are
 * covered as well.
 */
@ApplicationScoped
public class ApiKeyFilter {

    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);

    private final Optional<String> apiKey;

    public ApiKeyFilter(@ConfigProperty(name = "autoif.api-key") Optional<String> apiKey) {
        this.apiKey = apiKey.filter(k -> !k.isBlank());
    }

    void onStart(@Observes StartupEvent ev) {
        if (apiKey.isEmpty()) {
            LOG.warn("AUTOIF_API_KEY is not set: this service's endpoints are open to anyone who can reach them");
        }
    }

    @RouteFilter(100)
    void check(RoutingContext rc) {
        if (apiKey.isEmpty() || isPublic(rc.normalizedPath())) {
            rc.next();
            return;
        }
        String header = rc.request().getHeader("Authorization");
        if (header != null && header.startsWith("Bearer ") && constantTimeEquals(header.substring(7), apiKey.get())) {
            rc.next();
            return;
        }
        rc.response().putHeader("WWW-Authenticate", "Bearer");
        Problems.write(rc, Problem.of(401, "Unauthorized",
                header == null ? "missing Authorization: Bearer <api key>" : "invalid API key"));
    }

    static boolean isPublic(String path) {
        return path.equals("/q/health") || path.startsWith("/q/health/") || path.equals("/q/metrics")
                || path.startsWith("/q/metrics/");
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
