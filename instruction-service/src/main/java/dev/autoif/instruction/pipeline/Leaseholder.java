package dev.autoif.instruction.pipeline;

import dev.autoif.instruction.domain.Lease;
import dev.autoif.instruction.domain.LeasePolicy;
import dev.autoif.instruction.persistence.RunLeases;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * One owner's claims on run leases, in the database: the policy decides on the lease as read, the write is
 * conditional on that very lease (or on there being none), so a decision on a stale read changes nothing.
 */
public final class Leaseholder {

    private static final Logger LOG = Logger.getLogger(Leaseholder.class);

    private final RunLeases leases;
    private final LeasePolicy policy;
    private final String owner;

    public Leaseholder(RunLeases leases, LeasePolicy policy, String owner) {
        this.leases = leases;
        this.policy = policy;
        this.owner = owner;
    }

    public String owner() {
        return owner;
    }

    /** Claims the run: true when this owner now holds its lease (new, renewed, or taken over from a dead owner). */
    public boolean acquire(String runId) {
        Instant now = leases.now();
        Lease current = leases.find(runId).orElse(null);
        return switch (policy.claim(current, owner, now)) {
            case NEW -> insert(runId, now);
            case RENEW -> leases.replace(runId, current.version(), owner, policy.expiry(now));
            case TAKE_OVER -> {
                boolean taken = leases.replace(runId, current.version(), owner, policy.expiry(now));
                if (taken) {
                    LOG.infof("run %s taken over from %s, whose lease expired at %s", runId, current.owner(),
                            current.expiresAt());
                }
                yield taken;
            }
            case REFUSED -> false;
        };
    }

    /** Extends this owner's lease; false when another owner took the run over (or it was released). */
    public boolean renew(String runId) {
        return leases.renew(runId, owner, policy.expiry(leases.now()));
    }

    public boolean release(String runId) {
        return leases.release(runId, owner);
    }

    private boolean insert(String runId, Instant now) {
        try {
            leases.insert(runId, owner, policy.expiry(now));
            return true;
        } catch (RuntimeException e) {
            // Two replicas saw no lease and both inserted: the primary key let one through. Anything else is an error.
            if (leases.find(runId).isPresent()) {
                return false;
            }
            throw e;
        }
    }
}
