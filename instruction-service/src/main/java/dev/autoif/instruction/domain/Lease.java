package dev.autoif.instruction.domain;

import java.time.Instant;

/**
 * Who works on a run and until when. {@code version} grows with every change of the row, so a replica that read a
 * lease can replace exactly that lease and nothing written since (compare-and-set).
 */
public record Lease(String runId, String owner, Instant expiresAt, long version) {

    public boolean heldBy(String someone) {
        return owner.equals(someone);
    }

    /** Expired at {@code now}: its owner stopped renewing (died, hung, or lost the database). */
    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
