package dev.autoif.query;

import dev.autoif.query.persistence.CorpusEntity;
import dev.autoif.query.persistence.QueryEntity;
import dev.autoif.testinfra.ApiFuzzContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/**
 * Bad input to every corpus endpoint: no 5xx, problem+json, nothing stored. Upload bodies are free text (any line is
 * a query), so only bodies that are broken JSON, or JSON with no query in it, are bad here; the body limit is 4G for
 * streamed uploads, so no oversized body is sent.
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
        return 0;
    }

    @Override
    protected List<String> expectedOperations() {
        return List.of("POST /corpora", "GET /corpora", "GET /corpora/{id}");
    }
}
