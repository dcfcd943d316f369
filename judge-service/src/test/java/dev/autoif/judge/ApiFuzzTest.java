package dev.autoif.judge;

import dev.autoif.judge.persistence.StoredJudgement;
import dev.autoif.testinfra.ApiFuzzContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/**
 * The judge service has no REST operations of its own (it consumes and produces Kafka records); the contract still
 * sends bad input to whatever its OpenAPI document lists, plus unknown routes and an overlong URI: no 5xx,
 * problem+json, nothing stored.
 */
@QuarkusTest
class ApiFuzzTest extends ApiFuzzContract {

    @Override
    protected long storedRows() {
        return QuarkusTransaction.requiringNew().call(() -> StoredJudgement.count());
    }

    @Override
    protected List<String> expectedOperations() {
        return List.of();
    }
}
