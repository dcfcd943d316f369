package dev.autoif.query.persistence;

import dev.autoif.query.api.CorpusView.MalformedLine;
import dev.autoif.query.domain.CorpusIngestFilters;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** The upload's filters (minChars, maxChars, language), stored as JSON; null when none were asked for. */
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonVarcharJdbcType.class)
    @Column(name = "filtersJson", length = 1000)
    public CorpusIngestFilters filters;

    /** Queries removed per filter, stored as a JSON object. */
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonVarcharJdbcType.class)
    @Column(name = "filteredJson", length = 1000)
    public Map<String, Long> filtered;

    /** The first malformed records ({line, reason}), stored as a JSON list. */
    @JdbcTypeCode(SqlTypes.JSON)
    @JdbcType(JsonVarcharJdbcType.class)
    @Column(name = "malformedJson", length = 20000)
    public List<MalformedLine> malformed;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant loadedAt;
}
