package dev.autoif.verifier;

import dev.autoif.testinfra.ApiFuzzContract;
import dev.autoif.verifier.persistence.VerifiedInstruction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** Bad input to every verifier endpoint: no 5xx, problem+json, nothing stored. */
@QuarkusTest
class ApiFuzzTest extends ApiFuzzContract {

    @Override
    protected long storedRows() {
        return QuarkusTransaction.requiringNew().call(() -> VerifiedInstruction.count());
    }

    @Override
    protected long oversizedBody() {
        // the limit is 64M (RL batches on /reward); the contract streams the body, so it is never held here
        return 64L * 1024 * 1024 + 1;
    }

    @Override
    protected List<String> expectedOperations() {
        return List.of("POST /verify", "POST /verify/batch", "POST /reward");
    }
}
