package dev.autoif.instruction.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A corpus the query service announced on the corpora topic; a run may only name one of these. */
@Entity
@Table(name = "known_corpus")
public class KnownCorpus extends PanacheEntityBase {

    @Id
    @Column(length = 100)
    public String corpusId;

    public long queries;

    public Instant loadedAt;
}
