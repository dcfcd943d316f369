package dev.autoif.llm.quarkus;

import dev.autoif.llm.batch.PendingLine;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** One request line of a {@link LlmBatch}, with what its answer's cache entry needs. */
@Entity
@Table(name = "llm_batch_line", indexes = @Index(name = "llm_batch_line_batch", columnList = "local_id"))
public class LlmBatchLine extends LlmRequestColumns {

    /** local id + ':' + custom id. */
    @Id
    @Column(length = 160, nullable = false)
    public String id;

    @Column(name = "local_id", length = 64, nullable = false)
    public String localId;

    /** The cache key of the sample the line asks for. */
    @Column(name = "custom_id", length = 64, nullable = false)
    public String customId;

    /** The chat-completion request body. */
    @Column(nullable = false, columnDefinition = "text")
    public String body;

    static LlmBatchLine from(String localId, PendingLine l) {
        LlmBatchLine e = new LlmBatchLine();
        e.id = localId + ":" + l.customId();
        e.localId = localId;
        e.customId = l.customId();
        e.model = l.model();
        e.runId = l.runId();
        e.stage = l.stage();
        e.prompt = l.prompt();
        e.body = l.body();
        return e;
    }

    PendingLine toLine() {
        return new PendingLine(customId, model, runId, stage, prompt, body);
    }
}
