package dev.autoif.instruction.persistence;

import dev.autoif.instruction.domain.Lease;
import dev.autoif.instruction.domain.RunState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The run leases in the database. Every write is one conditional statement, so two replicas racing on the same row
 * serialise on its row lock and at most one of them changes it: an insert fails on the primary key when another
 * replica inserted first, a replace names the version it read, a renewal and a release name their owner. Times come
 * from the database's clock.
 */
@ApplicationScoped
public class RunLeases {

    private final EntityManager em;

    public RunLeases(EntityManager em) {
        this.em = em;
    }

    /** The database's current time: the one clock every replica shares. */
    @Transactional
    public Instant now() {
        return em.createQuery("select current_instant", Instant.class).getSingleResult()
                .truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional
    public Optional<Lease> find(String runId) {
        return Optional.ofNullable(em.find(RunLeaseEntity.class, runId))
                .map(e -> new Lease(e.runId, e.owner, e.expiresAt, e.version));
    }

    /**
     * Inserts a first lease, in a transaction of its own because a replica that inserted the same run first makes it
     * fail on the primary key (which on PostgreSQL aborts the transaction).
     *
     * @throws jakarta.persistence.PersistenceException when a lease for the run exists
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void insert(String runId, String owner, Instant expiresAt) {
        em.createQuery("""
                insert into RunLeaseEntity (runId, owner, expiresAt, version) values (:run, :owner, :expiry, 0)""")
                .setParameter("run", runId).setParameter("owner", owner).setParameter("expiry", expiresAt)
                .executeUpdate();
    }

    /** Replaces the lease of the given version (a takeover or a re-claim); false when it changed meanwhile. */
    @Transactional
    public boolean replace(String runId, long version, String owner, Instant expiresAt) {
        return em.createQuery("""
                update RunLeaseEntity l set l.owner = :owner, l.expiresAt = :expiry, l.version = l.version + 1
                where l.runId = :run and l.version = :version""")
                .setParameter("run", runId).setParameter("version", version).setParameter("owner", owner)
                .setParameter("expiry", expiresAt).executeUpdate() == 1;
    }

    /** Extends the owner's lease; false when the run has no lease of this owner any more (it was taken over). */
    @Transactional
    public boolean renew(String runId, String owner, Instant expiresAt) {
        return em.createQuery("""
                update RunLeaseEntity l set l.expiresAt = :expiry, l.version = l.version + 1
                where l.runId = :run and l.owner = :owner""")
                .setParameter("run", runId).setParameter("owner", owner).setParameter("expiry", expiresAt)
                .executeUpdate() == 1;
    }

    /** Gives the run up; false when the owner no longer held it. */
    @Transactional
    public boolean release(String runId, String owner) {
        return em.createQuery("delete from RunLeaseEntity l where l.runId = :run and l.owner = :owner")
                .setParameter("run", runId).setParameter("owner", owner).executeUpdate() == 1;
    }

    /**
     * Runs left queued or running that nobody holds a live lease on, oldest first: new runs nobody took yet, and runs
     * whose owner died.
     */
    @Transactional
    public List<String> claimable(Instant now, int limit) {
        return em.createQuery("""
                select r.runId from RunEntity r where r.state in :states and not exists (
                  select 1 from RunLeaseEntity l where l.runId = r.runId and l.expiresAt > :now)
                order by r.createdAt, r.runId""", String.class)
                .setParameter("states", List.of(RunState.QUEUED, RunState.RUNNING)).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /**
     * Deletes leases expired before {@code before} of runs nobody needs to resume any more (an owner died after
     * finishing its part); housekeeping, so it may lag.
     */
    @Transactional
    public int deleteStale(Instant before) {
        return em.createQuery("""
                delete from RunLeaseEntity l where l.expiresAt < :before and not exists (
                  select 1 from RunEntity r where r.runId = l.runId and r.state in :states)""")
                .setParameter("before", before).setParameter("states", List.of(RunState.QUEUED, RunState.RUNNING))
                .executeUpdate();
    }
}
