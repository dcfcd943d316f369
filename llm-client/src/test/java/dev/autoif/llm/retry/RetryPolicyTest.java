package dev.autoif.llm.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private RetryPolicy policy(double random) {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(1), () -> random);
    }

    @Test
    void transientFailuresAreRetriedOthersAreNot() {
        for (int s : new int[] {RetryPolicy.NO_RESPONSE, 408, 429, 500, 502, 503, 504}) {
            assertThat(RetryPolicy.isRetryable(s)).as("status %d", s).isTrue();
        }
        for (int s : new int[] {400, 401, 403, 404, 409, 422, 501}) {
            assertThat(RetryPolicy.isRetryable(s)).as("status %d", s).isFalse();
            assertThat(policy(0).nextDelay(1, s, Optional.of(Duration.ofSeconds(1)))).isEmpty();
        }
    }

    @Test
    void backoffDoublesWithinEqualJitterAndIsCapped() {
        RetryPolicy low = policy(0.0);
        RetryPolicy high = policy(0.999999);
        assertThat(low.nextDelay(1, 500, Optional.empty())).contains(Duration.ofMillis(100));
        assertThat(high.nextDelay(1, 500, Optional.empty()).orElseThrow().toMillis()).isEqualTo(199);
        assertThat(low.nextDelay(2, 500, Optional.empty())).contains(Duration.ofMillis(200));
        assertThat(low.nextDelay(3, 500, Optional.empty())).contains(Duration.ofMillis(400));
        // 200ms * 2^3 = 1.6s, capped at 1s
        RetryPolicy many = new RetryPolicy(40, Duration.ofMillis(200), Duration.ofSeconds(1), () -> 0.0);
        assertThat(many.nextDelay(4, 500, Optional.empty())).contains(Duration.ofMillis(500));
        assertThat(many.nextDelay(40, 500, Optional.empty())).contains(Duration.ofMillis(500));
    }

    @Test
    void retryAfterOverridesBackoffAndIsClamped() {
        assertThat(policy(0).nextDelay(1, 429, Optional.of(Duration.ofSeconds(9)))).contains(Duration.ofSeconds(9));
        assertThat(policy(0).nextDelay(1, 503, Optional.of(Duration.ofHours(2))))
                .contains(RetryPolicy.MAX_RETRY_AFTER);
    }

    @Test
    void budgetIsMaxRetriesAfterTheFirstAttempt() {
        RetryPolicy p = policy(0);
        assertThat(p.nextDelay(3, 500, Optional.empty())).isPresent();
        assertThat(p.nextDelay(4, 500, Optional.empty())).isEmpty();
        assertThat(new RetryPolicy(0, Duration.ZERO, Duration.ZERO, () -> 0).nextDelay(1, 500, Optional.empty()))
                .isEmpty();
    }
}
