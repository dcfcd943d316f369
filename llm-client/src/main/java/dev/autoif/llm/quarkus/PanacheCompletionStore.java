package dev.autoif.llm.quarkus;

import dev.autoif.llm.cache.CachedCompletion;
import dev.autoif.llm.cache.CompletionStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;

/** The completion cache in the {@code llm_completion} table. */
@ApplicationScoped
public class PanacheCompletionStore implements CompletionStore {

    @Override
    public Map<String, CachedCompletion> findAll(Collection<String> keyHashes) {
        if (keyHashes.isEmpty()) {
            return Map.of();
        }
        List<String> keys = List.copyOf(keyHashes);
        return QuarkusTransaction.joiningExisting().call(() -> LlmCompletion.<LlmCompletion>list("keyHash in ?1", keys)
                .stream().map(LlmCompletion::toCached)
                .collect(Collectors.toMap(CachedCompletion::keyHash, Function.identity())));
    }

    /**
     * Own transaction: the answer was paid for, so it is kept even if the caller's transaction rolls back, and a
     * duplicate-key failure cannot poison the caller's transaction.
     */
    @Override
    public boolean putIfAbsent(CachedCompletion completion) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (LlmCompletion.findById(completion.keyHash()) != null) {
                    return false;
                }
                LlmCompletion.from(completion).persistAndFlush();
                return true;
            });
        } catch (PersistenceException e) {
            if (isDuplicateKey(e)) {
                return false; // a concurrent identical request stored it first
            }
            throw e;
        }
    }

    /**
     * One transaction for the samples of one request, without looking first (the caller has just missed them in the
     * cache, and identical requests in this process wait for each other): one round trip instead of two per sample.
     * When a key is already there (another replica, or a redelivered record, stored it meanwhile) the batch rolls
     * back and each sample is stored on its own.
     */
    @Override
    public int putAllIfAbsent(List<CachedCompletion> completions) {
        if (completions.size() < 2) {
            return completions.isEmpty() || !putIfAbsent(completions.getFirst()) ? 0 : 1;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (CachedCompletion c : completions) {
                    LlmCompletion.from(c).persist();
                }
                LlmCompletion.flush();
            });
            return completions.size();
        } catch (RuntimeException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            return CompletionStore.super.putAllIfAbsent(completions);
        }
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException
                    || t instanceof jakarta.persistence.EntityExistsException) {
                return true;
            }
        }
        return false;
    }
}
