package dev.autoif.llm.cache;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Persistent completions by key. Implementations must tolerate concurrent writers of the same key. */
public interface CompletionStore {

    /** The stored completions among {@code keyHashes}, by key; absent keys are simply missing from the map. */
    Map<String, CachedCompletion> findAll(Collection<String> keyHashes);

    /** Stores {@code completion} unless its key is already there. @return true when this call stored it */
    boolean putIfAbsent(CachedCompletion completion);

    /**
     * Stores each of {@code completions} whose key is not there yet (the samples of one request: a store may write
     * them together). @return how many this call stored
     */
    default int putAllIfAbsent(List<CachedCompletion> completions) {
        int stored = 0;
        for (CachedCompletion c : completions) {
            if (putIfAbsent(c)) {
                stored++;
            }
        }
        return stored;
    }
}
