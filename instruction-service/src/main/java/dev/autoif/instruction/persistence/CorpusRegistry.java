package dev.autoif.instruction.persistence;

import dev.autoif.contracts.CorpusAnnounced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The corpora the query service holds, as announced on the corpora topic. */
@ApplicationScoped
public class CorpusRegistry {

    @Transactional
    public boolean exists(String corpusId) {
        return KnownCorpus.findById(corpusId) != null;
    }

    /** Queries in the corpus as last announced; 0 when unknown. */
    @Transactional
    public long queries(String corpusId) {
        KnownCorpus k = KnownCorpus.findById(corpusId);
        return k == null ? 0 : k.queries;
    }

    /** Inside the caller's transaction: the latest announcement of a corpus wins. */
    public void remember(CorpusAnnounced c) {
        KnownCorpus k = KnownCorpus.findById(c.corpusId());
        if (k == null) {
            k = new KnownCorpus();
            k.corpusId = c.corpusId();
            k.queries = c.queries();
            k.loadedAt = c.loadedAt();
            k.persist();
        } else {
            k.queries = c.queries();
            k.loadedAt = c.loadedAt();
        }
    }
}
