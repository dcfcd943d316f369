package dev.autoif.llm.cache;

import java.util.Collection;
import java.util.Map;

/** Persistent completions by key. Implementations must tolerate concurrent writers of the same key. */
public interface CompletionStore {

    /** The stored completions among {@code keyHashes}, by key; absent keys are simply missing from the map. */
    Map<String, CachedCompletion> findAll(Collection<String> keyHashes);

    /** Stores {@code completion} unless its key is already there. @return true when this call stored it */
    boolean putIfAbsent(CachedCompletion completion);
}
