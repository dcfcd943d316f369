package dev.autoif.query;

import dev.autoif.query.persistence.CorpusEntity;
import dev.autoif.query.persistence.QueryEntity;
import dev.autoif.testinfra.ApiFuzzContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bad input to every corpus endpoint: no 5xx, problem+json, nothing stored. Upload bodies are free text (any line is
 * a query), so only bodies that are broken JSON, or JSON with no query in it, are bad here. The upload is the only
 * operation with a body (the others are GETs) and streams corpora up to the 4G limit, so its oversized body is
 * announced (a Content-Length one byte past the limit), not sent, and must be refused on that alone.
 */
@QuarkusTest
class ApiFuzzTest extends ApiFuzzContract {

    @Override
    protected long storedRows() {
        return QuarkusTransaction.requiringNew().call(() -> CorpusEntity.count() + QueryEntity.count());
    }

    @Override
    protected List<String> badBodies() {
        return List.of("{", "{\"name\": ", "[]", "[1, 2]", "{\"unknownField\": 1}", "{\"query\": 5}", "{\"a\": [");
    }

    @Override
    protected long oversizedBody() {
        return ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .asLongValue() + 1;
    }

    @Override
    protected boolean sendsOversizedBody() {
        return false;
    }

    @Override
    protected List<String> expectedOperations() {
        return List.of("POST /corpora", "GET /corpora", "GET /corpora/{id}");
    }
}
