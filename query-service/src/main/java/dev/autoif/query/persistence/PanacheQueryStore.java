package dev.autoif.query.persistence;

import dev.autoif.query.domain.NewQuery;
import dev.autoif.query.domain.QueryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Stores a corpus batch per transaction; the session is cleared after each so memory stays flat. */
@ApplicationScoped
public class PanacheQueryStore implements QueryStore {

    @Override
    @Transactional
    public void insert(String corpusId, List<NewQuery> batch) {
        for (NewQuery q : batch) {
            QueryEntity e = new QueryEntity();
            e.id = QueryEntity.id(corpusId, q.ordinal());
            e.corpusId = corpusId;
            e.ordinal = q.ordinal();
            e.hash = q.hash();
            e.text = q.text();
            e.line = q.line();
            e.persist();
        }
        QueryEntity.getEntityManager().flush();
        QueryEntity.getEntityManager().clear();
    }
}
