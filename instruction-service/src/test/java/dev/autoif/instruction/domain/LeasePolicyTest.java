package dev.autoif.instruction.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autoif.instruction.domain.LeasePolicy.Claim;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeasePolicyTest {

    private final LeasePolicy policy = new LeasePolicy(Duration.ofSeconds(30), Duration.ofSeconds(10));
    private final Instant now = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void aRunWithoutLeaseIsClaimedNew() {
        assertThat(policy.claim(null, "a", now)).isEqualTo(Claim.NEW);
    }

    @Test
    void theOwnerRenewsItsLeaseLiveOrExpired() {
        assertThat(policy.claim(new Lease("r", "a", now.plusSeconds(5), 3), "a", now)).isEqualTo(Claim.RENEW);
        assertThat(policy.claim(new Lease("r", "a", now.minusSeconds(5), 3), "a", now)).isEqualTo(Claim.RENEW);
    }

    @Test
    void anotherOwnersLeaseIsRefusedUntilItExpiresThenTakenOver() {
        assertThat(policy.claim(new Lease("r", "b", now.plusMillis(1), 0), "a", now)).isEqualTo(Claim.REFUSED);
        assertThat(policy.claim(new Lease("r", "b", now, 0), "a", now)).isEqualTo(Claim.TAKE_OVER);
        assertThat(policy.claim(new Lease("r", "b", now.minusSeconds(60), 0), "a", now)).isEqualTo(Claim.TAKE_OVER);
    }

    @Test
    void aClaimHoldsForTheTtlInMicroseconds() {
        assertThat(policy.expiry(now.plusNanos(1_234_567))).isEqualTo(now.plusSeconds(30).plusNanos(1_234_000));
    }

    @Test
    void anOwnerStopsTrustingALeaseItCouldNotRenewForATtl() {
        long confirmed = 1_000_000_000L;
        assertThat(policy.stillValid(confirmed, confirmed + Duration.ofSeconds(29).toNanos())).isTrue();
        assertThat(policy.stillValid(confirmed, confirmed + Duration.ofSeconds(30).toNanos())).isFalse();
    }

    @Test
    void aRenewIntervalOverHalfTheTtlIsRefusedWithTheKeysNamed() {
        assertThatThrownBy(() -> new LeasePolicy(Duration.ofSeconds(30), Duration.ofSeconds(16)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("autoif.instruction.lease.renew-interval (PT16S)")
                .hasMessageContaining("half of autoif.instruction.lease.ttl (PT30S)");
        assertThatThrownBy(() -> new LeasePolicy(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("autoif.instruction.lease.ttl must be positive");
        assertThatThrownBy(() -> new LeasePolicy(Duration.ofSeconds(2), Duration.ofSeconds(-1)))
                .hasMessageContaining("renew-interval must be positive");
        assertThat(new LeasePolicy(Duration.ofSeconds(20), Duration.ofSeconds(10)).renewInterval())
                .isEqualTo(Duration.ofSeconds(10));
    }
}
