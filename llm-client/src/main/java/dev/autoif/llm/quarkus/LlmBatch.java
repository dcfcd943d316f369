package dev.autoif.llm.quarkus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A batch owed answers: saved before its file is uploaded, deleted once its answers are in the cache. */
@Entity
@Table(name = "llm_batch", indexes = @Index(name = "llm_batch_endpoint", columnList = "endpoint"))
public class LlmBatch extends PanacheEntityBase {

    @Id
    @Column(name = "local_id", length = 64, nullable = false)
    public String localId;

    @Column(nullable = false, length = 1000)
    public String endpoint;

    /** The provider's id; null until the batch was created. */
    @Column(name = "batch_id")
    public String batchId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
