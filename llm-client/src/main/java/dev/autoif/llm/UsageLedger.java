package dev.autoif.llm;

import dev.autoif.contracts.Stage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Usage per (run, stage) since it was last drained. A service drains it when it publishes a {@code StageProgress}
 * delta, so every call and token is reported exactly once.
 */
public final class UsageLedger {

    private record Key(String runId, Stage stage) {
    }

    private final Map<Key, LlmUsage> pending = new ConcurrentHashMap<>();

    public void add(String runId, Stage stage, LlmUsage usage) {
        if (!usage.equals(LlmUsage.ZERO)) {
            pending.merge(new Key(runId, stage), usage, LlmUsage::plus);
        }
    }

    /** Takes what accumulated for (run, stage) and resets it; ZERO when nothing did. */
    public LlmUsage drain(String runId, Stage stage) {
        LlmUsage u = pending.remove(new Key(runId, stage));
        return u == null ? LlmUsage.ZERO : u;
    }

    /** What accumulated, without resetting it. */
    public LlmUsage peek(String runId, Stage stage) {
        return pending.getOrDefault(new Key(runId, stage), LlmUsage.ZERO);
    }
}
