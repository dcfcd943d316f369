package dev.autoif.export;

import dev.autoif.export.persistence.AcceptedInstructionRow;
import dev.autoif.export.persistence.CasePairRow;
import dev.autoif.export.persistence.JudgedResponseRow;
import dev.autoif.export.persistence.VerifiedResponseRow;
import dev.autoif.testinfra.ApiFuzzContract;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** Bad ids and query parameters to every export endpoint: no 5xx, problem+json, nothing stored. */
@QuarkusTest
class ApiFuzzTest extends ApiFuzzContract {

    @Override
    protected long storedRows() {
        return QuarkusTransaction.requiringNew().call(() -> AcceptedInstructionRow.count() + CasePairRow.count()
                + JudgedResponseRow.count() + dev.autoif.platform.progress.StageTotalsRow.count() + VerifiedResponseRow.count());
    }

    @Override
    protected List<String> expectedOperations() {
        return List.of("GET /runs/{id}/export/sft", "GET /runs/{id}/export/dpo", "GET /runs/{id}/export/rlvr",
                "GET /runs/{id}/export/dataset_info.json", "GET /runs/{id}/funnel", "GET /runs/{id}/card");
    }
}
