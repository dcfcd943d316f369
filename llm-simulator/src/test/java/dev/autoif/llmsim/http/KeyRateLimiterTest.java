package dev.autoif.llmsim.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autoif.llmsim.Settings;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-key buckets on a fake clock: continuous refill, refusal costs nothing, OpenAI's duration format. */
class KeyRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Settings settings = new Settings();
    private final KeyRateLimiter limiter = new KeyRateLimiter(settings, nanos::get);

    private void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }

    @Test
    void requestsRefillContinuouslyNotPerMinute() {
        settings.rateLimits(60, 0); // one request a second
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.admit("Bearer k", 10).admitted()).isTrue();
        }
        KeyRateLimiter.Decision refused = limiter.admit("Bearer k", 10);
        assertThat(refused.refusedBy()).isEqualTo("requests");
        assertThat(refused.waitMillis()).isEqualTo(1000);
        assertThat(refused.headers()).containsEntry("x-ratelimit-remaining-requests", "0")
                .containsEntry("x-ratelimit-reset-requests", "1m0s");
        advanceMillis(500);
        assertThat(limiter.admit("Bearer k", 10).waitMillis()).as("refusals cost nothing").isEqualTo(500);
        advanceMillis(500);
        KeyRateLimiter.Decision again = limiter.admit("Bearer k", 10);
        assertThat(again.admitted()).isTrue();
        assertThat(again.headers()).containsEntry("x-ratelimit-reset-requests", "1m0s");
        advanceMillis(2_500);
        assertThat(limiter.admit("Bearer k", 10).headers()).containsEntry("x-ratelimit-remaining-requests", "1")
                .containsEntry("x-ratelimit-reset-requests", "58.5s");
    }

    @Test
    void tokensChargedAfterTheAnswerAreOwedByTheNextRequest() {
        settings.rateLimits(0, 6_000); // 100 tokens a second
        assertThat(limiter.admit("Bearer k", 1_000).headers()).containsEntry("x-ratelimit-remaining-tokens", "5000")
                .containsEntry("x-ratelimit-reset-tokens", "10s");
        limiter.charge("Bearer k", 5_500);
        KeyRateLimiter.Decision refused = limiter.admit("Bearer k", 100);
        assertThat(refused.refusedBy()).isEqualTo("tokens");
        assertThat(refused.waitMillis()).isEqualTo(6_000);
        assertThat(refused.headers()).containsEntry("x-ratelimit-remaining-tokens", "0")
                .containsEntry("x-ratelimit-reset-tokens", "1m5s");
        assertThat(limiter.admit("Bearer other", 100).admitted()).as("another key").isTrue();
    }

    @Test
    void offMeansNoHeaders() {
        assertThat(limiter.admit("Bearer k", 1_000_000).headers()).isEmpty();
        assertThat(limiter.admit(null, 1).admitted()).isTrue();
    }

    @Test
    void durationsAreWrittenLikeOpenAi() {
        assertThat(OpenAiDuration.format(0)).isEqualTo("0ms");
        assertThat(OpenAiDuration.format(20)).isEqualTo("20ms");
        assertThat(OpenAiDuration.format(1_000)).isEqualTo("1s");
        assertThat(OpenAiDuration.format(8_640)).isEqualTo("8.64s");
        assertThat(OpenAiDuration.format(360_000)).isEqualTo("6m0s");
        assertThat(OpenAiDuration.format(90_500)).isEqualTo("1m30.5s");
        assertThat(OpenAiDuration.format(3_723_000)).isEqualTo("1h2m3s");
    }
}
