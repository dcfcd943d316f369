package dev.autoif.nli;

import dev.autoif.nli.persistence.BackTranslationRow;
import dev.autoif.testinfra.ApiFuzzContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** Bad input to every NLI endpoint: no 5xx, problem+json, nothing stored. */
@QuarkusTest
class ApiFuzzTest extends ApiFuzzContract {

    @Override
    protected long storedRows() {
        return QuarkusTransaction.requiringNew().call(() -> BackTranslationRow.count());
    }

    @Override
    protected List<String> expectedOperations() {
        return List.of("GET /runs/{runId}/back-translations", "GET /api/nli/mode");
    }
}
