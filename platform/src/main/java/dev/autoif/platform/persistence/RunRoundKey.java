package dev.autoif.platform.persistence;

import java.io.Serializable;
import java.util.Objects;

/**
 * The composite primary key (run id, round) of an entity that holds one row per online DPO round of a run
 * ({@code @IdClass(RunRoundKey.class)}; the entity declares {@code runId} and {@code round} as its {@code @Id}s).
 */
public class RunRoundKey implements Serializable {

    public String runId;
    public int round;

    public RunRoundKey() {
    }

    public RunRoundKey(String runId, int round) {
        this.runId = runId;
        this.round = round;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunRoundKey k && Objects.equals(runId, k.runId) && round == k.round;
    }

    @Override
    public int hashCode() {
        return Objects.hash(runId, round);
    }
}
