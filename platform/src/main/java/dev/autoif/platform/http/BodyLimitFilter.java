package dev.autoif.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body larger than {@code quarkus.http.limits.max-body-size} is refused with 413 problem+json. A body announced
 * larger (Content-Length) is refused before anything reads it. A chunked JSON body (no Content-Length) is read here,
 * up to the limit, by Vert.x' {@link BodyHandler} (RESTEasy then parses the buffer it leaves): past the limit the
 * request fails with 413, answered as problem+json by {@link #tooLarge}. Left to RESTEasy, a chunked body past the
 * limit gets a bare 413 with no body. Other chunked bodies, and any chunked body where the limit is over
 * {@link #MAX_BUFFERED} (query-service's streamed corpus uploads, with a limit of gigabytes), are not buffered.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** Past this limit a chunked JSON body is left to stream (Jackson holds a parsed body of this size anyway). */
    static final long MAX_BUFFERED = 64L * 1024 * 1024;

    private final long limit;
    private final BodyHandler chunkedJson;

    public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
            MemorySize limit) {
        this.limit = limit.asLongValue();
        this.chunkedJson = BodyHandler.create(false).setBodyLimit(this.limit);
    }

    @RouteFilter(200)
    void check(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        if (length != null && tooLarge(length)) {
            refuse(rc, "the request body is " + length.strip() + " bytes");
            return;
        }
        if (length == null && limit <= MAX_BUFFERED && isChunked(rc) && isJson(rc.request().getHeader("Content-Type"))) {
            chunkedJson.handle(rc);
            return;
        }
        rc.next();
    }

    /** A failure with status 413 (the body handler's, past the limit) is answered as problem+json. */
    void tooLarge(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(rc -> {
            if (rc.statusCode() == 413 && !rc.response().headWritten()) {
                refuse(rc, "the chunked request body grew past the limit");
            } else {
                rc.next();
            }
        });
    }

    private void refuse(RoutingContext rc, String what) {
        rc.response().putHeader("Connection", "close");
        Problems.write(rc, Problem.of(413, "Content Too Large", what + "; at most " + limit + " bytes are accepted"));
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length
        }
    }

    private static boolean isChunked(RoutingContext rc) {
        String te = rc.request().getHeader("Transfer-Encoding");
        return te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }
}
