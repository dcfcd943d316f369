package dev.autoif.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.contracts.Stage;
import dev.autoif.llm.batch.PendingBatch;
import dev.autoif.llm.batch.PendingLine;
import dev.autoif.llm.quarkus.PanacheBatchStore;
import dev.autoif.testinfra.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pending batches on real PostgreSQL: what a restarted service reads back. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(FakeOpenAiResource.class)
class PanacheBatchStoreTest {

    @Inject
    PanacheBatchStore store;

    @Inject
    LlmClient client;

    @Test
    void aBatchIsSavedMarkedSubmittedReadBackAndRemoved() {
        String endpoint = "http://batch-store-test.invalid/v1";
        List<PendingLine> lines = List.of(
                new PendingLine("k1", "gpt-test", "run-s", Stage.JUDGE, "[{\"role\":\"user\"}]", "{\"model\":\"a\"}"),
                new PendingLine("k2", "gpt-test", "run-s", Stage.JUDGE, "[{\"role\":\"user\"}]", "{\"model\":\"b\"}"));
        store.save(new PendingBatch("local-1", endpoint, null, lines));
        assertThat(store.pending(endpoint)).containsExactly(new PendingBatch("local-1", endpoint, null, lines));
        assertThat(store.pending("http://other.invalid/v1")).isEmpty();

        store.submitted("local-1", "batch_abc");
        assertThat(store.pending(endpoint)).containsExactly(new PendingBatch("local-1", endpoint, "batch_abc", lines));

        store.remove("local-1");
        assertThat(store.pending(endpoint)).isEmpty();
    }

    @Test
    void theApplicationsClientHasBatchesEnabled() {
        assertThat(client.batchCounts()).isPresent();
    }
}
