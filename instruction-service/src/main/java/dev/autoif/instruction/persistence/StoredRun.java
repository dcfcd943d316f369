package dev.autoif.instruction.persistence;

import dev.autoif.contracts.RunSpec;
import dev.autoif.instruction.domain.RunState;
import java.time.Instant;

/** A run as read from the database, detached from the entity. */
public record StoredRun(RunSpec spec, RunState state, String error, Instant createdAt, Instant updatedAt) {

    public String runId() {
        return spec.runId();
    }
}
