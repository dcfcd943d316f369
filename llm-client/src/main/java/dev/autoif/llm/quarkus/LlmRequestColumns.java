package dev.autoif.llm.quarkus;

import dev.autoif.contracts.Stage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;

/** What a stored answer and a batch line both record about their request: model, run, stage and messages. */
@MappedSuperclass
public abstract class LlmRequestColumns extends PanacheEntityBase {

    @Column(nullable = false)
    public String model;

    @Column(name = "run_id", nullable = false)
    public String runId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Stage stage;

    /** The request messages as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String prompt;
}
