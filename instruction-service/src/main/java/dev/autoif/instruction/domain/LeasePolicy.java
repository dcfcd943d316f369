package dev.autoif.instruction.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The rules of a run's lease, apart from the database that stores it: who may claim a run, until when a claim holds,
 * and when an owner must stop trusting a lease it could not renew.
 *
 * @param ttl how long a lease holds without renewal; another replica may take the run over after that
 * @param renewInterval how often an owner renews its leases (and scans for runs to take over); at most half the TTL,
 *        so one missed renewal never loses a lease
 */
public record LeasePolicy(Duration ttl, Duration renewInterval) {

    /** What a replica may do about a run's lease. */
    public enum Claim {
        /** No lease yet: insert one. */
        NEW,
        /** Already ours: extend it. */
        RENEW,
        /** Another owner's lease expired: that owner is presumed dead, replace its lease. */
        TAKE_OVER,
        /** Another owner holds a live lease. */
        REFUSED
    }

    public LeasePolicy {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("autoif.instruction.lease.ttl must be positive, got " + ttl);
        }
        if (renewInterval == null || renewInterval.isNegative() || renewInterval.isZero()) {
            throw new IllegalArgumentException(
                    "autoif.instruction.lease.renew-interval must be positive, got " + renewInterval);
        }
        if (renewInterval.multipliedBy(2).compareTo(ttl) > 0) {
            throw new IllegalArgumentException("autoif.instruction.lease.renew-interval (" + renewInterval
                    + ") must be at most half of autoif.instruction.lease.ttl (" + ttl
                    + "), so that one late renewal does not hand the run to another replica");
        }
    }

    /** What {@code owner} may do about a run whose current lease is {@code current} (null: none). */
    public Claim claim(Lease current, String owner, Instant now) {
        if (current == null) {
            return Claim.NEW;
        }
        if (current.heldBy(owner)) {
            return Claim.RENEW;
        }
        return current.expiredAt(now) ? Claim.TAKE_OVER : Claim.REFUSED;
    }

    /** Expiry of a lease claimed or renewed at {@code now}, in the database's (microsecond) precision. */
    public Instant expiry(Instant now) {
        return now.plus(ttl).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Whether an owner may still work under a lease it last confirmed at {@code confirmedNanos} (read before the
     * confirming statement was sent), now at {@code nowNanos} (both {@link System#nanoTime()}). After a TTL without a
     * successful renewal another replica may have taken the run, whether or not this one heard about it.
     */
    public boolean stillValid(long confirmedNanos, long nowNanos) {
        return nowNanos - confirmedNanos < ttl.toNanos();
    }
}
