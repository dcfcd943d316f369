package dev.autoif.instruction;

import dev.autoif.instruction.persistence.InstructionEntity;
import dev.autoif.instruction.persistence.KnownCorpus;
import dev.autoif.instruction.persistence.RunEntity;
import dev.autoif.testinfra.ApiFuzzContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** Bad input to every run endpoint: no 5xx, problem+json, nothing stored. */
@QuarkusTest
class ApiFuzzTest extends ApiFuzzContract {

    @Override
    protected long storedRows() {
        return QuarkusTransaction.requiringNew().call(
                () -> RunEntity.count() + InstructionEntity.count() + KnownCorpus.count());
    }

    @Override
    protected List<String> expectedOperations() {
        return List.of("POST /runs", "GET /runs", "GET /runs/{id}", "GET /runs/{id}/instructions",
                "POST /runs/{id}/cancel");
    }
}
