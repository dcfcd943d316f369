package dev.autoif.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Set;

/**
 * How a stage sends its LLM requests: {@code online} (one HTTP request per call, answered in seconds) or
 * {@code batch} (gathered into the provider's Batch API at its discount, answered within its 24 h window).
 */
public enum LlmMode {
    ONLINE("online"),
    BATCH("batch");

    /** The stages whose requests may go through the Batch API: the ones that dominate the cost. */
    public static final Set<Stage> BATCHABLE_STAGES = Set.of(Stage.QUERY_SAMPLING, Stage.JUDGE,
            Stage.FUNCTION_GENERATION);

    private final String wire;

    LlmMode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** {@code online} or {@code batch}, any case. */
    @JsonCreator
    public static LlmMode fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wire.equalsIgnoreCase(value) || m.name().equalsIgnoreCase(value))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown LLM mode '" + value
                        + "'; known: online, batch"));
    }
}
