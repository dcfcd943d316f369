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
        // the limit is 64M (RL batches on /reward): a body past it does not fit the 1 GiB test JVM next to the
        // sandbox; the 413 path is the platform's (StrictJsonTest, and instruction's and export's fuzz tests)
        return 0;
    }

    @Override
    protected List<String> expectedOperations() {
        return List.of("POST /verify", "POST /verify/batch", "POST /reward");
    }
}
