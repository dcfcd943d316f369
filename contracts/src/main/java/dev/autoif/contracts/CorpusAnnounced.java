package dev.autoif.contracts;

import java.time.Instant;

/**
 * A query corpus the query service holds, published compacted on {@link Topics#CORPORA} keyed by corpus id, so the
 * instruction service can refuse a run whose corpus does not exist at submission.
 *
 * @param corpusId the corpus' id (a run's {@code corpusId})
 * @param queries how many queries it holds
 * @param loadedAt when it was loaded
 */
public record CorpusAnnounced(String corpusId, long queries, Instant loadedAt) {
}
