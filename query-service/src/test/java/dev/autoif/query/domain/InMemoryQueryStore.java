package dev.autoif.query.domain;

import java.util.ArrayList;
import java.util.List;

/** A QueryStore for unit tests of the domain rules. */
final class InMemoryQueryStore implements QueryStore {

    final List<NewQuery> rows = new ArrayList<>();
    int batches;

    @Override
    public void insert(String corpusId, List<NewQuery> batch) {
        batches++;
        rows.addAll(batch);
    }

    List<String> texts() {
        return rows.stream().map(NewQuery::text).toList();
    }
}
