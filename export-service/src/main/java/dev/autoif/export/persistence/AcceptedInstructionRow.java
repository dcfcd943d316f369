package dev.autoif.export.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * An instruction that survived back-translation and NLI ({@code instructions.accepted}). Instruction-level preference
 * pairs are exported only for instructions with a row here: cross-validation stores case pairs before NLI decides.
 */
@Entity
@Table(name = "export_accepted_instruction")
@IdClass(AcceptedInstructionRow.Key.class)
public class AcceptedInstructionRow extends PanacheEntityBase {

    @Id
    @Column(length = 100, nullable = false)
    public String runId;

    @Id
    @Column(length = 200, nullable = false)
    public String instructionId;

    /** The composite primary key (run id, instruction id). */
    public static class Key implements Serializable {

        public String runId;
        public String instructionId;

        public Key() {
        }

        public Key(String runId, String instructionId) {
            this.runId = runId;
            this.instructionId = instructionId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(runId, k.runId) && Objects.equals(instructionId,
                    k.instructionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, instructionId);
        }
    }
}
