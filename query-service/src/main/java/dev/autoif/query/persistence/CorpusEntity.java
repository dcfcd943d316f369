package dev.autoif.query.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A query corpus and the counts of the upload that filled it. */
@Entity
@Table(name = "corpus")
public class CorpusEntity extends PanacheEntityBase {

    public enum Status {
        /** Being streamed in; not sampled from. */
        LOADING,
        READY
    }

    @Id
    @Column(length = 64)
    public String id;

    @Column(nullable = false, length = 16)
    public String format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    /** "upload" or the configured path it was loaded from. */
    @Column(nullable = false, length = 1000)
    public String source;

    public long readCount;
    public long storedCount;
    public long emptyCount;
    public long duplicateCount;
    public long tooLongCount;
    public long malformedCount;

    /** JSON object of the upload's filters (minChars, maxChars, language); null when none were asked for. */
    @Column(length = 1000)
    public String filtersJson;

    /** JSON object of queries removed per filter. */
    @Column(length = 1000)
    public String filteredJson;

    /** JSON list of {line, reason} for the first malformed records. */
    @Column(length = 20000)
    public String malformedJson;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant loadedAt;
}
