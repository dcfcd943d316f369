package dev.autoif.llm.quarkus;

import dev.autoif.llm.batch.BatchStore;
import dev.autoif.llm.batch.PendingBatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Pending batches in the {@code llm_batch} and {@code llm_batch_line} tables; each write commits on its own. */
@ApplicationScoped
public class PanacheBatchStore implements BatchStore {

    @Override
    public void save(PendingBatch batch) {
        QuarkusTransaction.requiringNew().run(() -> {
            LlmBatch b = new LlmBatch();
            b.localId = batch.localId();
            b.endpoint = batch.endpoint();
            b.batchId = batch.batchId();
            b.createdAt = Instant.now();
            b.persist();
            batch.lines().forEach(l -> LlmBatchLine.from(batch.localId(), l).persist());
        });
    }

    @Override
    public void submitted(String localId, String batchId) {
        QuarkusTransaction.requiringNew().run(() -> LlmBatch.update("batchId = ?1 where localId = ?2", batchId,
                localId));
    }

    @Override
    public void remove(String localId) {
        QuarkusTransaction.requiringNew().run(() -> {
            LlmBatchLine.delete("localId", localId);
            LlmBatch.deleteById(localId);
        });
    }

    @Override
    public List<PendingBatch> pending(String endpoint) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<LlmBatch> batches = LlmBatch.list("endpoint = ?1 order by createdAt", endpoint);
            if (batches.isEmpty()) {
                return List.of();
            }
            Map<String, List<LlmBatchLine>> lines = LlmBatchLine.<LlmBatchLine>list("localId in ?1 order by id",
                    batches.stream().map(b -> b.localId).toList()).stream()
                    .collect(Collectors.groupingBy(l -> l.localId));
            List<PendingBatch> out = new ArrayList<>();
            for (LlmBatch b : batches) {
                out.add(new PendingBatch(b.localId, b.endpoint, b.batchId,
                        lines.getOrDefault(b.localId, List.of()).stream().map(LlmBatchLine::toLine).toList()));
            }
            return out;
        });
    }
}
