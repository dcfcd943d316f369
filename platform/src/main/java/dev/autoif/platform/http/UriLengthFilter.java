package dev.autoif.platform.http;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request URI (path and query) longer than {@code autoif.http.max-uri-length} is a 414 problem+json. Vert.x reads
 * request lines up to {@code quarkus.http.limits.max-initial-line-length} (raised to 64K in the platform defaults,
 * so this filter sees what it refuses); only a line past that gets Vert.x' own bare 414, before any route runs.
 */
@ApplicationScoped
public class UriLengthFilter {

    private final int limit;

    public UriLengthFilter(@ConfigProperty(name = "autoif.http.max-uri-length", defaultValue = "4096") int limit) {
        this.limit = limit;
    }

    @RouteFilter(300)
    void check(RoutingContext rc) {
        int length = rc.request().uri().length();
        if (length > limit) {
            rc.response().putHeader("Connection", "close");
            Problems.write(rc, Problem.of(414, "URI Too Long",
                    "the request URI is " + length + " characters; at most " + limit + " are accepted"));
            return;
        }
        rc.next();
    }
}
