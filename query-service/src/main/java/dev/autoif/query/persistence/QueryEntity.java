package dev.autoif.query.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One stored user query. The id is {@code <corpusId>:<ordinal>}: stable for the same upload, and the ordinal (dense
 * 0..n-1 per corpus) is what seeded sampling draws, so a draw needs no scan of the corpus.
 */
@Entity
@Table(name = "corpus_query",
        uniqueConstraints = {
            @UniqueConstraint(name = "uk_corpus_query_hash", columnNames = {"corpusId", "hash"}),
            @UniqueConstraint(name = "uk_corpus_query_ordinal", columnNames = {"corpusId", "ordinal"})},
        indexes = @Index(name = "ix_corpus_query_corpus", columnList = "corpusId"))
public class QueryEntity extends PanacheEntityBase {

    /** Longest query text a column holds; the configured limit may not exceed it. */
    public static final int MAX_TEXT = 65535;

    @Id
    @Column(length = 100)
    public String id;

    @Column(nullable = false, length = 64)
    public String corpusId;

    public long ordinal;

    @Column(nullable = false, length = 64)
    public String hash;

    @Column(nullable = false, length = MAX_TEXT)
    public String text;

    /** Line of the upload it came from, for people tracing a query back to their file. */
    public long line;

    public static String id(String corpusId, long ordinal) {
        return corpusId + ":" + ordinal;
    }
}
