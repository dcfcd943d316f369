package dev.autoif.instruction.pipeline;

import dev.autoif.instruction.config.InstructionConfig;
import dev.autoif.instruction.domain.LeasePolicy;
import dev.autoif.instruction.persistence.RunLeases;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The leases this replica holds. A run is worked on only while its lease is held: {@link #holds} turns false as soon
 * as a renewal finds another owner, or when no renewal succeeded for a whole TTL (the database was unreachable, so
 * another replica may have taken over without this one hearing of it).
 */
@ApplicationScoped
public class RunLeaseKeeper {

    private static final Logger LOG = Logger.getLogger(RunLeaseKeeper.class);
    /** Expired leases of finished runs are deleted this long after expiry; nothing depends on it being sooner. */
    private static final Duration STALE_AFTER = Duration.ofHours(1);

    private final RunLeases leases;
    private final LeasePolicy policy;
    private final Leaseholder holder;
    /** Run id -> System.nanoTime() read just before the last successful claim or renewal was sent. */
    private final Map<String, Long> held = new ConcurrentHashMap<>();

    public RunLeaseKeeper(RunLeases leases, InstructionConfig config) {
        this.leases = leases;
        this.policy = new LeasePolicy(config.lease().ttl(), config.lease().renewInterval());
        this.holder = new Leaseholder(leases, policy, ownerId());
        LOG.infof("lease owner id %s (ttl %s, renewed every %s)", holder.owner(), policy.ttl(),
                policy.renewInterval());
    }

    public String owner() {
        return holder.owner();
    }

    public LeasePolicy policy() {
        return policy;
    }

    /** Claims the run for this replica; false when another live replica holds it. */
    public boolean acquire(String runId) {
        long sent = System.nanoTime();
        if (!holder.acquire(runId)) {
            return false;
        }
        held.put(runId, sent);
        return true;
    }

    /** Whether this replica may go on working on the run (checked between instructions). */
    public boolean holds(String runId) {
        Long confirmed = held.get(runId);
        return confirmed != null && policy.stillValid(confirmed, System.nanoTime());
    }

    /** Renews every held lease; a lease found taken over is dropped, so its run stops at the next instruction. */
    public void renewAll() {
        held.forEach((runId, previous) -> renew(runId, previous));
    }

    /** Renews one lease now and says whether it is still held (before acting for the run, e.g. failing it). */
    public boolean confirm(String runId) {
        Long previous = held.get(runId);
        return previous != null && renew(runId, previous) && holds(runId);
    }

    /** Gives the run up (done, failed, cancelled, interrupted) so that nobody waits for the TTL to resume it. */
    public void release(String runId) {
        held.remove(runId);
        try {
            holder.release(runId);
        } catch (RuntimeException e) {
            LOG.debugf("could not release the lease of run %s (it expires by itself): %s", runId, e.toString());
        }
    }

    /** Releases every lease still held (on shutdown). */
    public void releaseAll() {
        List.copyOf(held.keySet()).forEach(this::release);
    }

    /** Queued or running runs without a live lease, oldest first, at most {@code limit}. */
    public List<String> claimable(int limit) {
        Instant now = leases.now();
        leases.deleteStale(now.minus(STALE_AFTER));
        return leases.claimable(now, limit);
    }

    private boolean renew(String runId, long previous) {
        long sent = System.nanoTime();
        try {
            if (holder.renew(runId)) {
                held.replace(runId, previous, sent);
                return true;
            }
            if (held.remove(runId, previous)) {
                LOG.warnf("lost the lease of run %s to another replica; this replica stops working on it at the next"
                        + " instruction", runId);
            }
            return false;
        } catch (RuntimeException e) {
            LOG.warnf("could not renew the lease of run %s (the run stops here if this lasts %s): %s", runId,
                    policy.ttl(), e.toString());
            return false;
        }
    }

    /** The host name for the logs and a random part, so a restarted process never mistakes a dead one's leases. */
    private static String ownerId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
        }
        if (host.length() > 150) {
            host = host.substring(0, 150);
        }
        return host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
