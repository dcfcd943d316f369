package dev.autoif.query.domain;

import java.util.List;

/** Where a corpus' queries go, a batch at a time. */
public interface QueryStore {

    void insert(String corpusId, List<NewQuery> batch);
}
