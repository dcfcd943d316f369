package dev.autoif.llm.batch;

import java.util.List;

/**
 * A batch this client owes answers for, as persisted before anything is sent.
 *
 * @param localId the client's own id, known before the provider's
 * @param endpoint the API root the batch goes to (the cache key's endpoint)
 * @param batchId the provider's batch id; null until the batch was created (a restart sends such a batch again)
 */
public record PendingBatch(String localId, String endpoint, String batchId, List<PendingLine> lines) {

    public PendingBatch {
        lines = List.copyOf(lines);
    }

    public PendingBatch submitted(String id) {
        return new PendingBatch(localId, endpoint, id, lines);
    }
}
