package dev.autoif.llm.batch;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A batch store for tests and for running without a database; shared by two clients it plays a restart. */
public final class InMemoryBatchStore implements BatchStore {

    private final Map<String, PendingBatch> byId = new ConcurrentHashMap<>();

    @Override
    public void save(PendingBatch batch) {
        byId.put(batch.localId(), batch);
    }

    @Override
    public void submitted(String localId, String batchId) {
        byId.computeIfPresent(localId, (k, b) -> b.submitted(batchId));
    }

    @Override
    public void remove(String localId) {
        byId.remove(localId);
    }

    @Override
    public List<PendingBatch> pending(String endpoint) {
        return byId.values().stream().filter(b -> b.endpoint().equals(endpoint)).toList();
    }
}
