package dev.autoif.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused with 413 problem+json before
 * anything reads it. Quarkus' own check (which runs after this filter) answers the same status with an empty body; a
 * chunked body that grows past the limit while it is read is still cut off there.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final long limit;

    public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
            MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    @RouteFilter(200)
    void check(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        if (length != null && tooLarge(length)) {
            rc.response().putHeader("Connection", "close");
            Problems.write(rc, Problem.of(413, "Content Too Large",
                    "the request body is " + length.strip() + " bytes; at most " + limit + " are accepted"));
            return;
        }
        rc.next();
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length
        }
    }
}
