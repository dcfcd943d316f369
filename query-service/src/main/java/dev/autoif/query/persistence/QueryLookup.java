package dev.autoif.query.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads the queries sampling draws from. */
@ApplicationScoped
public class QueryLookup {

    public record StoredQuery(String id, long ordinal, String text) {
    }

    /**
     * The number of queries of a completely loaded corpus; waits up to {@code timeout} while it is still loading
     * (a large corpus configured for start-up may still be streaming in when the first instructions arrive). Empty
     * for an unknown corpus or one still loading after the timeout. Call it outside a transaction.
     */
    public Optional<Long> readySize(String corpusId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<CorpusEntity.Status> status = QuarkusTransaction.requiringNew().call(
                    () -> CorpusEntity.<CorpusEntity>findByIdOptional(corpusId).map(c -> c.status));
            if (status.isEmpty()) {
                return Optional.empty();
            }
            if (status.get() == CorpusEntity.Status.READY) {
                return QuarkusTransaction.requiringNew().call(
                        () -> CorpusEntity.<CorpusEntity>findByIdOptional(corpusId).map(c -> c.storedCount));
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** The queries at {@code ordinals}, in ordinal order. */
    @Transactional
    public List<StoredQuery> byOrdinals(String corpusId, List<Long> ordinals) {
        if (ordinals.isEmpty()) {
            return List.of();
        }
        return QueryEntity.<QueryEntity>list("corpusId = ?1 and ordinal in ?2 order by ordinal", corpusId, ordinals)
                .stream().map(q -> new StoredQuery(q.id, q.ordinal, q.text)).toList();
    }
}
