package dev.autoif.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.autoif.contracts.EnvelopeCodec;
import io.vertx.ext.web.RoutingContext;

/** Writes a problem+json answer from a route filter, where no JAX-RS exception mapper runs. */
final class Problems {

    private Problems() {
    }

    static void write(RoutingContext rc, Problem p) {
        rc.response().setStatusCode(p.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        try {
            rc.response().end(EnvelopeCodec.mapper().writeValueAsString(p));
        } catch (JsonProcessingException e) {
            rc.response().end();
        }
    }
}
