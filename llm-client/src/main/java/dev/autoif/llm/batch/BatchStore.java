package dev.autoif.llm.batch;

import java.util.List;

/** Where batches survive a restart. Every write is durable when the call returns. */
public interface BatchStore {

    /** A batch and its lines, before its file is uploaded. */
    void save(PendingBatch batch);

    /** The provider created the batch: from now on a restart polls it instead of sending it again. */
    void submitted(String localId, String batchId);

    /** Its answers are in the completion cache (or were given up): nothing more to do for it. */
    void remove(String localId);

    /** The batches of this endpoint still owed. */
    List<PendingBatch> pending(String endpoint);
}
