package dev.autoif.llm.cache;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A completion store for tests and for running without a database. Lost on restart. */
public final class InMemoryCompletionStore implements CompletionStore {

    private final Map<String, CachedCompletion> byKey = new ConcurrentHashMap<>();

    @Override
    public Map<String, CachedCompletion> findAll(Collection<String> keyHashes) {
        Map<String, CachedCompletion> found = new HashMap<>();
        for (String k : keyHashes) {
            CachedCompletion c = byKey.get(k);
            if (c != null) {
                found.put(k, c);
            }
        }
        return found;
    }

    @Override
    public boolean putIfAbsent(CachedCompletion completion) {
        return byKey.putIfAbsent(completion.keyHash(), completion) == null;
    }

    public int size() {
        return byKey.size();
    }
}
